"""Aligning an entry's author list with a registry record's: what was dropped, added,
misspelt or reordered.

Names are compared by family name only (given names are initials as often as not),
after folding what legitimately varies between a record and a citation: case,
diacritics ("Schäffer", "Schaffer", "Schaeffer"), scripts ("Иванов", "Ivanov"),
transliteration systems ("Chaykovskiy", "Tchaikovsky"), particles ("van der Walt",
"Walt", "Van Der Walt"), hyphens and compound names ("García Márquez", "García"), and
given and family names written the other way round. An entry may stop after any
author (styles truncate, "et al."), so record authors after the last one the entry
names are never "dropped"; one missing before it is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import OSA

from citeaudit.model.person import Person

__all__ = ["AuthorSlip", "Slip", "align_authors", "same_family"]

_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "dei",
        "degli",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "la",
        "le",
        "lo",
        "ten",
        "ter",
        "te",
        "vom",
        "zu",
        "zur",
        "af",
        "av",
        "bin",
        "ibn",
        "al",
        "el",
        "mac",
        "st",
        "saint",
    ]
)
# Transliteration systems disagree on these; folding both sides the same way equates
# "Chaykovskiy", "Tchaikovsky" and "Tschaikowski" without equating distinct names.
_LOOSE = (
    ("tsch", "ch"),
    ("tch", "ch"),
    ("sch", "sh"),
    ("dzh", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("ph", "f"),
    ("ck", "k"),
    ("iy", "i"),
    ("yi", "i"),
    ("ij", "i"),
    ("y", "i"),
    ("w", "v"),
    ("ii", "i"),
)
_GERMAN = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ø": "oe",
        "Ø": "Oe",
        "å": "aa",
        "Å": "Aa",
    }
)


class Slip(StrEnum):
    DROPPED = "dropped"  # a record author before the last one named is missing
    ADDED = "added"  # the entry names someone the record does not
    MISSPELT = "misspelt"
    REORDERED = "reordered"


@dataclass(frozen=True, slots=True)
class AuthorSlip:
    slip: Slip
    entry_name: str | None = None  # as the entry writes it
    record_name: str | None = None  # as the record writes it
    position: int | None = None  # the record's position (1-based) of the author concerned

    def describe(self) -> str:
        if self.slip is Slip.DROPPED:
            nth = _ordinal(self.position)
            return f"drops the record's {nth} author, {self.record_name}"
        if self.slip is Slip.ADDED:
            return f"names {self.entry_name}, who is not among the record's authors"
        if self.slip is Slip.MISSPELT:
            return f"spells {self.record_name} as '{self.entry_name}'"
        return f"puts {self.entry_name} before {self.record_name}, whom the record lists first"


def _ordinal(n: int | None) -> str:
    return {1: "first", 2: "second", 3: "third"}.get(n or 0, f"{n}th")


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z]+", anyascii(name).lower())


@lru_cache(maxsize=4096)
def _keys(name: str) -> frozenset[str]:
    """The forms under which a family name may legitimately be written."""
    keys: set[str] = set()
    for variant in {name, name.translate(_GERMAN)}:
        words = _words(variant)
        core = [w for w in words if w not in _PARTICLES] or words
        if not core:
            continue
        for form in ("".join(words), "".join(core), core[-1], core[0]):
            keys.add(form)
            keys.add(_loose(form))
    return frozenset(k for k in keys if len(k) > 1)


def _loose(form: str) -> str:
    for old, new in _LOOSE:
        form = form.replace(old, new)
    return form


def _strict(name: str) -> str:
    words = _words(name)
    return "".join(w for w in words if w not in _PARTICLES) or "".join(words)


def same_family(a: Person, b: Person) -> bool:
    """The same person's family name, or given and family swapped (Zhang Wei / Wei Zhang)."""
    if not a.family or not b.family:
        return False
    if _keys(a.family) & _keys(b.family):
        return True
    if a.organisation or b.organisation:
        return _strict(a.family) == _strict(b.family)
    swapped = (a.given and _keys(a.given) & _keys(b.family)) or (
        b.given and _keys(b.given) & _keys(a.family)
    )
    return bool(swapped)


def misspelt(written: str, real: str) -> bool:
    """One slip of the keyboard: an edit or swap in a short name, two in a long one."""
    a, b = _strict(written), _strict(real)
    if not a or not b or a == b or min(len(a), len(b)) < 4:
        return False
    allowed = 1 if max(len(a), len(b)) < 8 else 2
    return OSA.distance(a, b) <= allowed


def _typo_in_place(written: Person, real: Person) -> bool:
    """A short name one keystroke off the record's name in the same place ("Lim", "Lin")."""
    a, b = _strict(written.family), _strict(real.family)
    return len(a) >= 2 and len(b) >= 2 and a[0] == b[0] and OSA.distance(a, b) == 1


def align_authors(entry: Sequence[Person], record: Sequence[Person]) -> tuple[AuthorSlip, ...]:
    """What differs between the entry's authors and the record's, record order as truth."""
    people = [p for p in entry if p.family]
    theirs = [p for p in record if p.family]
    if not people or not theirs:
        return ()
    matched: list[int | None] = []
    used: set[int] = set()
    for i, person in enumerate(people):
        j = _find(person, theirs, used, i, exact=True)
        matched.append(j)
        if j is not None:
            used.add(j)
    slips: list[AuthorSlip] = []
    for i, person in enumerate(people):
        if matched[i] is not None:
            continue
        j = _find(person, theirs, used, i, exact=False)
        if j is None and i < len(theirs) and i not in used and _typo_in_place(person, theirs[i]):
            j = i
        if j is not None:
            matched[i] = j
            used.add(j)
            slips.append(AuthorSlip(Slip.MISSPELT, person.family, theirs[j].family, j + 1))
    found = [j for j in matched if j is not None]
    if not found:
        # Nobody in common: the entry's authors are someone else's.
        return tuple(AuthorSlip(Slip.ADDED, p.family) for p in people[:1])
    last = max(found)
    for j in range(last):
        if j not in used:
            slips.append(AuthorSlip(Slip.DROPPED, record_name=theirs[j].family, position=j + 1))
    for i, person in enumerate(people):
        if matched[i] is None:
            slips.append(AuthorSlip(Slip.ADDED, person.family))
    for a, b in itertools.pairwise(found):
        if b < a:
            slips.append(AuthorSlip(Slip.REORDERED, theirs[a].family, theirs[b].family))
            break
    return tuple(slips)


def _find(
    person: Person, theirs: Sequence[Person], used: set[int], near: int, *, exact: bool
) -> int | None:
    """The record author this entry author is, the nearest in position when several are."""
    hits = [
        j
        for j, other in enumerate(theirs)
        if j not in used
        and (same_family(person, other) if exact else misspelt(person.family, other.family))
    ]
    return min(hits, key=lambda j: abs(j - near)) if hits else None
