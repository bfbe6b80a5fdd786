"""A status label before a body's name ("(DD, IUCN 2016)") cites the body's entry
(made-up body and labels)."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.reference import Reference
from tests.citations.helpers import document, reference


def _targets(text: str, *refs: Reference) -> list[tuple[str, ...]]:
    _kept, matches = match_citations(extract_citations(document(text)), list(refs))
    return [m.targets for m in matches]


_BODY = reference(
    1,
    "ORNITH Standards Subcommittee",
    year=2016,
    organisation=True,
    raw="ORNITH Standards Subcommittee (2016) Guidelines.",
)


def test_a_label_before_a_body_cites_the_body() -> None:
    assert _targets("It is Data Deficient (DD, ORNITH 2016) here.", _BODY) == [("ref-1",)]


def test_another_year_or_a_long_first_name_is_no_fit() -> None:
    assert _targets("It is Data Deficient (DD, ORNITH 2017) here.", _BODY) == [()]
    assert _targets("It was shown (Smith, ORNITH 2016) here.", _BODY) == [()]
