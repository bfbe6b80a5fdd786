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
note, breaks the run. A work with no author opens with its quoted title ('"Depot
Toolkit." http://...', as citeproc prints a web page): such an entry had cut a
Pandoc-made Word thesis's list, the 34 entries before it read as text. Each paragraph
is one entry (a wrapped line starting "2009. ..." is not a new one). Only Markdown and
plain text with no list heading are looked at.

A Word file saved as text has no blank lines at all -- one paragraph a line -- so when
no run of paragraphs ends the text, a run of lines is tried, each line one entry.
Word's notes come after the list ("[1] Please note ...", notes numbered from 1): such
a block after an unnumbered run of entries is skipped, and stays body text. A
numbered list ("1. Lee A. Title. 2013.") is a list too when its entries read as
entries once the number is set aside. The run must leave text before it: a file that
is nothing but entries is a list on its own (`standalone_list`), not a manuscript.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeaudit.manuscript.document import Layout, Line, RawEntry
from citeaudit.manuscript.list_tail import note_label
from citeaudit.manuscript.markup import collapse_spaces, strip_markdown
from citeaudit.manuscript.reference_section import list_marker, looks_like_entry_start
from citeaudit.model.location import Location

__all__ = ["tail_list"]

_MIN_ENTRIES = 3  # two dated paragraphs ending a paper are as likely prose
_MIN_ENTRY_CHARS = 25  # "Lee A. 2013." is no work anyone could look up
_HANGING = Layout("hanging paragraphs")
_ONE_PER_LINE = Layout("one per line")
_IDENTIFIER = re.compile(r"\b10\.\d{4,9}/\S|https?://|\bwww\.")  # an undated web page
_MAX_PARAGRAPH_CHARS = 2_000  # longer than any entry
# More entries than any headless list ends a paper with (a long review's has a few
# thousand): a longer run is not taken for one, and the walk back over it stops there
# (a 250,000-line upload of dated lines was walked line by line, twice: seconds).
_MAX_ENTRIES = 20_000
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
# A GB/T 7714 entry (Chinese theses and papers): its authors' names in ideographs, then a
# full stop, and a document-type mark after the title: "张伟,李华.标题[J].刊名,2022,46(6):6."
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\u00b7"  # ideographs, and the dot of foreign names
_GBT_NAMES = re.compile(
    rf"[{_HAN}]{{2,12}}+(?:[,，、 ]{{1,2}}+[{_HAN}]{{2,12}}+){{0,8}}+(?:等|,?\s?et al)?[.．]"
)
_GBT_TYPE = re.compile(r"\[(?:[MCNJDRSPAGKZ]|EB|DB|CP|OL)(?:/(?:OL|CD|MT|DK|DB))?\]")
# A work with no author, which citeproc's author-date styles open with its quoted title:
# '"Depot Toolkit - Home." http://depots.example.org/.' (a web page), '"Annual Report
# 2012." Example Bank.' The title closes with its own full stop inside the quotes.
_QUOTED_TITLE = re.compile(r"[\"“„«][^\W_][^\"“”„«»\n]{0,300}?[.?!][\"”»]\s")


def tail_list(
    lines: Sequence[Line],
) -> tuple[int, int, tuple[RawEntry, ...], Layout] | None:
    """(start, end, entries, layout): lines[start:end] are a headless list ending the text."""
    found = _tail_run(lines, _paragraphs(lines))
    if found is not None:
        start, end, units = found
        return start, end, tuple(_entry(lines, a, b) for a, b in units), _HANGING
    found = _tail_run(lines, _line_units(lines))
    if found is not None:
        start, end, units = found
        return start, end, tuple(_entry(lines, a, b) for a, b in units), _ONE_PER_LINE
    return None


def _tail_run(
    lines: Sequence[Line], units: list[tuple[int, int]]
) -> tuple[int, int, list[tuple[int, int]]] | None:
    k = len(units)
    while k and (
        _FOOTNOTE.match(lines[units[k - 1][0]].text) or _biography(lines[units[k - 1][0]].text)
    ):
        k -= 1
    k = _before_notes(lines, units, k)
    first = k
    while first and k - first <= _MAX_ENTRIES and _entry_like(lines, *units[first - 1]):
        first -= 1
    if k - first < _MIN_ENTRIES or first == 0:  # nothing before it: a list on its own
        return None
    if k - first > _MAX_ENTRIES:
        return None
    return units[first][0], units[k - 1][1], units[first:k]


# The verb that says who a person is, after their name: "Ana Lee is a researcher ...",
# "Ana Lee é professora ...", "... ist seit 2010 Professorin ...". An entry puts a comma
# or a full stop after its author's name, never such a verb.
_BIOGRAPHY_VERBS = frozenset(
    {"is", "was", "holds", "works", "worked", "received", "teaches", "taught", "leads"}
    | {"é", "foi", "es", "fue", "ist", "war", "est", "était", "è", "jest", "je"}
)
_MAX_NAME_WORDS = 4


def _biography(text: str) -> bool:
    """Whether a paragraph opens as an author's biography: one to four capitalised name
    words ("Ana", "M.", "Costa-Lima"), then a verb of `_BIOGRAPHY_VERBS`. Such a
    paragraph closing the text is dated and opens with a name, and was read as the
    headless list's last entry."""
    words = strip_markdown(text).split(maxsplit=_MAX_NAME_WORDS + 1)
    for i, word in enumerate(words[: _MAX_NAME_WORDS + 1]):
        if word in _BIOGRAPHY_VERBS:
            return i > 0
        name = word.rstrip(".").replace("-", "").replace("'", "").replace("’", "")
        if not (name.isalpha() and name[0].isupper()):
            return False
    return False


def _before_notes(lines: Sequence[Line], units: list[tuple[int, int]], k: int) -> int:
    """Where a block of notes numbered 1, 2, ... ending the units (before `k`) starts,
    when unnumbered entries stand before it; `k` when there is no such block."""
    j = k
    expected: int | None = None
    while j and (label := note_label(lines[units[j - 1][0]].text)) is not None:
        if expected is not None and label != expected:
            return k
        expected = label - 1
        j -= 1
        if label == 1:
            break
    if j == k or expected != 0:
        return k
    unnumbered = units[max(j - _MIN_ENTRIES, 0) : j]
    if len(unnumbered) == _MIN_ENTRIES and all(
        note_label(lines[a].text) is None and _entry_like(lines, a, b) for a, b in unnumbered
    ):
        return j
    return k


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


def _line_units(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """(i, i + 1) for each non-blank line: Word's text, one paragraph a line."""
    return [(i, i + 1) for i, line in enumerate(lines) if line.text.strip()]


def _entry_like(lines: Sequence[Line], start: int, end: int) -> bool:
    head = lines[start].text.strip()
    marker = list_marker(head)
    if marker is not None:
        if marker.group("bullet") is not None or marker.group("item") is not None:
            return False  # a bulleted note or item ends the run
        head = head[marker.end() :]  # a numbered entry: the entry after its number
    text = " ".join(line.text.strip() for line in lines[start:end])
    if len(text) > _MAX_PARAGRAPH_CHARS or len(text) < _MIN_ENTRY_CHARS:
        return False
    if _GBT_NAMES.match(head) and _GBT_TYPE.search(text):
        # "张伟.标题[J].刊名,2022.": no Latin name opens it, its type mark says entry (an
        # online-first article has no year: "[J/OL].刊名:1-9.")
        return True
    if not (_DATED.search(text) or _IDENTIFIER.search(text)):
        return False
    if _CITES.search(text) or len(_PROSE_WORDS.intersection(_WORD.findall(text))) >= 2:
        return False
    return (
        bool(_SAME_AUTHOR.match(head))
        or looks_like_entry_start(head)
        or _QUOTED_TITLE.match(head + " ") is not None
    )
