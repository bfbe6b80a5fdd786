"""BibTeX text as BibTeX and biber read it, where bibtexparser reads it otherwise.

Two shapes of real ``.bib`` files that bibtexparser v2 (2.1) reads differently from
the programs that build the user's bibliography, each a source of false findings:

* **A line break between the entry type and its brace** -- ``@article\\n{key,`` or
  ``@book  \\n  {key,``. BibTeX skips any white space there (``eat_bib_white_space``
  reads on to the next line) and so does biber (btparse's lexer); bibtexparser only
  starts a block at ``@type`` followed by spaces or tabs and a brace, so the entry was
  not read at all: "no entries", then every citation of the file "missing". Here the
  white space is moved behind the brace (``@article{\\nkey,``): the same characters,
  so every line number and position stays as written.

* **Lines commented out with ``%``** -- ``%@article{old, ...}`` and the ``%`` lines
  after it, or ``%  volume = {7},`` inside an entry. biber (btparse) reads ``%`` to
  the end of a line as a comment outside a value; BibTeX does not know ``%`` at all,
  but ignores any text outside an entry, so to it ``%@article{old,`` is an entry.
  bibtexparser reads it as BibTeX does, and a commented-out old version of an entry
  became a duplicate of the live one, an "uncited" entry, or a parse error; a ``%``
  line between fields became part of the next field's name (``% volume\\n year``: the
  year lost). citeaudit reads such lines as biber does: for a biber user that is the
  build's own reading; for a BibTeX user a commented-out entry is one the author
  meant to drop, which BibTeX only prints if cited -- so no finding is lost except
  a citation of a key that exists only commented out, which is then "missing" (under
  biber it is; under BibTeX it is printed from the commented-out text, a mistake the
  author would want to know about anyway).

  A ``%`` line is blanked (its characters become spaces, its newline kept) when it
  cannot change where any value ends: its braces and quotes balance; or it opens a
  commented-out block (``%@type{``), which takes the ``%`` lines right after it with
  it. A ``%`` line with an unbalanced brace outside such a block is left as it is:
  it may sit inside a braced value (text to biber), and blanking it would move the
  value's end. A ``%`` after other text on a line (``year = 2020, % or 2021``) is left
  to bibtexparser: telling it from a ``%`` inside a value needs the value's state.

The result has the length and the newlines of the input; `None` when nothing changed
(the common case: one search each, no copy). Linear: each line is looked at once.
What a block is shown as (its ``raw`` text, which `fix` finds in the file to edit it)
is taken back from the file as written (`WrittenText`).
"""

from __future__ import annotations

import re

__all__ = ["WrittenText", "as_bibtex_reads", "type_line_opens_block"]

# A type then white space holding a newline, then the block's brace: first on its line
# (where real files write it; an "@" inside a value rarely starts a line).
_TYPE_BREAK = re.compile(r"^([ \t]*+@\w++)([ \t]*+\n\s*+)([{(])", re.MULTILINE)
# A line whose first character other than spaces or tabs is "%".
_COMMENT_LINE = re.compile(r"^[ \t]*+%[^\n]*+", re.MULTILINE)
_OPENS_BLOCK = re.compile(r"@\w++\s*+[{(]")
_BRACE = re.compile(r"(?<!\\)[{}]")
_LONGEST_CHECKED = 2_000


def as_bibtex_reads(text: str) -> str | None:
    """`text` with %-comment lines blanked and ``@type\\n{`` closed up, or None when
    it holds neither."""
    changed = False
    if "%" in text:
        blanked = _blank_comment_lines(text)
        if blanked is not None:
            text, changed = blanked, True
    if _TYPE_BREAK.search(text) is not None:
        text, changed = _TYPE_BREAK.sub(_close_up, text), True
    return text if changed else None


# After a line "@type" alone: blank lines and %-lines, then the blanks before the
# next line's first character (where the brace must be).
_TO_NEXT_TEXT = re.compile(r"(?:[^\S\n]*+(?:%[^\n]*+)?\n)*+[^\S\n]*+")


def type_line_opens_block(text: str, at: int, after: int) -> bool:
    """Whether the line at `at`, ``@type`` alone on it up to its newline (`after` is
    past that newline), starts a block once rewritten: its brace comes after blank
    lines and %-lines that the rewriting blanks. Only the lines up to the brace are
    rewritten to tell (the blanking of a %-line right after a line that is no
    %-line depends on that line alone): a caller that asks about each such line once
    reads each of the lines after it once."""
    rest = _TO_NEXT_TEXT.match(text, after)  # always matches, maybe nothing
    segment = text[at : (rest.end() if rest else after) + 1]
    if "%" in segment:
        segment = _blank_comment_lines(segment) or segment
    return _TYPE_BREAK.match(segment) is not None


def _close_up(match: re.Match[str]) -> str:
    return match.group(1) + match.group(3) + match.group(2)


def _blank_comment_lines(text: str) -> str | None:
    pieces: list[str] = []
    kept_until = 0
    block_ends_at = -1  # end of the last line blanked as part of a commented-out block
    for match in _COMMENT_LINE.finditer(text):
        line = match.group()
        start, end = match.span()
        in_block = block_ends_at >= 0 and start == block_ends_at + 1
        if in_block or _OPENS_BLOCK.search(line) is not None:
            block_ends_at = end
        elif not _balanced(line):
            continue
        pieces.append(text[kept_until:start])
        pieces.append(" " * (end - start))
        kept_until = end
    if not pieces:
        return None
    pieces.append(text[kept_until:])
    return "".join(pieces)


def _balanced(line: str) -> bool:
    """Braces and double quotes that cannot change where a value ends: every brace
    closed after it opens, an even number of quotes (escaped ones, ``\\{`` and
    ``\\"``, are text). A long line with any of them is not looked into (a comment is
    a line or two; a hostile file's megabyte of ``%{}{}`` is left to bibtexparser)."""
    if "{" not in line and "}" not in line and '"' not in line:
        return True
    if len(line) > _LONGEST_CHECKED:
        return False
    if (line.count('"') - line.count('\\"')) % 2:
        return False
    depth = 0
    for brace in _BRACE.finditer(line):
        depth += 1 if brace.group() == "{" else -1
        if depth < 0:
            return False
    return depth == 0


class WrittenText:
    """The file as written, for blocks read from its rewritten text: a block's raw
    text is a slice of the rewritten text, and the same slice of the file is what the
    file holds. Blocks are asked for in file order, so each is searched for from
    where the one before ended: linear in the file."""

    __slots__ = ("_cursor", "_read", "_written")

    def __init__(self, read: str, written: str) -> None:
        self._read = read
        self._written = written
        self._cursor = 0

    def raw(self, raw: str | None) -> str:
        """`raw` (a block's text as read) as the file writes it."""
        if not raw or self._cursor < 0:
            return raw or ""
        at = self._read.find(raw, self._cursor)
        if at < 0:  # never expected; not searched for again (a miss scans to the end)
            self._cursor = -1
            return raw
        self._cursor = at + len(raw)
        return self._written[at : self._cursor]
