"""Narrative author lists as real manuscripts break them.

* A soft line break inside the list ("as shown by Smith,\\nJones and Lee (2019)"):
  read up to the line's start only, the citation was "Jones and Lee", a missing work
  beside an uncited entry. Only a break inside a list of names is crossed (the line
  before ends with a comma, "&", "and", "et" or a particle, or the line opens with
  "and"), and never a paragraph's end (a Word paragraph, a blank line, a heading).
* "Nicolson and Fosberg (2004)" with no such entry, Fosberg an author of another:
  the missing work is the pair's, not "Fosberg (2004)" (the co-author joined by
  "and" is never dropped to confirm the citation).

Every name and title here is made up.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference


def _names(text: str, fmt: str = "markdown") -> list[tuple[str, ...]]:
    return [c.authors for c in extract_citations(document(text, fmt))]


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("as shown by Okoro,\nBexley and Lund (2019) before", ("Okoro", "Bexley", "Lund")),
        ("as shown by Okoro, Bexley\nand Lund (2019) before", ("Okoro", "Bexley", "Lund")),
        ("segundo Carvalhal e\nSouto (2018), o", ("Carvalhal", "Souto")),
        ("found by Tamura et\nal. (2020), then", ("Tamura",)),
        ("then van der\nBerghe (2016) said", ("van der Berghe",)),
        ("as shown by Hartl and\nLomé, 2017, the end", ("Hartl", "Lomé")),
    ],
)
def test_a_list_of_names_broken_by_a_soft_line_break_is_read_whole(
    text: str, authors: tuple[str, ...]
) -> None:
    assert _names(text) == [authors]


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("## Results\nBexley (2019) again.", ("Bexley",)),  # a heading is no name
        ("The end of a paragraph,\n\nBexley and Lund (2019) said.", ("Bexley", "Lund")),
        ("We visited Porto\nBexley and Lund (2019) said.", ("Bexley", "Lund")),  # no join
    ],
)
def test_a_line_break_outside_a_list_of_names_is_not_crossed(
    text: str, authors: tuple[str, ...]
) -> None:
    assert _names(text) == [authors]


def test_a_word_document_line_is_a_paragraph_never_crossed() -> None:
    text = "as shown by Okoro,\nBexley and Lund (2019) before"
    assert _names(text, fmt="docx") == [("Bexley", "Lund")]


def test_the_whole_list_links_its_entry_and_keeps_its_text() -> None:
    doc = document("Earlier work by Okoro,\nBexley and Lund (2019) disagrees.")
    refs = [reference(1, "Okoro", "Bexley", "Lund", year=2019)]
    kept, matches = match_citations(extract_citations(doc), refs)
    assert [m.targets for m in matches] == [("ref-1",)]
    assert kept[0].text == "Okoro,\nBexley and Lund (2019)"
    assert kept[0].location.line == 1


def test_a_co_author_joined_by_and_is_not_dropped_to_confirm_a_narrative() -> None:
    doc = document("Later, Nicolsen and Fosberg (2004) summarised the voyage.")
    refs = [reference(1, "Fosberg", year=1990), reference(2, "Abbot", year=2001)]
    kept, matches = match_citations(extract_citations(doc), refs)
    assert [c.authors for c in kept] == [("Nicolsen", "Fosberg")]
    assert [(m.targets, m.year_mismatch) for m in matches] == [((), ())]


def test_a_sentence_word_before_the_names_may_still_be_cut() -> None:
    doc = document("Na Argentina, Rojas e Pinto (2019) mostraram isso.")
    refs = [reference(1, "Rojas", "Pinto", year=2019)]
    kept, matches = match_citations(extract_citations(doc), refs)
    assert [m.targets for m in matches] == [("ref-1",)]
    assert kept[0].authors == ("Rojas", "Pinto")


# -- no year at all: "(Tanaka et al.)" ------------------------------------------------


def test_a_yearless_et_al_citation_cites_the_one_entry_of_those_authors() -> None:
    doc = document("Others disagree (Tamura et al.). See also (Okoro, 2019).")
    refs = [reference(1, "Tamura", "Ito", "Sato", year=2020), reference(2, "Okoro", year=2019)]
    kept, matches = match_citations(extract_citations(doc), refs)
    assert [
        (c.authors, m.targets, m.year_mismatch) for c, m in zip(kept, matches, strict=True)
    ] == [
        (("Tamura",), ("ref-1",), ()),
        (("Okoro",), ("ref-2",), ()),
    ]


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        # two entries fit: which one is meant cannot be told
        (
            "(Tamura et al.)",
            [
                reference(1, "Tamura", "Ito", "Sato", year=2020),
                reference(2, "Tamura", "Lund", "Sato", year=2017),
            ],
        ),
        ("(Tamura et al.)", [reference(1, "Okoro", year=2019)]),  # no entry: no citation
        ("(Fosbery & Sachem)", [reference(1, "Fosbery", "Sachem", year=1972)]),  # authority
        ("(Portugal)", [reference(1, "Portugal", year=2019)]),
        ("(Covaris, MA)", [reference(1, "Covaris", year=2019)]),  # a maker
    ],
)
def test_names_with_no_year_are_no_citation_unless_one_et_al_entry_fits(
    text: str, refs: list[object]
) -> None:
    kept, _ = match_citations(extract_citations(document(text)), refs)  # type: ignore[arg-type]
    assert kept == ()


def test_a_status_or_no_date_is_not_taken_for_a_missing_year() -> None:
    doc = document("(Tamura et al., in press) and (Okoro, n.d.)")
    refs = [reference(1, "Tamura", "Ito", "Sato", year=2020), reference(2, "Okoro", no_date=True)]
    _, matches = match_citations(extract_citations(doc), refs)
    # "in press" beside a dated entry stays what it was: that entry under another year
    assert [(m.targets, m.year_mismatch) for m in matches] == [((), ("ref-1",)), (("ref-2",), ())]
