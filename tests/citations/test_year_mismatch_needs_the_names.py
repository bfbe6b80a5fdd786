"""A year mismatch needs the cited names to fit the entry: "Robinson and Kahn (1986)"
beside Robinson & Skvarla (2006) or "Bell et al. (2007)" beside Bell (1974) is another
work, missing from the list -- the names the citation adds contradict the entry. Only
the first author's name was ever compared, and such citations were reported as a
wrong year of an unrelated entry (which they also made look cited).

And no mismatch where the citation gives the entry's bracketed original year beside
its own ("2019 [1928]"), as ABNT cites a translation.

Every name here is made up.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.location import Location
from tests.citations.helpers import document, reference


def _match(text: str, *refs: object) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    _, matches = match_citations(extract_citations(document(text)), list(refs))  # type: ignore[arg-type]
    return [(m.targets, m.year_mismatch) for m in matches]


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        (
            "(Robbins and Kahler, 1986)",
            (reference(1, "Robbins", year=2006), reference(2, "Robbins", "Skarn", year=2007)),
        ),
        ("(Robbins et al., 1986)", (reference(1, "Robbins", year=2006),)),
    ],
)
def test_names_that_contradict_the_entry_make_no_year_mismatch(
    text: str, entries: tuple[object, ...]
) -> None:
    assert _match(text, *entries) == [((), ())]


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("(Robbins and Skarn, 1986)", reference(1, "Robbins", "Skarn", year=2006)),
        ("(Robbins et al., 1986)", reference(1, "Robbins", "Skarn", "Lund", year=2006)),
        ("(Robbins, 1986)", reference(1, "Robbins", year=2006)),
        ("(Robbins, 1986)", reference(1, "Robbins", "Skarn", year=2006)),
    ],
)
def test_names_that_fit_keep_the_year_mismatch(text: str, entry: object) -> None:
    assert _match(text, entry) == [((), ("ref-1",))]


_TRANSLATION = (
    "MEDVEDOV, P. O método formal nos estudos literários. Introdução crítica a uma poética "
    "sociológica [1928]. Tradução e notas de Ana Souto e Vera Lins. Apresentação de Rui "
    "Paz. Prefácio de Ana Souto. São Paulo: Contexto, 2019."
)


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        ("Medvedov (2019 [1928])", True),  # ABNT: the edition's year, the original's
        ("(MEDVEDOV, 2019 [1928])", True),
        ("(MEDVEDOV, 2021 [1928])", False),  # a year the entry does not give
    ],
)
def test_a_translation_cited_with_its_original_year_fits_its_entry(text: str, fits: bool) -> None:
    entry = parse_reference(_TRANSLATION, id="ref-1", index=1, location=Location("p.md", 9))
    assert entry.year == 1928  # the reader takes the bracketed original's date
    assert _match(text, entry) == ([(("ref-1",), ())] if fits else [((), ("ref-1",))])
