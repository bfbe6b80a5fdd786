"""Which way round a list writes its names, decided on the whole list.

"Jiawei Han, Micheline Kamber, Data mining, ..." (IEEE-like lists in Turkish, Chinese
and English theses: full names first, commas between) and "García Márquez, Gabriel
José, Cien años de soledad, ..." (one person, inverted) have the same shape; no rule on
one entry tells them apart, so the one-entry parser reads both as one inverted person.
The list's other entries do tell: a list whose entries write initials first ("J. Han,
M. Kamber,") or one full name before the title ("Jian Pei, Data mining with ...") is in
natural order, one whose entries write "Family, I." is inverted. Only in a list shown
to be in natural order are the ambiguous entries read as two people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from citeaudit.model.person import Person
from citeaudit.model.reference import Reference

__all__ = ["natural_order_names"]

_UP = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ"
_WORD = rf"[{_UP}][^\W\d_]+(?:[\-'’][^\W\d_]+)?"
# a label opening the entry: "[7] ", "7. ", "7) "
_LABEL = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s*")
# "J. Han, " / "S. E. Li, ": initials, then a family name, then a comma
_INITIALS_FIRST = re.compile(rf"(?:[{_UP}]\.\s?-?){{1,3}}\s?{_WORD},\s")
# "Jian Pei, Data mining with ...": one full name, then a piece with lower-case words
_NAME_THEN_TITLE = re.compile(rf"{_WORD} {_WORD}, {_WORD}(?: [^\W\d_]+)*? [a-zç-ÿ]{{3,}}")
# "Han, J." / "HAN, J." / "Ortiz Brandt, M.": a family name, a comma, initials
_FAMILY_INITIALS = re.compile(rf"{_WORD}(?:[ \-]{_WORD})?,\s(?:[{_UP}]\.\s?-?){{1,3}}(?:[,;&\s]|$)")
_CAPS_FAMILY = re.compile(rf"[{_UP}]{{2,}}(?:\s[{_UP}]{{2,}})?,\s")
# the ambiguous head: two names of two words each
_TWO_FULL = re.compile(rf"({_WORD}) ({_WORD}), ({_WORD}) ({_WORD}),\s")


def _head(ref: Reference) -> str:
    return _LABEL.sub("", ref.raw[:300], count=1)


def _natural_evidence(head: str) -> bool:
    return bool(_INITIALS_FIRST.match(head)) or (
        bool(_NAME_THEN_TITLE.match(head)) and not _TWO_FULL.match(head)
    )


def _inverted_evidence(head: str) -> bool:
    return bool(_FAMILY_INITIALS.match(head) or _CAPS_FAMILY.match(head))


def natural_order_names(references: Sequence[Reference]) -> list[Reference]:
    """The list with each entry read as one inverted person of two two-word names
    re-read as two people, when the list's convention is natural order (see the
    module's docstring); the list unchanged otherwise."""
    heads = [_head(r) for r in references]
    natural = sum(1 for h in heads if _natural_evidence(h))
    inverted = sum(1 for h in heads if _inverted_evidence(h))
    if natural < 2 or natural <= inverted:
        return list(references)
    out: list[Reference] = []
    for ref, head in zip(references, heads, strict=True):
        m = _TWO_FULL.match(head)
        if (
            m is not None
            and len(ref.authors) == 1
            and ref.authors[0].family == f"{m.group(1)} {m.group(2)}"
            and ref.authors[0].given == f"{m.group(3)} {m.group(4)}"
        ):
            people = (Person(m.group(2), m.group(1)), Person(m.group(4), m.group(3)))
            ref = replace(ref, authors=people)
        out.append(ref)
    return out
