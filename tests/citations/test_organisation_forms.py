"""Organisations as APA and ABNT cite them, with made-up bodies: the acronym in square
brackets at first citation ("Instituto Nacional de Pesca [INP], 2020"), then the
acronym alone; a body under its jurisdiction in an ABNT list ("BRASIL. Ministério da
Pesca.") cited by the body's name."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference


def _targets(text: str, refs: list) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:  # type: ignore[type-arg]
    kept, matches = match_citations(extract_citations(document(text)), refs)
    return [(c.authors, m.targets) for c, m in zip(kept, matches, strict=True)]


def test_acronym_in_square_brackets_at_first_citation() -> None:
    refs = [
        reference(1, "Instituto Nacional de Pesca", year=2020, organisation=True),
        reference(2, "Lindqvist", year=2019),
    ]
    text = (
        "Landings fell (Instituto Nacional de Pesca [INP], 2020; Lindqvist, 2019). "
        "As Instituto Nacional de Pesca [INP] (2020) says. Later (INP, 2020)."
    )
    assert _targets(text, refs) == [
        (("Instituto Nacional de Pesca [INP]",), ("ref-1",)),
        (("Lindqvist",), ("ref-2",)),
        (("Instituto Nacional de Pesca [INP]",), ("ref-1",)),
        (("INP",), ("ref-1",)),
    ]


def test_a_closed_bracket_does_not_cut_the_names() -> None:
    found = extract_citations(document("(Ocean Watch Trust [OWT], 2018)"))
    assert [(c.authors, c.year) for c in found] == [(("Ocean Watch Trust [OWT]",), 2018)]


def test_a_body_under_its_jurisdiction_is_cited_by_its_name() -> None:
    refs = [
        reference(
            1,
            "BRASIL",
            year=2019,
            organisation=True,
            raw="BRASIL. Ministério da Pesca. Guia de desembarque. Brasília, 2019.",
        ),
        reference(2, "SOUZA", year=2019, raw="SOUZA, A. Ensaio. Revista, 2019."),
    ]
    text = "(MINISTÉRIO DA PESCA, 2019; BRASIL, 2019). O Ministério da Pesca (2019) diz."
    assert _targets(text, refs) == [
        (("MINISTÉRIO DA PESCA",), ("ref-1",)),
        (("BRASIL",), ("ref-1",)),
        (("Ministério da Pesca",), ("ref-1",)),
    ]
