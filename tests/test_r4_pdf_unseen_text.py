"""A PDF's text no reader of the page sees is not read, and the audit says so once.

A PDF can carry text that prints as nothing: render mode 3 (invisible; an OCR layer
uses it over its scanned image, where the image shows the same words), white ink on
the white page, glyphs set outside the page's crop box, type a hair high. The reader
took every glyph pdfium gave: "(Smith, 2019)" set invisibly cited Smith's entry, and
the uncited entry the editor would have been told of was hidden from the audit
(`manuscript.pdf_unseen`). What does show is read as before: white type on a dark
box, invisible text over an image (a scan's OCR layer), ordinary small print.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from citeaudit.audit import AuditInput, audit

WIDTH, HEIGHT = A4
ENTRIES = (
    "Lee, A. (2001). A work on things. Journal of Things, 1, 2-3.",
    "Smith, B. (2019). Another work here. Journal of Things, 4, 5-6.",
)
Draw = Callable[[Canvas, float], None]


def _invisible(canvas: Canvas, y: float) -> None:
    text = canvas.beginText(56, y)
    text.setTextRenderMode(3)
    text.textOut("As argued (Smith, 2019).")
    text.setTextRenderMode(0)
    canvas.drawText(text)


def _white(canvas: Canvas, y: float) -> None:
    canvas.setFillColorRGB(1, 1, 1)
    canvas.drawString(56, y, "As argued (Smith, 2019).")
    canvas.setFillColorRGB(0, 0, 0)


def _off_page(canvas: Canvas, y: float) -> None:
    canvas.drawString(WIDTH + 40, y, "As argued (Smith, 2019).")


def _hairline(canvas: Canvas, y: float) -> None:
    canvas.setFont("Times-Roman", 0.4)
    canvas.drawString(56, y, "As argued (Smith, 2019).")
    canvas.setFont("Times-Roman", 10)


def _white_on_dark(canvas: Canvas, y: float) -> None:
    canvas.rect(50, y - 5, 200, 16, fill=1)
    _white(canvas, y)


def _ocr_layer(canvas: Canvas, y: float) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    canvas.drawImage(ImageReader(Image.new("L", (100, 10), 90)), 50, y - 5, 200, 16)
    _invisible(canvas, y)


def _pdf(path: Path, draw: Draw) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Times-Roman", 10)
    y = HEIGHT - 80
    canvas.drawString(56, y, "Intro as shown (Lee, 2001).")
    y -= 20
    draw(canvas, y)
    y -= 20
    canvas.drawString(56, y, "Some more text that everybody sees here.")
    y -= 30
    canvas.setFont("Times-Bold", 12)
    canvas.drawString(56, y, "References")
    canvas.setFont("Times-Roman", 10)
    for entry in ENTRIES:
        y -= 16
        canvas.drawString(56, y, entry)
    canvas.showPage()
    canvas.save()
    return path


def _audit(path: Path) -> tuple[list[str], list[str]]:
    result = audit(AuditInput(manuscripts=(path,)))
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    notes = [f.message for f in result.findings if f.rule == "unreadable-input"]
    return uncited, notes


@pytest.mark.parametrize(
    ("draw", "why"),
    [
        (_invisible, "invisible"),
        (_white, "white"),
        (_off_page, "off the page"),
        (_hairline, "under 1.5 pt"),
    ],
    ids=["render-mode-3", "white-on-white", "off-page", "hairline"],
)
def test_unseen_text_cites_nothing_and_is_said_once(tmp_path: Path, draw: Draw, why: str) -> None:
    uncited, notes = _audit(_pdf(tmp_path / "a.pdf", draw))
    assert len(uncited) == 1 and "Smith" in uncited[0]
    said = [n for n in notes if "no reader of the page sees" in n]
    assert len(said) == 1 and why in said[0]


@pytest.mark.parametrize("draw", [_white_on_dark, _ocr_layer], ids=["white-on-dark", "ocr-layer"])
def test_text_that_shows_is_read(tmp_path: Path, draw: Draw) -> None:
    uncited, notes = _audit(_pdf(tmp_path / "a.pdf", draw))
    assert uncited == []
    assert not any("no reader of the page sees" in n for n in notes)


def test_a_plain_pdf_has_no_note(tmp_path: Path) -> None:
    uncited, notes = _audit(_pdf(tmp_path / "a.pdf", lambda canvas, y: None))
    assert len(uncited) == 1 and notes == []


def test_a_pdf_whose_every_glyph_is_unseen_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    text = canvas.beginText(56, HEIGHT - 80)
    text.setTextRenderMode(3)
    text.textLine("Nothing here shows (Smith, 2019).")
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    result = audit(AuditInput(manuscripts=(path,)))
    messages = [f.message for f in result.findings]
    assert any("no reader of the page sees" in m for m in messages)
    assert not any("no text layer" in m for m in messages)


def test_text_outside_a_crop_box_set_inside_the_media_box_is_unseen(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setCropBox((40, 40, WIDTH - 40, HEIGHT - 40))
    canvas.setFont("Times-Roman", 10)
    canvas.drawString(56, HEIGHT - 80, "Intro as shown (Lee, 2001).")
    canvas.drawString(56, HEIGHT - 20, "Trimmed off (Smith, 2019).")  # inside the media box
    canvas.setFont("Times-Bold", 12)
    canvas.drawString(56, HEIGHT - 120, "References")
    canvas.setFont("Times-Roman", 10)
    for k, entry in enumerate(ENTRIES):
        canvas.drawString(56, HEIGHT - 136 - 16 * k, entry)
    canvas.showPage()
    canvas.save()
    uncited, notes = _audit(path)
    assert len(uncited) == 1 and "Smith" in uncited[0]
    assert any("off the page" in n for n in notes)


def _image(canvas: Canvas, x: float, y: float, w: float, h: float, clear: bool = False) -> None:
    """A grey picture; `clear`: its grey masked out (a colour-key mask), so it shows
    what lies under it."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    picture = ImageReader(Image.new("RGB", (40, 10), (200, 200, 200)))
    canvas.drawImage(picture, x, y, w, h, mask=[190, 210, 190, 210, 190, 210] if clear else None)


