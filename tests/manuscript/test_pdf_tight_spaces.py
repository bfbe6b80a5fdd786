"""A tightly justified line keeps the space after an "f".

An "f"'s box reaches past the room its letter takes (its hook overhangs the next
letter), so on a line justified with narrow spaces the gap measured after "of" is
smaller than any other space on the line, and the space the text gives there was
dropped as a ligature's stray space: "ofirradiated", "Journal ofthe American" in
journals' reference lists. The PDFs are printed here."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from citeaudit.manuscript.reading import read_manuscript


def _tight_pdf(path: Path, word_space: float) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    text = canvas.beginText(56, 700)
    text.setFont("Times-Roman", 10)
    text.setWordSpace(word_space)
    text.textLine("Tidal mixing of estuaries and the salt wedge of rivers (Okafor, 2019).")
    text.setWordSpace(0)
    text.textLine("The wedge moves with the tide, as the made-up survey shows.")
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    return path


def test_a_narrow_space_after_an_f_is_kept(tmp_path: Path) -> None:
    document = read_manuscript(_tight_pdf(tmp_path / "tight.pdf", -1.5))
    first = document.lines[0].text
    assert first == "Tidal mixing of estuaries and the salt wedge of rivers (Okafor, 2019)."


def test_letters_of_one_word_stay_together(tmp_path: Path) -> None:
    document = read_manuscript(_tight_pdf(tmp_path / "plain.pdf", 0))
    texts = [line.text for line in document.lines if line.text]
    assert texts[1] == "The wedge moves with the tide, as the made-up survey shows."
    assert "of estuaries" in texts[0]
