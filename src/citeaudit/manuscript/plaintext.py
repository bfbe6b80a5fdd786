"""Plain-text manuscripts, and the assembly every line-based reader shares.

A text file is its lines; the reference list, when a heading names one, is taken out
of the body and cut into entries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import ClassVar

from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.manuscript.interface import ManuscriptReader
from citeaudit.manuscript.line_numbers import without_line_numbers
from citeaudit.manuscript.markdown_tail_list import tail_list
from citeaudit.manuscript.markup import strip_markdown
from citeaudit.manuscript.note_markers import hide_note_markers
from citeaudit.manuscript.reading import InputProblem, decode_text
from citeaudit.manuscript.reference_section import (
    ReferenceSection,
    earlier_reference_sections,
    find_reference_section,
)
from citeaudit.model.location import Location

__all__ = ["PlainTextReader", "document_from_lines"]

_NOTE_FORMATS = ("text", "markdown")  # what a Word file is saved or pasted as


class PlainTextReader(ManuscriptReader):
    format: ClassVar[str] = "text"
    extensions: ClassVar[tuple[str, ...]] = (".txt", ".text")

    def read(self, path: Path) -> Document:
        return self.read_with_problems(path)[0]

    def read_with_problems(self, path: Path) -> tuple[Document, list[InputProblem]]:
        texts, problems = decode_text(path)
        name = str(path)
        lines = [Line(name, number, text) for number, text in enumerate(texts, start=1)]
        return document_from_lines(name, self.format, lines), problems


def document_from_lines(
    path: str,
    format: str,
    lines: Sequence[Line],
    *,
    levels: Mapping[int, int] | None = None,
    clean: Callable[[str], str] = strip_markdown,
    bibliography_files: tuple[str, ...] = (),
    files: tuple[str, ...] | None = None,
) -> Document:
    """A Document whose body is `lines` without the reference list found in them."""
    lines = without_line_numbers(lines)
    section = find_reference_section(lines, levels, clean)
    tail = tail_list(lines) if section is None and format in _NOTE_FORMATS else None
    if tail is not None:  # a list with no heading ends the text (markdown_tail_list)
        start, end, entries, layout = tail
        body = hide_note_markers(tuple(lines[:start]) + tuple(lines[end:]), entries)
        heading = Location(lines[start].file, lines[start].number)
    elif section is None:
        body = tuple(lines)
        entries = ()
        heading = None
        layout = None
    else:
        # a list closing each chapter or part before the last (class TL): every one is
        # read, and taken out of the body
        sections = [*earlier_reference_sections(lines, section, levels, clean), section]
        body = _without(lines, sections)
        entries = _joined_entries(sections)
        if format in _NOTE_FORMATS:  # Word's notes saved as text: "[1]" (note_markers)
            body = hide_note_markers(body, entries)
        first = lines[section.start]
        heading = Location(first.file, first.number)
        layout = section.layout
    return Document(
        path=path,
        format=format,
        lines=body,
        reference_entries=entries,
        reference_heading=heading,
        reference_layout=layout,
        bibliography_files=bibliography_files,
        files=files if files is not None else (path,),
    )


def _without(lines: Sequence[Line], sections: Sequence[ReferenceSection]) -> tuple[Line, ...]:
    """`lines` less each section's (the sections in order, none overlapping)."""
    body: list[Line] = []
    at = 0
    for section in sections:
        body.extend(lines[at : section.start])
        at = section.end
    body.extend(lines[at:])
    return tuple(body)


def _joined_entries(sections: Sequence[ReferenceSection]) -> tuple[RawEntry, ...]:
    """The sections' entries in order, an entry whose text an earlier list already gave
    read once: a thesis may print a chapter's list and repeat it in the closing one, and
    the one work twice would be a 'duplicate' the author never wrote."""
    seen: set[str] = set()  # the texts of the lists before this one
    out: list[RawEntry] = []
    for section in sections:
        keys = [" ".join(entry.text.casefold().split()) for entry in section.entries]
        # one list's own repeated entry stays: that duplicate the author did write
        out.extend(e for e, key in zip(section.entries, keys, strict=True) if key not in seen)
        seen.update(keys)
    return tuple(out)
