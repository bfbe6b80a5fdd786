"""The numbers a reference list is cited by, when its entries start with bare numbers.

Vancouver lists are usually labelled "1.", "[1]" or "(1)"; SciELO and text pasted
from a PDF print "28 Dos Santos PR, ..." -- a number, a space, the entry. Such a
number is a label only when every entry has one and they rise from entry to entry:
one entry starting with a year ("2019 Annual report") must not make a list numbered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_BARE_LABEL = re.compile(r"^\s*(\d{1,4})\s+(?=[^\W\d_])")
_MIN_ENTRIES = 3


def bare_labels(raws: Iterable[str]) -> list[int]:
    """The labels of a list whose every entry starts with a bare number, rising; []
    otherwise. A gap ("27, 29") is an entry taken out, so "(29)" still cites the
    entry labelled 29, not the 29th."""
    numbers: list[int] = []
    for raw in raws:
        found = _BARE_LABEL.match(raw)
        if found is None or (numbers and int(found.group(1)) <= numbers[-1]):
            return []
        numbers.append(int(found.group(1)))
    # a letter's list of two ("1 Doe ...", "3 Roe ..." once the second was taken out)
    # counts when it starts at 1, as no pair of entries opening with years does
    short = len(numbers) == 2 and numbers[0] == 1
    return numbers if len(numbers) >= _MIN_ENTRIES or short else []


# a sub-label opening an entry: "1a." / "[1a]" / "(1a)", or a bare "1a " before a name
# (Wiley's chemistry lists: "1a A. Bauer, ...; 1b C. Diaz, ...; 2. E. Fox, ...")
_SUB_LABEL = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:[\[(]?\d{1,4}[a-z][\].)]\s|\d{1,4}[a-z]\s+(?=[^\W\d_]))"
)


def sub_labelled(raws: Iterable[str]) -> bool:
    """Whether the list numbers some entries with sub-labels (two at least): only then
    does "[14e]" in the text cite an entry -- elsewhere "[3a]" is a compound's label."""
    count = 0
    for raw in raws:
        if _SUB_LABEL.match(raw):
            count += 1
            if count >= 2:
                return True
    return False


# an entry labelled with Elsevier's annotation bullets: "18• Roe ...", "19•• Poe ..."
_ANNOTATED_LABEL = re.compile(r"^\s*\d{1,4}\.?\s?•")


def annotated_labels(raws: Iterable[str]) -> bool:
    """Whether some entry's label carries an annotation bullet ("18••"): only then is
    "[18••, 20]" in the text read -- where the list's reader did not keep such entries,
    their citations would be false missing references."""
    return any(_ANNOTATED_LABEL.match(raw) for raw in raws)


# An alphabetic label, as DIN 1505 and BibTeX's alpha style print them: letters (a "+"
# for authors left out) and a short year, "Knu84", "KMS+15", "AB15a", "vdA11", "Mül02";
# or a word and a number, "ex 1", "Web 3". Never digits alone (a number's label).
ALPHA_LABEL = r"[^\W\d_][^\W\d_+\-]{0,9}\+?\d{1,4}[a-z]?|[^\W\d_]{1,12} \d{1,4}[a-z]?"
_ENTRY_ALPHA_LABEL = re.compile(
    rf"^\s*(?:[-*+]\s+)?(?:\*\*|__)?\[({ALPHA_LABEL})\](?:\*\*|__)?:?(?:\s|$)"
)


def alpha_label(raw: str) -> str | None:
    """The alphabetic label an entry opens with ("[AbCd15] Abel, Anna: ..."), or None."""
    found = _ENTRY_ALPHA_LABEL.match(raw)
    return None if found is None else found.group(1)


def alpha_labels(raws: Iterable[str]) -> tuple[str, ...]:
    """The labels of a list labelled alphabetically: two entries at least, and half of
    them, open with one; () otherwise (one entry "[Web 1] ..." does not label a list)."""
    count = 0
    labels: list[str] = []
    for raw in raws:
        count += 1
        label = alpha_label(raw)
        if label is not None:
            labels.append(label)
    return tuple(labels) if len(labels) >= 2 and len(labels) * 2 >= count else ()
