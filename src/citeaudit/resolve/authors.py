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
from citeaudit.model.surnames import PARTICLES

__all__ = ["AuthorSlip", "Slip", "align_authors", "same_family"]

_PARTICLES = PARTICLES  # the one list every name reader shares
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


# What a reference parser leaves when it misreads a name list: initials taken for a
# family name ("RA", "PHGM", "S"), initials glued on ("StosorV", "BáezAM"), the tail
# of "et al." ("al", "e"), a suffix ("Jr", "2nd"), a number.
# Entries and records align name against name (quadratic): a physics record's 3,000
# authors are compared as far as any entry lists them, not further.
_MAX_AUTHORS = 250
_SUFFIXES = frozenset({"jr", "sr", "2nd", "3rd", "ii", "iii", "iv", "al", "et", "e"})
_GROUP = re.compile(
    r"\b(group|committee|consortium|collaborat\w*|investigators|society|association|"
    r"organi[sz]ation|council|network|initiative|working|team|members|department|"
    r"institutes?|services|task force|panel|study|alliance|centers?|centres?)\b",
    re.IGNORECASE,
)


def _misread(person: Person) -> bool:
    """A name no registry would hold: the reference list was not read cleanly."""
    family = person.family.strip()
    if family.lower() in _SUFFIXES or family[:1] in "([":
        return True
    if len(family) <= 4 and family.isupper():
        return True  # initials ("RA"), where the family name was expected
    return bool(re.search(r"[a-zà-ÿ][A-Z]{1,3}$", family) or re.search(r"[0-9]", family)) or (
        len(family) == 1
    )


def _group(person: Person) -> bool:
    """A group author ("SANTE Study Group"): records list them, or not, anywhere."""
    return (
        person.organisation or bool(_GROUP.search(person.family)) or len(person.family.split()) > 4
    )


def align_authors(
    entry: Sequence[Person], record: Sequence[Person], *, et_al: bool = False
) -> tuple[AuthorSlip, ...]:
    """What differs between the entry's authors and the record's, record order as truth.

    Nothing is said when the entry's names look misread (initials as family names,
    glued initials): a parser's slip is not the author's. Group authors are left out
    of the alignment on both sides -- registries list them inconsistently -- and so is
    what follows a group in the entry (the rest of its name, split at "and" or ",").
    With `et_al` (the entry says "et al."), names after the last one the record has are
    the list's tail (a group after "et al.;"), not authors added. Three or more authors
    dropped at once mean the lists do not line up: nothing is said.
    """
    people = [p for p in entry[:_MAX_AUTHORS] if p.family]
    if any(_misread(p) for p in people):
        return ()
    first_group = next((i for i, p in enumerate(people) if _group(p)), len(people))
    people = people[:first_group]
    theirs = [p for p in record[:_MAX_AUTHORS] if p.family and not _group(p)]
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
    dropped = [j for j in range(last) if j not in used]
    if len(dropped) > 2:
        return ()
    for j in dropped:
        slips.append(AuthorSlip(Slip.DROPPED, record_name=theirs[j].family, position=j + 1))
    last_named = max(i for i, j in enumerate(matched) if j is not None)
    for i, person in enumerate(people):
        if matched[i] is None and not (et_al and i > last_named):
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
