from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.errors import InputError
from citeaudit.manuscript.reading import (
    decode_text,
    detect_format,
    read_manuscript,
    read_manuscript_with_problems,
)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.md", "x", "markdown"),
        ("a.markdown", "x", "markdown"),
        ("a.txt", "# looks like md", "text"),
        ("a.tex", "x", "latex"),
        ("a.docx", "x", "docx"),
        ("paper", "\\documentclass{article}\n", "latex"),
        ("paper", "# Title\n\ntext", "markdown"),
        ("paper", "Just words.\n", "text"),
        ("paper.rmd", "See [link](https://x.org).", "markdown"),
        # R Markdown and Quarto by extension, even when the text has no Markdown marks.
        ("paper.Rmd", "Plain words (Doe, 2001).", "markdown"),
        ("paper.qmd", "Plain words (Doe, 2001).", "markdown"),
        ("paper.rmarkdown", "Plain words.", "markdown"),
        ("paper.Rmarkdown", "Plain words.", "markdown"),
    ],
)
def test_detect_format(write, name: str, content: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert detect_format(write(name, content)) == expected


def test_unknown_extension_zip_is_docx(write) -> None:  # type: ignore[no-untyped-def]
    assert detect_format(write("upload.bin", b"PK\x03\x04rest")) == "docx"


def test_binary_file_is_an_input_error(write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.md", b"line one\nline two\x00\x01\x02")
    with pytest.raises(InputError) as caught:
        read_manuscript(path)
    assert caught.value.file == str(path) and caught.value.line == 2
    assert "binary" in str(caught.value)


def test_windows_1252_is_read_with_a_problem(write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.md", "Intro\nCaf\u00e9 (M\u00fcller, 2019)\n".encode("cp1252"))
    document, problems = read_manuscript_with_problems(path)
    assert document.lines[1].text == "Caf\u00e9 (M\u00fcller, 2019)"
    assert [(p.line, "Windows-1252" in p.message) for p in problems] == [(2, True)]


def test_invalid_utf8_is_replaced_and_reported_per_line(write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.txt", b"ok\nbad \x81\x8d here\nok\nbad \x90 again\n")
    lines, problems = decode_text(path)
    assert lines[1] == "bad \ufffd\ufffd here"
    assert [p.line for p in problems] == [2, 4]


def test_utf16_with_bom(write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.txt", "Smith (2019)\n".encode("utf-16"))
    assert read_manuscript(path).lines[0].text == "Smith (2019)"


def test_utf8_bom_is_dropped(write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.md", "\ufeff# Title\n".encode())
    assert read_manuscript(path).lines[0].text == "# Title"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_manuscript(tmp_path / "nope.md")
    with pytest.raises(InputError, match="directory"):
        read_manuscript(tmp_path)


def test_unreadable_file(write, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = write("locked.md", "x")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # files are opened by descriptor (citeaudit.bounded_read: no device, FIFO nor flood)
    monkeypatch.setattr("citeaudit.bounded_read.os.open", refuse)
    with pytest.raises(InputError, match="cannot be read: Permission denied") as caught:
        read_manuscript(path)
    assert caught.value.file == str(path)
