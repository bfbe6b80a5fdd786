"""A government body written under its country ("Canada. Ministry of X. 2004. Title.",
the Australian and Commonwealth style) is one corporate author (issue 12, point 5):
the country alone was read as the author and the ministry as the title. Made-up
entries only."""

from __future__ import annotations

import pytest

from tests.freetext.helpers import families, parse


@pytest.mark.parametrize(
    ("text", "author", "title"),
    [
        (
            "Canada. Ministry of Imaginary Affairs. 2004. A made-up report on things. "
            "Ottawa: Fictive Printer.",
            "Canada. Ministry of Imaginary Affairs",
            "A made-up report on things",
        ),
        (
            "Australia. Department of Invented Affairs. 1913. Made-up territory, report on "
            "operations. Melbourne: Fictive Printer.",
            "Australia. Department of Invented Affairs",
            "Made-up territory, report on operations",
        ),
    ],
)
def test_the_country_and_its_body_are_one_author(text: str, author: str, title: str) -> None:
    ref = parse(text)
    assert families(ref) == [author]
    assert ref.authors[0].organisation
    assert ref.title == title


def test_a_one_word_sentence_before_a_title_is_not_a_country() -> None:
    ref = parse("Roe. Department stores of a made-up town. Fictive Press, 2004.")
    assert families(ref) != ["Roe. Department stores of a made-up town"]
