"""Choosing a reader for a manuscript, and decoding text files leniently.

A manuscript that is only partly readable (a missing ``\\input`` file, a few bytes that
are not UTF-8) is still audited: what went wrong comes back as `InputProblem` data next
to the Document. `InputError` is raised only when nothing usable can be read -- a binary
file, a damaged DOCX, a file that cannot be opened.

Files a manuscript names (``\\input``, ``\\bibliography``, a front-matter
``bibliography:``) are located through the `InputScope` the caller passes: the CLI
follows any path, an uploaded audit only paths inside its own folder. A Pandoc
manuscript is read as its project builds it (`project_build`: a bookdown or Quarto
book's chapters, the bibliography ``_quarto.yml`` or a Makefile gives).

The readers are imported inside `reader_for` so that they, in turn, can import
`InputProblem` and `decode_text` from here without an import cycle.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

from citeaudit.bounded_read import MAX_INPUT_BYTES, read_capped, read_head
from citeaudit.errors import InputError
from citeaudit.input_scope import DEFAULT_MAX_LINES, InputScope
from citeaudit.line_ends import LINE_END, physical_lines
from citeaudit.manuscript.document import Document
from citeaudit.manuscript.interface import ManuscriptReader
from citeaudit.text_decoding import BinaryContent, decode_bytes

__all__ = [
    "MAX_LINES",
    "MAX_LINE_PROBLEMS",
    "InputProblem",
    "charge_text",
    "decode_text",
    "detect_format",
    "read_manuscript",
    "read_manuscript_with_problems",
    "reader_for",
]

_SNIFF_BYTES = 8192
# Lines of one text manuscript read at most (and of a LaTeX one with all it \input s). A
# 2,000-page book has fewer; every later pass pays per line (~150 bytes held and tens
# of microseconds each), and a 20 MB upload of newlines is 20 million of them: 2.7 GB
# and an hour of a worker. Past the cap, one problem says what was left unread. An
# audit's files together are held to as many, and to `DEFAULT_MAX_CHARS` characters,
# each file counted once (`InputScope.text_spent`).
MAX_LINES = DEFAULT_MAX_LINES
# Lines with damaged bytes reported one by one, at most: a file of 250,000 lines of
# "\x81" gave as many problems (findings, report lines, stored rows); past the cap one
# problem counts the rest.
MAX_LINE_PROBLEMS = 1_000


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
    if scope is None:
        return _read_with_problems(path, scope)
    # Every file this manuscript's readers open is held to a confined scope's folder at
    # the open itself (`InputScope.held`): a name changed after the scope judged it, or
    # opened by a reader that never asked, is refused there.
    with scope.held():
        return _read_with_problems(path, scope)


def _read_with_problems(
    path: Path, scope: InputScope | None
) -> tuple[Document, list[InputProblem]]:
    _refuse_unsupported(path)
    if scope is not None and scope.text_spent(path):  # the audit's other files hold enough
        raise InputError(str(path), scope.text_refusal())
    reader = reader_for(path, scope)
    read_with_problems = getattr(reader, "read_with_problems", None)
    if read_with_problems is None:
        document = reader.read(path)
        charge_text(document, scope)
        return document, []
    document, found = read_with_problems(path)
    charge_text(document, scope)
    problems = list(found)
    if document.format == "markdown":  # bookdown, Quarto, a pandoc Makefile (project_build)
        from citeaudit.manuscript.project_build import as_built

        document = as_built(document, path, scope or InputScope(), problems)
    return document, problems


def charge_text(document: Document, scope: InputScope | None) -> None:
    """Count `document`'s lines and characters on the audit's scope, by the file each
    came from (a chapter spliced in is its own file: read again as a manuscript, it
    costs nothing)."""
    if scope is None:
        return
    counts: dict[str, tuple[int, int]] = {}
    for line in document.lines:
        lines, chars = counts.get(line.file, (0, 0))
        counts[line.file] = (lines + 1, chars + len(line.text))
    scope.take_text(counts)


_SOURCES = "give the manuscript's source: DOCX, LaTeX, Markdown or plain text"


def _refuse_unsupported(path: Path) -> None:
    """Files no reader can audit are a user error with a sentence, not "nothing checked".

    A web page, an RTF file and an empty file would otherwise be read as text
    that holds no citation -- a clean-looking report about nothing.
    """
    head = _read_bytes(path, limit=_SNIFF_BYTES)
    suffix = path.suffix.lower()
    name = str(path)
    if not head.strip() and len(head) < _SNIFF_BYTES:
        raise InputError(name, f"the file is empty; {_SOURCES}")
    if head.startswith(b"{\\rtf") or suffix == ".rtf":
        raise InputError(name, f"RTF input is not supported; save it as DOCX or {_SOURCES}")
    opening = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if suffix in (".html", ".htm", ".xhtml") or opening.startswith((b"<!doctype html", b"<html")):
        raise InputError(name, f"HTML input is not supported; {_SOURCES}")


# The manuscript format each suffix is read as: the one table (the upload page offers
# these, `manuscript_suffixes`). A bibliography's suffixes are its readers' own
# (`bibliography.loading.bibliography_suffixes`); any other file is sniffed.
FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    # R Markdown and Quarto sources are Pandoc Markdown with code chunks.
    ".rmd": "markdown",
    ".qmd": "markdown",
    ".rmarkdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".tex": "latex",
    ".ltx": "latex",
    ".docx": "docx",
    ".pdf": "pdf",
}


def manuscript_suffixes() -> tuple[str, ...]:
    """Every suffix a manuscript is read by (``.qmd``, ``.ltx``...), lower case."""
    return tuple(FORMAT_BY_SUFFIX)


def detect_format(path: Path) -> str:
    """The manuscript format: by extension first, by content when the extension is unknown."""
    suffix = path.suffix.lower()
    if suffix in FORMAT_BY_SUFFIX:
        return FORMAT_BY_SUFFIX[suffix]
    head = _read_bytes(path, limit=_SNIFF_BYTES)
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"%PDF-"):
        return "pdf"
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
    """The reader for `path`; those that open files the manuscript names get `scope`.
    Only that format's reader is imported (a LaTeX audit need not load PDF's engine)."""
    fmt = detect_format(path)
    if fmt == "markdown":
        from citeaudit.manuscript.markdown import MarkdownReader

        return MarkdownReader(scope)
    if fmt == "latex":
        from citeaudit.manuscript.latex import LatexReader

        return LatexReader(scope)
    if fmt == "docx":
        from citeaudit.manuscript.docx import DocxReader

        return DocxReader(scope)
    if fmt == "pdf":
        from citeaudit.manuscript.pdf import PdfReader

        return PdfReader(scope)
    from citeaudit.manuscript.plaintext import PlainTextReader

    return PlainTextReader()


def _read_bytes(path: Path, limit: int | None = None) -> bytes:
    try:  # a device, a FIFO or a file past the cap is refused, never read (bounded_read)
        return read_capped(path, MAX_INPUT_BYTES) if limit is None else read_head(path, limit)
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from exc


def decode_text(path: Path, display: str | None = None) -> tuple[list[str], list[InputProblem]]:
    """The lines of a text manuscript, decoded by the one policy of
    `citeaudit.text_decoding` (the bibliography readers and the API use it too).

    Lines read as Windows-1252 are reported once, at the first (a whole file saved by an
    older word processor would otherwise give a problem a line); each line whose bad
    bytes became U+FFFD is reported. Binary content is an InputError.
    """
    name = display if display is not None else str(path)
    try:
        decoded = decode_bytes(_read_bytes(path))
    except BinaryContent as exc:
        raise InputError(
            name, "binary file (contains NUL bytes), not a text manuscript", exc.line
        ) from None
    problems: list[InputProblem] = []
    if decoded.windows_1252:
        first, count = decoded.windows_1252[0], len(decoded.windows_1252)
        more = f" ({count} lines)" if count > 1 else ""
        problems.append(
            InputProblem(
                name,
                first,
                f"not valid UTF-8; read as {decoded.codepage}{more} -- save the file as UTF-8"
                " to be sure",
            )
        )
    damaged = (
        "not valid UTF-16: the damaged characters are shown as \ufffd"
        if decoded.utf16
        else "invalid UTF-8 bytes replaced with U+FFFD"
    )
    # the replaced lines within the first MAX_LINES, listed up to a cap and the rest
    # counted: taken in order, never all of them (a hostile file has millions)
    within = itertools.takewhile(lambda number: number <= MAX_LINES, decoded.replaced)
    listed = list(itertools.islice(within, MAX_LINE_PROBLEMS + 1))
    problems.extend(InputProblem(name, number, damaged) for number in listed[:MAX_LINE_PROBLEMS])
    if len(listed) > MAX_LINE_PROBLEMS:
        unlisted = 1 + sum(1 for _ in within)
        problems.append(
            InputProblem(
                name,
                listed[MAX_LINE_PROBLEMS],
                f"{damaged} on {unlisted:,} more lines from here on (not listed)",
            )
        )
    lines = _first_lines(decoded.text, MAX_LINES)
    if lines is None:
        lines = physical_lines(decoded.text)
    else:
        problems = [p for p in problems if (p.line or 0) <= MAX_LINES]
        problems.append(
            InputProblem(
                name,
                MAX_LINES + 1,
                f"only the first {MAX_LINES:,} lines were read -- more than any manuscript "
                "has; the rest of the file is not audited",
            )
        )
    problems.sort(key=lambda problem: problem.line or 0)
    return lines, problems


def _first_lines(text: str, most: int) -> list[str] | None:
    """The first `most` lines of `text` when it has more, else None; the lines past
    them are never split out (a file of newlines would be millions of strings)."""
    if len(text) <= most:
        return None  # each line holds at least its break: there cannot be more
    breaks = LINE_END.finditer(text)
    cut = next(itertools.islice(breaks, most - 1, None), None)
    if cut is None or cut.end() >= len(text):
        return None  # `most` lines or fewer (a last line may lack its break)
    return physical_lines(text[: cut.end()])

