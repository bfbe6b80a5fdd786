"""How Word manuscripts type citations (issue 12, review of real Word manuscripts):
a no-break space or a Unicode hyphen inside the names, "et. al." and "el al."."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document


def names(text: str) -> list[tuple[tuple[str, ...], bool, int | None]]:
    return [(c.authors, c.et_al, c.year) for c in extract_citations(document(text))]


def test_no_break_space_and_unicode_hyphens_inside_names() -> None:
    text = (
        "Pain (Høybye, Johansen &\u00a0Tjørnhøj\u2010Thomsen, 2005) "
        "and (Ruiz\u2011Lopez,\u202f2010)."
    )
    assert names(text) == [
        (("Høybye", "Johansen", "Tjørnhøj-Thomsen"), False, 2005),
        (("Ruiz-Lopez",), False, 2010),
    ]
    # the marker still quotes the text as written
    found = extract_citations(document(text))
    assert "\u00a0" in found[0].text


def test_et_al_typed_with_a_stop_or_a_slip() -> None:
    text = "As Hartikainen et. al. (2010) and Yano el al. (2003) found, and (Yano el al., 2003)."
    assert names(text) == [
        (("Hartikainen",), True, 2010),
        (("Yano",), True, 2003),
        (("Yano",), True, 2003),
    ]
