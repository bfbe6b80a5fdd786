"""A lower-case particle opening a group's name before "et al." ("(de Rossa et al.
2017)") is the name's own, as it is before a name alone ("(de Rossa 2017)"): the work
is "de Rossa"'s, sure, and cites an entry written "DeRossa" or "de Rossa". Read as the
Portuguese cue "de" (from, by) it left "Rossa", weak, which no entry confirmed: the
entry was reported uncited and the work dropped. Made-up names and works throughout."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty

from .helpers import document, reference


def read(text: str) -> list[tuple[tuple[str, ...], int | None, bool, Certainty]]:
    return [(c.authors, c.year, c.et_al, c.certainty) for c in extract_citations(document(text))]


def test_a_particle_before_et_al_stays_with_the_name() -> None:
    assert read("Decline came late (de Rossa et al. 2017).") == [
        (("de Rossa",), 2017, True, Certainty.SURE)
    ]
    assert read("Decline came late (Hale 2001; van Orde et al., 2017).")[1] == (
        ("van Orde",),
        2017,
        True,
        Certainty.SURE,
    )


def test_the_work_cites_an_entry_with_the_particle_glued() -> None:
    citations = extract_citations(document("Decline came late (de Rossa et al. 2017)."))
    refs = [reference(1, "DeRossa", "Pell", "Quint", year=2017), reference(2, "Hale", year=2001)]
    _kept, matches = match_citations(citations, refs)
    assert [m.targets for m in matches] == [("ref-1",)]


def test_a_particle_before_et_al_with_no_entry_is_reported() -> None:
    # still a work: kept (sure), with no target, so it is reported missing
    citations = extract_citations(document("Decline came late (de Rossa et al. 2017)."))
    kept, matches = match_citations(citations, [reference(1, "Hale", year=2001)])
    assert [(c.authors, m.targets) for c, m in zip(kept, matches, strict=True)] == [
        (("de Rossa",), ())
    ]


def test_a_cue_before_two_names_is_still_a_cue() -> None:
    # "de Silva e Lopes" reads as a cue before two names: unchanged
    assert read("Os dados (de Silva e Lopes 2010).")[0][0] == ("Silva", "Lopes")
