"""A surname a wrapped source cut at a line-end hyphen ("Quen-\\nbrook et al., 2011").

Converted pages and PDF text break long words at a line's end with a hyphen. Read as
written, the name was "Quen- brook" or nothing at all: the work went uncited and its
entry was reported uncited. A capitalised word cut before a lower-case rest is joined;
a double surname broken at its own hyphen ("Ortega-\\nVilar") keeps it. The citation's
text and line are the original's.

Every name and title here is made up.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.line_hyphens import close_line_hyphens
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference


def _names(text: str) -> list[tuple[str, ...]]:
    return [c.authors for c in extract_citations(document(text))]


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        (
            "as cues (Pell *et al.*, 1998; van Quen-\nbrook *et al.*, 2011). Then",
            [("Pell",), ("van Quenbrook",)],
        ),
        ("known (Quen-\nbrook, 2011). Then", [("Quenbrook",)]),
        ("known (Quen-\nbrook and Pell, 2011). Then", [("Quenbrook", "Pell")]),
        ("known (Quen-\n   brook and Pell, 2011). Then", [("Quenbrook", "Pell")]),
        ("as Quen-\nbrook (2011) showed", [("Quenbrook",)]),
        ("as Ortega-\nVilar (2011) showed", [("Ortega-Vilar",)]),
    ],
)
def test_a_name_cut_at_a_line_end_hyphen_is_read_whole(
    text: str, authors: list[tuple[str, ...]]
) -> None:
    assert _names(text) == authors


def test_the_joined_name_links_its_entry_and_keeps_text_and_line() -> None:
    doc = document("First line.\nknown before (Mar-\ntinelli et al., 2011). Then")
    refs = [reference(1, "Martinelli", "Pell", "Roe", year=2011)]
    kept, matches = match_citations(extract_citations(doc), refs)
    assert [m.targets for m in matches] == [("ref-1",)]
    assert kept[0].text == "(Mar-\ntinelli et al., 2011)"
    assert kept[0].location.line == 2


def test_the_join_moves_no_character_outside_the_word() -> None:
    text = "a (Quen-\n  brook, 2011) b\nc"
    closed = close_line_hyphens(text)
    assert len(closed) == len(text)
    assert closed == "a (Quenbrook    , 2011) b\nc"


@pytest.mark.parametrize(
    "text",
    [
        "a well-\nknown (2011) b",  # not capitalised: no name to join
        "the Ortega-\nVilar line",  # a double surname keeps its hyphen
        "a Smith-\n\nnext paragraph",  # a paragraph's end is never crossed
        "a 2011-\nbrook",  # no word before the hyphen
    ],
)
def test_other_line_end_hyphens_are_left_alone(text: str) -> None:
    assert close_line_hyphens(text) == text
