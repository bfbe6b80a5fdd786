"""CSL-JSON issued dates: the first plausible year of date-parts, never 0 or below."""

from __future__ import annotations

import json

import pytest

from citeaudit.bibliography.csl_json import parse_csl_json


@pytest.mark.parametrize(
    ("parts", "year", "problems"),
    [
        ([[-1], [2017]], 2017, 0),  # an exporter's placeholder start, then the year
        ([[2017, 3], [2018]], 2017, 0),
        ([["2019", "3"]], 2019, 0),
        ([[0]], None, 0),
        ([[-350]], None, 0),  # BCE: a year, but never shown as "-350"
        ([["spring"]], None, 1),
    ],
)
def test_first_plausible_year(parts: list[list[object]], year: int | None, problems: int) -> None:
    item = {"id": "a", "type": "book", "title": "A", "issued": {"date-parts": parts}}
    bibliography = parse_csl_json(json.dumps([item]), "refs.json")
    assert [r.year for r in bibliography.references] == [year]
    assert len(bibliography.problems) == problems
