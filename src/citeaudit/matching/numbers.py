"""Numeric citations: whether a list is cited by number, and which entry a number names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from citeaudit.manuscript.citations.list_labels import bare_labels
from citeaudit.manuscript.docx_citation_markers import FIELD_ITEM
from citeaudit.model.citation import Certainty, Citation, CitationKind, CitationMatch
from citeaudit.model.reference import Reference

# a sub-label ("[1a]", "(1a)", "1a.") numbers an entry as its number does: Wiley's
# chemistry lists print "1a ...; 1b ...; 2. ..."
# A number may carry a reader's mark of interest after it ("18• Doe A.", "6.•• Roe B.":
# review journals' papers of special and outstanding interest).
# A label may be glued to the entry's link ("1)https://...", "[5]www..."), as authors
# listing web sources type it; four digits glued to a link are a year, not a label.
_GLUED_LINK = r"(?<!\d{4}[.)\]])(?=https?://|www\.)"
# A Word list's bullet may stand before the label, and a comma after a bracketed one
# ("• [3], Definición abc, ..."): the writer's own numbering of a bulleted list.
_BULLET = r"(?:[-*+•●▪◦]\s+)?"
_NUMBER_LABEL = re.compile(
    rf"^\s*{_BULLET}(?:\[\d+[a-z]?\],?|\(\d+[a-z]?\)|\d+[a-z]?(?:[.)][•●]{{0,2}}|[•●]{{1,2}}))"
    rf"(?:\s|{_GLUED_LINK})"
)


def numbered_list_cited_by_number(
    citations: Sequence[Citation], references: Sequence[Reference]
) -> bool:
    """Whether the manuscript cites a numbered list by its numbers (Vancouver, IEEE).

    Then the list can only be cited by number, and a name and a year that fit no entry
    -- "(GINA 2018)" under a table, "(Smith R, 2016, personal communication)",
    "(Stata 2009)" after the software's name -- name a source the writer did not mean
    to list: at most a possible missing reference, never a missing one. A name that
    fits an entry under another year ("the Hartley (1950) criteria", the list holding
    Hartley 2004) is an eponym or a mention, not a citation with a wrong year.

    A reference manager's field that shows numbers ("[2,3]", a superscript "4") cites
    by number too, though the reader hands its works over linked (keyed): counted as
    keys, a Word manuscript citing its Vancouver list only through fields had no
    numeric citation, and a typed "(Stata, 2009)" was a missing reference.
    """
    numbered = sum(1 for r in references if _NUMBER_LABEL.match(r.raw))
    if not references or (
        numbered * 2 < len(references) and not bare_labels(r.raw for r in references)
    ):
        return False
    numeric = sum(1 for c in citations if c.kind is CitationKind.NUMERIC or _numbered_field(c))
    author_year = sum(
        1 for c in citations if c.kind is CitationKind.AUTHOR_YEAR and c.certainty is Certainty.SURE
    )
    return numeric > 2 * author_year


# what a numbered citation field shows: "[2,3]", "(4-6)", a superscript "7", "12;15"
_SHOWN_NUMBERS = re.compile(r"[\[(]?\s*\d{1,4}(?:\s*[,;\u2013\u2014-]\s*\d{1,4})*\s*[\])]?")


def _numbered_field(citation: Citation) -> bool:
    """Whether a Word field's work is cited by a number the field shows."""
    return citation.command == FIELD_ITEM and bool(_SHOWN_NUMBERS.fullmatch(citation.text.strip()))


def numbered_list(references: Sequence[Reference]) -> bool:
    """Whether the list's entries carry numbers ("[1]", "1.", bare "1 Smith"): numbers
    in the text then cite it."""
    return (
        any(_NUMBER_LABEL.match(r.raw) for r in references)
        or bool(bare_labels(r.raw for r in references))
        or _shared_label_index(references) is not None
    )


def numeric_markers(citations: Sequence[Citation]) -> int:
    """How many numeric markers the text holds: "(3–5)" is one marker, though it
    gives three citations. Counted by citations, the ranges of a species description
    ("petals (3–)5–7", "[7-10] setae") outweighed a paper's author-year works."""
    return len({(c.text, c.location) for c in citations if c.kind is CitationKind.NUMERIC})


