"""A PDF's link annotations are capped for the whole document, not only per page.

Link annotations are read up to 2,000 a page. Pages may share one array of them: a
566 KB PDF of 600 pages, each listing the same 2,000 links, gave 1.2 million link
areas -- 15 s of the engine's child, then a 180 MB answer that the worker's own
process (outside the child's limits) decoded and checked into nearly 1 GB. The whole
document now holds at most `MAX_LINKS` areas; a problem says where reading them
stopped. No clock: what is checked is how many areas come back.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.pdf_pages import MAX_LINKS, read_pages


def _pdf_with_shared_links(pages: int, links: int) -> bytes:
    """`pages` pages of a line of text each, all listing the same `links` annotations."""
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        4: b"<< >>",
        5: b"[" + b" ".join(b"%d 0 R" % (6 + i) for i in range(links)) + b"]",
    }
    for i in range(links):
        objects[6 + i] = (
            b"<< /Type /Annot /Subtype /Link /Rect [70 700 300 720] "
            b"/A << /S /URI /URI (https://example.org/%d) >> >>" % i
        )
    kids = list(range(6 + links, 6 + links + pages))
    for k, number in enumerate(kids):
        content = b"BT /F1 12 Tf 72 %d Td (Text %d of the body, its own words.) Tj ET" % (
            700 - k % 40,
            k,
        )
        objects[number + pages] = b"<< /Length %d >>\nstream\n%b\nendstream" % (
            len(content),
            content,
        )
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Annots 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>" % (number + pages)
        )
    objects[2] = b"<< /Type /Pages /Kids [%b] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        pages,
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


def test_links_shared_by_every_page_stop_at_the_documents_cap(tmp_path: Path) -> None:
    pages = 2 * MAX_LINKS // 1_000 + 2
    path = tmp_path / "links.pdf"
    path.write_bytes(_pdf_with_shared_links(pages, 1_000))
    read = read_pages(path, "links.pdf")
    held = sum(len(areas) for areas in read.links.values())
    assert held == MAX_LINKS
    assert any("link annotations past page" in problem for problem in read.problems)
    assert read.lines  # the text is still read to the end
    assert max(line.page for line in read.lines) == pages


def test_a_few_links_on_every_page_are_all_read(tmp_path: Path) -> None:
    path = tmp_path / "few.pdf"
    path.write_bytes(_pdf_with_shared_links(30, 20))
    read = read_pages(path, "few.pdf")
    assert sum(len(areas) for areas in read.links.values()) == 600
    assert not any("link annotations" in problem for problem in read.problems)
