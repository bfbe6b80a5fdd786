"""Figures for the H7 red team's fixes (worker and API freezes), printed, never asserted.

    .venv/bin/python benches/h7_freeze_figures.py

- `citeaudit links`' notes on rescued lines: CPU seconds for N lines saved as
  Windows-1252 (quadratic before: 40,000 lines took 19 s);
- a service audit's network tasks: chunks planned per phase for N references (250 a
  phase at 5,000 before);
- PDF engine limits: how a form that draws itself, and a form fan-out 10 wide and 8
  deep (10^8 draws), end in the child (refused at its CPU limit, the parent never
  waits past its wall clock);
- author-year fan-out (round 13): CPU seconds of a whole offline audit of n copies of
  "(Smith, 1999)" beside n Smith entries of other years, and of n distinct
  "(Smith & LeeX, 2020)" beside n Smith 2020 entries, at 1x/10x/100x, each in a child
  with a CPU limit (quadratic shows as the limit).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def notes_figures() -> None:
    from citeaudit.text_decoding import decode_bytes

    for lines in (5_000, 40_000, 320_000):
        decoded = decode_bytes(b"caf\xe9 au lait\n" * lines)
        started = time.process_time()
        decoded.notes()
        print(f"notes, {lines:>7,} Windows-1252 lines: {time.process_time() - started:.4f} s CPU")


def chunk_figures() -> None:
    from citeaudit.audit_data import AuditData
    from citeaudit.bibliography.interface import Bibliography
    from citeaudit.model.location import Location
    from citeaudit.model.reference import Reference
    from citeaudit.phases import PhaseOptions, default_enrichers
    from citeaudit.service.chunks import plan
    from citeaudit.settings import ServiceSettings

    enrichers = default_enrichers(ServiceSettings(), PhaseOptions())
    for count in (65, 1_000, 5_000, 20_000):
        refs = tuple(
            Reference(
                id=f"r{i}",
                index=i,
                location=Location("refs.bib", i + 1),
                raw="...",
                urls=(f"https://example.org/{i}",),
                doi=f"10.5555/x.{i}",
            )
            for i in range(count)
        )
        bib = Bibliography(source="refs.bib", format="bibtex", references=refs)
        data = AuditData(manuscripts=(), bibliographies=(bib,), citations=(), matches=())
        chunks = plan(data, enrichers, 20)
        phases: dict[str, list[int]] = {}
        for phase, ids in chunks:
            phases.setdefault(phase, []).append(len(ids))
        shown = ", ".join(f"{p}: {len(s)} chunks of <= {max(s)}" for p, s in phases.items())
        print(f"plan, {count:>6,} references: {shown}")
    for enricher in enrichers:
        enricher.close()


def pdf_figures() -> None:
    from tests.security.pdf_objects import pdf_from_objects

    from citeaudit.errors import InputError
    from citeaudit.manuscript.pdf_isolated import read_pages_isolated

    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    shown = b"BT /F1 10 Tf 72 700 Td (Okafor 2002) Tj ET /X Do"
    head[3] = b"<< /Length %d >>\nstream\n" % len(shown) + shown + b"\nendstream"

    def form(body: bytes, inner: int | None) -> bytes:
        xobject = b" /XObject << /X %d 0 R >>" % inner if inner else b""
        return (
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font"
            b" << /F1 5 0 R >>%s >> /Length %d >>\nstream\n"
            % (xobject, len(body))
            + body
            + b"\nendstream"
        )

    selfish = [*head, form(b"BT /F1 10 Tf 72 600 Td (x) Tj ET /X Do /X Do", 6)]
    fan = [*head] + [
        form(b" ".join([b"q /X Do Q"] * 10), 7 + depth)
        if depth < 7
        else form(b"BT /F1 10 Tf 72 600 Td (x) Tj ET", None)
        for depth in range(8)
    ]
    os.environ.setdefault("CITEAUDIT_PDF_CPU_SECONDS", "10")
    with tempfile.TemporaryDirectory() as folder:
        for name, objects in (("self-drawing form", selfish), ("form fan-out 10^8", fan)):
            path = Path(folder) / "paper.pdf"
            path.write_bytes(pdf_from_objects([o for o in objects if o is not None]))
            started = time.monotonic()
            try:
                read_pages_isolated(path, "paper.pdf")
                outcome = "read"
            except InputError as exc:
                outcome = exc.detail[:90]
            print(f"pdf, {name}: {time.monotonic() - started:.1f} s wall -- {outcome}")


_FANOUT_CHILD = """
import resource, sys, tempfile, time
from pathlib import Path
from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import Phase
shape, n = sys.argv[1], int(sys.argv[2])
def letters(i):
    word = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        word = chr(97 + rest) + word
    return "Lee" + word
if shape == "repeated":
    paper = "Text " + "(Smith, 1999) " * n
    years = [1900 + i % 99 for i in range(n)]
else:
    paper = "Text " + "".join(f"(Smith & {letters(i)}, 2020) " for i in range(n))
    years = [2020] * n
bib = "".join(
    f"@article{{s{i}, author = {{Smith, J.}}, title = {{Work {i}}}, year = {y}}}\\n"
    for i, y in enumerate(years)
)
folder = Path(tempfile.mkdtemp())
(folder / "paper.md").write_text(paper + "\\n")
(folder / "refs.bib").write_text(bib)
started = time.process_time()
audit(AuditInput((folder / "paper.md",), (folder / "refs.bib",)),
      skipped={Phase.RESOLUTION: "offline", Phase.LINKS: "offline"})
print(f"{time.process_time() - started:.2f}")
"""


def fanout_figures(limit: int = 120) -> None:
    import resource
    import subprocess

    def capped() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit))

    for shape, base in (("repeated", 400), ("distinct", 200)):
        shown = []
        for n in (base, base * 10, base * 100):
            done = subprocess.run(
                [sys.executable, "-c", _FANOUT_CHILD, shape, str(n)],
                capture_output=True,
                text=True,
                preexec_fn=capped,
                check=False,
            )
            seconds = done.stdout.strip().splitlines()[-1:] if done.returncode == 0 else []
            shown.append(f"{n:,}: {seconds[0]} s" if seconds else f"{n:,}: > {limit} s")
        print(f"author-year fan-out, {shape}: " + ", ".join(shown))


if __name__ == "__main__":
    fanout_figures()
    notes_figures()
    chunk_figures()
    pdf_figures()
