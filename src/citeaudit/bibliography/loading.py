"""Reading a bibliography file: the bytes, the text, and the reader that fits.

Robustness first: whatever the file holds, the user gets either a Bibliography
(possibly with ParseProblems that name the line) or one InputError that names the
file -- never a traceback.

* A file that cannot be opened, holds binary content, or is larger than any
  bibliography (asked before it is read), cannot be read at all: `InputError`.
* A line that is not valid UTF-8 (a Windows-1252 "ü" pasted into a UTF-8 file) is
  decoded as Windows-1252 and reported as a ParseProblem on its line; every entry
  is still read.
* A file with no entries (empty, only whitespace or comments) gives a Bibliography
  with one ParseProblem rather than an error: the run can go on and report the
  manuscript's citations, and the problem says why none of them match.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from dataclasses import dataclass
from pathlib import Path

from citeaudit.bibliography.bibtex_database import MacroTable, read_in_database
from citeaudit.bibliography.interface import Bibliography, BibliographyReader, ParseProblem
from citeaudit.bounded_read import FileTooLarge, read_capped, read_head
from citeaudit.errors import InputError, UnknownFormat
from citeaudit.model.location import Location
from citeaudit.text_decoding import BinaryContent, LineNumbers, decode_bytes

__all__ = [
    "MAX_BIBLIOGRAPHY_BYTES",
    "MAX_DECODING_PROBLEMS",
    "DecodedText",
    "is_bibliography_name",
    "read_bibliography",
    "read_text",
    "reader_for",
    "with_problems",
    "written_as_bibliography",
]

# A bibliography file is read whole; a group's whole library is tens of MB. A file a
# manuscript names (``\\bibliography{/var/log/huge}`` in a pull request the CLI checks)
# could be any file, so its size is asked first.
MAX_BIBLIOGRAPHY_BYTES = 200 * 1024 * 1024
# Damaged lines listed one by one; the rest are one problem that counts them (a file
# saved whole in another encoding has one on every line).
MAX_DECODING_PROBLEMS = 100


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A text file's content with "\\n" line ends, and the lines that needed rescue."""

    text: str
    problems: tuple[ParseProblem, ...] = ()


def read_text(path: Path) -> DecodedText:
    """The file's text; invalid UTF-8 lines become ParseProblems, not errors."""
    source = str(path)
    try:  # a named file may be any: /dev/zero, a FIFO, /var/log/huge (bounded_read)
        data = read_capped(path, MAX_BIBLIOGRAPHY_BYTES)
    except FileTooLarge as error:
        raise InputError(source, f"larger than any bibliography: {error.strerror}") from None
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory, not a bibliography file") from None
    except OSError as error:
        raise InputError(source, f"cannot be read: {error.strerror or error}") from None

    try:
        decoded = decode_bytes(data)
    except BinaryContent as exc:
        raise InputError(
            source,
            "not a text file (binary content); give a BibTeX (.bib), RIS (.ris) "
            "or CSL-JSON (.json) file",
            exc.line,
        ) from None
    text = _unify_newlines(decoded.text)
    rescued = decoded.rescued
    if not rescued:
        return DecodedText(text)
    shown = tuple(rescued[:MAX_DECODING_PROBLEMS])
    more = len(rescued) - len(shown), rescued[len(shown)] if len(rescued) > len(shown) else 0
    if decoded.utf16:
        problems = [
            ParseProblem(
                Location(source, number),
                "line is not valid UTF-16: the damaged characters are shown as \ufffd; "
                "save the file again from its source",
                "",
            )
            for number in shown
        ]
        return DecodedText(text, (*problems, *_more_lines(source, more, "UTF-16")))
    windows_1252: Container[int] = decoded.windows_1252  # LineNumbers: asked in O(log)
    if not isinstance(windows_1252, LineNumbers):  # a set: 20,000 such lines were quadratic
        windows_1252 = frozenset(decoded.windows_1252)
    problems = []
    for number, rescued_line in _lines_at(text, shown):
        line = rescued_line.strip()
        line = line if len(line) <= 80 else line[:77] + "..."
        how = f"read as {decoded.codepage}" if number in windows_1252 else "bad bytes as \ufffd"
        problems.append(
            ParseProblem(
                Location(source, number),
                f"line is not valid UTF-8 ({how}: {line!r}); save the file as UTF-8",
                rescued_line,
            )
        )
    return DecodedText(text, (*problems, *_more_lines(source, more, "UTF-8")))