def numbers_outnumber_sure_works(
    citations: Sequence[Citation], references: Sequence[Reference]
) -> bool:
    """Whether an unnumbered list may still be cited by number: more numeric markers
    than keyed and sure author-year citations. Then `_numbers_outnumber_matched_works`
    decides."""
    if numbered_list(references):
        return False
    markers = numeric_markers(citations)
    if not markers:
        return False
    others = sum(
        1
        for c in citations
        if c.kind is CitationKind.KEY
        or (c.kind is CitationKind.AUTHOR_YEAR and c.certainty is Certainty.SURE)
    )
    return markers > others


_LABEL_NUMBER = re.compile(
    rf"^\s*{_BULLET}[\[(]?(\d{{1,5}})(?:\],|[\].)][•●]{{0,2}}|[•●]{{1,2}})(?:\s|{_GLUED_LINK})"
)
# "1a." / "[1a]" / "(1a)", or a bare "1a " before a name: a sub-labelled entry
_SUB_LABEL = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:[\[(]?(\d{1,5})([a-z])[\].)]\s|(\d{1,4})([a-z])\s+(?=[^\W\d_]))"
)


def number_index(references: Sequence[Reference]) -> dict[int, tuple[str, ...]]:
    """Entries by the number a citation gives: the list's own labels when every entry
    has a distinct one (a list "1., 2., 4." cites 4 as the third entry), else position.
    Built once: matching is linear in citations, not citations times entries."""
    sub_labelled = _sub_labelled_index(references)
    if sub_labelled is not None:
        return sub_labelled
    shared = _shared_label_index(references)
    if shared is not None:
        return shared
    labels = _list_labels(r.raw for r in references)
    numbers = _mended([n for n in labels if n is not None])
    by_label = len(numbers) == len(references) > 0 and len(set(numbers)) == len(numbers)
    if not by_label:
        bare = bare_labels(r.raw for r in references)
        if bare:
            numbers, by_label = bare, True
    if not by_label:
        partly = _partly_labelled(references, labels)
        if partly is not None:
            return partly
    index: dict[int, list[str]] = {}
    for ref, number in zip(references, numbers if by_label else [], strict=False):
        index.setdefault(number, []).append(ref.id)
    if not by_label:
        for ref in references:
            index.setdefault(ref.index, []).append(ref.id)
    return {n: tuple(ids) for n, ids in index.items()}


def _partly_labelled(
    references: Sequence[Reference], labels: list[int | None]
) -> dict[int, tuple[str, ...]] | None:
    """Entries by number in a list only some of whose entries carry a label of their
    own, the labels out of step with the entries' places: a Word list of bulleted
    entries ("• [1], ...", "• [2], ...") with an unlabelled one ahead of them. "[2]"
    cites the entry labelled 2, not the second; an unlabelled entry keeps its place's
    number when no label takes it. None when the labels are few, repeated, or agree
    with the places (then position decides, as it did)."""
    given = [(ref, n) for ref, n in zip(references, labels, strict=True) if n is not None]
    numbers = [n for _, n in given]
    if len(given) < 2 or len(set(numbers)) != len(numbers):
        return None
    if all(ref.index == n for ref, n in given):
        return None
    index: dict[int, tuple[str, ...]] = {n: (ref.id,) for ref, n in given}
    for ref, n in zip(references, labels, strict=True):
        if n is None and ref.index not in index:
            index[ref.index] = (ref.id,)
    return index


_BARE_LABEL = re.compile(r"^\s*(\d{1,4})\s+(?=[^\W\d_])")
# One source numbered several times shares one label: "2,3,4) https://...", "[2, 3]".
_SHARED = r"\d{1,4}(?:\s?,\s?\d{1,4}){1,9}"
_SHARED_LABEL = re.compile(
    rf"^\s*(?:[-*+]\s+)?(?:\[({_SHARED})\]|\(?({_SHARED})\))(?:\s|{_GLUED_LINK})"
)


