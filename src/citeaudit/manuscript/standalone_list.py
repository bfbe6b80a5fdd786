"""A reference list on its own: a file that is only a bibliography, with no manuscript.

Editors often have only the list, pasted from a submission system: one entry per line
or per paragraph, no heading, no text that cites anything. Read as a manuscript it
would yield no reference list and a few stray "citations" (``Baltic Weather Archive.
(2016)`` looks like one), and the audit would say nothing was checked. So a file whose
units mostly read like entries -- they start as entries start (an author, an
organisation, a number) and carry a year within an entry's length -- is taken as a list.
Prose fails this quickly: paragraphs start with ordinary words, run long, use the words
of running text ("we", "that", "was") and cite others in parentheses.

A file with body text is a manuscript, however long its unheaded list: a Nature-style
Word file (superscript numbers, "1.Surname, A. ..." at the end, no heading) has a few
paragraphs of thousands of words and fifty entries, so entries are most of its units;
its paragraphs, longer than any entry and written in running text, say what it is.

The entries are cut exactly as a list under a heading is (`split_entries`), so a list
reads the same with or without its heading. A pasted list that keeps its heading
("References", "REFERÊNCIAS", "# Bibliography") and has nothing else is a list on its
own too (`headed_list_alone`): read as a manuscript it had no text, so every entry was
"never cited".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.manuscript.markup import strip_markdown
from citeaudit.manuscript.reference_section import looks_like_entry_start, split_entries

__all__ = [
    "headed_list_alone",
    "list_entries",
    "looks_like_reference_list",
    "reads_like_entry",
    "standalone_entries",
]

_MIN_ENTRIES = 2  # one line with a year is as likely a sentence as a reference
_SHARE = 0.8  # of units that must read like entries (a title line may be the rest)
_MAX_ENTRY_CHARS = 2_000  # longer than any entry; a prose paragraph is often longer
_DATED = re.compile(
    r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)"
    r"|\b(?:n\.\s?d|s\.\s?d|s\.\s?f|t\.\s?t|o\.\s?J)\b"
    r"|\b(?:in press|no date|date unknown|sin fecha|sem data)\b",
    re.I,
)
_IDENTIFIER = re.compile(r"\b10\.\d{4,9}/\S|https?://|\bwww\.")  # an undated web page
# Words of running text that titles almost never hold two of.
_PROSE_WORDS = frozenset(
    {"we", "our", "us", "that", "was", "were", "which", "this", "these", "they", "their"}
    | {"here", "there", "it", "its"}
)
_WORD = re.compile(r"[a-z]+")
# Body text: a unit longer than any entry whose words are running text. In prose these
# function words are several in a hundred (4 % in a Nature-style paper); in entries run
# together (a list whose line breaks were lost) well under one in a hundred.
_BODY_RATE = 0.02
_BODY_WORDS = _PROSE_WORDS | frozenset(
    {"wir", "dass", "wurde", "wurden", "diese", "dieser", "ist", "sind"}  # de
    | {"nous", "était", "sont", "cette", "ces", "qui", "nos"}  # fr
    | {"que", "fue", "fueron", "foi", "foram", "são", "esta", "estos", "nosotros"}  # es, pt
)
_BODY_SCAN = 20_000  # characters of a long unit read to judge it
_LETTERS = re.compile(r"[^\W\d_]+")  # words in any script ("são", "était")
_CITE_COMMAND = re.compile(r"\\[A-Za-z]*cite|\[-?@")  # \cite{k}, [@k]: text that cites
_CAPITAL_START = re.compile(r"\W{0,3}[^\W\d_a-z]")  # "Whitfield R.", "Reuters.", "“Title”"
# A parenthetical author-year citation, "(Lee, 2020)": text cites, an entry is cited.
_CITES = re.compile(r"\([A-Z][^\s(),;]+(?: et al\.)?,? (?:1[5-9]|20)\d\d[a-z]?[;)]")


def list_entries(
    lines: Sequence[Line], clean: Callable[[str], str] = strip_markdown
) -> tuple[RawEntry, ...]:
    """The entries of a list that has no heading, every line of the file taken as list."""
    return tuple(e for e in split_entries(lines, clean) if e.text.strip())


def headed_list_alone(document: Document) -> tuple[RawEntry, ...] | None:
    """The entries of a file that is a reference list under its heading and nothing
    else (no line of text outside the list, no citation field, no bibliography file
    named); None for a manuscript. Nothing in such a file can cite, so its entries are
    a list to check, not works the text forgot."""
    if not document.reference_entries or document.citation_fields:
        return None
    if document.bibliography_files or any(line.text.strip() for line in document.lines):
        return None
    return document.reference_entries


def looks_like_reference_list(lines: Sequence[Line]) -> bool:
    """Whether the lines are a bare reference list rather than a manuscript's text."""
    return standalone_entries(lines) is not None


def standalone_entries(
    lines: Sequence[Line], clean: Callable[[str], str] = strip_markdown
) -> tuple[RawEntry, ...] | None:
    """The entries when the lines are a bare reference list; None when they are text.

    A list needs `_MIN_ENTRIES` entries and each starts on a line of its own, so fewer
    non-blank lines are text without cutting them up: a manuscript exported as one
    5 MB line was stripped of its Markdown whole (0.6 s) only to be found one entry."""
    if sum(1 for line in lines if line.text.strip()) < _MIN_ENTRIES:
        return None
    entries = list_entries(lines, clean)
    if len(entries) < _MIN_ENTRIES or any(map(_is_body_text, entries)):
        return None
    alike = sum(1 for entry in entries if _reads_like_entry(entry))
    return entries if alike >= _SHARE * len(entries) else None


def _is_body_text(entry: RawEntry) -> bool:
    """A paragraph of running text longer than any entry: the file is a manuscript."""
    if len(entry.text) <= _MAX_ENTRY_CHARS:
        return False
    words = _LETTERS.findall(entry.text[:_BODY_SCAN].lower())
    return sum(1 for word in words if word in _BODY_WORDS) >= _BODY_RATE * len(words)


def reads_like_entry(entry: RawEntry) -> bool:
    """Whether one unit opens, is dated and reads as a reference entry does."""
    return _reads_like_entry(entry)


def _reads_like_entry(entry: RawEntry) -> bool:
    if len(entry.text) > _MAX_ENTRY_CHARS or _CITE_COMMAND.search(entry.raw):
        return False
    first = next((ln for ln in entry.raw.splitlines() if ln.strip()), "")
    if not (looks_like_entry_start(first.strip()) or _CAPITAL_START.match(first)):
        return False
    if not (_DATED.search(entry.text) or _IDENTIFIER.search(entry.text)):
        return False
    prose = _PROSE_WORDS.intersection(_WORD.findall(entry.text))
    return len(prose) < 2 and not _CITES.search(entry.text)
