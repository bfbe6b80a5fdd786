"""BibTeX text split into bibtexparser's blocks, the common shapes by one regex match
per field.

bibtexparser's splitter visits every brace, quote, comma, equals sign and newline of
a file in Python; on a real bibliography (TUGboat's, 3,644 entries) that was two
thirds of reading it. Here an entry or ``@string`` written in the shapes real files
use -- ``@type{key, name = value, ...}``, values braced (nested up to
`_NESTING` deep), quoted, macros or digits, joined by ``#`` -- is read by one regex
match per field, giving the very blocks bibtexparser gives: the same `Entry`,
`Field`, `String` and `DuplicateFieldKeyBlock`, with its line numbers, raw text and
field values (each rule of its splitter that matters is mirrored below: a brace,
quote or comma right after a backslash is no delimiter; a ``"`` inside braces and a
brace inside quotes count for nothing; a newline right after a backslash is not
counted as a line). Any other block -- ``(...)``-delimited, ``@comment``,
``@preamble``, deeper nesting, ``{"}`` in a value, an ``@type{`` starting a line
inside it, any damage -- is given to bibtexparser, with the text up to and including
the next ``@type{`` that starts a line: bibtexparser ends any block there (the
chunking of `bibtex._chunks` relies on the same rule), so what it gives for that
piece is what it gives for it inside the whole text. The result is therefore
bibtexparser's for the whole text, block for block; tests/bibliography compare both
on the real sample and on thousands of damaged variants of it.

Each fast match is bounded by the next block-starting line, and each piece given to
bibtexparser ends there too, so the pieces never overlap: linear in the text.
Implicit comments (text between blocks) are not kept; nothing reads them.
"""

from __future__ import annotations

import re
from typing import Any

from bibtexparser.entrypoint import parse_string
from bibtexparser.library import Library
from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    Field,
    ImplicitComment,
    ParsingFailedBlock,
    String,
)

from citeaudit.bibliography.limits import MAX_ENTRY_FIELDS

__all__ = ["CutEntry", "split"]

# Where bibtexparser starts a block outside one: "@type" then "{" or "(", anywhere.
_BLOCK_START = re.compile(r"@\w*[ \t]*(?=[{(])")
# A block start first on its line (after spaces or tabs): bibtexparser ends any block
# it is in there. Group 1 is the part it reads as the next block's head. (Searched
# from past an "@", so a line start is after a newline; "\n" rather than "^" with
# MULTILINE: the engine then looks for the newline first, four times faster.)
_LINE_BLOCK = re.compile(r"\n[ \t]*(@\w*[ \t]*[{(])")
# The same after any whitespace (str.isspace, as bibtexparser looks back): inside a
# fast-read block, it sends the block to bibtexparser. Only the last line break
# before the "@" is taken ("[^\S\n]", blanks that are no line break): with "\s*" a
# search began at every line break of a run of them and walked the whole run each
# time (200,000 blank lines then "@x" in a title: 49 s). Whether any such block
# start is there is the same question: a run "\n\s*@" ends in "\n[^\S\n]*@".
_INNER_BLOCK = re.compile(r"\n[^\S\n]*+@\w*+[ \t]*+[{(]")
_NESTING = 8


def _group(depth: int) -> str:
    """The inside of a brace group nested up to `depth` deep: only unescaped braces
    count there (a brace right after a backslash is text, as in bibtexparser)."""
    inner = r"(?:[^{}\\]++|\\[{}]?)*+"
    for _ in range(depth - 1):
        inner = r"(?:[^{}\\]++|\\[{}]?|\{" + inner + r"\})*+"
    return inner


_GROUP = _group(_NESTING)
# A field's value up to the "," or "}" that ends it: text, braced groups, quoted
# strings (braces inside count for nothing, \" is text). Possessive throughout: each
# alternative starts with a different character, so nothing is tried twice.
_VALUE = r'(?:[^{}",\\]++|\\[{}",]?|\{' + _GROUP + r'\}|"(?:[^"\\]++|\\"?)*+")*+'
# A name (field or key) holds none of bibtexparser's delimiters; a backslash or "@" in
# one is left to it.
_NAME = r'[^{}",=\\@]*+'
_HEAD = re.compile(_NAME + ",")
_FIELD = re.compile(f"({_NAME})=({_VALUE})[,}}]")
# What ends an entry whose last field is followed by a comma (or that has none).
_CLOSING = re.compile(r"\s*+\}")
_STRING = re.compile(f"({_NAME})=((?:[^{{}}\\\\]++|\\\\[{{}}]?|\\{{{_GROUP}\\}})*+)\\}}")


