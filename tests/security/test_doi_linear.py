"""Floods of DOIs and URLs in text (issue 11, points 3 and 4): linear extraction.

Each input is generated here (tens of KB). The caps are generous -- the linear
code takes a fraction of a second on each; the quadratic versions these tests
replace took a minute and more on the 40 KB ``10.1000/x`` flood.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from citeaudit.doi import doi_problem, find_dois, normalize_doi
from citeaudit.links.extract import extract_links
from citeaudit.links.soft404 import title_of, visible_text
from citeaudit.resolve.journals import journal_known
from citeaudit.resolve.matching import normalise_title
from citeaudit.watch.notify_settings import _EMAIL

SIZE = 40_000
CAP = 5.0  # seconds for every function on one shape together

SHAPES = {
    "doi-spaced": "10.1000/x ",
    "doi-glued": "10.1000/x",
    "doi-labelled": "doi:10.1000/x ",
    "doi-resolver-url": "https://doi.org/10.1000/x ",
    "short-doi": "doi:10/abc1 ",
    "loose-registrants": "10.1/x 10.12345/y ",
    "unclosed-sici": "doi:10.1234/<",
    "closers": "10.1234/x)",
    "broken-lines": "10.1234/x- ",
    "urls-and-dois": "https://a.org/x 10.1000/x ",
    "anchors": "<a ",
    "dotted-prefix": "10.1.2.3.4.5.6.7.8",
}


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def flood(unit: str, size: int = SIZE) -> str:
    return unit * (size // len(unit))


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_doi_and_link_extraction_is_linear(shape: str) -> None:
    text = flood(SHAPES[shape])
    spent = sum(
        timed(lambda f=f: f(text))  # type: ignore[misc]
        for f in (find_dois, extract_links, normalize_doi, doi_problem)
    )
    assert spent < CAP, f"{shape}: {spent:.1f} s"


def test_the_spaced_flood_is_found_whole() -> None:
    """Not only fast: every DOI of the flood is found, at its own offset."""
    text = flood("10.1000/x ")
    found = find_dois(text)
    assert len(found) == len(text) // len("10.1000/x ")
    assert found[1] == (10, "10.1000/x", "10.1000/x")
    assert len(extract_links(text)) == len(found)


def test_a_run_of_closing_brackets_is_trimmed_in_linear_time() -> None:
    text = "see 10.1234/abc" + ")" * SIZE
    assert timed(lambda: find_dois(text)) < CAP
    assert find_dois(text)[0][2] == "10.1234/abc"
    links = extract_links("https://example.org/a" + ")" * SIZE)
    assert links[0].text == "https://example.org/a"


@pytest.mark.parametrize("unit", ["<script", "<title", "<style>", "<"])
def test_page_text_of_hostile_bodies_is_linear(unit: str) -> None:
    body = flood(unit, 64 * 1024)  # the read cap of a link check
    assert timed(lambda: (title_of(body), visible_text(body))) < CAP


def test_page_text_still_drops_scripts_and_reads_titles() -> None:
    body = "<html><TITLE>Not &amp; found</title ><script>var a = '<p>';</script><p>Hi</p>"
    assert title_of(body) == "Not & found"
    assert visible_text(body) == "Not & found Hi"


def test_registry_matching_regexes_are_linear() -> None:
    assert timed(lambda: normalise_title("<" * SIZE)) < CAP
    assert timed(lambda: journal_known("A" + " " * SIZE + "B", ["A B"])) < CAP
    assert normalise_title("A <i>nice</i> title") == "a nice title"


def test_email_check_is_linear() -> None:
    assert timed(lambda: _EMAIL.match("a@" + "." * SIZE + "@")) < CAP
    assert _EMAIL.match("editor@journal.example.org")
    assert not _EMAIL.match("editor@journal..org")
