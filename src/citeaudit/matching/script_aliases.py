"""A body the list names in two scripts, learnt from the list itself.

A Chinese (Japanese, Korean, Russian...) thesis lists some works of a body under its own
name ("国家统计局. (2024). ...") and one or more under both names ("国家统计局 [National
Bureau of Statistics]. (2022). ...", "National Bureau of Statistics (国家统计局)",
"国家统计局/National Bureau of Statistics"), and cites them all by the Latin name or its
acronym ("NBS (2024)"). Without the pairing the cited name fits only the entries that
write the Latin name, under other years: a false year mismatch beside an entry called
uncited. An entry naming the body both ways tells an editor -- and `AuthorIndex` -- that
the two names are one body.

One pass over the entries' first authors; each name split once at its bracket or slash
(string searches, no regular expression).
"""

from __future__ import annotations

from collections.abc import Sequence

from citeaudit.model.reference import Reference

_OPEN_CLOSE = (("[", "]"), ("(", ")"), ("（", "）"), ("【", "】"))
_SLASHES = ("/", "／")
_MOST_ALIASES = 64  # pairs learnt at most: a list names a handful of bodies both ways
_LONGEST = 160


def _latin(text: str) -> bool:
    """Whether the text is written in Latin letters (a name), none in another script."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)


def _other_script(text: str) -> bool:
    """Whether the text's letters are all outside the Latin script (国家统计局, Росстат)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)


def _halves(name: str) -> tuple[str, str] | None:
    """A name written as two names: "A [B]", "A (B)", "A/B"; None otherwise."""
    name = name.strip()
    for opening, closing in _OPEN_CLOSE:
        at = name.find(opening)
        if at > 0 and name.endswith(closing):
            return name[:at].strip(), name[at + 1 : -1].strip()
    for slash in _SLASHES:
        at = name.find(slash)
        if at > 0 and name.find(slash, at + 1) < 0:
            return name[:at].strip(), name[at + 1 :].strip()
    return None


def script_aliases(references: Sequence[Reference]) -> dict[str, str]:
    """The body's name in another script -> its Latin name, for every entry whose first
    author names one body both ways (one Latin name per other-script name)."""
    aliases: dict[str, str] = {}
    for ref in references:
        people = ref.authors or ref.editors
        if not people or people[0].given:
            continue
        halves = _halves(people[0].family[:_LONGEST])
        if halves is None:
            continue
        first, second = halves
        if _other_script(first) and _latin(second):
            aliases.setdefault(first, second)
        elif _latin(first) and _other_script(second):
            aliases.setdefault(second, first)
        if len(aliases) >= _MOST_ALIASES:
            break
    return aliases
