"""A page's images and shapes are tested against each glyph a bounded number of times.

Found by red team r3 (/work/helpers/r3-pdf-unseen-box-tests.diff, whose page builder
and counts these are): `pdf_unseen` looked, for each glyph, through all of its page's
covers, images and dark shapes, and a page may hold 50,000 objects -- one tiny image
drawn 48,000 times beside 200 lines of text was 9,800 x 48,000 box tests, 16.7 s of
the PDF child's CPU for one page. Now a glyph is tested only against the boxes near
it (`pdf_unseen.BoxIndex`), at most `MAX_COMPARISONS` a page, and a page renders at
most `MAX_RENDERS` covers. Counted by the boxes tested, never by a clock.
"""

from __future__ import annotations

import dataclasses
import itertools
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit.manuscript import pdf_pages, pdf_unseen
from tests.security.pdf_objects import pdf_from_objects


def _page_of_covers(covers: int, lines: int, *, over: bool = False) -> bytes:
    """One page: a 1-pixel image drawn `covers` times in 4-point tiles, and `lines`
    lines of text; the images first, or (`over`) painted over the text's lines."""
    bottom = 830 - 4 * lines if over else 20
    draws = b"".join(
        b"q 4 0 0 4 %d %d cm /Im Do Q\n" % (20 + (i % 140) * 4, bottom + (i // 140 % 190) * 4)
        for i in range(covers)
    )
    line = b"1 0 0 1 20 %d Tm (Quorvex 2020 holds a made-up line of text here ok) Tj\n"
    text = b"BT /F1 3 Tf " + b"".join(line % (830 - 4 * n) for n in range(lines)) + b"ET\n"
    content = zlib.compress(text + draws if over else draws + text, 9)
    pixel = zlib.compress(b"\x00\x00\x00", 9)
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im 6 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
            + content
            + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB "
            b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
            % len(pixel)
            + pixel
            + b"\nendstream",
        ]
    )


class _Counted(tuple):  # type: ignore[type-arg]
    """A page's boxes, counting every box a glyph is tested against."""

    def __iter__(self) -> Iterator[Any]:
        for box in super().__iter__():
            _TESTED[0] += 1
            yield box


_TESTED = [0]
_CHAIN = itertools.chain  # the index's look-up goes through it: counted while patched


def _counting_chain(*parts: Iterable[Any]) -> Iterator[Any]:
    for item in _CHAIN(*parts):
        _TESTED[0] += 1
        yield item


def test_box_tests_per_page_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = pdf_pages.page_ink

    def counted(*args: Any) -> pdf_unseen.PageInk:
        ink = original(*args)
        return dataclasses.replace(
            ink,
            covers=_Counted(ink.covers),
            images=_Counted(ink.images),
            grounds=_Counted(ink.grounds),
        )

    monkeypatch.setattr(pdf_pages, "page_ink", counted)
    monkeypatch.setattr(pdf_unseen.itertools, "chain", _counting_chain)
    _TESTED[0] = 0
    path = tmp_path / "covers.pdf"
    path.write_bytes(_page_of_covers(4_000, 20))  # 980 glyphs x 4,000 covers before
    read = pdf_pages.read_pages(path, "covers.pdf")
    assert _TESTED[0] <= pdf_unseen.MAX_COMPARISONS
    text = " ".join(line.text for line in read.lines)
    assert text.count("Quorvex 2020") == 20  # the text under none of them is still read


def test_covers_rendered_per_page_are_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    renders = [0]
    original = pdf_unseen._opaque

    def counted(*args: Any) -> bool:
        renders[0] += 1
        return original(*args)

    monkeypatch.setattr(pdf_unseen, "_opaque", counted)
    path = tmp_path / "over.pdf"
    path.write_bytes(_page_of_covers(1_400, 10, over=True))  # tiles over every glyph
    pdf_pages.read_pages(path, "over.pdf")
    assert renders[0] <= pdf_unseen.MAX_RENDERS  # before: one render for each tile hit