class CutEntry(Entry):
    """An entry read fast that held more than `MAX_ENTRY_FIELDS` fields: only the first
    were built (`written`: how many it held). A million empty fields in one entry built
    a million `Field` objects (~400 bytes each for six bytes of text) before anything
    could count them; past the cap each is matched, to find where the entry ends, and
    dropped."""

    def __init__(self, written: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.written = written


class _Lines:
    """bibtexparser's line number at increasing positions: the newlines before the
    position, not counting one right after a backslash (its marks skip those)."""

    __slots__ = ("_line", "_position", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._position = 0
        self._line = 0

    def at(self, position: int) -> int:
        """Positions asked for are "@" or "=", never a newline, so no
        backslash-newline pair straddles the last one; back after a block that was
        not read fast, the count is undone."""
        text, last = self._text, self._position
        if position >= last:
            self._line += text.count("\n", last, position) - text.count("\\\n", last, position)
        else:
            self._line -= text.count("\n", position, last) - text.count("\\\n", position, last)
        self._position = position
        return self._line


def split(text: str) -> list[tuple[Block, int]]:
    """bibtexparser's blocks for `text` (implicit comments left out), in order, each
    with the lines to add to its own line numbers (those of a piece bibtexparser
    read start at the piece)."""
    library = Library()
    offsets: list[int] = []
    lines = _Lines(text)
    end_of_text = len(text)
    next_line_block = -1  # the "@" of the next block-starting line, past the current
    head_end = end_of_text
    position = 0
    while True:
        start = _BLOCK_START.search(text, position)
        if start is None:
            break
        at = start.start()
        if next_line_block <= at:
            found = _LINE_BLOCK.search(text, at + 1)
            next_line_block, head_end = (
                (found.start(1), found.end(1)) if found else (end_of_text, end_of_text)
            )
        fast = _fast_block(text, start, next_line_block, lines)
        if fast is not None:
            library.add(fast[0], fail_on_duplicate_key=False)
            offsets.append(0)
            position = fast[1]
            continue
        offset = lines.at(at)
        for piece_block in _bibtexparser_blocks(text[at:head_end], head_end < end_of_text):
            library.add(piece_block, fail_on_duplicate_key=False)
            offsets.append(offset)
        position = next_line_block
    return list(zip(library.blocks, offsets, strict=True))


def _bibtexparser_blocks(piece: str, next_head: bool) -> list[Block]:
    """bibtexparser's blocks for a piece, less its implicit comments and, when the
    piece ends with the head of the next block (`next_head`), less the unclosed block
    that head makes; duplicate keys unwrapped, for the whole library to find again."""
    blocks = parse_string(piece, parse_stack=[]).blocks
    if next_head and blocks and isinstance(blocks[-1], ParsingFailedBlock):
        blocks = blocks[:-1]
    kept: list[Block] = []
    for block in blocks:
        if isinstance(block, ImplicitComment):
            continue
        if isinstance(block, DuplicateBlockKeyBlock) and block.ignore_error_block is not None:
            block = block.ignore_error_block
        kept.append(block)
    return kept


def _fast_block(
    text: str, start: re.Match[str], limit: int, lines: _Lines
) -> tuple[Block, int] | None:
    """The entry or @string at `start` as bibtexparser reads it and where it ends, or
    None when it is not in the shapes read here (bibtexparser reads it then)."""
    brace = start.end()
    if text[brace] != "{":
        return None
    kind = start.group().lower()
    if kind.startswith(("@comment", "@preamble")):
        return None
    at = start.start()
    if kind.startswith("@string"):
        string = _STRING.match(text, brace + 1, limit)
        if string is None or not _plain(text, at, string.end()):
            return None
        block = String(
            key=string.group(1).strip(),
            value=string.group(2).strip(),
            start_line=lines.at(at),
            raw=text[at : string.end()],
        )
        return block, string.end()
    head = _HEAD.match(text, brace + 1, limit)
    if head is None:
        return None
    # The fields one after another, each matched where the one before ended, up to the
    # one that ends in "}" or the closing run ("\s*}") after a comma; anything else is
    # not the shape read here. (Once one regex matched the whole body first and the
    # fields were matched again: every value was scanned twice. A mismatch now costs
    # the fields read before it, once: still linear.) Never searched for: a search
    # tried from each character of a long closing run read the rest of it (a tail of
    # 80,000 spaces took 8 s). Lines counted through names and values as bibtexparser
    # counts them (a name holds no backslash, a value ends before a "," or "}").
    start_line = lines.at(at)
    line = start_line + text.count("\n", at, head.end()) - text.count("\\\n", at, head.end())
    fields: list[Field] = []
    names: set[str] = set()
    twice: set[str] = set()
    written = 0
    here = head.end()
    while True:
        field = _FIELD.match(text, here, limit)
        if field is None:
            closing = _CLOSING.match(text, here, limit)
            if closing is None:
                return None
            end = closing.end()
            break
        written_name, value = field.groups()
        here = field.end()
        written += 1
        line += written_name.count("\n")
        if written <= MAX_ENTRY_FIELDS:  # past it, matched to find the end, never built
            name = written_name.strip()
            if name in names:
                twice.add(name)
            names.add(name)
            fields.append(Field(name, value.strip(), line))
        if "\n" in value:
            line += value.count("\n") - value.count("\\\n")
        if text[here - 1] == "}":
            end = here
            break
    if not _plain(text, at, end):
        return None
    shape: dict[str, Any] = {
        "entry_type": kind[1:].strip(),
        "key": head.group()[:-1].strip(),
        "fields": fields,
        "start_line": start_line,
        "raw": text[at:end],
    }
    entry = CutEntry(written, **shape) if written > MAX_ENTRY_FIELDS else Entry(**shape)
    if twice:
        return DuplicateFieldKeyBlock(duplicate_keys=twice, entry=entry), end
    return entry, end


def _plain(text: str, at: int, end: int) -> bool:
    """No block start first on a line inside the block (bibtexparser would end the
    block there) and no ``{"}`` (its escape of a quote inside a quoted value)."""
    if text.find('{"}', at, end) >= 0:
        return False
    return text.find("@", at + 1, end) < 0 or _INNER_BLOCK.search(text, at, end) is None
