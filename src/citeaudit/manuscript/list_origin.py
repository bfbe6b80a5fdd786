"""How a manuscript's own reference list was found, in words a report can print.

Why: every uncited and missing finding rests on where the list was taken to start and
end. A list found under its heading, one taken with no heading from the end of the
text, and one cut short where notes or running text follow it give different counts;
an editor who sees "72 entries, under the heading on line 249, ending at line 321
before '[1] Please note ...'" can check that count against the manuscript at a glance,
instead of discovering a wrong cut through odd findings.

Everything is read off the Document: a headless list's `reference_heading` is its
first entry's own line (the readers set it so), and the first body line after the
last entry is where the list stopped.
"""

from __future__ import annotations

from dataclasses import dataclass

from citeaudit.manuscript.document import Document

__all__ = ["STANDALONE", "ListOrigin", "list_origin"]

_SHOWN_CHARS = 40

STANDALONE = "a file that is only a reference list"  # audit: `_standalone_list`


@dataclass(frozen=True, slots=True)
class ListOrigin:
    """`how` is "heading" (under a heading naming the list), "no heading" (the run of
    entries ending the text) or "none"; `line` the heading's (or first entry's) line;
    `ends_at` and `ends_before` the first line after the list and its text, when text
    follows the list (notes, an appendix, a biography)."""

    how: str
    entries: int
    line: int | None = None
    ends_at: int | None = None
    ends_before: str | None = None

    def describe(self) -> str:
        if self.how == "none":
            return "no reference list found in the manuscript"
        where = (
            f"under the heading on line {self.line}"
            if self.how == "heading"
            else f"with no heading, at the end of the text from line {self.line}"
        )
        text = f"{self.entries} entries, {where}"
        if self.ends_at is not None:
            text += f"; the list ends before line {self.ends_at} ({self.ends_before!r})"
        return text


def list_origin(document: Document) -> ListOrigin:
    """How `document`'s own reference list was found."""
    entries = document.reference_entries
    heading = document.reference_heading
    if not entries or heading is None:
        return ListOrigin("none", 0)
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
    return ListOrigin(
        "no heading" if headless else "heading",
        len(entries),
        heading.line,
        after.number if after is not None else None,
        shown,
    )
