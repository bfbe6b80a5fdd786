"""BibTeX and BibLaTeX files, read with bibtexparser v2.

bibtexparser splits the file into blocks and keeps what it cannot parse as
`failed_blocks` with their line: those become ParseProblems and the rest is read.
Field values are resolved here rather than by its middlewares because the audit
needs more than they give: ``@string`` concatenation (``jn # " Quarterly"``), the
DOI and URLs exactly as written (LaTeX-decoding would hide ``10.1/a\\_b``), braced
organisation names (``{World Health Organization}``) told apart from persons, and
``crossref`` inheritance.

A file is hostile until read: ``@string{b = a # a}`` doubles ``a``, and thirty such
lines in 1 KB would expand to gigabytes. Each value's expansion is capped at
`MAX_EXPANDED_VALUE` characters and the whole file's at `expansion_budget`; going
past either is a ParseProblem on that line, and the entry is still read (with the
value cut). LaTeX decoding is bounded too (see `latex_text`).
"""

from __future__ import annotations

import itertools
import logging
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from bibtexparser.exceptions import ParsingException
from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ParsingFailedBlock,
    String,
)

from citeaudit.bibliography import bibtexparser_blocks
from citeaudit.bibliography.bibtex_database import Allowance
from citeaudit.bibliography.bibtex_syntax import (
    WrittenText,
    as_bibtex_reads,
    type_line_opens_block,
)
from citeaudit.bibliography.entry_ids import entry_id
from citeaudit.bibliography.interface import Bibliography, BibliographyReader, ParseProblem
from citeaudit.bibliography.latex_text import decoding_budget, latex_to_unicode
from citeaudit.bibliography.limits import (
    MAX_ENTRIES,
    MAX_ENTRY_FIELDS,
    MAX_PROBLEMS,
    PersonBudget,
    ProblemTally,
    aliases_cut,
    entries_cut,
    fields_cut,
)
from citeaudit.bibliography.loading import read_text, with_problems
from citeaudit.doi import normalize_doi
from citeaudit.gc_threshold import fewer_collections
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference

__all__ = ["BibtexReader", "parse_bibtex"]

# bibtexparser reports what it recovers from on its logger; the ParseProblems carry
# that to the user, so its messages must not also land on stderr -- nor be built: a
# warning per unreadable block was a third of reading a flood of "@a{".
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
logging.getLogger("bibtexparser").setLevel(logging.ERROR)

_MONTH_NAMES = (
    "January February March April May June July August September October November December"
)
_MONTHS = {m[:3].lower(): m for m in _MONTH_NAMES.split(" ")}
_KINDS = {
    "article": "article",
    "book": "book",
    "mvbook": "book",
    "booklet": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inreference": "chapter",
    "collection": "book",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "proceedings": "proceedings",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
    "unpublished": "manuscript",
    "misc": "misc",
}
# Fields read into Reference attributes; everything else goes to `extra`.
_CONSUMED = {
    "author",
    "editor",
    "title",
    "journal",
    "journaltitle",
    "booktitle",
    "year",
    "date",
    "volume",
    "number",
    "issue",
    "pages",
    "publisher",
    "doi",
    "url",
    "crossref",
}
# biblatex: a parent's title becomes its children's booktitle, not their title.
_PARENT_TITLE_TO_BOOKTITLE = {"inproceedings", "incollection", "inbook", "inreference"}
_KEY_IN_RAW = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s]*)")
_CONCATENATION_MARKS = re.compile(r'[{}"#]')
# What bibtexparser's own bugs raise: caught, the piece is a problem and the rest is
# read. Not `Exception`: a worker's soft time limit and MemoryError are Exceptions
# too, and swallowed here they let a step run on to its hard limit or past memory.
_PARSER_BUGS = (
    ParsingException,
    ValueError,
    LookupError,
    TypeError,
    AttributeError,
    AssertionError,
    RecursionError,
)
# Where bibtexparser starts a block: "@type" then "{" or "(", first on its line; or
# "@type" alone on its line (group 1: its newline), whose brace on a later line the
# rewriting (`bibtex_syntax`) brings up to it.
_BLOCK_LINE = re.compile(r"^[ \t]*@\w*[ \t]*(?:[{(]|(\n))", re.MULTILINE)
_ANY_BLOCK = re.compile(r"@\w*[ \t]*[{(]")  # the same anywhere on a line
_COMMENT_LINE_START = re.compile(r"[ \t]*+%")
# "@type{" on a line that is no %-line (group 1), the first on its line.
_BLOCK_OUTSIDE_COMMENT = re.compile(
    r"^(?![ \t]*+%)[^\n@]*+(?:@(?!\w*+[ \t]*+[{(])[^\n@]*+)*+(@\w*+[ \t]*+[{(])", re.MULTILINE
)
# Characters of text given to bibtexparser at once (about 3,000 entries): also how
# much of a file that is no bibliography is read past the problem cap (`_damaged`).
_CHUNK = 250_000
_FIELD_NAMES: dict[str, str] = {}
# Letter classes, not IGNORECASE and no \b: a third of the time on a large file (a
# name that only ends in "crossref" adds a parent that is not one, which is harmless).
_CROSSREF_VALUE = re.compile(
    r'[Cc][Rr][Oo][Ss][Ss][Rr][Ee][Ff]\s*=\s*(?:\{(?P<braced>[^{}]*)\}|"(?P<quoted>[^"]*)"|[^\s,}])'
)
# The URL stops at either brace (rt39a-2): read to the next "}" alone, each "\url{" of a
# quoted value -- whose braces need not balance -- read to the value's end when none
# was left (32,000 of them: 39 CPU s, quadratic). A URL holds no raw brace (RFC 3986).
_URL_MACRO = re.compile(r"\\(?:url|href)\s*+\{([^{}]*+)\}")
_YEAR = re.compile(r"^\s*+(\d{4})\s*+([a-z])?\s*+$")  # possessive: linear on a year of spaces
_ANY_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
# An expanded field or @string longer than this is no bibliographic value: a long
# abstract is ~5,000 characters.
MAX_EXPANDED_VALUE = 100_000
# Characters of LaTeX one file may have decoded fully (pylatexenc is slow); a large
# real bibliography uses a fraction of it.
LATEX_DECODING_BUDGET = 1_000_000


