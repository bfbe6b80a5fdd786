"""Flattened superscripts read by the order a numbered list is cited in
(`citeaudit.manuscript.citations.numeric_order`). Made-up text and entries, modelled on
journals that print citations as superscripts whose markup a Markdown or text copy
loses ("dentre outros 6.", "em 1999 5,6.", "Moreau 20 argues"). Hostile runs are held
linear without a clock: the work is counted at a base size and 8 times it
(tests/security/counted_work.py); benches/linearity.py prints the seconds."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.manuscript.citations import NumericExtractor
from citeaudit.manuscript.citations.numeric import _SUPERSCRIPT_JOINED
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.citation import CitationKind
from citeaudit.model.location import Location
from tests.security.counted_work import Case, assert_linear


def _entries(count: int, numbered: bool = True) -> str:
    return "\n\n".join(
        (f"{k}. " if numbered else "")
        + f"Writer{chr(64 + k % 26 or 26)}{k} Q. A made-up work {k}. J Nowhere. 2021;{k}:1-5."
        for k in range(1, count + 1)
    )


def _numbers(body: str, entries: str | None = None) -> list[int]:
    """The numbers cited, as the audit reads the manuscript with its list."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paper.md"
        listed = _entries(12) if entries is None else entries
        path.write_text(f"# A paper\n\n{body}\n\n## References\n\n{listed}\n", "utf-8")
        data = read_inputs(AuditInput.from_paths([path]))
    return [c.number or 0 for c in data.citations if c.kind is CitationKind.NUMERIC]


# Sure citations in first-citation order: marked superscripts.
_OPENING = "Tiles hold walls.^1^ Waste adds value.^2^ Glass is common.^3^ Kilns vary.^4^"


def test_a_bare_number_carrying_the_next_number_is_read() -> None:
    body = (
        f"{_OPENING} Studies of firing 5 show pores grow. "
        "As Moreau 6 argues, clay matters.^7^ Drying is slow.^8^"
    )
    assert _numbers(body) == [1, 2, 3, 4, 5, 6, 7, 8]


def test_a_list_after_a_year_is_read() -> None:
    body = f"{_OPENING} The census began in 1940 5^,^6. It grew since 1991 7,8. Then.^9^"
    assert _numbers(body) == [1, 2, 3, 4, 5, 6, 7, 8, 9]


def test_numbers_out_of_order_are_counts() -> None:
    # 9 is not the number the list expects after 4; "5 patients" is a count
    body = f"{_OPENING} The team saw 9 of them. Then 5 patients came back.^5^ Kilns.^6^"
    assert _numbers(body) == [1, 2, 3, 4, 5, 6]


def test_counts_values_and_labels_carrying_the_next_number_are_not_read() -> None:
    body = (
        f"{_OPENING} Kilns ran 5 days. Pressure was 5 mEq/L. See Table 5 now. "
        "The dose (DP 5, i.e. high) rose. Aims: 1) tiles; 5) glass. "
        "North, 5,009 in 2000. It took version 5 of the tool. Then.^5^"
    )
    assert _numbers(body) == [1, 2, 3, 4, 5]


def test_an_author_year_paper_reads_no_bare_number() -> None:
    # superscripts there are isotopes and powers; its list carries no numbers
    entries = "\n\n".join(
        f"Writer{k}, Q. (2020). A made-up work {k}. J Nowhere, {k}, 1-5." for k in range(1, 13)
    )
    body = (
        "Carbon ^1^ and ^2^ and ^3^ and ^4^ were traced (Writer1, 2020). "
        "Of the models 5 fit and 6 did not."
    )
    assert 5 not in _numbers(body, entries) and 6 not in _numbers(body, entries)


def test_a_paper_citing_in_brackets_reads_no_bare_number() -> None:
    body = "Tiles hold walls [1]. Waste adds value [2]. Glass [3]. Kilns [4]. Sample 5 broke."
    assert _numbers(body) == [1, 2, 3, 4]


def test_an_alphabetical_list_reads_a_number_cited_nowhere_else() -> None:
    # cited out of order (an alphabetical Vancouver list): the order is no evidence,
    # but entry 3 is cited nowhere else, and "mirt 3 in" is where its superscript stood
    body = (
        "Adherence matters.^9^ Doses vary.^2^ Costs rise.^11^ Effects last.^5^ "
        "Care helps.^7^ Scales differ.^12^ Scores fit.^1^ The analysis used the package "
        "mirt 3 in the R software. Later 4 patients left.^4,6,8,10^"
    )
    assert sorted(set(_numbers(body))) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    assert _numbers(body).count(4) == 1


