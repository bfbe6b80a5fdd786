"""Reading a reference list that stands alone -- a file, or text pasted into a form.

The list is cut into entries the way a list under a "References" heading is, and each
entry goes through the free-text parser; the result is an ordinary Bibliography, so
every rule about entries, the registry look-ups and the link checks run on it as on a
.bib file. There is no manuscript, so nothing is "never cited".

`reference_list_from_text` is what a service route calls with pasted text;
`read_reference_list` reads a file of any manuscript format (text, Markdown, DOCX).
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.bibliography.embedded import bibliography_from_entries
from citeaudit.bibliography.interface import Bibliography, ParseProblem
from citeaudit.errors import InputError
from citeaudit.input_scope import InputScope
from citeaudit.line_ends import physical_lines
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.manuscript.markup import strip_latex, strip_markdown
from citeaudit.manuscript.reading import read_manuscript_with_problems
from citeaudit.manuscript.standalone_list import list_entries
from citeaudit.model.location import Location

__all__ = ["list_bibliography", "read_reference_list", "reference_list_from_text"]

_NO_ENTRIES = "no reference entries found: expected one entry per line or per paragraph"


def read_reference_list(path: Path, scope: InputScope | None = None) -> Bibliography:
    """A file that holds only a reference list, as a Bibliography.

    Raises InputError when the file cannot be read or holds no entry at all.
    """
    document, problems = read_manuscript_with_problems(Path(path), scope)
    bibliography = list_bibliography(document)
    if not bibliography.references:
        raise InputError(document.path, _NO_ENTRIES)
    decoded = tuple(ParseProblem(Location(p.file, p.line), p.message) for p in problems)
    return Bibliography(
        bibliography.source,
        bibliography.format,
        bibliography.references,
        (*decoded, *bibliography.problems),
    )


def reference_list_from_text(text: str, source: str = "reference list") -> Bibliography:
    """Pasted text -- one entry per line or per paragraph -- as a Bibliography.

    Raises InputError when the text holds no entry at all.
    """
    lines = tuple(Line(source, n, t) for n, t in enumerate(physical_lines(text), start=1))
    bibliography = list_bibliography(Document(path=source, format="text", lines=lines))
    if not bibliography.references:
        raise InputError(source, _NO_ENTRIES)
    return bibliography


def list_bibliography(document: Document) -> Bibliography:
    """The entries of a document read as a list: under its heading if it has one, else
    every line of it."""
    entries: tuple[RawEntry, ...] = document.reference_entries
    if not entries:
        clean = strip_latex if document.format == "latex" else strip_markdown
        entries = list_entries(document.lines, clean)
    return bibliography_from_entries(document.path, entries)
