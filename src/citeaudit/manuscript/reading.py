"""Choosing a reader for a manuscript, and decoding text files leniently.

A manuscript that is only partly readable (a missing ``\\input`` file, a few bytes that
are not UTF-8) is still audited: what went wrong comes back as `InputProblem` data next
to the Document. `InputError` is raised only when nothing usable can be read -- a binary
file, a damaged DOCX, a file that cannot be opened.

Files a manuscript names (``\\input``, ``\\bibliography``, a front-matter
``bibliography:``) are located through the `InputScope` the caller passes: the CLI
follows any path, an uploaded audit only paths inside its own folder.

The readers are imported inside `reader_for` so that they, in turn, can import
`InputProblem` and `decode_text` from here without an import cycle.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from citeaudit.errors import InputError
from citeaudit.input_scope import InputScope
from citeaudit.manuscript.document import Document
from citeaudit.manuscript.interface import ManuscriptReader
from citeaudit.utf16 import decode_utf16

__all__ = [
    "InputProblem",
    "decode_text",
    "detect_format",
    "read_manuscript",
    "read_manuscript_with_problems",
    "reader_for",
]

_SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class InputProblem:
    """Something in the input that was read around rather than read: the run goes on."""

    file: str
    line: int | None
    message: str
    unreadable: bool = False  # a whole file the manuscript names (its .bib) cannot be read


def read_manuscript(path: Path, scope: InputScope | None = None) -> Document:
    """Read a manuscript of any supported format; problems read around are dropped."""
    return read_manuscript_with_problems(path, scope)[0]


def read_manuscript_with_problems(
    path: Path, scope: InputScope | None = None
) -> tuple[Document, list[InputProblem]]:
    """Read a manuscript and say what could not be read (missing includes, bad bytes)."""
    path = Path(path)
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(str(path), f"cannot be read: {reason}") from None
    if not exists:
        raise InputError(str(path), "file not found")
    if is_dir:
        raise InputError(str(path), "is a directory, not a manuscript file")
    _refuse_unsupported(path)
    reader = reader_for(path, scope)
    read_with_problems = getattr(reader, "read_with_problems", None)
    if read_with_problems is None:
        return reader.read(path), []
    document, problems = read_with_problems(path)
    return document, list(problems)


_SOURCES = "give the manuscript's source: DOCX, LaTeX, Markdown or plain text"


def _refuse_unsupported(path: Path) -> None:
    """Files no reader can audit are a user error with a sentence, not "nothing checked".

    A PDF, a web page, an RTF file and an empty file would otherwise be read as text
    that holds no citation -- a clean-looking report about nothing.
    """
    head = _read_bytes(path, limit=_SNIFF_BYTES)
    suffix = path.suffix.lower()
    name = str(path)
    if head.startswith(b"%PDF-") or suffix == ".pdf":
        raise InputError(name, f"PDF input is not supported yet; {_SOURCES}")
    if not head.strip() and len(head) < _SNIFF_BYTES:
        raise InputError(name, f"the file is empty; {_SOURCES}")
    if head.startswith(b"{\\rtf") or suffix == ".rtf":
        raise InputError(name, f"RTF input is not supported; save it as DOCX or {_SOURCES}")
    opening = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if suffix in (".html", ".htm", ".xhtml") or opening.startswith((b"<!doctype html", b"<html")):
        raise InputError(name, f"HTML input is not supported; {_SOURCES}")


def detect_format(path: Path) -> str:
    """The manuscript format: by extension first, by content when the extension is unknown."""
    suffix = path.suffix.lower()
    by_suffix = {
        ".md": "markdown",
        ".markdown": "markdown",
        ".mdown": "markdown",
        ".txt": "text",
        ".text": "text",
        ".tex": "latex",
        ".ltx": "latex",
        ".docx": "docx",
    }
    if suffix in by_suffix:
        return by_suffix[suffix]
    head = _read_bytes(path, limit=_SNIFF_BYTES)
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    sample = head.decode("utf-8", errors="replace")
    if any(m in sample for m in ("\\documentclass", "\\begin{document}", "\\section")):
        return "latex"
    lines = sample.splitlines()
    if any(line.startswith("#") and line.lstrip("#").startswith(" ") for line in lines):
        return "markdown"
    if "](" in sample or "**" in sample:
        return "markdown"
    return "text"


def reader_for(path: Path, scope: InputScope | None = None) -> ManuscriptReader:
    """The reader for `path`; those that open files the manuscript names get `scope`."""
    from citeaudit.manuscript.docx import DocxReader
    from citeaudit.manuscript.latex import LatexReader
    from citeaudit.manuscript.markdown import MarkdownReader
    from citeaudit.manuscript.plaintext import PlainTextReader

    readers: dict[str, ManuscriptReader] = {
        "markdown": MarkdownReader(scope),
        "text": PlainTextReader(),
        "latex": LatexReader(scope),
        "docx": DocxReader(),
    }
    return readers[detect_format(path)]


def _read_bytes(path: Path, limit: int | None = None) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read() if limit is None else handle.read(limit)
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from exc


def decode_text(path: Path, display: str | None = None) -> tuple[list[str], list[InputProblem]]:
    """The lines of a text manuscript, decoded as leniently as still makes sense.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Text that is not
    UTF-8 but is valid Windows-1252 -- what older word processors save -- is read as that,
    with a problem saying so. Otherwise the undecodable bytes become U+FFFD and each line
    holding one is reported. A file with NUL bytes and no UTF-16 BOM is binary: InputError.
    """
    name = display if display is not None else str(path)
    data = _read_bytes(path)
    problems: list[InputProblem] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        utf16_text, bad_lines = decode_utf16(data, "utf-16")
        problems.extend(
            InputProblem(
                name,
                number,
                "not valid UTF-16: the damaged characters are shown as \ufffd",
            )
            for number in bad_lines
        )
        return utf16_text.splitlines(), problems
    if b"\x00" in data:
        nul_line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(name, "binary file (contains NUL bytes), not a text manuscript", nul_line)
    try:
        return data.decode("utf-8-sig").splitlines(), problems
    except UnicodeDecodeError as exc:
        first_bad_line = data[: exc.start].count(b"\n") + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _looks_like_mojibake(text):
        problems.append(
            InputProblem(
                name,
                first_bad_line,
                "not valid UTF-8; read as Windows-1252 -- save the file as UTF-8 to be sure",
            )
        )
        return text.splitlines(), problems
    lines = data.decode("utf-8", errors="replace").splitlines()
    for number, line in enumerate(lines, start=1):
        if "\ufffd" in line:
            problems.append(InputProblem(name, number, "invalid UTF-8 bytes replaced with U+FFFD"))
    return lines, problems


def _looks_like_mojibake(text: str) -> bool:
    """Windows-1252 decodes almost anything; C1-range control glyphs betray a wrong guess."""
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > 0