def test_the_order_skips_an_entry_cited_nowhere() -> None:
    # entry 5 is uncited: after 4 the order goes on with 6, and "caesarean 6." is it
    body = f"{_OPENING} After a caesarean 6. Drying is slow.^7^ Kilns.^8^"
    assert _numbers(body) == [1, 2, 3, 4, 6, 7, 8]


def test_a_list_whose_separators_kept_the_markup_joins_ranges_and_split_digits() -> None:
    entries = _entries(50)
    body = (
        "Tiles hold walls.^1^ Waste adds value.^2^ Glass is common.^3^ "
        "Of the studies analysed, 4^,^10^,^46^-^48^,^2 2^,^38 report it."
    )
    assert _numbers(body, entries) == [1, 2, 3, 4, 10, 46, 47, 48, 2, 38]


def test_bracketed_superscripts_whose_brackets_alone_kept_the_markup() -> None:
    body = (
        "Tiles hold walls^(1)^. Waste adds value^(2)^. Firms add waste to the process "
        "3^),(^4. Glass draws attention in this sector 5^)-(^7. Kilns^(8)^."
    )
    assert _numbers(body) == [1, 2, 3, 4, 5, 6, 7, 8]


# "9 9^,^" repeated: a joined list refused by its end was retried from each of its
# numbers (20,000 repeats took 95 s); a numbered list turns the loose reading on
HOSTILE_UNITS = ("9 9^,^", "Tiles.^3^ cells 4 were ", "1), (", "x 5^,^6 ")
_LISTED = tuple(
    RawEntry(f"Work {k}.", Location("p.md", k), f"{k}. Writer Q. Work {k}.") for k in range(1, 50)
)


def _hostile_page(unit: str) -> Callable[[int], Document]:
    def build(n: int) -> Document:
        text = unit * max(n // len(unit), 1)
        return Document("p.md", "markdown", (Line("p.md", 1, text),), reference_entries=_LISTED)

    return build


def _markers(document: Document) -> int:
    # markers() is lazy: the work is done as they are taken, so take them all
    return sum(1 for _ in NumericExtractor().markers(document))


# Base sizes (characters) past the point where the page's evidence turns a loose reading
# on: the work steps up there about fivefold, once, and is linear either side.
_BASE = {"9 9^,^": 2_000, "Tiles.^3^ cells 4 were ": 16_000, "1), (": 4_000, "x 5^,^6 ": 2_000}
CASES = {unit: Case(_hostile_page(unit), _markers, _BASE[unit]) for unit in HOSTILE_UNITS}


@pytest.mark.parametrize("unit", HOSTILE_UNITS)
def test_hostile_runs_are_read_in_linear_time(unit: str) -> None:
    assert_linear(__name__, unit)


@pytest.mark.parametrize("text", ["1^,^2^", "1^,^2^,^3^", "3^),(^4^", "4^,^10 7"])
def test_a_joined_list_is_never_refused_by_what_follows_it(text: str) -> None:
    # The backtracking was inside the regex engine, which counted work does not see: a
    # possessive run refused by a lookahead at its end was tried again from each of its
    # numbers. The end is judged in code, so the pattern takes the run whatever follows.
    found = _SUPERSCRIPT_JOINED.match(text)
    assert found is not None and text[found.end() :] in ("^", " 7")


def test_after_et_al_and_a_compound_word() -> None:
    # "et al 6" is a name's citation; "c-section 5." is no section label
    body = f"{_OPENING} After a c-section 5. As Moreau et al 6 showed, kilns.^7^ Drying.^8^"
    assert _numbers(body) == [1, 2, 3, 4, 5, 6, 7, 8]


def test_a_joined_list_split_at_a_space_goes_on() -> None:
    entries = _entries(40)
    body = f"{_OPENING} Of the studies, 5^,^10^,^21 38^,^39 agree."
    assert _numbers(body, entries) == [1, 2, 3, 4, 5, 10, 21, 38, 39]


def test_an_alphabetical_list_reads_a_number_after_a_comma_in_prose() -> None:
    body = (
        "Adherence matters.^9^ Doses vary.^2^ Costs rise.^11^ Effects last.^5^ "
        "Care helps.^7^ Scales differ.^12^ Scores fit.^1^ We used a review of the "
        "literature, 3 this being a tool. Later.^4,6,8,10^"
    )
    assert 3 in _numbers(body)
