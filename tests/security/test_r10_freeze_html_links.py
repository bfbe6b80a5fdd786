"""Links in an HTML page are found in linear time, however the page is broken.

`citeaudit links page.html` read HTML with the standard library's HTMLParser, whose
tolerant start-tag match runs over every would-be attribute to the end of the input
from each ``<`` that never meets its ``>`` (CPython issues 135661 and friends, fixed
only in later patch releases): a 12 KB page of ``<a `` took 3 s, a 1 MB one hours.
The page is now scanned by `citeaudit.links.html_scan`, each character looked at a
bounded number of times. Growth is compared, never timed against a limit.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citeaudit.links.extract import extract_links
from tests.security.growth import growth_at

growth = growth_at(8)
HEAD = '<html><body><p>See <a href="https://example.org/x">x</a>.</p>'

SHAPES: dict[str, Callable[[int], str]] = {
    "start tags never closed": lambda n: HEAD + "<a " * (n // 3),
    "attributes never closed": lambda n: HEAD + "<a b=c " * (n // 7),
    "quotes inside tags never closed": lambda n: HEAD + "<p title='" * (n // 10),
    "end tags never closed": lambda n: HEAD + "</a " * (n // 4),
    "declarations never closed": lambda n: HEAD + "<!x " * (n // 4),
    "comments never closed": lambda n: HEAD + "<!-- " * (n // 5),
    "scripts never closed": lambda n: HEAD + "<script>x " * (n // 10),
    "many links": lambda n: HEAD + '<a href="https://example.org/p">q</a> ' * (n // 40),
}


@pytest.mark.parametrize("name", SHAPES)
def test_html_link_extraction_grows_linearly(name: str) -> None:
    ratio = growth(SHAPES[name], extract_links, 4_000)
    assert ratio < 20, f"{name}: 8x the input took {ratio:.0f}x the time"


def test_links_in_attributes_and_text_keep_their_places() -> None:
    page = (
        "<!DOCTYPE html>\n<html><head><title>t</title></head>\n"
        '<body><p>Read <a class=x href="https://example.org/a?b=1&amp;c=2">this</a>\n'
        "and https://example.org/text &amp; doi:10.1234/abc.</p>\n"
        "<!-- https://example.org/commented -->\n"
        "<img src='https://example.org/i.png' alt=\"a > b\">"
        "<blockquote cite=https://example.org/q>x</blockquote>"
        '<a href="#top">top</a><A HREF="https://example.org/UPPER">u</A>\n'
        "<script>var u = 'https://example.org/s';</script>\n"
    )
    found = [(f.target.value, f.line, f.column) for f in extract_links(page)]
    assert found == [
        ("https://example.org/a?b=1&c=2", 3, 15),
        ("https://example.org/text", 4, 5),
        ("10.1234/abc", 4, 36),
        ("https://example.org/i.png", 6, 1),
        ("https://example.org/q", 6, 50),
        ("https://example.org/UPPER", 6, 125),
        ("https://example.org/s", 7, 18),
    ]


def test_a_tag_cut_off_by_the_end_of_the_page_keeps_the_links_before_it() -> None:
    page = HEAD + " and https://example.org/y <a href='https://example.org/z"
    values = [f.target.value for f in extract_links(page)]
    assert values[:2] == ["https://example.org/x", "https://example.org/y"]
