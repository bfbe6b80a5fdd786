"""freeze23: the links behind a PDF reference entry are added to it in linear work.

A PDF reference entry takes the web addresses of the link annotations behind its
lines, each one not already written in it. A page may hold 2,000 link rectangles
(`pdf_links`' cap); rectangles as big as the page stand behind every line. Each
address was checked against the entry's text made bare anew -- the text holding every
address added before -- and against a list of those found: the work grew with the
square of the links (one page, 20 entries, 2,000 links: 7.3 s of CPU; ten such
pages reach the document's cap of 20,000).

Counted, not timed: the characters handed to `_bare` (the step that made the entry
bare) and the calls made, at 200 and at 1,600 links behind one entry. Linear work
grows 8x; the old loop grew ~64x.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript import pdf_references
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.pdf_layout import PdfLine
from citeaudit.manuscript.pdf_links import LinkArea
from tests.security.counted_work import calls_in


def _group() -> list[tuple[PdfLine, Line]]:
    text = "Chen, A. (2018). Title. Journal 1, 2-3. https://a.example/7"
    printed = PdfLine(page=1, x0=56, x1=400, top=690, base=680, size=10, text=text)
    return [(printed, Line("paper.pdf", 1, text, page=1))]


def _links(n: int) -> dict[int, list[LinkArea]]:
    return {1: [LinkArea(f"https://a.example/{i}", 0, 0, 612, 792) for i in range(n)]}


def _work(n: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    bare = pdf_references._bare
    chars = 0

    def counted(text: str) -> str:
        nonlocal chars
        chars += len(text)
        return bare(text)

    monkeypatch.setattr(pdf_references, "_bare", counted)
    calls = calls_in(lambda: pdf_references._entry(_group(), _links(n), lambda s: s))
    return chars, calls


def test_links_behind_an_entry_cost_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    small_chars, small_calls = _work(200, monkeypatch)
    large_chars, large_calls = _work(1600, monkeypatch)
    assert large_chars < 16 * small_chars, (small_chars, large_chars)
    assert large_calls < 16 * small_calls, (small_calls, large_calls)


def test_an_address_already_written_is_not_added_again() -> None:
    entry = pdf_references._entry(_group(), _links(9), lambda s: s)
    assert entry.text.count("https://a.example/7") == 1
    assert "https://a.example/0" in entry.text
    assert "https://a.example/8" in entry.text