def _more_lines(source: str, more: tuple[int, int], encoding: str) -> tuple[ParseProblem, ...]:
    """One problem for the damaged lines past the first `MAX_DECODING_PROBLEMS`: `more`
    is (how many, the first of them)."""
    count, first = more
    if not count:
        return ()
    return (
        ParseProblem(
            Location(source, first),
            f"{count:,} more lines from here on are not valid {encoding} either (only "
            f"the first {MAX_DECODING_PROBLEMS:,} are listed); save the whole file as "
            f"{encoding}",
        ),
    )


# Lines stepped over a block at a time when finding a rescued line's text
_BLOCK = 4096


def _lines_at(text: str, numbers: tuple[int, ...]) -> Iterator[tuple[int, str]]:
    """(number, text) of the lines `numbers` (ascending, 1-based) of `text` ("\n" line
    ends), without splitting the whole text: a hostile file has millions of lines and
    only the first rescued ones are shown. Blocks with no wanted line are counted over."""
    line, at = 1, 0
    for number in numbers:
        while line < number:
            end = at + _BLOCK
            inside = text.count("\n", at, end)
            if line + inside < number and end < len(text):
                line, at = line + inside, end
                continue
            found = text.find("\n", at)
            if found < 0:
                break
            line, at = line + 1, found + 1
        if line != number:
            yield number, ""
            continue
        end = text.find("\n", at)
        yield number, text[at : len(text) if end < 0 else end]


def _unify_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def with_problems(bibliography: Bibliography, decoded: DecodedText) -> Bibliography:
    """Add the decoding problems, and say so when the file holds no entries at all."""
    problems = (*decoded.problems, *bibliography.problems)
    if not bibliography.references and not problems:
        what = "empty bibliography file" if not decoded.text.strip() else "no entries found"
        problems = (
            ParseProblem(
                Location(bibliography.source, 1),
                f"{what} (expected {bibliography.format} entries)",
            ),
        )
    problems = tuple(sorted(problems, key=lambda p: p.location.line or 0))
    return Bibliography(bibliography.source, bibliography.format, bibliography.references, problems)


def _readers() -> tuple[BibliographyReader, ...]:
    # Imported here: the readers import `read_text` from this module.
    from citeaudit.bibliography.bibtex import BibtexReader
    from citeaudit.bibliography.csl_json import CslJsonReader
    from citeaudit.bibliography.csl_yaml import CslYamlReader
    from citeaudit.bibliography.ris import RisReader

    return (BibtexReader(), RisReader(), CslJsonReader(), CslYamlReader())


def bibliography_suffixes() -> tuple[str, ...]:
    """Every suffix a bibliography reader reads (``.bib``, ``.csl-json``...): the one
    list, also what the upload page offers."""
    return tuple(ext for reader in _readers() for ext in reader.extensions)


def is_bibliography_name(name: str) -> bool:
    """Whether a file name ends as a bibliography reader's files do (``refs.csl-json``,
    ``refs.BIB``). The one list: the CLI, the service, the watch commands and the
    readers ask here, so a reader's new suffix is never read as a manuscript by one of
    them. No bibliography suffix ends as a support file's or a compiled list's does
    (tests/test_kinds_one_table.py), so this agrees with `input_kinds.kind_of`, which
    composes this table and must not be imported here (the package would import
    itself back: tests/test_layout.py)."""
    return name.lower().endswith(bibliography_suffixes())


