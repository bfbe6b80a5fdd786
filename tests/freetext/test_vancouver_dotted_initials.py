"""Vancouver names with a full stop after each initial ("Murugan R., Padmanabhan K.,
Ramesh R."), as Eastern European and engineering lists print them: each is one person,
family first. They were read as "Family, Given" pairs ("R, Murugan"; "Murugan R" with
the given name "Padmanabhan K"), or not at all when a comma followed the last name."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.bibliography.freetext_names import parse_authors
from citeaudit.model.location import Location


@pytest.mark.parametrize(
    ("segment", "people"),
    [
        (
            "Murugan R., Padmanabhan K., Ramesh R.",
            [("Murugan", "R"), ("Padmanabhan", "K"), ("Ramesh", "R")],
        ),
        ("Murugan R., Padmanabhan K", [("Murugan", "R"), ("Padmanabhan", "K")]),
        ("Okonkwo A.B., Haldane J.F.", [("Okonkwo", "A.B"), ("Haldane", "J.F")]),
        ("Крушинский Л.В., Смирнов А.", [("Крушинский", "Л.В"), ("Смирнов", "А")]),
    ],
)
def test_each_name_is_family_then_initials(segment: str, people: list[tuple[str, str]]) -> None:
    found, _ = parse_authors(segment)
    assert [(p.family, p.given) for p in found] == people


@pytest.mark.parametrize("model", [False, True])
def test_the_list_ends_before_the_title_after_a_comma(model: bool) -> None:
    ref = parse_reference(
        "Murugan R., Padmanabhan K., Ramesh R., Study of vibration in woven composites. "
        "J Comp Mater. 2016;3:1-9.",
        id="r",
        index=1,
        location=Location("refs.md", 1),
        use_model=model,
    )
    assert [a.family for a in ref.authors] == ["Murugan", "Padmanabhan", "Ramesh"]
    assert ref.title == "Study of vibration in woven composites"


@pytest.mark.parametrize(
    ("segment", "families"),
    [
        # inverted names, whose given names carry full stops, are still inverted
        ("Smith, J. A., Jones, B.", ["Smith", "Jones"]),
        ("Smith, John A., and Mary B. Jones", ["Smith", "Jones"]),
        ("J. A. Smith, B. Jones", ["Smith", "Jones"]),
    ],
)
def test_names_of_other_forms_unchanged(segment: str, families: list[str]) -> None:
    found, _ = parse_authors(segment)
    assert [p.family for p in found] == families
