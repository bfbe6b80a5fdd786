"""A pattern anchored at a line's end, searched over the whole line, is quadratic.

``\\b[^\\W\\d_][\\w'’\\-]*[^\\W\\d_]$`` asks whether a PDF line ends in a name (so the next
line's "(2001)" finishes its citation). ``search`` tries it from every word boundary,
and from each one the run of word characters is scanned to the line's end: on a line
like ``a’a’a’…!`` (or ``A-A-A-…!``) that is n^2/2 steps. A hostile PDF sets lines of
32,000 characters (text run past the page's edge, which pdfium reads whole): each took
7-8 s in the worker's own process (the engine's limits do not cover it), and a page of
them held a worker for hours. Only a line's tail can end a citation, so only its
tail is searched. The same held for a line a hyphenated word or a cut link may join
(at most 4,096 characters): ``aaa…a-b-`` took 0.35 s a line, ``www.www.…`` 15 ms. The
bound is on the growth of CPU time (as in
test_redos_patterns.py: the engine's backtracking is what counted_work cannot see):
linear 4x, quadratic 16x, failing past 10x.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citeaudit.manuscript.pdf_layout import PdfLine
from citeaudit.manuscript.pdf_text import join_broken_citations, join_broken_words
from tests.security.test_redos_patterns import MAX_GROWTH, SCALE, growth


def _line(text: str, number: int) -> PdfLine:
    return PdfLine(
        page=1, x0=72, x1=540, top=700 - 14 * number, base=710 - 14 * number, size=10,
        text=text, number=number,
    )  # fmt: skip


def _citations(text: str) -> object:
    return join_broken_citations([_line(text, 1), _line("(2001) and more text here.", 2)])


def _words(text: str) -> object:
    return join_broken_words([_line(text, 1), _line("tional and more text here.", 2)])


def _many_words(text: str) -> object:
    """Twenty lines of `text` (each under the 4,096 characters a join looks at)."""
    lines = []
    for k in range(0, 40, 2):
        lines += [_line(text, k + 1), _line("tional and more text here.", k + 2)]
    return join_broken_words(lines)


SHAPES: list[tuple[str, Callable[[int], str], Callable[[str], object]]] = [
    ("name-ending-then-bang", lambda n: "a’" * (n // 2) + "!", _citations),
    ("capital-run-then-bang", lambda n: "A-" * (n // 2) + "!", _citations),
    ("name-comma-then-bang", lambda n: "A'" * (n // 2) + "!", _citations),
    ("letters-then-hyphens", lambda n: "a" * n + "-b-", _words),
    ("letters-then-hyphens-joinable", lambda n: "a" * (n // 8) + "-b-", _many_words),
    ("web-addresses-then-a-word", lambda n: "www." * (n // 32) + " x", _many_words),
    ("doi-leads-then-a-word", lambda n: "doi:" * (n // 32) + " x", _many_words),
]


@pytest.mark.parametrize(("name", "build", "run"), SHAPES, ids=[s[0] for s in SHAPES])
def test_work_grows_linearly(
    name: str, build: Callable[[int], str], run: Callable[[str], object]
) -> None:
    ratio = growth(build, run, 4_000)
    assert ratio < MAX_GROWTH, f"{name}: x{SCALE} the input took x{ratio:.0f} the time"


@pytest.mark.parametrize(
    ("text", "following", "joined"),
    [
        ("as shown by Okafor", "(2010) in a trial.", "as shown by Okafor (2010)"),
        ("a long line first " * 20 + "as Ruff et", "al. (1997) found.", "Ruff et al. (1997)"),
        ("see Jungers et al.,", "2009b, and others.", "Jungers et al., 2009b,"),
        ("in (Wang et al.,", "2016) we read.", "(Wang et al., 2016)"),
        ("x" * 300 + " and Howard &", "Gugger (2020) said.", "Howard & Gugger (2020)"),
    ],
)
def test_citations_cut_at_a_line_end_are_still_joined(
    text: str, following: str, joined: str
) -> None:
    first, _second = join_broken_citations([_line(text, 1), _line(following, 2)])
    assert first.text.endswith(joined)
