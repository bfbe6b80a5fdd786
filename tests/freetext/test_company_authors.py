"""A company named with its legal form ("IBM Corp.", "Johnson & Johnson Co.", "Acme,
LLC") is one author, an organisation: the form's full stop ends no person's name, and a
"&" inside the name joins it, not two people."""

from __future__ import annotations

import pytest

from tests.freetext.helpers import families, parse


@pytest.mark.parametrize(
    ("entry", "body"),
    [
        ("IBM Corp. (2017). SPSS Statistics for Windows, Version 25.0. Armonk, NY.", "IBM Corp"),
        (
            "Johnson & Johnson Co. (2018). Sustainability report. New Brunswick.",
            "Johnson & Johnson Co",
        ),
        ("Acme, LLC. (2019). Catalogue of anvils. Phoenix.", "Acme, LLC"),
        ("Anthropic, P.B.C. (2024). Model card. San Francisco.", "Anthropic, P.B.C"),
        ("Varga Holdings Pty Ltd. (2020). Annual report. Sydney.", "Varga Holdings Pty Ltd"),
        ("Siemens A.G. 2015. Annual report. Munich: Siemens.", "Siemens A.G"),
    ],
)
def test_a_company_with_its_legal_form_is_one_body(entry: str, body: str) -> None:
    ref = parse(entry)
    assert families(ref) == [body]
    assert ref.authors[0].organisation


def test_people_whose_initials_look_like_a_legal_form_stay_people() -> None:
    # Vancouver "Smith SA" is S. A. Smith, and a family "Co" is a person's
    ref = parse("Smith SA, Jones B. Nest predation. Ibis. 2008;156:701-715.")
    assert families(ref) == ["Smith", "Jones"]
    people = parse("Smith, J., & Co, L. (2010). Nest predation. Ibis, 3, 1-9.")
    assert families(people) == ["Smith", "Co"]
