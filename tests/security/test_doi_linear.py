"""Floods of DOIs and URLs in text (issue 11, points 3 and 4): linear extraction.

Each input is generated here. No clock: the work is counted at 2,500 and 20,000
characters (tests/security/counted_work.py; linear grows 8x, quadratic 64x) -- the
quadratic versions these tests replace took a minute and more on the 40 KB
``10.1000/x`` flood.
"""

from __future__ import annotations

import pytest

from citeaudit.doi import doi_problem, find_dois, normalize_doi
from citeaudit.links.extract import extract_links
from citeaudit.links.soft404 import title_of, visible_text
from citeaudit.matching.records import normalise_title
from citeaudit.resolve.journals import journal_known
from citeaudit.watch.mail_address import EMAIL as _EMAIL
from tests.security.counted_work import SCALE, Case, assert_linear, repeated

SIZE = 40_000

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


def flood(unit: str, size: int = SIZE) -> str:
    return unit * (size // len(unit))


def _all_doi_readers(text: str) -> None:
    for read in (find_dois, extract_links, normalize_doi, doi_problem):
        read(text)


PAGE_UNITS = ["<script", "<title", "<style>", "<"]
BASE = SIZE // SCALE // 2

CASES = {
    **{
        f"doi: {name}": Case(repeated(unit), _all_doi_readers, BASE)
        for name, unit in SHAPES.items()
    },
    "doi: closing brackets": Case(lambda n: "see 10.1234/abc" + ")" * n, find_dois, BASE),
    "link: closing brackets": Case(
        lambda n: "https://example.org/a" + ")" * n, extract_links, BASE
    ),
    **{
        f"page: {unit}": Case(
            repeated(unit), lambda body: (title_of(body), visible_text(body)), BASE
        )
        for unit in PAGE_UNITS
    },
    "registry title": Case(lambda n: "<" * n, normalise_title, BASE),
    "registry journal": Case(
        lambda n: "A" + " " * n + "B", lambda name: journal_known(name, ["A B"]), BASE
    ),
}
# The e-mail pattern's hostile case ("a@" + dots + "@") is one failed match: how hard
# it backtracks inside the engine is no count a caller can see, so it is timed per
# pattern (CPU-time growth) in tests/security/test_redos_patterns.py's way, not here.


@pytest.mark.parametrize("name", CASES)
def test_extraction_work_grows_linearly(name: str) -> None:
    assert_linear(__name__, name)


def test_the_spaced_flood_is_found_whole() -> None:
    """Not only fast: every DOI of the flood is found, at its own offset."""
    text = flood("10.1000/x ")
    found = find_dois(text)
    assert len(found) == len(text) // len("10.1000/x ")
    assert found[1] == (10, "10.1000/x", "10.1000/x")
    assert len(extract_links(text)) == len(found)


def test_a_run_of_closing_brackets_is_trimmed() -> None:
    text = "see 10.1234/abc" + ")" * SIZE
    assert find_dois(text)[0][2] == "10.1234/abc"
    links = extract_links("https://example.org/a" + ")" * SIZE)
    assert links[0].text == "https://example.org/a"


def test_page_text_still_drops_scripts_and_reads_titles() -> None:
    body = "<html><TITLE>Not &amp; found</title ><script>var a = '<p>';</script><p>Hi</p>"
    assert title_of(body) == "Not & found"
    assert visible_text(body) == "Not & found Hi"


def test_registry_matching_still_reads_titles() -> None:
    assert normalise_title("A <i>nice</i> title") == "a nice title"


def test_email_check_still_checks() -> None:
    assert _EMAIL.match("editor@journal.example.org")
    assert not _EMAIL.match("editor@journal..org")