def _shared_label_index(references: Sequence[Reference]) -> dict[int, tuple[str, ...]] | None:
    """Entries by number in a list where one entry carries several numbers ("2,3,4)
    https://...": an author who cited one source three times numbered it so), each of
    them naming that entry. None unless some entry has a shared label, every other
    entry a plain one, and no number is given twice (then the plain rules decide)."""
    labels: list[list[int]] = []
    for ref in references:
        shared = _SHARED_LABEL.match(ref.raw)
        if shared is not None:
            labels.append([int(n) for n in re.findall(r"\d+", shared.group(1) or shared.group(2))])
            continue
        plain = _LABEL_NUMBER.match(ref.raw)
        if plain is None:
            return None
        labels.append([int(plain.group(1))])
    numbers = [n for numbers in labels for n in numbers]
    if not any(len(numbers) > 1 for numbers in labels) or len(set(numbers)) != len(numbers):
        return None
    return {n: (ref.id,) for ref, numbers in zip(references, labels, strict=True) for n in numbers}


def _sub_labelled_index(references: Sequence[Reference]) -> dict[int, tuple[str, ...]] | None:
    """Entries by number in a list with sub-labels ("1a", "1b", "2.", "3a", "3b"), as
    the publisher links them: "[1]" cites 1a and 1b together. None when no entry has a
    sub-label, or when the labels are not one per entry and distinct (then the plain
    rules of `number_index` decide). A run of sub-labels is one number to `_mended`, so
    1a, 1b, 1c are not taken for slips of 1, 2, 3."""
    labels: list[tuple[int, str]] = []
    for ref in references:
        sub = _SUB_LABEL.match(ref.raw)
        if sub is not None:
            labels.append((int(sub.group(1) or sub.group(3)), sub.group(2) or sub.group(4)))
            continue
        plain = _LABEL_NUMBER.match(ref.raw)
        if plain is None:
            return None
        labels.append((int(plain.group(1)), ""))
    if not any(letter for _, letter in labels) or len(set(labels)) != len(labels):
        return None
    runs: list[int] = []
    sizes: list[int] = []
    for k, (number, letter) in enumerate(labels):
        if k and letter and labels[k - 1][1] and labels[k - 1][0] == number:
            sizes[-1] += 1
        else:
            runs.append(number)
            sizes.append(1)
    mended = _mended(runs)
    index: dict[int, list[str]] = {}
    refs = iter(references)
    for number, size in zip(mended, sizes, strict=True):
        for _ in range(size):
            index.setdefault(number, []).append(next(refs).id)
    return {n: tuple(ids) for n, ids in index.items()}


def _list_labels(raws: Iterable[str]) -> list[int | None]:
    """Each entry's label ("3.", "[3]"), or None. An entry whose label lost its full
    stop ("3 Moe DE, ...", as a journal's copy prints one or two in a list of "2.",
    "4.") takes its bare number when it rises from the label before by at most 3: so
    the list keeps its labels, and a list with an entry taken out is not cited by
    position (every number after the gap cited the entry after its own)."""
    out: list[int | None] = []
    last: int | None = None
    for raw in raws:
        found = _LABEL_NUMBER.match(raw)
        bare = None if found is not None or last is None else _BARE_LABEL.match(raw)
        number = int(found.group(1)) if found else int(bare.group(1)) if bare else None
        if found is None and number is not None and last is not None:
            number = number if last < number <= last + 3 else None
        out.append(number)
        last = number if number is not None else last
    return out


def _mended(numbers: list[int]) -> list[int]:
    """Labels with a slip mended: a label between two that leave room for exactly one
    ("16., 1., 18.") is that one, as the list's order says; a last label lower than
    the one before follows it. A gap ("4., 6.") stays: an entry was taken out."""
    out = list(numbers)
    for i in range(1, len(out)):
        if i + 1 < len(out):
            slip = out[i] != out[i - 1] + 1 and out[i + 1] == out[i - 1] + 2
        else:
            slip = out[i] <= out[i - 1]  # the last one: only when it goes back
        if slip:
            out[i] = out[i - 1] + 1
    return out


def match_number(citation: Citation, numbers: dict[int, tuple[str, ...]]) -> CitationMatch:
    """The entries a number names; a sub-label ("14e", read from "[14e]") names one of a
    run of sub-entries (`_sub_labelled_index` keeps a run in its order a, b, c, ...),
    or the number's entries when the run has no such letter."""
    targets = numbers.get(citation.number or 0, ())
    letter = citation.item[-1:] if citation.item[:1].isdigit() else ""
    if len(targets) > 1 and "a" <= letter <= "z":
        place = ord(letter) - ord("a")
        if place < len(targets):
            targets = (targets[place],)
    return CitationMatch(citation.id, targets=targets)