# Concatenations remembered per file (`_Expansion.again`): up to this long, this many.
_REMEMBERED_VALUE = 200
_REMEMBERED_VALUES = 10_000


def expansion_budget(text: str) -> int:
    """Characters @string macros may add in all in one file: generous for real files
    (where a journal macro is used in every entry), bounded for hostile ones. The files
    of one database (`bibtex_database`) share it, as one text."""
    return _budget(len(text))


def _budget(length: int) -> int:
    return max(2_000_000, 10 * length)


def inheritance_budget(text: str) -> int:
    """Characters crossref children may take from their parents in all in one file:
    every child of a proceedings copies its fields, so the work is children x the
    parent's size; a real file (hundreds of papers, a parent of a few hundred
    characters) stays far under, a made-up one (thousands of children under a parent of
    thousands of fields or editors) stops here. Shared by a database's files, as
    `expansion_budget` is."""
    return _budget(len(text))


# An inherited field costs this much beside its characters (a copy, a lookup).
_INHERITED_FIELD_COST = 32


# Author and editor lists read without a problem are remembered while one file is
# read, up to this length and this many.
_PERSONS_LENGTH = 1_000
_PERSONS_SIZE = 20_000
_DOI_URL = re.compile(r"https?://(dx\.)?doi\.org/", re.IGNORECASE)

_NO_DATE = re.compile(r"^\s*(n\.\s*d\.?|nd|no date|o\.\s*j\.?|s\.\s*f\.?)\s*$", re.IGNORECASE)


@dataclass(slots=True)
class _Expansion:
    """What @string macros may still add to this file's values, and which were cut."""

    left: int
    cut: set[str] = field(default_factory=set)  # a value using one of them is cut too
    defined: set[str] = field(default_factory=set)  # @string names, as written
    # Concatenations resolved in full (``ack-bnb # " and " # ack-nhfb`` in every entry
    # of TUGboat): their value and what their macros added.
    resolved: dict[str, tuple[str, int]] = field(default_factory=dict)

    def again(self, value: str) -> str | None:
        """A concatenation resolved before, charged again; None if it is not known or
        would no longer fit. A macro is defined once (a second definition is ignored),
        so a value read in full without an undefined name always reads the same."""
        known = self.resolved.get(value)
        if known is None or known[1] > self.left:
            return None
        self.left -= known[1]
        return known[0]

    def remember(self, value: str, resolved: str, added: int) -> None:
        if len(value) <= _REMEMBERED_VALUE and len(self.resolved) < _REMEMBERED_VALUES:
            self.resolved[value] = (resolved, added)


@dataclass(frozen=True, slots=True)
class _Resolved:
    value: str
    undefined: list[str]
    capped: bool  # the expansion was cut at a cap


@dataclass(frozen=True, slots=True)
class _Raw:
    """One entry before it becomes a Reference: resolved, still-LaTeX field values."""

    key: str
    entry_type: str
    line: int
    raw: str
    fields: dict[str, str]


class BibtexReader(BibliographyReader):
    format: ClassVar[str] = "bibtex"
    extensions: ClassVar[tuple[str, ...]] = (".bib", ".bibtex", ".biblatex")

    def read(self, path: Path) -> Bibliography:
        decoded = read_text(path)
        return with_problems(parse_bibtex(decoded.text, str(path)), decoded)


