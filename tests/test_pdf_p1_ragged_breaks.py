"""Paragraphs in ragged-right text (a manuscript saved to PDF from a word processor,
set flush left): a line ends where the next word did not fit, so a sentence ending
well short of the right edge is a paragraph's end only when the next line's first
word would have fitted in the room left. Read with the justified-text cue alone (a
sentence ending four ems short ends its paragraph), a caption or paragraph whose next
word was long was cut in two ("... are treated together." / "Carboxysomes are shown
..."), and the halves matched nothing the text holds."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

# flush-left lines of one paragraph, ends as ragged as a word processor leaves them
RAGGED = [
    "Cells were grown in the dark for three days and",
    "then moved to light, where growth",
    "resumed within a few hours in every culture we",
    "followed, though more slowly in",
    "the older cultures than in the young ones, and",
    "the pigments were measured twice a",
]
SHORT_END = "day in each of the flasks, as noted."  # a sentence ends with room for a short word


def _after(lines: list[str], line: str) -> str:
    """The line the reader gives after `line` ("" is a paragraph break)."""
    return lines[lines.index(line) + 1]


def _read(tmp_path: Path, following: str) -> list[str]:
    column = Column([*RAGGED, SHORT_END, following, *RAGGED])
    path = write_pdf(tmp_path / "ragged.pdf", [Page([column])])
    return [line.text for line in read_manuscript(path).lines]


def test_a_long_word_that_did_not_fit_runs_the_paragraph_on(tmp_path: Path) -> None:
    following = "Photosynthetically active light was measured"
    assert _after(_read(tmp_path, following), SHORT_END) == following


def test_a_short_word_that_would_have_fitted_starts_a_paragraph(tmp_path: Path) -> None:
    following = "We then measured the light in each room"
    assert _after(_read(tmp_path, following), SHORT_END) == ""
