"""How much text one Word document may hand the audit: lines and characters, body and
notes together.

A text upload is bounded by its bytes; a .docx is a ZIP, so its bytes say little:
a 234 KB upload unpacked to 30 MB of one paragraph's text and held a worker for 40 s
of CPU (linear, but 170 ms a kilobyte uploaded), and the 200 MB the package may unpack
to would have taken the whole parse time limit. Footnotes and endnotes, each a line,
were not counted against `reading.MAX_LINES` at all: two note parts of 250,000 notes
each tripled what the cap allows. So one budget is spent by the body's paragraphs and
then by the notes: past `MAX_TEXT_CHARS` characters or `MAX_LINES` lines the rest is
not read, and one problem says where reading stopped.

`MAX_TEXT_CHARS` is far past real manuscripts: a 1,000-page thesis holds about three
million characters (the PDF reader's own cap, `pdf_pages.MAX_CHARS`), a Word document
whose text is ten million is no manuscript.
"""

from __future__ import annotations

from citeaudit.manuscript import reading

__all__ = ["MAX_TEXT_CHARS", "MAX_XML_BYTES", "TextBudget"]

MAX_TEXT_CHARS = 10_000_000
# Bytes the XML parts read (body, styles, numbering, notes, custom XML, headers) may
# unpack to together, judged from their declared sizes before any is decompressed, the
# body first. `docx.MAX_UNPACKED_BYTES` bounds the whole package (images included), but a
# 540 KB upload whose body held 189 MB of text in a few thousand tags (no ratio nor tag
# cap says no) peaked at 756 MB resident and 10 s of a worker, for 10 million characters
# read (`MAX_TEXT_CHARS`): the rest was unpacked and parsed only to be dropped. A
# 1,000-page thesis is 3 million characters, about 30 MB of Word's XML.
MAX_XML_BYTES = 64 * 1024 * 1024
# (Here, not in `docx`, so the upload handler can judge it without importing lxml.)


class TextBudget:
    """Lines and characters left to read; `take` spends them, and says when they ran out.

    Mutable by design: one instance is carried through the body and the note parts.
    """

    __slots__ = ("chars_left", "exhausted", "lines_left")

    def __init__(self, lines: int | None = None, chars: int | None = None) -> None:
        self.lines_left = reading.MAX_LINES if lines is None else lines
        self.chars_left = MAX_TEXT_CHARS if chars is None else chars
        self.exhausted = False

    def take(self, text: str) -> str:
        """`text` as far as the characters left allow (all of it, while they last);
        marks the budget exhausted once a text was cut or nothing is left."""
        if len(text) >= self.chars_left:
            text = text[: self.chars_left]
            self.exhausted = True
        self.chars_left -= len(text)
        return text

    def line(self) -> bool:
        """Spend one line; False (and exhausted: a line is left unread) when no line or
        no character was left."""
        if self.lines_left <= 0 or self.chars_left <= 0:
            self.exhausted = True
            return False
        self.lines_left -= 1
        return True

    @property
    def done(self) -> bool:
        """Nothing more may be read."""
        return self.exhausted or self.lines_left <= 0 or self.chars_left <= 0

    def message(self) -> str:
        """The problem that says reading stopped, and why."""
        return (
            f"only the first {reading.MAX_LINES:,} paragraphs and notes, or {MAX_TEXT_CHARS:,} "
            "characters, were read -- more than any manuscript has; the rest of the "
            "document is not audited"
        )
