"""Fuzz: the PDF reader on printed PDFs damaged at random, and on hostile structures.

Property (the fuzz suite's, tests/fuzz): reading returns a Document or raises
InputError naming the file; what was read is JSON data. Time is bounded by the
engine's own CPU and memory limits (pdf_isolated: past them a read is an
InputError), not by a clock here, which would fail a loaded machine.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.reading import read_manuscript_with_problems
from tests.fuzz.harness import assert_serialisable, example, readable, scratch
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

_WORDS = st.sampled_from(
    ["Smith", "(2020)", "et", "al.", "[3]", "References", "https://doi.org/10.1/x", "inter-",
     "ﬁnal", "é", "Walt,", "1987.", "-", "^{4}", "10.1234/abc", ""]
)  # fmt: skip
_LINES = st.lists(st.lists(_WORDS, min_size=0, max_size=8).map(" ".join), min_size=1, max_size=12)
_HOSTILE = [
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + b"[" * 50_000,
    b"%PDF-1.4\n1 0 obj << /Length 99999999999 >> stream\n" + b"x" * 1000,
    b"%PDF-1.7\ntrailer << /Root 1 0 R /Size 999999999 >>\n%%EOF",
    b"%PDF-1.5\n" + b"1 0 obj << /Kids [1 0 R] /Type /Pages /Count 1 >> endobj\n" * 200,
]


def _read(path: Path) -> None:
    with example("pdf", path.read_bytes()[:200]):
        read = readable("pdf", lambda: read_manuscript_with_problems(path))
        if read is not None:
            document, problems = read
            assert_serialisable((document, problems, extract_citations(document)))


@settings(deadline=None, max_examples=20)
@given(
    _LINES,
    _LINES,
    st.integers(1, 2),
    st.lists(st.tuples(st.integers(0, 10**6), st.binary(max_size=8)), max_size=6),
    st.integers(0, 100),
)
def test_damaged_printed_pdfs(
    left: list[str], right: list[str], columns: int, edits: list[tuple[int, bytes]], cut: int
) -> None:
    folder = scratch("pdf")
    page = Page([Column(left), Column(right)][:columns])
    path = write_pdf(folder / "paper.pdf", [page, page])
    data = bytearray(path.read_bytes())
    for offset, chunk in edits:
        at = offset % len(data)
        data[at : at + len(chunk)] = chunk
    if cut:
        data = data[: max(len(data) * cut // 100, 5)]
    path.write_bytes(bytes(data))
    _read(path)


def test_hostile_structures_are_read_or_refused() -> None:
    folder = scratch("pdf-hostile")
    for i, data in enumerate(_HOSTILE):
        path = folder / f"hostile{i}.pdf"
        path.write_bytes(data)
        _read(path)
