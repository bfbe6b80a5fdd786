"""A quoted title inside an author-year group ("(Roe, Pan and Li, “Quorum, consensus”,
2017)") and MLA's author, title and page ("(Roe, “Votes and Ballots” 12)"). Made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations.item_parser import parse_group
from tests.verdicts import markdown_verdict


def _verdict(tmp_path: Path, text: str) -> tuple[set[str], set[str]]:
    """(uncited entries' first 20 characters, missing citations' text)."""
    return markdown_verdict(tmp_path, text, 20)


@pytest.mark.parametrize(
    ("group", "authors"),
    [
        ("Roe, Pan and Li, “Quorum, consensus”, 2017", ("Roe", "Pan", "Li")),
        ('Roe, "Quorum and votes" 2017', ("Roe",)),
        ("Moreau et al., « Ports, quais et marées », 2017", ("Moreau",)),
        ("Schulz, „Karten, Pläne“, 2017", ("Schulz",)),
        ("Lima e Souza, “Merenda, escola e saúde”, 2017", ("Lima", "Souza")),
    ],
)
def test_quoted_title_between_names_and_year(group: str, authors: tuple[str, ...]) -> None:
    (work,) = parse_group(group)
    assert (work.authors, work.labels[0].year) == (authors, 2017)


def test_quoted_titles_cite_their_entries(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nVotes count (Roe, Pan and Li, “Quorum, consensus”, 2017; Roe, "
        "“Ballots, urns”, 2019).\n\n# References\n\n"
        "Roe, A., Pan, B., & Li, C. (2017). Quorum, consensus and votes. Example "
        "Journal, 3, 1–9.\n\nRoe, A. (2019). Ballots, urns and counts. Example Press.\n"
    )
    assert _verdict(tmp_path, text) == (set(), set())


def test_mla_author_title_page_cites_the_titled_work(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nVotes matter (Roe, “Votes and Ballots” 12), as do depots (Kim, "
        "“Stock in Depots” 3).\n\n# Works Cited\n\n"
        "Roe, Ann. Quorum Rules Today. Example Press, 2015.\n\n"
        "Roe, Ann. “Votes and Ballots.” Example Journal, vol. 3, 2017, pp. 1–9.\n\n"
        "Kim, Dae. Stock in Depots. Example Press, 2001.\n"
    )
    uncited, missing = _verdict(tmp_path, text)
    assert (uncited, missing) == ({"Roe, Ann. Quorum Rul"}, set())
