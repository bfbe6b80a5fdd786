"""hidden-direction-control: the manuscript holds invisible bidirectional controls."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

from citeaudit.audit_data import AuditData
from citeaudit.manuscript.document import Document, Line
from citeaudit.manuscript.visible_text import DIRECTION_CONTROLS
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.model.location import Location
from citeaudit.rules.base import Rule

_OVERRIDES = frozenset("\u202d\u202e")  # LRO, RLO: the characters' own direction is ignored
_NAMED_LINES = 12  # other lines named in the message at most


class HiddenDirectionControl(Rule):
    """Reports invisible bidirectional controls in a manuscript's text.

    Why: embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) print
    nothing but change the order characters are displayed in, so a reviewer reads
    something other than what is stored ("Trojan source" text): ``[1\\u202e]`` shows
    as a citation an audit that read the bytes would not see, and a right-to-left
    override can make "(Lee, 2019)" display as another year or name. The audit reads
    the text as shown (the controls removed, columns kept as written); this rule says
    that they were there. An override (LRO, RLO) is a warning: ordinary right-to-left
    writing never needs one. Embeddings and isolates, which some editors insert in
    Arabic, Hebrew or Persian text, are information. One finding per manuscript,
    naming the other lines.

    Example: "as shown before [1\\u202e] and [2]" in a Markdown manuscript.

    Fix: delete the controls (an editor that shows invisible characters, or a search
    for U+202A-U+202E and U+2066-U+2069) and check that the text reads the same.
    """

    name = "hidden-direction-control"
    code = "INP002"
    severity = Severity.WARNING
    summary = "Invisible bidirectional controls change how the text is displayed"

    def check(self, data: AuditData) -> Iterable[Finding]:
        for document in data.manuscripts:
            marked = list(_marked_lines(document))
            if not marked:
                continue
            first, controls = marked[0]
            found = {c for _, cs in marked for c in cs}
            names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c)}" for c in sorted(found))
            others = list(dict.fromkeys(f"line {ln.number}" for ln, _ in marked[1:]))
            also = ", ".join(others[:_NAMED_LINES])
            if len(others) > _NAMED_LINES:
                also += f" and {len(others) - _NAMED_LINES} more"
            where = f" (also at {also})" if also else ""
            written = first.written or first.text
            column = min(written.index(c) for c in controls) + 1
            unit = "paragraph" if document.format == "docx" else "line"
            yield self.finding(
                f"invisible bidirectional controls ({names}) make the text display in "
                f"another order than it is stored{where}; it was read without them",
                Location(first.file, first.number, column, page=first.page, unit=unit),
                fix=Fix("Delete the invisible direction controls"),
                severity=None if found & _OVERRIDES else Severity.INFO,
            )


def _marked_lines(document: Document) -> Iterator[tuple[Line, frozenset[str]]]:
    for line in document.lines:
        if line.direction:  # a LaTeX line keeps its text as written (Line.seen)
            written = line.written if line.written is not None else line.text
            yield line, frozenset(written) & DIRECTION_CONTROLS