def parse_bibtex(
    text: str,
    source: str,
    macros: dict[str, str] | None = None,
    allowance: Allowance | None = None,
) -> Bibliography:
    """A Bibliography from BibTeX text; `source` names the file in locations.

    `macros` is the @string table of the files read before this one in the same run
    (BibTeX reads ``\\bibliography{strings,refs}`` as one database): it is used and
    added to, so a macro defined in an earlier file is known here and in later ones.
    `allowance`: what that database's files read and added so far; this file's
    expansion and inheritance budgets are what is left of the database's (and it is
    added to), not a fresh floor of their own.
    """
    # Reading keeps several small objects per field; collections every 700 of them
    # were 10-20 % of reading (`gc_threshold`; an audit around it already holds it).
    with fewer_collections(), decoding_budget(LATEX_DECODING_BUDGET) as latex:
        bibliography = _parse(text, source, macros, allowance)
    if not latex.exhausted:
        return bibliography
    problem = ParseProblem(
        Location(source, 1),
        f"the file holds more LaTeX markup than is decoded in full "
        f"({LATEX_DECODING_BUDGET:,} characters); the rest of its values are read with "
        "the markup stripped (accents and symbols may be missing)",
    )
    return Bibliography(
        source, bibliography.format, bibliography.references, (problem, *bibliography.problems)
    )


def _parse(
    text: str,
    source: str,
    macros: dict[str, str] | None = None,
    allowance: Allowance | None = None,
) -> Bibliography:
    tally = ProblemTally(source)
    problems = tally.problems
    strings: dict[str, str] = macros if macros is not None else {}
    shared = allowance if allowance is not None else Allowance()
    shared.text += len(text)
    references = _References(source, problems, _crossref_targets(text))
    # this file's own budgets, within what is left of its database's
    inheritable = min(inheritance_budget(text), max(0, _budget(shared.text) - shared.inherited))
    references.inheritable = inheritable
    expansion = _Expansion(
        min(expansion_budget(text), max(0, _budget(shared.text) - shared.expanded))
    )
    expandable = expansion.left
    try:
        return _read(text, source, strings, tally, references, expansion)
    finally:
        shared.expanded += expandable - expansion.left
        shared.inherited += inheritable - references.inheritable


def _read(
    text: str,
    source: str,
    strings: dict[str, str],
    tally: ProblemTally,
    references: _References,
    expansion: _Expansion,
) -> Bibliography:
    problems = tally.problems
    cut: ParseProblem | None = None
    damaged = False
    for chunk, lines_before in _chunks(text):
        if damaged:  # the piece before was mostly unreadable, past the problem cap
            cut = _damaged(source, lines_before + 1)
            break
        # Read as BibTeX and biber read it (`bibtex_syntax`), piece by piece (the same
        # text as the whole file's rewriting: see `_chunks`), so that no rewritten copy
        # of a large file is held whole beside it; shown as written.
        rewritten = as_bibtex_reads(chunk)
        written = None if rewritten is None else WrittenText(rewritten, chunk)
        try:
            blocks = bibtexparser_blocks.split(chunk if rewritten is None else rewritten)
        except _PARSER_BUGS as error:  # the one boundary to bibtexparser's own bugs
            where = Location(source, lines_before + 1)
            problems.append(ParseProblem(where, f"the BibTeX parser gave up: {error}"))
            continue
        reading = _Reading(source, lines_before, strings, problems, expansion, tally, written)
        for entry in reading.blocks(blocks):
            if len(references.built) >= MAX_ENTRIES:  # `limits`: a flood of tiny entries
                cut = entries_cut(source, entry.line)
                break
            references.add(entry)
            tally.entries = len(references.built)
        del blocks  # bibtexparser's model of a chunk: several times its text
        tally.entries = len(references.built)
        tally.trim()  # a flood of "@a{" is one problem each: the first ones are kept
        damaged = bool(tally.dropped) and reading.failed > reading.read
        if cut is not None:
            break
    read = references.finish()
    tally.entries = len(read)
    found = (*tally.final(), *references.persons.budget.problem(source))
    return Bibliography(
        source, BibtexReader.format, tuple(read), found if cut is None else (*found, cut)
    )


def _damaged(source: str, line: int) -> ParseProblem:
    """Past the problem cap, a piece of the file that had more unreadable blocks than
    entries is no bibliography (a flood of "@a{": 20 MB of it took minutes, one
    failed block after another); the rest is not read, and this says so."""
    return ParseProblem(
        Location(source, line),
        f"the file is not read past this line: over {MAX_PROBLEMS:,} of its blocks could not "
        "be read, and more blocks fail than read as entries -- it is badly damaged, or not "
        "a bibliography",
    )


def _chunks(text: str) -> Iterator[tuple[str, int]]:
    """The text in pieces of about `_CHUNK` characters, each with the number of lines
    before it, cut before a line that starts a block (``@type{``).

    bibtexparser ends a block at such a line wherever it is (its recovery from a brace
    left open), so the pieces read as the whole would; and its model of a large file,
    about seven times the text, is never held whole. Where the `_CHUNK` characters
    after a piece's first `_CHUNK` hold no such line -- no BibTeX a person or a tool
    writes; 20 MB of "@a{" on one line was one piece, read to its end before the
    damage check could stop it -- the cut is before the next "@type{" on a line. Each
    search starts where the last piece ended, so finding every cut is linear.

    The cuts are looked for in the text as written, and each piece is rewritten as
    BibTeX and biber read it (`bibtex_syntax`) when it is read; a line that starts a
    block once rewritten (``@type`` alone, its brace on a later line) is a cut too,
    else a file of such entries would be one piece (20 MB of unclosed ones: minutes).
    """
    start = 0
    lines_before = 0
    while len(text) - start > _CHUNK:
        cut = _line_cut(text, start + _CHUNK, start + 2 * _CHUNK)
        if cut < 0:
            cut = _cut_in_line(text, start)
            at_line = _line_cut(text, start + 2 * _CHUNK, cut if cut >= 0 else len(text))
            cut = at_line if at_line >= 0 else cut
        if cut < 0:
            break
        yield text[start:cut], lines_before
        lines_before += text.count("\n", start, cut)
        start = cut
    yield text[start:] if start else text, lines_before


