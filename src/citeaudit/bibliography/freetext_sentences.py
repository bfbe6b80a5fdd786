"""Sentence boundaries in a reference entry.

A full stop ends a sentence unless it ends an initial or a known abbreviation, or
stands inside brackets or double quotes; the parser cuts authors, title and container
at these boundaries (`freetext_authors`, `freetext_fields`).
"""

from __future__ import annotations

import itertools
import re

from citeaudit.bibliography.freetext_patterns import _ABBREV, _UP, _YEAR

# --------------------------------------------------------------------------------------
# sentences


def _boundaries(s: str) -> list[int]:
    """Offsets just after each sentence end ('.', '?', '!' then space), outside brackets
    and double quotes, and not after an initial or a known abbreviation."""
    out: list[int] = []
    depth = 0
    dq = False
    n = len(s)
    i = 0
    while i < n:
        c = s[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth = max(0, depth - 1)
        elif c == "“" or c == "«":
            dq = True
        elif c == "”" or c == "»":
            dq = False
        elif c == '"':
            dq = not dq
        elif c in ".?!" and depth == 0:
            j = i + 1
            while j < n and s[j] in "'’”\"»":
                j += 1
            if j < n and s[j] == " " and (not dq or j > i + 1):
                nxt = s[j + 1 : j + 2]
                lower_next = (
                    bool(nxt)
                    and nxt.islower()
                    and not re.match(rf"(?:in|dalam|en|em|dans)\s+[{_UP}]", s[j + 1 :])
                )
                if c == "." and (_protected(s, i) or lower_next):
                    i += 1
                    continue
                if j > i + 1 and s[i + 1] in '"”»':
                    dq = False
                out.append(j)
                i = j
                continue
        i += 1
    return out


def _protected(s: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an initial or an abbreviation."""
    k = dot
    while k > 0 and (s[k - 1].isalnum() or s[k - 1] in "'’-"):
        k -= 1
    word = s[k:dot]
    if not word:
        return dot == 0 or s[dot - 1] not in ")]}'’”\"»"
    if word.lower() in {"ed", "eds", "hrsg", "hg"} and s.endswith(", ", 0, k):
        return False  # "Tester, Keith, ed. The Flâneur."
    # a window, not s[:k]: this runs at every full stop (quadratic on "ed. ed. ed. …")
    if word.lower() in {"ed", "edn"} and re.search(r"\d\S*\s+$", s[max(0, k - 80) : k]):
        return False  # "2nd ed. Berlin: ..." ends the edition statement
    if len(word) == 1 and word.isalpha():
        return True
    if len(word) == 1 and word.isdigit():
        return True
    if word.lower() in _ABBREV:
        return True
    if k > 0 and s[k - 1] == "." and len(word) <= 2:  # "U.S.", "e.g.", "J.-P."
        return True
    return bool(_ORDINAL.fullmatch(word))


# "2nd", "3e", "4ª": possessive digits from a run's first digit only, so the pattern is
# linear wherever it is tried (a run of digits was retried from each digit: quadratic)
_ORDINAL = re.compile(r"(?<!\d)\d++(?:st|nd|rd|th|e|a|ª|º)")


_VANCOUVER_DATE = re.compile(
    rf"(?<=\.)\s+(?=(?:{_YEAR}[a-z]?(?:\s+[A-Z][a-z]{{2}}(?:\s+\d{{1,2}})?)?\s*[;:(.]"
    r"|\[date unknown\]))"
)


def _sentences(s: str, *, vancouver: bool = False) -> list[str]:
    cuts = _boundaries(s)
    if vancouver:
        cuts = sorted({*cuts, *(m.end() for m in _VANCOUVER_DATE.finditer(s))})
    cuts = [0, *cuts, len(s)]
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = s[a:b].strip()
        if piece:
            out.append(piece)
    return out


def _clean(piece: str | None) -> str | None:
    if piece is None:
        return None
    p = piece.strip()
    p = re.sub(r"^[\s,.;:]+", "", p)
    p = re.sub(r"(?<![\s,;:])[\s,;:]+$", "", p)  # from a run's first only: linear
    if p.endswith(".") and not re.search(r"(?:\b[A-Z]|\.\w)\.$|\b(?:al|etc|Inc|Ltd|Co)\.$", p):
        p = p[:-1].rstrip()
    return p or None
