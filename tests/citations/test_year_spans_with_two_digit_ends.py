"""A work published over two years cited by its span with the end's last two digits,
"1926–27", "2019-20": one work of its first year, and the run of years after it goes
on ("Urban 1921, 1923,1926–27,1929,1931" lost the last two works). Found on the fresh
split of benches/real_articles.py; made-up names."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.years import parse_years

from .helpers import document


def _years(text: str) -> list[int | None]:
    parsed = parse_years(text)
    assert parsed is not None
    return [label.year for label in parsed[0]]


def test_a_two_digit_end_is_one_work_and_the_run_goes_on() -> None:
    assert _years("1921, 1923,1926–27,1929,1931") == [1921, 1923, 1926, 1929, 1931]
    assert _years("2019-20; 2022") == [2019, 2022]


def test_groups_and_narratives_read_every_work_of_the_run() -> None:
    found = [
        (c.authors, c.year)
        for c in extract_citations(
            document("Leaves (Okonjo 1921, 1926–27, 1929; Varga 1991) fall, as Lind (1990–91) saw.")
        )
    ]
    assert found == [
        (("Okonjo",), 1921),
        (("Okonjo",), 1926),
        (("Okonjo",), 1929),
        (("Varga",), 1991),
        (("Lind",), 1990),
    ]


def test_a_page_or_a_number_is_no_span() -> None:
    parsed = parse_years("2019-200")  # not the span "2019-20" and a stray "0"
    assert parsed is not None and [label.text for label in parsed[0]] == ["2019"]
    assert [c.year for c in extract_citations(document("(Okonjo 2010, pp. 201–12)"))] == [2010]
