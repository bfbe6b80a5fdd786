"""A manuscript as text with a map back to its files and lines.

Every Document's body is read as it is seen (`visible_text`): invisible characters
taken out and look-alike digits made ASCII once, here, before any citation reader
looks at it; each line keeps what was written and the map of removed columns, so
locations stay those of the file. Citation keys are not read off the page: a Pandoc
key keeps its characters (`visible_text`), and a LaTeX body, whose citations are
``\\cite`` keys, is kept as written with only its direction controls noted.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field
from functools import cached_property

from citeaudit.manuscript.docx_field_citation import FieldCitation
from citeaudit.manuscript.docx_links import ShownLink
from citeaudit.manuscript.excerpt import paragraph_location
from citeaudit.manuscript.visible_text import (
    compose,
    has_direction_controls,
    visible,
    visible_column,
    written_column,
)
from citeaudit.model.location import Location


@dataclass(frozen=True, slots=True)
class Line:
    file: str
    number: int  # 1-based, in `file`
    text: str
    # (start, end) columns, 0-based, of text set as superscript where the format says so
    # (Word runs): numeric citations printed as superscripts leave no mark in `text`.
    superscripts: tuple[tuple[int, int], ...] = ()
    page: int | None = None  # a PDF's page; `number` is then the line on that page
    # Set by `seen` only: the 0-based written columns of the invisible characters taken
    # out of `text` (packed, `visible_text`), the line as written when `text` differs
    # from it, and whether bidirectional controls were among what was taken out.
    removed: str = ""
    written: str | None = None
    direction: bool = False

    def written_column(self, column: int) -> int:
        """The 0-based column in the line as written of `text`'s 0-based `column`."""
        return written_column(self.removed, column)

    def seen(self, *, exact: bool = False) -> Line:
        """This line as a reader sees it (`visible_text`); itself when nothing changes.
        `exact` keeps the text as written and only notes direction controls: LaTeX's
        citations are keys BibTeX resolves byte for byte (``\\cite{smi\\u200bth}``
        is undefined for it, and "smith" uncited), never read off the page."""
        if exact:
            if self.direction or not has_direction_controls(self.text):
                return self
            return dataclasses.replace(self, direction=True)
        shown = visible(self.text)
        if shown.text == self.text:
            return self
        removed = compose(self.removed, shown.removed)
        spans = self.superscripts
        if shown.removed and spans:
            spans = tuple(
                (visible_column(shown.removed, s), visible_column(shown.removed, e))
                for s, e in spans
            )
        return dataclasses.replace(
            self,
            text=shown.text,
            superscripts=spans,
            removed=removed,
            written=self.written if self.written is not None else self.text,
            direction=self.direction or shown.direction,
        )


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One entry of a reference list written inside the manuscript, markup stripped."""

    text: str
    location: Location
    raw: str  # as written, markup included
    # listed under "Further reading" (or its like): uncited by design, see reference_section
    further_reading: bool = False


@dataclass(frozen=True, slots=True)
class Layout:
    """How a list was cut: `kind` is "numbered" or "bulleted" (a marker starts each
    entry), "one per line" (each line or paragraph an entry), "hanging paragraphs"
    (hard-wrapped entries separated by blank lines) or "wrapped lines" (hard-wrapped,
    no separator: where entries start is a guess). `joined` counts lines that did not
    start an entry although they stood alone (joined to the entry before them), and
    `uncertain` is True when the count rests on guesses an editor should check."""

    kind: str
    joined: int = 0
    uncertain: bool = False

    def describe(self, entries: int) -> str:
        text = f"{entries} entries, {self.kind}"
        if self.joined:
            text += f"; {self.joined} line(s) read as the continuation of the entry before"
        return text


@dataclass(frozen=True)
class Document:
    """A manuscript after reading.

    `lines` is the body that citations are looked for in -- comments, verbatim text and
    the reference list itself are already left out -- each line carrying its own file
    and line number, so a LaTeX paper spread over ``\\input`` files still reports
    exact places. Readers may keep light markup (Markdown emphasis) in `lines`; the
    citation extractors cope with it.
    """

    path: str
    format: str  # "markdown", "text", "latex", "docx", "pdf"
    lines: tuple[Line, ...]
    reference_entries: tuple[RawEntry, ...] = ()
    reference_heading: Location | None = None
    reference_layout: Layout | None = None  # how the list's entries were told apart
    bibliography_files: tuple[str, ...] = ()  # from \bibliography{} / \addbibresource{}
    files: tuple[str, ...] = field(default=())  # every file read (main + included)
    # a Word manuscript's reference-manager citation fields, each linked to its entries
    citation_fields: tuple[FieldCitation, ...] = ()
    # links whose target is kept apart from their text (a Word hyperlink's relationship,
    # a HYPERLINK field's instruction): deceptive-link compares the two
    shown_links: tuple[ShownLink, ...] = ()

    def __post_init__(self) -> None:
        # The one place text is made visible: every reader's body, however built
        # (a LaTeX body of \\cite keys only has its direction controls noted).
        exact = self.format == "latex"
        seen = tuple(line.seen(exact=exact) for line in self.lines)
        if any(a is not b for a, b in zip(seen, self.lines, strict=True)):
            object.__setattr__(self, "lines", seen)

    @cached_property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @cached_property
    def _starts(self) -> list[int]:
        starts: list[int] = []
        offset = 0
        for line in self.lines:
            starts.append(offset)
            offset += len(line.text) + 1
        return starts

    def location_at(self, offset: int) -> Location:
        """The file, line and column of a character offset into `text`."""
        if not self.lines:
            return Location(self.path)
        i = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        line = self.lines[i]
        index = offset - self._starts[i]
        column = line.written_column(index) + 1  # as written: invisible characters count
        if self.format == "docx":  # a paragraph, told by the sentence an editor can find
            return paragraph_location(line.file, line.number, column, line.text, index)
        return Location(line.file, line.number, column, page=line.page)