def _line_cut(text: str, start: int, end: int) -> int:
    """The first line between `start` and `end` that starts a block as the text is
    read (rewritten), or -1."""
    for found in _BLOCK_LINE.finditer(text, start, end):
        if found.group(1) is None or type_line_opens_block(text, found.start(), found.end()):
            return found.start()
    return -1


def _cut_in_line(text: str, start: int) -> int:
    """Where `_chunks` cuts when no line starts a block: before the next ``@type{`` on
    a line that is no ``%`` comment line (-1 when there is none).

    Each piece is rewritten alone (`as_bibtex_reads`), and that gives the same text as
    the whole file's rewriting when a cut is at the start of a line that starts a
    block: a ``%`` line is blanked or kept by its own text (a run of them opened by
    ``%@type{`` ends at the first line that is not one), and ``@type`` with its brace
    on a later line never runs into a line that starts with ``@``. A cut inside a
    ``%`` line would blank half of it, and read the other half; a cut inside any
    other line is no line start to either rewriting. A piece starts at a line start
    or inside a line that is no comment line, so the line around a candidate is
    looked back into only within the piece: linear.
    """
    pos = start + _CHUNK
    line_break = text.rfind("\n", start, pos)
    if line_break < 0 and start > 0 and text[start - 1] != "\n":
        in_comment = False  # the piece began inside this line, which is no comment line
    else:
        in_comment = _COMMENT_LINE_START.match(text, max(line_break + 1, start)) is not None
    line_end = text.find("\n", pos)
    if not in_comment:
        found = _ANY_BLOCK.search(text, pos, len(text) if line_end < 0 else line_end)
        if found is not None:
            return found.start()
    if line_end < 0:
        return -1
    later = _BLOCK_OUTSIDE_COMMENT.search(text, line_end + 1)
    return -1 if later is None else later.start(1)


@dataclass(slots=True)
class _Reading:
    """One chunk's blocks read into raw entries, @string macros and problems."""

    source: str
    lines_before: int
    strings: dict[str, str]
    problems: list[ParseProblem]
    expansion: _Expansion
    tally: ProblemTally
    written: WrittenText | None = None  # the file as written, when it is read rewritten
    read: int = 0  # entries of this chunk
    failed: int = 0  # blocks of this chunk that could not be read

    def blocks(self, blocks: Iterable[tuple[Block, int]]) -> Iterator[_Raw]:
        """`blocks`: each with the lines to add to its own line numbers."""
        source, problems, tally, written = self.source, self.problems, self.tally, self.written
        for block, offset in blocks:
            line = (block.start_line or 0) + 1 + self.lines_before + offset
            raw = (block.raw or "") if written is None else written.raw(block.raw)
            if isinstance(block, String):
                self._string(block, line, raw)
            elif isinstance(block, Entry):
                self.read += 1
                yield self._entry(block, offset, raw)
            elif isinstance(block, DuplicateBlockKeyBlock):
                duplicate = block.ignore_error_block
                if isinstance(duplicate, Entry):
                    yield self._entry(duplicate, offset, raw)
            elif isinstance(block, DuplicateFieldKeyBlock):
                entry = block.ignore_error_block
                if isinstance(entry, Entry):
                    yield self._entry(entry, offset, raw)
                    names = ", ".join(sorted(block.duplicate_keys))
                    problems.append(
                        ParseProblem(
                            Location(source, line),
                            f"entry '{entry.key}' gives the field(s) {names} twice; "
                            "BibTeX keeps only one of them -- delete the other",
                            raw,
                        )
                    )
            elif isinstance(block, ParsingFailedBlock):
                self.failed += 1
                if tally.full:
                    tally.skip(line)
                else:
                    problems.append(_failed(block, source, line, raw))

    def _string(self, block: String, line: int, raw: str) -> None:
        if block.key in self.expansion.defined:
            return  # defined again: ignored, as bibtexparser does within one chunk
        self.expansion.defined.add(block.key)
        name = block.key.lower()
        if name in self.strings:
            # The same macro in another case redefines it: a concatenation remembered
            # with its old value would read stale.
            self.expansion.resolved.clear()
        resolved = _resolve(block.value, self.strings, self.expansion)
        self.strings[name] = resolved.value
        if resolved.capped:
            self.expansion.cut.add(name)
        else:
            self.expansion.cut.discard(name)
        self.problems.extend(_undefined(self.source, line, resolved.undefined, raw))
        if resolved.capped:
            self.problems.append(_capped(self.source, line, f"@string '{block.key}'", raw))

    def _entry(self, entry: Entry, offset: int, raw: str) -> _Raw:
        return _raw_entry(
            entry,
            self.strings,
            self.source,
            self.problems,
            self.expansion,
            self.lines_before + offset,
            raw,
        )


