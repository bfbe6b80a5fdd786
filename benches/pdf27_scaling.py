"""pdf27: hostile PDF shapes grown 1x/4x/16x, the parent's and the engine child's CPU.

The PDF engine (pdfium) runs in a child under CPU and memory limits
(`pdf_isolated`); what the child hands back -- up to 3,000,000 characters of lines --
is read on in the worker's own process (`pdf.py`, `pdf_text`, `pdf_references`,
`reference_section`), with no limit but the audit's. This bench draws each shape with
reportlab in a temporary folder, reads it with `PdfReader` (or, `--audit`, runs a
whole offline audit of it) and prints the parent's CPU seconds and the child's (with
`--audit` all is the children's); a parent step growing over twice as fast as the
size, past half a second, is flagged SUPER-LINEAR.

    nice .venv/bin/python benches/pdf27_scaling.py [--only NAME ...] [--base N]
                                                   [--scales 1 4 16] [--audit]
"""

from __future__ import annotations

import argparse
import itertools
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from citeaudit.manuscript.pdf import PdfReader  # noqa: E402

_TOP, _FOOT = 800.0, 60.0


class _Pages:
    """A canvas that turns the page when a line would pass the foot."""

    def __init__(self, path: Path, leading: float = 12.0) -> None:
        self.canvas = Canvas(str(path), pagesize=(595, 842))
        self.leading = leading
        self.y = _TOP
        self.font("Times-Roman", 10)

    def font(self, name: str, size: float) -> None:
        self.face = (name, size)
        self.canvas.setFont(name, size)

    def line(self, text: str, x: float = 60.0, raised: str = "") -> None:
        if self.y < _FOOT:
            self.canvas.showPage()
            self.canvas.setFont(*self.face)
            self.y = _TOP
        if raised:
            self.canvas.setFont(self.face[0], self.face[1] * 0.6)
            self.canvas.drawString(x, self.y + 4, raised)
            self.canvas.setFont(*self.face)
            x += self.canvas.stringWidth(raised, self.face[0], self.face[1] * 0.6)
        self.canvas.drawString(x, self.y, text)
        self.y -= self.leading

    def save(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def _head(pages: _Pages) -> None:
    pages.line("Plain body text of the article, citing Smith (2020) as it does here.")
    pages.font("Times-Bold", 14)
    pages.line("References")
    pages.font("Times-Roman", 10)
    pages.line("Smith, J. (2020). A title of a work. Journal of Things, 3, 1-9.")


def one_flush_entry(pages: _Pages, n: int) -> None:
    """One entry whose n lines open in lower case, set flush (pdf27: joined n^2/2)."""
    _head(pages)
    for k in range(n):
        pages.line(f"and more words of one long entry that goes on {k}")


def one_hanging_entry(pages: _Pages, n: int) -> None:
    _head(pages)
    for k in range(n):
        pages.line(f"and more words of one long entry that goes on {k}", x=75)


def marked_link_chain(pages: _Pages, n: int) -> None:
    """A cut address, then n lines "¹x/" (pdf27: each join copied every raised mark)."""
    pages.line("See the address https://a.example/")
    for _ in range(n):
        pages.line("x/", raised="1")


def page_range_cuts(pages: _Pages, n: int) -> None:
    _head(pages)
    for k in range(n):
        pages.line(f"pages {k}-", x=75)


def short_entries(pages: _Pages, n: int) -> None:
    _head(pages)
    for k in range(n):
        pages.line(f"A, B. {1900 + k % 100}.")


def reference_headings(pages: _Pages, n: int) -> None:
    for _ in range(n):
        pages.font("Times-Bold", 14)
        pages.line("References")
        pages.font("Times-Roman", 10)
        pages.line("Smith, J. (2020). A title. Journal, 1, 2-3.")


def heading_run(pages: _Pages, n: int) -> None:
    for _ in range(20):
        pages.line("Plain body text of the article, going on and on as bodies do here.")
    pages.font("Times-Bold", 13)
    for _ in range(n):
        pages.line("A heading set over many lines")


def hyphen_chain(pages: _Pages, n: int) -> None:
    for _ in range(n):
        pages.line("inter-")


def many_sizes(pages: _Pages, n: int) -> None:
    for k in range(n):
        pages.font("Times-Roman", 8 + (k % 97) * 0.05)
        pages.line("Some words of the body set in a size of their own.")


def raised_runs(pages: _Pages, n: int) -> None:
    """Body lines each carrying raised citation numbers after every word."""
    for k in range(n):
        pages.line(f"word{k % 10}", raised="1,2")


def captions(pages: _Pages, n: int) -> None:
    for k in range(n):
        pages.line(f"Figure {k}. A caption of a figure that cuts a sentence")


SHAPES: dict[str, Callable[[_Pages, int], None]] = {
    "one-flush-entry": one_flush_entry,
    "one-hanging-entry": one_hanging_entry,
    "marked-link-chain": marked_link_chain,
    "page-range-cuts": page_range_cuts,
    "short-entries": short_entries,
    "reference-headings": reference_headings,
    "heading-run": heading_run,
    "hyphen-chain": hyphen_chain,
    "many-sizes": many_sizes,
    "raised-runs": raised_runs,
    "captions": captions,
}


def _measure(path: Path, audit: bool) -> tuple[float, float]:
    """(parent CPU, children CPU) seconds of reading (or auditing) the PDF at `path`."""
    before = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    if audit:  # the CLI in a child: its CPU and the engine's are the children's
        command = [sys.executable, "-m", "citeaudit", "check", str(path), "--offline"]
        subprocess.run(command, capture_output=True, check=False)
    else:
        PdfReader().read(path)
    after = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    child = (after[1].ru_utime + after[1].ru_stime) - (before[1].ru_utime + before[1].ru_stime)
    return after[0] - before[0], child


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=list(SHAPES))
    parser.add_argument("--base", type=int, default=1000)
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 4, 16])
    parser.add_argument("--audit", action="store_true")
    args = parser.parse_args()
    flagged = 0
    with tempfile.TemporaryDirectory(prefix="pdf27-") as folder:
        for name in args.only:
            row = []
            for scale in args.scales:
                path = Path(folder) / f"{name}-{scale}.pdf"
                pages = _Pages(path)
                SHAPES[name](pages, args.base * scale)
                pages.save()
                parent, child = _measure(path, args.audit)
                row.append((scale, path.stat().st_size, parent, child))
            cells = "  ".join(f"{s}x {b // 1024} KB {p:.2f}+{c:.2f}s" for s, b, p, c in row)
            grows = [
                (b[2] / max(a[2], 1e-3)) / (b[0] / a[0])
                for a, b in itertools.pairwise(row)
                if b[2] > 0.5
            ]
            superlinear = any(g > 2 for g in grows)
            flagged += superlinear
            print(f"{name:20} {cells}{'  SUPER-LINEAR' if superlinear else ''}", flush=True)
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
