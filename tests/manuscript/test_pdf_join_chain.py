"""Joining cut links and hyphenated words is linear on a hostile chain of lines.

A PDF can print thousands of one-token lines that each look like the next piece of
a link. Each join used to search the whole grown line and delete from the middle of
the list: 8,000 such lines took 37 s. Now a line stops growing past any printed
line's length, and lines are carried in one pass. Counted, not timed."""

from __future__ import annotations

from citeaudit.manuscript import pdf_text
from citeaudit.manuscript.pdf_layout import PdfLine


def _line(i: int, text: str) -> PdfLine:
    top = 100.0 + 12 * i
    return PdfLine(page=1, x0=50, x1=300, top=top, base=top + 10, size=10, text=text)


def test_a_cut_link_is_joined_onto_its_line() -> None:
    lines = [_line(0, "See https://data.example.org/records/"), _line(1, "item-42 for more.")]
    out = pdf_text.join_broken_words(lines)
    assert out[0].text.endswith("https://data.example.org/records/item-42")
    assert out[1].text.strip() == "for more."


def test_a_chain_of_link_pieces_stops_growing_and_keeps_every_piece() -> None:
    pieces = [f"p{i:05d}/" for i in range(6000)]
    lines = [_line(0, "https://host.example/"), *(_line(i + 1, p) for i, p in enumerate(pieces))]
    out = pdf_text.join_broken_words(lines)
    assert all(len(line.text) <= pdf_text._MAX_JOINED + 16 for line in out)
    # nothing is lost: every piece is still read, on some line
    text = "".join(line.text for line in out)
    assert text.count("/p") == len(pieces)
