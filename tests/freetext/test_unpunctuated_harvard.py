"""Harvard as some publishers set it: no stop after the names or after the year
(made-up entries). The author list ended nowhere, so the title was read as names."""

from __future__ import annotations

import pytest

from tests.freetext.helpers import families, parse


@pytest.mark.parametrize(
    ("entry", "authors", "year", "suffix"),
    [
        ("Kessal, R 2017 A title of a thing. Journal of Things 1: 1–2.", ["Kessal"], 2017, None),
        (
            "Abdirov, A S 2014 The mission must end soon. The Star (Ruritania), 11 March.",
            ["Abdirov"],
            2014,
            None,
        ),
        (
            "RUMISOM 2016a Militants recruit children. RUMISOM Video Release, 18 April.",
            ["RUMISOM"],
            2016,
            "a",
        ),
        (
            "Rubin, J and Okafor, T 2015 The title here. Journal 3(2): 4–9.",
            ["Rubin", "Okafor"],
            2015,
            None,
        ),
    ],
)
def test_names_then_year_then_title(
    entry: str, authors: list[str], year: int, suffix: str | None
) -> None:
    ref = parse(entry)
    assert families(ref) == authors
    assert (ref.year, ref.year_suffix) == (year, suffix)


def test_a_title_before_a_year_is_no_author_list() -> None:
    ref = parse("Global report 2016 World things. Geneva.")
    assert families(ref) != ["Global report"]
