"""The process that audits a PDF does not load pdfium: the engine's child does.

The parent imports the PDF reader for its line and link types and its caps; pdfium
runs only in the child (pdf_isolated). Importing pypdfium2 in the parent as well
cost each `citeaudit check paper.pdf` about 0.05 s of CPU for nothing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def test_reading_a_pdf_leaves_pdfium_to_the_child(tmp_path: Path) -> None:
    path = tmp_path / "paper.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawString(72, 760, "Smith (2020) found it.")
    page.drawString(72, 720, "References")
    page.drawString(72, 700, "Smith, J. (2020). A study. Journal, 1, 1-2.")
    page.save()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from citeaudit.manuscript.pdf import PdfReader\n"
        f"doc = PdfReader().read(Path({str(path)!r}))\n"
        "print(len(doc.reference_entries), 'pypdfium2' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1", "False"]
