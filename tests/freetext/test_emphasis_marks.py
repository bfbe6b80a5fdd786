"""Emphasis marks around an entry's parts (ABNT's bold, APA's and MLA's italics as
Markdown or HTML) are no part of the words: the entry reads as without them."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.bibliography.freetext_emphasis import without_emphasis
from citeaudit.model.location import Location
from tests.freetext.helpers import families, parse


@pytest.mark.parametrize("model", [False, True])
@pytest.mark.parametrize(
    ("entry", "expected", "title"),
    [
        ("MARTINS, P. **Memórias**. Recife: UFPE, 2001.", ["MARTINS"], "Memórias"),
        (
            "SANTOS FILHO, C. **A cidade e o campo**. São Paulo: Atlas, 1999.",
            ["SANTOS FILHO"],
            "A cidade e o campo",
        ),
        (
            "Varga, P. *Ferns of the south*. Oxford: Fern Press, 2001.",
            ["Varga"],
            "Ferns of the south",
        ),
        (
            "Varga, P. __Ferns of the south__. Oxford: Fern Press, 2001.",
            ["Varga"],
            "Ferns of the south",
        ),
        ("Varga, P. _Ferns_. Oxford: Fern Press, 2001.", ["Varga"], "Ferns"),
        (
            "Varga, P. <i>Ferns of the south</i>. Oxford: Fern Press, 2001.",
            ["Varga"],
            "Ferns of the south",
        ),
    ],
)
def test_a_title_in_emphasis_marks(
    entry: str, expected: list[str], title: str, model: bool
) -> None:
    ref = parse_reference(entry, id="r", index=1, location=Location("refs.md", 1), use_model=model)
    assert families(ref) == expected
    assert ref.title == title
    assert ref.year is not None
    assert ref.raw == entry  # the entry as written is kept


def test_a_journal_and_volume_in_italics() -> None:
    ref = parse(
        "SANTOS FILHO, C.; PEREIRA NETO, J. O título. **Revista Brasileira**, v. 3, n. 2, "
        "p. 1-9, 2010."
    )
    assert families(ref) == ["SANTOS FILHO", "PEREIRA NETO"]
    assert ref.title == "O título"
    assert ref.container == "Revista Brasileira"
    apa = parse("Varga, P. (2010). Ferns of the south. _Fern Journal_, _3_(2), 1–9.")
    assert apa.container == "Fern Journal"


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org/_files_/a_b",
        "snake_case_name",
        "C*-algebras and 2*3*4",
        "a lone * star and a lone _ mark",
    ],
)
def test_marks_that_pair_around_no_part_stay(text: str) -> None:
    assert without_emphasis(text) == text
