"""A count and lower-case words before a year in a parenthesis are no author.

"(1,760,000 estimated in 2002 [2])" in a paper citing in brackets was read as an
author-year citation of the "author" "1,760,000 estimated in" (the reading of "(1000
Genomes Project Consortium 2015)", a name opening with a number), and that reading
took the place of the bracket inside it: entry 2 was called never cited. A name that
opens with a number goes on with a capitalised word ("1000 Genomes", "The 1000
Genomes"); a number and lower-case words are a count.
Made-up examples.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.citations.item_parser import parse_group
from tests.verdicts import markdown_verdict

_LIST = "## References\n\n" + "".join(
    f"{n}. Author{chr(64 + n)} A, Other B. Title of work {n}. J Exp 20{n:02d}; {n}: 1-9.\n\n"
    for n in range(1, 7)
)


def test_a_bracket_inside_a_count_before_a_year_cites(tmp_path: Path) -> None:
    body = (
        "Praziquantel is used widely [1]. About 700 years of life were lost (1,760,000 "
        "estimated in 2002 [2]). Cure rates vary [3]-[5] (about 3,000 treated in 2010 [6]).\n\n"
    )
    assert markdown_verdict(tmp_path, body + _LIST, 9) == (set(), set())


def test_names_opening_with_a_number_still_read() -> None:
    for group, name in (
        ("1000 Genomes Project Consortium 2015", "1000 Genomes Project Consortium"),
        ("The 1000 Genomes Project Consortium 2015", "1000 Genomes Project Consortium"),
    ):
        works = parse_group(group)
        assert works, group
        assert name in works[0].authors[0], (group, works[0].authors)


def test_a_count_and_lower_case_words_is_no_name() -> None:
    assert not parse_group("1,760,000 estimated in 2002")
    assert not parse_group("3,000 treated in 2010")


def test_a_bracket_citation_inside_the_words_before_a_year_cites(tmp_path: Path) -> None:
    """ "(estimated by ARPAE [4] over the period 1991–2015)": the words before the span
    hold a numeric citation, so they are no author's name; the bracket cites."""
    body = (
        "Praziquantel is used widely [1]-[3]. Rain was 696 mm a year (estimated by "
        "AGENCY [4] over the period 1991–2015) and more [5], [6].\n\n"
    )
    assert markdown_verdict(tmp_path, body + _LIST, 9) == (set(), set())
    assert not parse_group("estimated by AGENCY [4] over the period 1991–2015")