def _raw_entry(
    entry: Entry,
    strings: Mapping[str, str],
    source: str,
    problems: list[ParseProblem],
    expansion: _Expansion,
    lines_before: int = 0,
    raw: str | None = None,
) -> _Raw:
    """`raw`: the entry's text as the file writes it (default: as read)."""
    if raw is None:
        raw = entry.raw or ""
    line = (entry.start_line or 0) + 1 + lines_before
    fields: dict[str, str] = {}
    names = _FIELD_NAMES
    # `limits.MAX_ENTRY_FIELDS`: an entry read fast built no more (`CutEntry`), one read
    # by bibtexparser (damaged, parenthesised, deeply braced) is cut here, before its
    # fields are expanded and kept in the Reference's `extra`.
    held = entry.written if isinstance(entry, bibtexparser_blocks.CutEntry) else len(entry.fields)
    if held > MAX_ENTRY_FIELDS:
        problems.append(fields_cut(source, line, entry.key, held))
    for written in itertools.islice(entry.fields, MAX_ENTRY_FIELDS):
        value = str(written.value)
        name = names.get(written.key) or _field_name(written.key)
        simple = _written_out(value)
        if simple is None:
            simple = _one_macro(value, strings, expansion)
            if simple is None:
                simple = expansion.again(value)
        if simple is not None:  # most values: no concatenation, nothing to report
            if name not in fields:
                fields[name] = simple
            continue
        left = expansion.left
        resolved = _resolve(value, strings, expansion)
        if not resolved.undefined and not resolved.capped:
            expansion.remember(value, resolved.value, left - expansion.left)
        fields.setdefault(name, resolved.value)
        field_line = written.start_line + 1 + lines_before
        problems.extend(_undefined(source, field_line, resolved.undefined, raw))
        if resolved.capped:
            what = f"field '{written.key}' of entry '{entry.key}'"
            problems.append(_capped(source, field_line, what, raw))
    return _Raw(entry.key, entry.entry_type.lower(), line, raw, fields)


def _capped(source: str, line: int, what: str, raw: str) -> ParseProblem:
    return ParseProblem(
        Location(source, line),
        f"{what} expands, through @string macros, past {MAX_EXPANDED_VALUE:,} characters "
        "(or past what the whole file may expand to); it is cut there -- macros that "
        "concatenate themselves (@string{b = a # a}) grow without bound",
        raw[:500],
    )


def _failed(block: ParsingFailedBlock, source: str, line: int, raw: str) -> ParseProblem:
    """`raw`: the block as the file writes it; its key is taken from the block as read
    (``@type{key`` once rewritten, where the file may write ``@type`` and its brace on
    two lines, %-lines between)."""
    match = _KEY_IN_RAW.match((block.raw or raw).lstrip())
    what = f"entry '{match.group(2)}'" if match and match.group(2) else "entry"
    reason = getattr(block.error, "abort_reason", None) or str(block.error)
    reason = reason.replace("`", "'").strip().rstrip(".")
    hint = ""
    if "closing" in reason or raw.count("{") != raw.count("}"):
        hint = f" (braces: {raw.count('{')} '{{' vs {raw.count('}')} '}}')"
    message = f"{what} could not be read{hint}: {reason}; it is left out of the audit"
    return ParseProblem(Location(source, line), message, raw)


def _undefined(source: str, line: int, names: list[str], raw: str) -> list[ParseProblem]:
    return [
        ParseProblem(
            Location(source, line),
            f"'{name}' is neither a quoted value nor a defined @string macro; "
            f'enclose it in braces ({{{name}}}) or define @string{{{name} = "..."}}',
            raw,
        )
        for name in names
    ]


def _field_name(written: str) -> str:
    """The field's name in lower case, one string object per name (50,000 entries of
    twenty fields would otherwise hold a million copies of a dozen names)."""
    name = _FIELD_NAMES.get(written)
    if name is None:
        name = written.lower()
        if len(_FIELD_NAMES) < 10_000:
            name = _FIELD_NAMES.setdefault(written, sys.intern(name))
    return name


def _written_out(value: str) -> str | None:
    """The value of a field written as one braced or quoted value, or of digits; None
    for anything else (macros, ``#`` concatenation), which `_resolve` reads."""
    if "#" in value:
        return None
    value = value.strip()
    if len(value) >= 2:
        first, last = value[0], value[-1]
        if (first == "{" and last == "}") or (first == '"' and last == '"'):
            return value[1:-1]
    return value if value.isdigit() else None


def _one_macro(value: str, strings: Mapping[str, str], expansion: _Expansion) -> str | None:
    """The value of a field that is one defined @string macro (``journal = j-TUGboat``,
    ``month = oct``) with nothing cut, as `_resolve` would give it; None for anything
    else. Every entry of a large file has a few: this skips the general path."""
    if "#" in value:
        return None
    name = value.strip().lower()
    piece = strings.get(name)
    if piece is None:
        return _MONTHS.get(name)
    if name in expansion.cut or len(piece) > min(expansion.left, MAX_EXPANDED_VALUE):
        return None  # cut: `_resolve` reports it
    expansion.left -= len(piece)
    return piece


