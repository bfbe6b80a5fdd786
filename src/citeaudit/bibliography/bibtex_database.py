"""Several .bib files read as one BibTeX database.

BibTeX reads ``\\bibliography{strings,refs}`` (and biblatex several ``\\addbibresource``,
and Pandoc a ``bibliography: [a.bib, b.bib]`` list) as one database, file after file: an
``@string`` macro defined in an earlier file is known in every later one. Journals and
conferences ship their abbreviations that way (``IEEEabrv.bib``, a ``conferences.bib``
of ``@string{NDSS = ...}``), so reading each file alone reported every use of such a
macro as undefined -- dozens of false errors in one paper -- and the macro file itself
as holding "no entries".

A `MacroTable` is the database's macros so far; each file is read with it, in the order
given, and adds its own. It also holds what the database's files have expanded and
inherited so far (`Allowance`): a file may add through macros and crossrefs ten times
its text or 2,000,000 characters, and that floor was each file's own. Two thousand tiny
files naming one 100 KB macro file expanded 2,000,000 characters each (4,000,000,000
for a 6 MB repository; 80 such files: 160,000,000 characters, 5.6 s of reading before
any rule); now the database, as one text, gets one floor.

A file that only defines macros is a macro file, not an empty bibliography. Entries are
still each file's own: a key given in two files is still two entries (and reported as
a duplicate by the rules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from citeaudit.bibliography.interface import Bibliography

__all__ = ["Allowance", "MacroTable", "read_in_database"]

# Line by line: `[ \t]*` never crosses a line, so a file of blank lines costs one pass.
_DEFINES_MACRO = re.compile(r"^[ \t]*@string\s*+[{(]", re.MULTILINE | re.IGNORECASE)


@dataclass(slots=True)
class Allowance:
    """What the files of one database have read, and added to their values through
    @string macros and crossref parents: the reader's budgets are the database's."""

    text: int = 0  # characters of the files read
    expanded: int = 0  # characters @string macros added
    inherited: int = 0  # characters (and a cost per field) crossref children copied


@dataclass(frozen=True, slots=True)
class MacroTable:
    """The @string macros of the files of one database read so far (lower-case names,
    resolved values); each file read with it adds its own. `allowance`: what they
    have expanded so far, against one budget for the database."""

    strings: dict[str, str] = field(default_factory=dict)
    allowance: Allowance = field(default_factory=Allowance)


def read_in_database(path: Path, macros: MacroTable) -> Bibliography:
    """A BibTeX file read after the other files of its database (their macros known)."""
    # Imported here: `loading` imports this module, and the BibTeX reader imports `loading`.
    from citeaudit.bibliography.bibtex import BibtexReader, parse_bibtex
    from citeaudit.bibliography.loading import read_text, with_problems

    decoded = read_text(path)
    bibliography = parse_bibtex(decoded.text, str(path), macros.strings, macros.allowance)
    if (
        not bibliography.references
        and not bibliography.problems
        and _DEFINES_MACRO.search(decoded.text)
    ):
        problems = tuple(sorted(decoded.problems, key=lambda p: p.location.line or 0))
        return Bibliography(bibliography.source, BibtexReader.format, (), problems)
    return with_problems(bibliography, decoded)
