"""Fuzz: every manuscript reader, and citation extraction on what it read.

Property: reading returns a Document (plus problems) or raises InputError; the
citations extracted from it, and the manuscript's own reference list parsed, are
JSON-serialisable data. Text is written as UTF-8 with lone surrogates passed
through as bytes, so the readers also meet invalid UTF-8.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from citeaudit.bibliography.embedded import embedded_bibliography
from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.reading import read_manuscript_with_problems
from tests.fuzz import strategies as s
from tests.fuzz.harness import assert_serialisable, example, readable, scratch


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def read_and_extract(target: str, path: Path) -> None:
    with example(target, {p.name: p.read_bytes() for p in sorted(path.parent.iterdir())}):
        read = readable(target, lambda: read_manuscript_with_problems(path))
        if read is None:
            return
        document, problems = read
        citations = extract_citations(document)
        assert_serialisable((document, problems, citations))
        assert all(c.location.file for c in citations)


@given(s.markdown_text)
def test_markdown(text: str) -> None:
    read_and_extract("markdown", write(scratch("markdown") / "paper.md", text))


@given(s.plain_text)
def test_text(text: str) -> None:
    read_and_extract("text", write(scratch("text") / "paper.txt", text))


@given(s.latex_text, s.latex_text)
def test_latex(main: str, part: str) -> None:
    folder = scratch("latex")
    write(folder / "part.tex", part)
    read_and_extract("latex", write(folder / "paper.tex", main))


@given(s.docx_bytes())
def test_docx(data: bytes) -> None:
    path = scratch("docx") / "paper.docx"
    path.write_bytes(data)
    read_and_extract("docx", path)


@given(st.binary(max_size=2000), st.sampled_from(("", ".md", ".tex", ".txt", ".docx")))
def test_any_bytes_any_extension(data: bytes, suffix: str) -> None:
    path = scratch("bytes") / f"paper{suffix}"
    path.write_bytes(data)
    read_and_extract("bytes", path)


@given(
    st.one_of(s.latex_text, s.markdown_text, s.plain_text), st.sampled_from((".md", ".tex", ".txt"))
)
def test_embedded_reference_list(text: str, suffix: str) -> None:
    """The manuscript's own reference list, through the free-text parser."""
    path = write(scratch("embedded") / f"paper{suffix}", text)
    with example("embedded", text, suffix):
        read = readable("embedded", lambda: read_manuscript_with_problems(path))
        if read is not None:
            assert_serialisable(embedded_bibliography(read[0]))