def _resolve(value: str, strings: Mapping[str, str], expansion: _Expansion) -> _Resolved:
    """A field value with quotes/outer braces removed and ``#`` concatenation done.

    What a macro adds counts against the file's `expansion` budget, and a value that
    takes anything from a macro is cut at MAX_EXPANDED_VALUE: text written out in
    the file is bounded by the file, only macros can multiply it.
    """
    parts: list[str] = []
    undefined: list[str] = []
    length = 0
    expanded = capped = False
    for part in _split_concatenation(value):
        from_macro = False
        if len(part) >= 2 and (part[0], part[-1]) in {("{", "}"), ('"', '"')}:
            piece = part[1:-1]
        elif part.isdigit():
            piece = part
        elif part.lower() in strings:
            piece = strings[part.lower()]
            from_macro = expanded = True
            capped = capped or part.lower() in expansion.cut
        elif part.lower() in _MONTHS:
            piece = _MONTHS[part.lower()]
        elif part:
            piece = part
            undefined.append(part)
        else:
            continue
        if from_macro:
            room = min(expansion.left, MAX_EXPANDED_VALUE - length)
            if len(piece) > room:
                piece, capped = piece[: max(room, 0)], True
            expansion.left -= len(piece)
        elif expanded and length + len(piece) > MAX_EXPANDED_VALUE:
            piece, capped = piece[: max(MAX_EXPANDED_VALUE - length, 0)], True
        parts.append(piece)
        length += len(piece)
    return _Resolved("".join(parts), undefined, capped)


def _split_concatenation(value: str) -> list[str]:
    value = value.strip()
    if "#" not in value:
        return [value]  # the common case: one braced or quoted value, no scan needed
    parts: list[str] = []
    depth = 0
    quoted = False
    start = 0
    # Only the characters that can change the state are visited: a long value with a
    # "#" in a URL costs one regex scan, not a Python step per character.
    for mark in _CONCATENATION_MARKS.finditer(value):
        char = mark.group()
        i = mark.start()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0 and (i == 0 or value[i - 1] != "\\"):
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            parts.append(value[start:i].strip())
            start = i + 1
    parts.append(value[start:].strip())
    return parts


@dataclass(slots=True)
class _References:
    """Raw entries become References as they are read, in file order; an entry that
    names a crossref parent waits for the end of the file (BibTeX puts parents after
    their children), and only the entries a crossref may name are kept raw. A large
    file's fields are then never all held at once beside its References."""

    source: str
    problems: list[ParseProblem]
    parents: frozenset[str] | None  # keys (folded) crossrefs name; None: not known
    built: list[Reference | None] = field(default_factory=list)
    waiting: list[tuple[int, str, _Raw]] = field(default_factory=list)
    kept: list[_Raw] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)
    persons: _Names = field(default_factory=lambda: _Names())
    inheritable: int = 0  # characters children may still inherit (`inheritance_budget`)
    inheritance_cut: bool = False

    def add(self, entry: _Raw) -> None:
        index = len(self.built) + 1
        if not entry.key.strip():
            # "@article{, title=...}": BibTeX refuses it and nothing can cite it.
            self.problems.append(
                ParseProblem(
                    Location(self.source, entry.line),
                    "entry has no citation key (@type{key, ...}); nothing can cite it -- add a key",
                    entry.raw,
                )
            )
            ref_id = f"ref-{index}"
        else:
            self.seen[entry.key] = count = self.seen.get(entry.key, 0) + 1
            ref_id = entry_id(entry.key, count)  # bounded: copied into every match
        if self.parents is None or entry.key.lower() in self.parents:
            self.kept.append(entry)
        if self.parents is None or "crossref" in entry.fields:
            self.waiting.append((index, ref_id, entry))
            self.built.append(None)
        else:
            self.built.append(
                _reference(
                    entry, entry.fields, ref_id, index, self.source, self.problems, self.persons
                )
            )

    def finish(self) -> list[Reference]:
        by_key: dict[str, _Raw] = {}
        by_folded_key: dict[str, _Raw] = {}
        for entry in self.kept:
            by_key.setdefault(entry.key, entry)
            by_folded_key.setdefault(entry.key.lower(), entry)
        costs: dict[int, int] = {}  # a parent's size, counted once (id of its _Raw)
        for index, ref_id, entry in self.waiting:
            fields = _inherit(entry, by_key, by_folded_key, self.source, self.problems, self, costs)
            self.built[index - 1] = _reference(
                entry, fields, ref_id, index, self.source, self.problems, self.persons
            )
        return [reference for reference in self.built if reference is not None]


def _crossref_targets(text: str) -> frozenset[str] | None:
    """The keys (folded) the file's crossref fields name, found before reading it; None
    when one is not written out (a macro), and any entry may be a parent."""
    targets: set[str] = set()
    for m in _CROSSREF_VALUE.finditer(text):
        written = m.group("braced") if m.group("braced") is not None else m.group("quoted")
        if written is None:
            return None
        targets.add(written.strip().lower())
    return frozenset(targets)


