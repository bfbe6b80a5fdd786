"""A reference list with no heading at the end of a Markdown manuscript.

Pandoc's citeproc, rendering to Markdown with no ``# References`` heading in the
source, prints the list straight after the last section -- after a table's notes, say
-- one hanging paragraph per entry (``Lee, Ann. 2013. "Title." *J* 3 (1): 4.``,
``———. 2006. ...`` for the same author again), with only footnote definitions after
it. With no heading to find, the list was not read at all: its works were "missing"
and nothing said no list was found. Such a tail is taken as the list when at least
`_MIN_ENTRIES` paragraphs in a row end the text (footnotes aside), each opening as an
entry does, dated, and not reading as running text (two words such as "we", "that",
"which", or a citation "(Lee, 2020)" in it): a closing paragraph of prose, or a bulleted
note, breaks the run. Each paragraph is one entry (a wrapped line starting "2009. ..."
is not a new one). Only Markdown with no list heading is looked at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeaudit.manuscript.document import Line, RawEntry
from citeaudit.manuscript.markup import collapse_spaces, strip_markdown
from citeaudit.manuscript.reference_section import list_marker, looks_like_entry_start
from citeaudit.model.location import Location

__all__ = ["tail_list"]

_MIN_ENTRIES = 3  # two dated paragraphs ending a paper are as likely prose
_MAX_PARAGRAPH_CHARS = 2_000  # longer than any entry
_FOOTNOTE = re.compile(r"^ {0,3}\[\^[^\]\n]+\]:")
_SAME_AUTHOR = re.compile(r"^\s*(?:[—–-]{2,}|\\?[—–-]\\?[—–-])")  # "———. 2006."
_DATED = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)[a-z]?(?!\d)|\bn\.\s?d\.")
# Words of running text that titles almost never hold two of; a parenthetical citation
# "(Lee, 2020)" / "(Lee 2020;": a paragraph that cites is text, not an entry.
_PROSE_WORDS = frozenset(
    {"we", "our", "us", "that", "was", "were", "which", "this", "these", "they", "their"}
    | {"here", "there", "it", "its", "however", "because"}
)
_WORD = re.compile(r"[a-z]+")
_CITES = re.compile(r"\([A-Z][^\s(),;]+(?: et al\.)?,? (?:1[5-9]|20)\d\d[a-z]?[;)]|\[-?@")


def tail_list(lines: Sequence[Line]) -> tuple[int, int, tuple[RawEntry, ...]] | None:
    """(start, end, entries): lines[start:end] are a headless list ending the text."""
    paragraphs = _paragraphs(lines)
    k = len(paragraphs)
    while k and _FOOTNOTE.match(lines[paragraphs[k - 1][0]].text):
        k -= 1
    first = k
    while first and _entry_like(lines, *paragraphs[first - 1]):
        first -= 1
    if k - first < _MIN_ENTRIES:
        return None
    start, end = paragraphs[first][0], paragraphs[k - 1][1]
    return start, end, tuple(_entry(lines, a, b) for a, b in paragraphs[first:k])


def _entry(lines: Sequence[Line], start: int, end: int) -> RawEntry:
    """One paragraph as one entry: citeproc wraps an entry but never splits it."""
    raw = "\n".join(line.text.rstrip() for line in lines[start:end])
    text = collapse_spaces(strip_markdown(raw))
    return RawEntry(text=text, location=Location(lines[start].file, lines[start].number), raw=raw)


def _paragraphs(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """(start, end) of each run of non-blank lines."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate(lines):
        if line.text.strip():
            start = i if start is None else start
        elif start is not None:
            found.append((start, i))
            start = None
    if start is not None:
        found.append((start, len(lines)))
    return found


def _entry_like(lines: Sequence[Line], start: int, end: int) -> bool:
    head = lines[start].text.strip()
    if list_marker(head) is not None:  # a bulleted note or item ends the run
        return False
    text = " ".join(line.text.strip() for line in lines[start:end])
    if len(text) > _MAX_PARAGRAPH_CHARS or not _DATED.search(text):
        return False
    if _CITES.search(text) or len(_PROSE_WORDS.intersection(_WORD.findall(text))) >= 2:
        return False
    return bool(_SAME_AUTHOR.match(head)) or looks_like_entry_start(head)