def _under_image(canvas: Canvas, y: float) -> None:
    canvas.drawString(56, y, "As argued (Smith, 2019).")
    _image(canvas, 50, y - 5, 200, 16)  # drawn after the text, opaque: covers it


def _over_image(canvas: Canvas, y: float) -> None:
    _image(canvas, 50, y - 5, 200, 16)
    canvas.drawString(56, y, "As argued (Smith, 2019).")  # drawn on the picture: shows


def _under_clear_image(canvas: Canvas, y: float) -> None:
    canvas.drawString(56, y, "As argued (Smith, 2019).")
    _image(canvas, 50, y - 5, 200, 16, clear=True)  # a transparent picture shows it


def test_text_an_opaque_image_covers_is_unseen(tmp_path: Path) -> None:
    uncited, notes = _audit(_pdf(tmp_path / "a.pdf", _under_image))
    assert len(uncited) == 1 and "Smith" in uncited[0]
    assert any("under an image" in n for n in notes)


@pytest.mark.parametrize("draw", [_over_image, _under_clear_image], ids=["over", "clear-image"])
def test_text_on_or_under_a_clear_image_is_read(tmp_path: Path, draw: Draw) -> None:
    uncited, notes = _audit(_pdf(tmp_path / "a.pdf", draw))
    assert uncited == [] and not any("no reader of the page sees" in n for n in notes)


def test_a_scan_s_text_layer_under_its_page_image_is_read(tmp_path: Path) -> None:
    """OCR tools may put the words under the scanned page's picture: the picture
    shows them, so a page-sized image hides nothing."""

    def scan(canvas: Canvas, y: float) -> None:
        canvas.drawString(56, y, "As argued (Smith, 2019).")
        _image(canvas, 0, 0, WIDTH, HEIGHT)

    uncited, notes = _audit(_pdf(tmp_path / "a.pdf", scan))
    assert uncited == [] and not any("no reader of the page sees" in n for n in notes)
