"""Issue 12 pt 5 (fx): a comma-joined entry whose year closes it ("Ames, P. and
Lund,K.T., Title, Journal, v. 12, p. 1-9. 1991.", hand-typed geology lists) has no
author-date year, and the name walk ran on through the title and journal as names."""

from __future__ import annotations

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location


def _parse(text: str, *, use_model: bool = False):  # type: ignore[no-untyped-def]
    return parse_reference(text, id="r1", index=1, location=Location("t"), use_model=use_model)


def test_glued_initials_end_the_names_rules() -> None:
    ref = _parse(
        "Ames, P. R., Quill, T.N. and Lund,K.T., Breccia dykes of a made-up crater rim, "
        "Imaginary Planetary Letters, v. 12, p. 101-118. 1991."
    )
    assert [a.family for a in ref.authors] == ["Ames", "Quill", "Lund"]
    assert ref.title == "Breccia dykes of a made-up crater rim"
    assert ref.year == 1991


def test_glued_initials_end_the_names_with_tagger() -> None:
    ref = _parse(
        "Borne, C., Hessel, D.D. and Marsk,M.A., Glassy spherules from a fictional basin "
        "(abstract). Notional Science XVII, pp. 430-431. 1986.",
        use_model=True,
    )
    assert [a.family for a in ref.authors] == ["Borne", "Hessel", "Marsk"]
    assert ref.title is not None and ref.title.startswith("Glassy spherules")


def test_initials_opening_the_next_piece_stay_with_the_names() -> None:
    # "Lund, K. T. Breccia …": the piece after the last comma opens on initials, so it is
    # no title piece to end the names before
    ref = _parse(
        "Ames, P. R., Quill, T. N. and Lund, K. T. Breccia dykes of a made-up crater rim. "
        "Imaginary Planetary Letters, v. 12, p. 101-118. 1991."
    )
    assert [a.family for a in ref.authors][:3] == ["Ames", "Quill", "Lund"]
    assert ref.title != "K. T. Breccia dykes of a made-up crater rim"
