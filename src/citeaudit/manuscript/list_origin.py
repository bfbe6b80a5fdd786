"""How a manuscript's own reference list was found, in words a report can print.

Why: every uncited and missing finding rests on where the list was taken to start and
end and on how it was cut into entries. A list found under its heading, one taken with
no heading from the end of the text, and one cut short where notes or running text
follow it give different counts; so do a numbered list and hard-wrapped lines whose
entry starts were guessed. An editor who reads "72 entries, numbered, under the
heading on line 249, ending at line 321 before '[1] Please note ...'" in the report's
summary can check that count against the manuscript at a glance, instead of
discovering a wrong cut through odd findings.

Everything is read off the Document: a headless list's `reference_heading` is its
first entry's own line (the readers set it so), the first body line after the last
entry is where the list stopped, and the reader's `Layout` says how entries were told
apart. The audit keeps the `ListOrigin`s (a stored audit keeps no manuscript text), and
the reports print `describe()`.
"""

from __future__ import annotations

from dataclasses import dataclass

from citeaudit.manuscript.document import Document

__all__ = ["STANDALONE", "ListOrigin", "list_origin", "standalone_origin"]

_SHOWN_CHARS = 40

STANDALONE = "a file that is only a reference list"  # audit: `_standalone_list`


@dataclass(frozen=True, slots=True)
class ListOrigin:
    """`how` is "heading" (under a heading naming the list), "no heading" (the run of
    entries ending the text), "standalone" (the whole file is a list) or "none";
    `line` the heading's (or first entry's) line; `ends_at` and `ends_before` the first
    line after the list and its text, when text follows the list (notes, an appendix,
    a biography); `layout` how entries were told apart (`Layout.kind`: "numbered",
    "wrapped lines", ...) and `joined` how many lines standing alone were read as the
    continuation of the entry before; `file` the manuscript; `unit` what `line` counts."""

    how: str
    entries: int
    line: int | None = None
    ends_at: int | None = None
    ends_before: str | None = None
    file: str = ""
    layout: str | None = None
    joined: int = 0
    unit: str = "line"  # "paragraph" in a Word file, as its findings count

    def describe(self) -> str:
        if self.how == "none":
            return "no reference list found in the manuscript"
        count = f"{self.entries} {'entry' if self.entries == 1 else 'entries'}"
        if self.how == "standalone":
            return f"{count}, {STANDALONE}"
        where = (
            f"under the heading on {self.unit} {self.line}"
            if self.how == "heading"
            else f"with no heading, at the end of the text from {self.unit} {self.line}"
        )
        text = f"{count}, {self.layout}, {where}" if self.layout else f"{count}, {where}"
        if self.ends_at is not None:
            text += f"; the list ends before {self.unit} {self.ends_at} ({self.ends_before!r})"
        if self.joined:
            text += f"; {self.joined} line(s) read as the continuation of the entry before"
        return text


def standalone_origin(path: str, entries: int) -> ListOrigin:
    """A file read whole as a reference list (no manuscript text around it)."""
    return ListOrigin("standalone", entries, file=path)


def list_origin(document: Document) -> ListOrigin:
    """How `document`'s own reference list was found."""
    entries = document.reference_entries
    heading = document.reference_heading
    if not entries or heading is None:
        return ListOrigin("none", 0, file=document.path)
    first = entries[0].location
    headless = first.file == heading.file and first.line == heading.line
    own = [e for e in entries if e.location.file == heading.file]
    last = max(((e.location.line or 0) + e.raw.count("\n") for e in own), default=heading.line or 0)
    after = next(
        (
            line
            for line in document.lines
            if line.file == heading.file and line.number > last and line.text.strip()
        ),
        None,
    )
    shown = None
    if after is not None:
        text = " ".join(after.text.split())
        shown = text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"
    layout = document.reference_layout
    return ListOrigin(
        "no heading" if headless else "heading",
        len(entries),
        heading.line,
        after.number if after is not None else None,
        shown,
        file=document.path,
        layout=layout.kind if layout is not None else None,
        joined=layout.joined if layout is not None else 0,
        unit="paragraph" if document.format == "docx" else "line",
    )
