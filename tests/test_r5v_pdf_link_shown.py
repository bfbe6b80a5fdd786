"""A PDF link annotation's shown text (`pdf_links.LinkArea.shown`): the text under its
rectangle when it may be an address -- for deceptive-link to compare with the address
it opens; not the first part of that same address (a link a line break cut), not
words, and read for a bounded number of rectangles a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript import pdf_links
from citeaudit.manuscript.pdf_pages import read_pages


def _pdf(lines: list[tuple[int, str]], links: list[tuple[int, str]]) -> bytes:
    """A page with `lines` of text (baseline y, text) and link annotations (the
    baseline y of the line each covers, its URI), a rectangle over the whole line."""
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    content = b" ".join(
        b"BT /F1 10 Tf 72 %d Td (%b) Tj ET" % (y, text.encode("latin-1")) for y, text in lines
    )
    objects[5] = b"<< /Length %d >>\nstream\n%b\nendstream" % (len(content), content)
    annots = []
    for k, (y, uri) in enumerate(links):
        objects[6 + k] = b"<< /Type /Annot /Subtype /Link /Rect [71 %d 560 %d] " % (
            y - 2,
            y + 8,
        ) + b"/A << /S /URI /URI (%b) >> >>" % uri.encode("latin-1")
        annots.append(b"%d 0 R" % (6 + k))
    objects[4] = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
        b"/Annots [%b] /Resources << /Font << /F1 3 0 R >> >> >>" % b" ".join(annots)
    )
    out = b"%PDF-1.4\n"
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%b\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return out


def _shown(tmp_path: Path, lines: list[tuple[int, str]], links: list[tuple[int, str]]) -> list[str]:
    path = tmp_path / "a.pdf"
    path.write_bytes(_pdf(lines, links))
    return [area.shown for area in read_pages(path, "a.pdf").links[1]]


def test_an_address_under_a_link_to_another_is_kept(tmp_path: Path) -> None:
    shown = _shown(
        tmp_path,
        [(700, "https://doi.org/10.5555/abc"), (680, "doi: 10.5555/def")],
        [(700, "https://elsewhere.example/x"), (680, "https://elsewhere.example/y")],
    )
    assert shown == ["https://doi.org/10.5555/abc", "doi:10.5555/def"]


def test_the_same_address_its_first_part_and_words_are_not(tmp_path: Path) -> None:
    shown = _shown(
        tmp_path,
        [(700, "https://doi.org/10.5555/abc"), (680, "https://www.exam"), (660, "Full text")],
        [
            (700, "https://doi.org/10.5555/abc"),
            (680, "https://www.example.org/x"),
            (660, "https://example.org/full"),
        ],
    )
    assert shown == ["", "", ""]


def test_shown_text_is_read_for_a_bounded_number_of_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_links, "_MAX_SHOWN_LOOKUPS", 2)
    shown = _shown(
        tmp_path,
        [(700 - 20 * k, f"https://doi.org/10.5555/{k}") for k in range(4)],
        [(700 - 20 * k, "https://elsewhere.example/x") for k in range(4)],
    )
    assert shown == ["https://doi.org/10.5555/0", "https://doi.org/10.5555/1", "", ""]
