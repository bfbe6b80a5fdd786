"""Suppression comments in the sources.

``% citeaudit: ignore[uncited-reference] -- cited in the appendix PDF`` in BibTeX and
LaTeX, ``<!-- citeaudit: ignore[CIT001] -- why -->`` in Markdown (and ``%`` or ``#``
lines in plain text). A comment covers its own line and the next one, and the whole
entry that starts on either. A comment without a reason after ``--`` is not honoured:
it is reported, so a silenced finding always says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from citeaudit.bounded_read import read_capped
from citeaudit.line_ends import physical_lines

_MARKER = "citeaudit:"
# The reason is taken greedily and trimmed in Python: a lazy match before an optional
# tail would be quadratic on a long line of spaces.
_COMMENT = re.compile(
    r"(?:%|<!--|#)[ \t]*citeaudit:[ \t]*ignore\[(?P<rules>[^\]\n]{1,300})\]"
    r"(?:[ \t]*--(?!>)(?P<reason>[^\n]*))?"
)
_MAX_BYTES = 50 * 1024 * 1024  # a source larger than this is not scanned
_BINARY = (".docx", ".doc", ".odt", ".pdf")


@dataclass(frozen=True, slots=True)
class InlineSuppression:
    file: str
    line: int
    rules: tuple[str, ...]
    reason: str  # "" when none was written

    def covers_line(self, line: int | None) -> bool:
        return line is not None and self.line <= line <= self.line + 1


def scan(file: str) -> list[InlineSuppression]:
    """Every suppression comment in `file`; a file that cannot be read has none."""
    path = Path(file)
    if path.suffix.lower() in _BINARY:
        return []
    try:
        # A regular file only, through the one bounded reader: a FIFO or a device
        # (/dev/zero, /dev/stdin) says size 0 and is read for ever -- or to the end of
        # memory -- and a file swapped or grown after a look at its size is still capped.
        text = read_capped(path, _MAX_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return []
    found: list[InlineSuppression] = []
    if _MARKER not in text:
        return found
    for number, line in enumerate(physical_lines(text), start=1):
        if _MARKER not in line:
            continue
        match = _COMMENT.search(line)
        if match is None:
            continue
        rules = tuple(r.strip() for r in match["rules"].split(",") if r.strip())
        reason = (match["reason"] or "").strip().removesuffix("-->").strip()
        found.append(InlineSuppression(file, number, rules, reason))
    return found
