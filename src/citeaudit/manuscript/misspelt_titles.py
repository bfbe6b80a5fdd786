"""A reference list's heading typed with a slip: "Refences", "Referencess", "Bibliograpy".

Why: an English dissertation headed its list "6. refences" and a draft "## Bibliograpy";
no heading named a list, so the list was not found, its entries were none and every
citation "had no matching entry" (REAL_MANUSCRIPTS_13, class TY). A near miss of a
list's title is taken, but narrowly, as ordinary words lie close to it ("Preferences"
is one letter from "References", "Fonte:" over a table one from "Fontes"):

- only one-word titles of eight letters or more, in the languages already read
  (`_TARGETS`); a short title ("fontes", "quellen") has too many neighbours;
- the same first letter ("Preferences", "Inferences" are other words), and at most
  one slip for a title of up to nine letters, two for a longer one -- a letter left
  out, added, changed, or two letters swapped;
- and the caller takes the heading only when no heading names a list exactly and what
  follows it reads as a list (`reference_section.find_reference_section`).
"""

from __future__ import annotations

__all__ = ["misspelt_title"]

_TARGETS: tuple[str, ...] = (
    "references", "reference", "referencias", "referencia", "referencies",
    "referenties", "referenser", "referencer", "referanser", "bibliography",
    "bibliografia", "bibliographie", "bibliografie", "bibliografija",
    "literaturverzeichnis", "quellenverzeichnis", "riferimenti",
)  # fmt: skip
_SHORTEST = min(map(len, _TARGETS)) - 2
_LONGEST = max(map(len, _TARGETS)) + 2
_LONG = 10  # a target this long or longer allows two slips, a shorter one one


def misspelt_title(title: str) -> str | None:
    """The known one-word title `title` (as `normalize_title` folds it) is a slip of,
    or None: itself a known title, several words, or no near miss."""
    if not (_SHORTEST <= len(title) <= _LONGEST) or not title.isalpha():
        return None  # "6. refences" arrives as "refences"; a sentence never gets here
    best: tuple[int, str] | None = None
    for target in _TARGETS:
        if target == title:
            return None
        if target[0] != title[0]:
            continue
        allowed = 2 if len(target) >= _LONG else 1
        if abs(len(target) - len(title)) > allowed:
            continue
        distance = _slips(title, target, allowed)
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, target)
    return best[1] if best is not None else None


def _slips(a: str, b: str, bound: int) -> int:
    """The optimal-string-alignment distance between two short words (a letter left out,
    added, changed, or two neighbours swapped), or `bound` + 1 once it must exceed it.
    Both words have at most `_LONGEST` letters: a fixed, small table."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > bound:
            return bound + 1
        previous2, previous = previous, current
    return previous[len(b)]
