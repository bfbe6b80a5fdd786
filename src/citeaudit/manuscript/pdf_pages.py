"""The PDF engine's half of reading a PDF: pdfium's pages as lines, in the child.

`pdf_isolated` runs this in a child process started for every PDF read, so it
imports only what the page reading needs (pdfium, `pdf_layout`, `pdf_links`): the
rest of the reader (reference-list search, citations, the model) would cost the
child a quarter of a second of imports on each start -- about a tenth of reading a
30-page article. What the page says is given back as `PageRead`; the parent
(`pdf.py`) keeps footnotes apart and reads everything else.

Hostile input: pages, characters and link annotations are capped, so time and memory
stay bounded; an encrypted or damaged file is one clear error, and so is a scan with
no text layer (OCR is not done here).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citeaudit.errors import InputError
from citeaudit.manuscript.pdf_layout import (
    PdfLine,
    order_page,
    page_glyphs,
    page_lines,
    strip_furniture,
)
from citeaudit.manuscript.pdf_links import LinkArea, page_links
from citeaudit.manuscript.pdf_unseen import page_ink, unseen_message

__all__ = [
    "MAX_CHARS",
    "MAX_LINES",
    "MAX_LINKS",
    "MAX_PAGES",
    "PageRead",
    "pdf_problem",
    "read_pages",
]

MAX_PAGES = 600  # a book-length manuscript; beyond, the rest is not read (a problem says so)
MAX_PAGE_CHARS = 60_000  # a dense A4 page holds ~6,000
MAX_CHARS = 3_000_000
# Link annotations read in all: pages may share one array of 2,000 (a 566 KB file of
# 600 such pages gave 1.2 million areas, a 180 MB answer and ~1 GB in the worker's own
# process). A 600-page book with 30 links a page has 18,000.
MAX_LINKS = 20_000
# Lines read in all. The characters' cap does not bound them: a line may hold two
# characters, and each costs the parent ~1.3 KB while it decodes the child's answer
# (80,000 lines of a 280 KB PDF: +101 MB in the worker's own process, outside the
# child's memory limit; the 3,000,000 characters allowed ~1,000,000 such lines, over
# 1 GB). A 600-page book of dense two-column pages has ~60,000.
MAX_LINES = 120_000
MAX_BYTES = 200 * 1024 * 1024

_PASSWORD = 4  # FPDF_ERR_PASSWORD
_SECURITY = 6  # FPDF_ERR_SECURITY
_FORMAT = 3  # FPDF_ERR_FORMAT
_NO_TEXT = (
    "has no text layer (a scanned image?): citeaudit reads the text a PDF carries and "
    "does no OCR -- run OCR on it first, or give the manuscript's source (DOCX, LaTeX, "
    "Markdown or text)"
)


_FEW_SIDEWAYS = 200  # glyphs: a margin's running title is fewer
_SIDEWAYS = (
    "text set sideways (a page turned on its side) was not read: citeaudit reads "
    "upright lines only -- export the pages upright"
)


@dataclass(frozen=True, slots=True)
class PageRead:
    """What the pages say: every line in reading order, numbered on its page, running
    heads gone (footnotes still in: telling them apart is the parent's); each page's
    link annotations; each (page, column)'s left edge; what could not be read."""

    lines: list[PdfLine]
    links: dict[int, list[LinkArea]]
    lefts: dict[tuple[int, int], float]
    problems: list[str]  # about the whole file (no line): the parent names the file


def read_pages(source: Path | bytes, name: str) -> PageRead:
    """The pages of the PDF at `source`, or of its bytes (in the child). pdfium is
    imported here and in `pdf_problem`, not with the module: the parent imports this
    module for `PageRead` and its caps only, and pypdfium2 cost it 0.05 s of CPU a
    check."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        size = len(source) if isinstance(source, bytes) else source.stat().st_size
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise InputError(name, f"too large for a manuscript ({size // 2**20} MB)")
    try:
        document = pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    except pdfium.PdfiumError as exc:
        raise InputError(name, _open_error(exc)) from None
    try:
        return _pages(document, name)
    finally:
        document.close()


def pdf_problem(data: bytes) -> str | None:
    """Why these bytes cannot be read as a PDF (damaged, encrypted), or None: an upload
    is refused at once rather than failing later in the audit."""
    import pypdfium2 as pdfium

    if len(data) > MAX_BYTES:
        return f"too large for a manuscript ({len(data) // 2**20} MB)"
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        return _open_error(exc)
    document.close()
    return None


def _open_error(exc: Any) -> str:
    code = getattr(exc, "err_code", None)
    if code == _PASSWORD:
        return "the PDF is encrypted (it needs a password to open); send an unprotected copy"
    if code == _SECURITY:
        return "the PDF uses an unsupported security handler; send an unprotected copy"
    if code == _FORMAT:
        return "damaged PDF, or not a PDF at all: it could not be opened"
    return f"the PDF could not be opened ({exc})"


def _pages(document: Any, name: str) -> PageRead:
    import pypdfium2 as pdfium

    problems: list[str] = []
    total = len(document)
    if total > MAX_PAGES:
        problems.append(f"only the first {MAX_PAGES} of {total} pages were read")
    per_page: list[list[PdfLine]] = []
    heights: list[float] = []
    widths: list[float] = []
    links: dict[int, list[LinkArea]] = {}
    budget = MAX_CHARS
    glyph_count = sideways = 0
    unseen: Counter[str] = Counter()  # glyphs no reader sees, by reason (pdf_unseen)
    links_left, links_capped = MAX_LINKS, False
    lines_left = MAX_LINES
    for index in range(min(total, MAX_PAGES)):
        try:
            page = document[index]
        except pdfium.PdfiumError as exc:
            problems.append(f"page {index + 1} not read: {exc}")
            continue
        try:
            textpage = page.get_textpage()
            try:
                turned = [0]
                ink = page_ink(document.raw, page.raw, page.get_cropbox())
                glyphs = page_glyphs(textpage, min(MAX_PAGE_CHARS, budget), turned, ink, unseen)
            finally:
                textpage.close()
            width, height = page.get_size()
            number = index + 1
            links[number] = page_links(document.raw, page.raw, links_left)
            links_left -= len(links[number])
            if links_left <= 0 and not links_capped:
                links_capped = True
                problems.append(
                    f"link annotations past page {number} not read: over {MAX_LINKS} of them"
                )
        except pdfium.PdfiumError as exc:
            problems.append(f"page {index + 1} not read: {exc}")
            continue
        finally:
            page.close()
        glyph_count += len(glyphs)
        sideways += turned[0]
        if turned[0] > max(len(glyphs), _FEW_SIDEWAYS):
            problems.append(f"page {number}: {_SIDEWAYS}")
        budget -= len(glyphs)
        ordered = order_page(page_lines(glyphs, number), width)
        lines_left -= len(ordered)
        lines_capped = lines_left < 0
        if lines_capped:
            del ordered[lines_left:]
        per_page.append(ordered)
        heights.append(height)
        widths.append(width)
        if budget <= 0:
            problems.append(f"text past page {number} not read: over {MAX_CHARS} characters")
            break
        if lines_capped:
            problems.append(f"text past page {number} not read: over {MAX_LINES} lines")
            break
    said = unseen_message(unseen)
    if glyph_count == 0:
        if said is not None and not sideways:
            raise InputError(name, f"has no text a reader sees: {said}")
        raise InputError(name, f"has its text {_SIDEWAYS}" if sideways else _NO_TEXT)
    if said is not None:
        problems.append(said)
    kept = strip_furniture(per_page, heights, widths)
    lines: list[PdfLine] = []
    lefts: dict[tuple[int, int], float] = {}
    held: Counter[tuple[int, int]] = Counter()
    for page_lines_ in kept:
        numbered = [dataclasses.replace(ln, number=k) for k, ln in enumerate(page_lines_, 1)]
        lines.extend(numbered)
        for line in numbered:
            key = (line.page, line.column)
            lefts[key] = min(lefts.get(key, line.x0), line.x0)
            held[key] += 1
    return PageRead(lines, links, _typical_lefts(lefts, held), problems)


_MAX_HANGING_INDENT = 30.0  # points; entries hang by 10 to 25


_FEW_LINES = 4  # a column holding no more is an entry's end, not a page of its own


def _typical_lefts(
    lefts: dict[tuple[int, int], float], held: Counter[tuple[int, int]] | None = None
) -> dict[tuple[int, int], float]:
    """Each column's left edge, corrected where a page's column holds only indented
    lines (the end of an entry running on into the last column): there the usual
    edge of that column on pages of the same side (odd or even) stands -- only when
    the difference is a hanging indent's: a page set further in (a wide margin on
    the last pages) keeps its own edge.

    A short article has too few pages of one side to say what is usual (two were
    asked), so a column of a few lines only (`held`: each column's line count) -- the
    end of the list's last entry alone at the top of a three-page article's last page,
    read as an entry of its own -- takes the edge most other pages' same column stand
    at, on either side, a hanging indent to its left. A full page keeps its own edge
    then: a page of the other side may be set elsewhere (mirrored margins)."""
    usual: dict[tuple[int, int], Counter[float]] = {}
    anywhere: dict[int, Counter[int]] = {}
    for (page, column), left in lefts.items():
        usual.setdefault((page % 2, column), Counter())[round(left)] += 1
        anywhere.setdefault(column, Counter())[round(left)] += 1
    out = {}
    for (page, column), left in lefts.items():
        counts = usual[(page % 2, column)]
        typical, seen = counts.most_common(1)[0]
        indent = typical + 2 < left <= typical + _MAX_HANGING_INDENT
        if seen >= 2 and indent:
            out[(page, column)] = float(typical)
            continue
        edge = None
        if held is not None and held[(page, column)] <= _FEW_LINES:
            edge = _edge_to_the_left(anywhere[column], left)
        out[(page, column)] = float(edge) if edge is not None else left
    return out


def _edge_to_the_left(counts: Counter[int], left: float) -> int | None:
    """The edge most pages' column stands at a hanging indent left of `left` (the
    nearer of two as common), or None: no page's stands there."""
    found = [
        (seen, edge)
        for edge, seen in counts.items()
        if edge + 2 < left <= edge + _MAX_HANGING_INDENT
    ]
    return max(found)[1] if found else None