def _inherit(
    entry: _Raw,
    by_key: Mapping[str, _Raw],
    by_folded_key: Mapping[str, _Raw],
    source: str,
    problems: list[ParseProblem],
    budget: _References,
    costs: dict[int, int],
) -> dict[str, str]:
    """The entry's fields plus those its ``crossref`` parent gives it (one level deep),
    while the file's inheritance budget lasts: each child is charged its parent's whole
    size (counted once per parent), so a child past the budget costs nothing more."""
    fields = dict(entry.fields)
    parent_key = fields.get("crossref", "").strip()
    if not parent_key:
        return fields
    parent = by_key.get(parent_key) or by_folded_key.get(parent_key.lower())
    if parent is None or parent is entry:
        problems.append(
            ParseProblem(
                Location(source, entry.line),
                f"entry '{entry.key}' has crossref = {{{parent_key}}}, but no entry has "
                "that key; the fields it should inherit (book title, editors, year...) "
                "are missing",
                entry.raw,
            )
        )
        return fields
    cost = costs.get(id(parent))
    if cost is None:
        cost = costs[id(parent)] = sum(
            len(value) + _INHERITED_FIELD_COST for value in parent.fields.values()
        )
    if cost > budget.inheritable:
        if not budget.inheritance_cut:
            budget.inheritance_cut = True
            problems.append(
                ParseProblem(
                    Location(source, entry.line),
                    f"entry '{entry.key}' and the crossref children after it do not "
                    "inherit their parents' fields: the file's children would copy more "
                    "than any real bibliography's (a parent of thousands of fields or "
                    "names shared by thousands of entries); give them their own fields",
                    entry.raw,
                )
            )
        return fields
    budget.inheritable -= cost
    for name, value in parent.fields.items():
        if name in {"crossref", "ids", "key"}:
            continue
        if name == "title" and entry.entry_type in _PARENT_TITLE_TO_BOOKTITLE:
            fields.setdefault("booktitle", value)
            continue
        fields.setdefault(name, value)
    return fields


def _reference(
    entry: _Raw,
    fields: Mapping[str, str],
    ref_id: str,
    index: int,
    source: str,
    problems: list[ParseProblem],
    persons: _Names,
) -> Reference:
    """`persons`: the names read so far in this file (`_persons`)."""
    location = Location(source, entry.line)
    fields = _aliases_cut(entry, fields, location, problems)
    year, suffix, no_date = _year(fields.get("year") or fields.get("date") or "")
    doi_raw = fields.get("doi", "").strip() or None
    urls = _urls(fields)
    if doi_raw is None:
        doi_raw = next((u for u in urls if _DOI_URL.match(u)), None)
    issue = fields.get("number") or fields.get("issue")
    return Reference(
        id=ref_id,
        index=index,
        location=location,
        raw=entry.raw,
        key=entry.key or None,
        kind=_KINDS.get(entry.entry_type, entry.entry_type),
        authors=_persons(fields.get("author", ""), entry, location, problems, persons),
        editors=_persons(fields.get("editor", ""), entry, location, problems, persons),
        year=year,
        year_suffix=suffix,
        no_date=no_date,
        title=_text(fields.get("title")),
        container=_text(
            fields.get("journaltitle") or fields.get("journal") or fields.get("booktitle")
        ),
        volume=_text(fields.get("volume")),
        issue=_text(issue),
        pages=_text(fields.get("pages")),
        publisher=_text(
            fields.get("publisher") or fields.get("institution") or fields.get("school")
        ),
        doi=normalize_doi(doi_raw) if doi_raw else None,
        doi_raw=doi_raw,
        urls=urls,
        extra=tuple(
            (name, _text(value) or "") for name, value in fields.items() if name not in _CONSUMED
        ),
    )


def _aliases_cut(
    entry: _Raw, fields: Mapping[str, str], location: Location, problems: list[ParseProblem]
) -> Mapping[str, str]:
    """`fields` with ``ids`` cut to its first `limits.MAX_ENTRY_ALIASES` keys, said once
    on the entry's line: the keys of ``ids`` all go into the audit's key index (rt38z)."""
    ids = fields.get("ids")
    cut = None if ids is None else aliases_cut(ids, location, entry.key)
    if cut is None:
        return fields
    problems.append(cut[1])
    return {**fields, "ids": cut[0]}


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    return latex_to_unicode(value) or None


def _year(value: str) -> tuple[int | None, str | None, bool]:
    text = latex_to_unicode(value)
    if not text:
        return None, None, False
    if _NO_DATE.match(text):
        return None, None, True
    exact = _YEAR.match(text)
    if exact:
        return int(exact.group(1)), exact.group(2), False
    found = _ANY_YEAR.search(text)
    return (int(found.group(1)), None, False) if found else (None, None, False)


