"""A hostile host's "not found" pages are compared in linear work, not in quadratic.

A link whose page says "not found" (in its title and text) while the host answers
200 is compared with the host's answer for a page that surely does not exist: the
same text makes it a soft 404. The texts (8,000 characters each at most) were
compared with difflib's matcher, whose work grows with the square of the length, and
faster on a text of few distinct characters: two pages of random "a" and "b" took
7 s of a worker per link (1,000 characters: 0.07 s), for 16 KB sent. Now the share
of characters in common is computed bit-parallel (rapidfuzz), milliseconds.

Counted, not timed (tests/security/counted_work.py): the calls made at a base size
and at 8 times it -- difflib's matcher makes a dictionary call per pair of equal
characters it visits -- fail past 16x growth.
"""

from __future__ import annotations

import random

import pytest

from citeaudit.links.soft404 import Page, is_soft_404
from tests.security.counted_work import Case, assert_linear

TITLE = "<html><head><title>Page not found</title></head><body><p>Not found. "


def _pages(n: int) -> tuple[Page, Page]:
    rng = random.Random(n)
    page = "".join(rng.choice("ab") for _ in range(n))
    absent = "".join(rng.choice("ab") for _ in range(n))
    return (
        Page("https://x.example/a/paper", "https://x.example/a/paper", 200, TITLE + page),
        Page("https://x.example/a/zz-absent", "https://x.example/a/zz-absent", 200, TITLE + absent),
    )


CASES = {
    "pages of two letters": Case(_pages, lambda pages: is_soft_404(*pages), 1_000),
}


@pytest.mark.parametrize("name", CASES)
def test_comparing_a_page_with_the_absent_one_grows_linearly(name: str) -> None:
    assert_linear(__name__, name)


def test_the_host_s_not_found_page_is_still_told_from_a_real_one() -> None:
    words = " ".join(f"word{i % 37}" for i in range(600))
    page = Page("https://x.example/a/p", "https://x.example/a/p", 200, TITLE + words)
    same = Page("https://x.example/a/q", "https://x.example/a/q", 200, TITLE + words + " x")
    other = Page(
        "https://x.example/a/q",
        "https://x.example/a/q",
        200,
        TITLE + " ".join(f"other{i % 11} text" for i in range(600)),
    )
    assert is_soft_404(page, same)
    assert not is_soft_404(page, other)
