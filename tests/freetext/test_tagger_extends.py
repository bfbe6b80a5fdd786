"""Where the tagger's reading extends or shortens the rules' title and container."""

from __future__ import annotations

import pytest

from citeaudit.bibliography import freetext_crf

from .helpers import parse

pytestmark = pytest.mark.skipif(not freetext_crf.MODEL_PATH.is_file(), reason="no model built")


def test_a_meeting_named_with_its_year_is_one_container() -> None:
    ref = parse(
        "K. Obi, W. Lund, and K. Marsh. Incremental analysis for parallel loops. In "
        "Proceedings of the 1994 ACM International Conference on Supercomputing, pages "
        "12-19, June 1994."
    )
    assert ref.title == "Incremental analysis for parallel loops"
    assert ref.container == "Proceedings of the 1994 ACM International Conference on Supercomputing"


def test_the_end_of_an_author_list_is_not_the_title() -> None:
    ref = parse(
        "Hollis, Jennifer, Arnold E. Pratt and Miriam L. Walton. Border Lines: Essays on "
        "Northern Fiction. Toronto: University of Toronto Press, 2004."
    )
    assert ref.title == "Border Lines: Essays on Northern Fiction"
    assert ref.container is None


@pytest.mark.parametrize(
    ("text", "container"),
    [
        (
            'Lindholm, W. H. "The Paper Trade," Federal Reserve Review (August-September, 1921).',
            "Federal Reserve Review",
        ),
        (
            'Quist, W.; Tall, S. (2007), "Section 3.1. Spline Fitting", Numerical Methods: '
            "The Craft (3rd ed.), New York: Cambridge University Press.",
            "Numerical Methods: The Craft",
        ),
    ],
)
def test_a_bracketed_date_or_edition_ends_the_container(text: str, container: str) -> None:
    assert parse(text).container == container