def _urls(fields: Mapping[str, str]) -> tuple[str, ...]:
    urls: list[str] = []
    url = fields.get("url", "").strip()
    if url:
        urls.append(_URL_MACRO.sub(_url_of, url).strip() if "\\" in url else url)
    for name in ("howpublished", "note", "addendum"):
        value = fields.get(name, "")
        if "\\" in value:  # no \url without a backslash: most notes are not searched
            urls.extend(match.group(1).strip() for match in _URL_MACRO.finditer(value))
    return tuple(dict.fromkeys(u for u in urls if u))


def _url_of(match: re.Match[str]) -> str:
    return match.group(1)


@dataclass(slots=True)
class _Names:
    """Author lists and single names read so far in one file without a problem (a
    large bibliography names the same authors and editors again and again, and
    splitting names costs more than the rest of an entry), up to a bound."""

    lists: dict[str, tuple[Person, ...]] = field(default_factory=dict)
    single: dict[str, Person | None] = field(default_factory=dict)  # None: no name
    budget: PersonBudget = field(default_factory=PersonBudget)  # `limits`: persons read

    def remember(self, value: str, persons: tuple[Person, ...]) -> None:
        if len(value) <= _PERSONS_LENGTH:
            if len(self.lists) >= _PERSONS_SIZE:
                self.lists.clear()
            self.lists[value] = persons


def _persons(
    value: str,
    entry: _Raw,
    location: Location,
    problems: list[ParseProblem],
    known: _Names,
) -> tuple[Person, ...]:
    """The persons of an author or editor list, at most the file's `PersonBudget` cap
    (a list cut short is counted there); what reads whole without a problem is
    remembered in `known`."""
    cap = known.budget.cap
    persons = known.lists.get(value)
    if persons is not None:
        cut = len(persons) > cap
        persons = persons[:cap] if cut else persons
    else:
        reported = len(problems)
        persons, cut = _split_persons(value, entry, location, problems, known.single, cap)
        if len(problems) == reported and not cut:
            known.remember(value, persons)
    known.budget.spend(len(persons), cut, location.line)
    return persons


def _split_persons(
    value: str,
    entry: _Raw,
    location: Location,
    problems: list[ParseProblem],
    single: dict[str, Person | None],
    cap: int,
) -> tuple[tuple[Person, ...], bool]:
    """The list's persons, at most `cap`, and whether it named more."""
    if not value.strip():
        return (), False
    value, cut = _names_before(value, cap)
    persons: list[Person] = []
    for name in split_multiple_persons_names(value):
        name = name.strip()
        if not name or name.lower() == "others":
            continue
        if len(persons) >= cap:
            return tuple(persons), True
        if name in single:
            person = single[name]
            if person is not None:
                persons.append(person)
            continue
        if _is_braced_whole(name):
            persons.append(Person(latex_to_unicode(name[1:-1]), organisation=True))
            continue
        try:
            parts = parse_single_name_into_parts(name, strict=True)
        except InvalidNameError as error:
            problems.append(
                ParseProblem(
                    location,
                    f"entry '{entry.key}': the name {name!r} cannot be split into family "
                    f"and given names ({error.args[0] if error.args else 'invalid name'}); "
                    "write 'Family, Given' and separate persons with 'and'",
                    entry.raw,
                )
            )
            parts = parse_single_name_into_parts(name, strict=False)
            bad = True
        else:
            bad = False
        family = latex_to_unicode(" ".join(parts.von + parts.last))
        given_parts = " ".join(parts.first)
        if parts.jr:
            given_parts += ", " + " ".join(parts.jr)
        given = latex_to_unicode(given_parts) or None
        person = Person(family, given) if family else Person(given) if given else None
        if person is not None:
            persons.append(person)
        if not bad and len(name) <= _PERSONS_LENGTH:
            if len(single) >= _PERSONS_SIZE:
                single.clear()
            single[name] = person
    return tuple(persons), cut


# "and" between names, as bibtexparser splits them (whitespace on each side): one
# character each side, so a run of blanks is never scanned twice.
_NAME_SEPARATOR = re.compile(r"\sand\s", re.IGNORECASE)
_SPLIT_FREELY = 16  # characters a name may take on average before the list is cut first


def _names_before(value: str, cap: int) -> tuple[str, bool]:
    """`value` cut before its (`cap` + 1)-th "and" outside braces, and whether it was
    cut. bibtexparser's splitter builds a string and more per name (6 MB of "a and a"
    held 191 MB and took 1.6 s), and names past the cap are dropped anyway: it is
    handed what is kept. A list short enough to hold no more than the cap's worth is
    handed whole (no scan)."""
    if len(value) <= _SPLIT_FREELY * cap:
        return value, False
    depth = at = found = 0
    for separator in _NAME_SEPARATOR.finditer(value):
        start = separator.start()
        depth += value.count("{", at, start) - value.count("}", at, start)
        at = start
        if depth <= 0:
            found += 1
            if found > cap:
                return value[:start], True
    return value, False


def _is_braced_whole(name: str) -> bool:
    """``{World Health Organization}``: one brace group spanning the whole name."""
    if not (name.startswith("{") and name.endswith("}")) or name.startswith("{\\"):
        return False
    depth = 0
    for i, char in enumerate(name):
        depth += (char == "{") - (char == "}")
        if depth == 0 and i < len(name) - 1:
            return False
    return True