def reader_for(path: Path) -> BibliographyReader:
    """The reader for `path`: by extension, else by what the file starts with."""
    name = path.name.lower()
    readers = _readers()
    for reader in readers:
        if any(name.endswith(ext) for ext in reader.extensions):
            return reader
    if _document_file(path):
        # a Word or PDF file given as the bibliography: its reference list is read the
        # way a pasted list is (the caller falls back to that on UnknownFormat)
        raise UnknownFormat(str(path), "a document, not a bibliography file")
    sniffed = _sniff(read_text(path).text)
    for reader in readers:
        if reader.format == sniffed:
            return reader
    raise UnknownFormat(
        str(path),
        "cannot tell the bibliography format; expected BibTeX (.bib), RIS (.ris) "
        "or CSL-JSON (.json)",
    )


_DOCUMENT_SUFFIXES = (".docx", ".pdf")
_DOCUMENT_MAGIC = (b"PK\x03\x04", b"%PDF-")


def _document_file(path: Path) -> bool:
    """A DOCX or PDF by name or by its first bytes (an unreadable file is left to the
    text reader, which says why)."""
    if path.name.lower().endswith(_DOCUMENT_SUFFIXES):
        return True
    try:
        head = read_head(path, 8)
    except OSError:
        return False
    return head.startswith(_DOCUMENT_MAGIC)


# How CSL-JSON opens: a list whose first value is an object (or no value), or an object
# whose first key is a string (or no key). The file's opening decides, never decoding it
# whole: `json.loads` of a 9 MB list of "[]" only to ask "is this JSON?" peaked at
# 210 MB (40 bytes a list), before any reader's caps -- the CSL reader decodes an item
# at a time, in a window (`csl_json.MAX_ITEM_CHARS`), and says where JSON is damaged.
# No pasted list opens so ("[1] Smith" does not), nor does BibTeX or RIS.
_JSON_OPENING = re.compile(r'\[\s*+(?:\{\s*+["}]|\])|\{\s*+["}]')


def _sniff(text: str) -> str | None:
    stripped = text.lstrip()
    if stripped.startswith("[") or _JSON_OPENING.match(stripped):
        return "csl-json"
    if re.search(r"^TY  -", text, re.MULTILINE):
        return "ris"
    # [ \t]*, not \s*: under MULTILINE \s* would rescan every following blank line from
    # each line start -- quadratic in a file of blank lines.
    if re.search(r"^[ \t]*@\w+\s*[{(]", text, re.MULTILINE):
        return "bibtex"
    if not stripped:
        return "bibtex"  # an empty file: any reader reports it the same way
    return None


def written_as_bibliography(path: Path) -> bool:
    """Whether a file given as a pasted reference list is really BibTeX, RIS or CSL-JSON.

    The service stores a list upload as ``.txt`` whatever it was named, so only the
    content can tell; read as text, a CSL-JSON array was one entry titled "id". Only a
    sure sign counts -- CSL-JSON's opening (`_JSON_OPENING`: a list of objects, an
    object of keys), an RIS ``TY  -`` line, a BibTeX ``@type{`` line -- never the bare
    "[" that `_sniff` accepts for a damaged JSON file: a list numbered "[1] ..." is
    text. An unreadable file is left to the text reader.
    """
    if _document_file(path):
        return False
    try:
        text = read_text(path).text
    except InputError:
        return False
    stripped = text.lstrip()
    if stripped[:1] in ("[", "{"):
        return _JSON_OPENING.match(stripped) is not None
    return bool(stripped) and _sniff(text) in ("ris", "bibtex")


def read_bibliography(path: Path, macros: MacroTable | None = None) -> Bibliography:
    """Read any supported bibliography file.

    `macros`: the @string table of the BibTeX files read before this one as one
    database (`bibtex_database`); a BibTeX file then knows their macros and adds its own.
    """
    reader = reader_for(path)
    if macros is not None and reader.format == "bibtex":
        return read_in_database(path, macros)
    return reader.read(path)
