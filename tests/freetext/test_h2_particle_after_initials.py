"""A particle printed after the initials ("Candolle AP de", "Martius CFP von"), as
botanical and other Vancouver-style lists sort names under the family and carry the
particle behind: the person is "de Candolle", initials "AP". It was read as the family
"de" with the given names "Candolle AP", or, beside another name, as one person whose
given name was the next author ("Candolle AP de" given "Candolle A de"), so messages
named "de (1824)" and the author count was one short."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.bibliography.freetext_names import parse_authors
from citeaudit.model.location import Location


@pytest.mark.parametrize(
    ("segment", "people"),
    [
        ("Okafor BT de", [("de Okafor", "BT")]),
        ("Lindqvist HJ von", [("von Lindqvist", "HJ")]),
        ("Okafor BT de, Okafor C de", [("de Okafor", "BT"), ("de Okafor", "C")]),
        (
            "Lindqvist HJ von, Marsh A, Tembo KS",
            [("von Lindqvist", "HJ"), ("Marsh", "A"), ("Tembo", "KS")],
        ),
        ("Tembo KS, Lindqvist HJ von", [("Tembo", "KS"), ("von Lindqvist", "HJ")]),
        ("Tembo KS and Lindqvist HJ von", [("Tembo", "KS"), ("von Lindqvist", "HJ")]),
        ("Berg PQ van der, Tembo KS", [("van der Berg", "PQ"), ("Tembo", "KS")]),
    ],
)
def test_a_trailing_particle_goes_before_the_family(
    segment: str, people: list[tuple[str, str]]
) -> None:
    found, _ = parse_authors(segment)
    assert [(p.family, p.given) for p in found] == people


@pytest.mark.parametrize(
    ("segment", "people"),
    [
        # a capitalised word after the initials is no particle: Vietnamese "Le" is a family
        ("Tran VH, Le T", [("Tran", "VH"), ("Le", "T")]),
        # an inverted name keeps its particle with the given names, as written
        ("Okafor, B. T. de", [("Okafor", "B. T. de")]),
        ("OKAFOR, Berta T. de", [("OKAFOR", "Berta T. de")]),
        ("Okafor, Berta T de", [("Okafor", "Berta T de")]),
        ("OKAFOR, Berta T. de; MARSH, Ana", [("OKAFOR", "Berta T. de"), ("MARSH", "Ana")]),
    ],
)
def test_other_shapes_are_left_as_they_were(segment: str, people: list[tuple[str, str]]) -> None:
    found, _ = parse_authors(segment)
    assert [(p.family, p.given) for p in found] == people


@pytest.mark.parametrize("model", [False, True])
def test_the_entry_reads_the_person_and_the_year(model: bool) -> None:
    ref = parse_reference(
        "Lindqvist HJ von, Marsh A (1837) Flora of the northern valleys 1. Munich.",
        id="r",
        index=1,
        location=Location("refs.md", 1),
        use_model=model,
    )
    assert [(p.family, p.given) for p in ref.authors] == [("von Lindqvist", "HJ"), ("Marsh", "A")]
    assert ref.year == 1837
