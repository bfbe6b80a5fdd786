"""Nesting inside a Word paragraph costs nothing per level.

The parser allows elements 256 deep. Each piece of a paragraph's text used to look
up every element above it, up to the paragraph, to know whether it was deleted,
hidden or in a text box: a paragraph whose runs sit under 250 nested ``<w:ins>`` cost
250 steps a run -- 20 s for 740 KB, a worker's whole parse time for a 20 MB upload.
A note's nested paragraphs were each read again inside every paragraph holding them.

Counted work, not time: the lines of Python the reader runs (`sys.settrace`) must not
grow with the nesting depth.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from types import FrameType
from typing import Any

from citeaudit.manuscript.docx import DocxReader

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RUNS = 300


def write_docx(path: Path, body: str, footnotes: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        )
        if footnotes is not None:
            archive.writestr(
                "word/footnotes.xml",
                f'<?xml version="1.0"?><w:footnotes xmlns:w="{W}">{footnotes}</w:footnotes>',
            )
    return path


def calls(work: Any) -> tuple[int, Any]:
    """The lines of Python `work()` runs, and what it returns."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        value = work()
    finally:
        sys.settrace(None)
    return count, value


def runs(n: int) -> str:
    return "".join(f"<w:r><w:t>w{i} </w:t></w:r>" for i in range(n))


def nested(depth: int, inner: str, tag: str = "w:ins") -> str:
    return f"<{tag}>" * depth + inner + f"</{tag}>" * depth


def test_runs_under_deep_revision_marks_cost_no_more_than_flat_ones(tmp_path: Path) -> None:
    flat = write_docx(tmp_path / "flat.docx", f"<w:p>{runs(RUNS)}</w:p>")
    deep = write_docx(tmp_path / "deep.docx", f"<w:p>{nested(200, runs(RUNS))}</w:p>")
    flat_calls, flat_doc = calls(lambda: DocxReader().read(flat))
    deep_calls, deep_doc = calls(lambda: DocxReader().read(deep))
    assert deep_doc.lines[0].text == flat_doc.lines[0].text
    # Was ~200 steps a run (60,000 more calls here); the 200 elements themselves may cost.
    assert deep_calls <= flat_calls + 20 * 200


def test_deleted_and_hidden_text_deep_down_stays_out(tmp_path: Path) -> None:
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>"
    deleted = nested(3, "<w:r><w:t>DELETED</w:t></w:r>", "w:del")
    body = f"<w:p>{nested(100, runs(2) + hidden + deleted + runs(1))}</w:p>"
    doc = DocxReader().read(write_docx(tmp_path / "x.docx", body))
    assert doc.lines[0].text == "w0 w1 w0 "


def test_a_notes_nested_paragraphs_are_read_once(tmp_path: Path) -> None:
    inner = f"<w:p>{runs(RUNS)}</w:p>"
    flat = f'<w:footnote w:id="1">{inner}</w:footnote>'
    deep = f'<w:footnote w:id="1">{nested(150, inner, "w:p")}</w:footnote>'
    body = "<w:p><w:r><w:t>Text.</w:t></w:r></w:p>"
    flat_calls, flat_doc = calls(
        lambda: DocxReader().read(write_docx(tmp_path / "f.docx", body, flat))
    )
    deep_calls, deep_doc = calls(
        lambda: DocxReader().read(write_docx(tmp_path / "d.docx", body, deep))
    )
    assert flat_doc.lines[-1].text == deep_doc.lines[-1].text
    # a few steps per level (each paragraph is met, text boxes inside are looked for),
    # never a step per run per level (300 runs x 150 levels)
    assert deep_calls <= flat_calls + 40 * 150
