"""BibTeX entries, read with bibtexparser v2 to find each field's own text span.

Only the field edited is spliced; the entry's other bytes, its layout, the field
order and its comments stay as they were. A new field copies the indentation, the
``key = value`` spacing and the key case of the entry's last field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from bibtexparser.entrypoint import parse_string
from bibtexparser.model import Entry, Field

from citeaudit.bibliography.bibtex_syntax import as_bibtex_reads
from citeaudit.fix.editors.interface import CannotFix, EntryEditor, replace_year_in


@dataclass(frozen=True, slots=True)
class _Span:
    key_start: int
    value_start: int
    value_end: int


class BibtexEditor(EntryEditor):
    format: ClassVar[str] = "bibtex"

    def set_year(self, entry: str, old: int, new: str) -> str:
        parsed = _parse(entry)
        for name in ("year", "date"):
            field = _field(parsed, name)
            if field is None:
                continue
            span = _span(_reads(entry), field)
            value = entry[span.value_start : span.value_end]
            edited = replace_year_in(value, old, new)
            if edited is None:
                raise CannotFix(f"the {field.key} field does not give the year {old} once")
            return entry[: span.value_start] + edited + entry[span.value_end :]
        raise CannotFix("the entry has no year or date field")

    def add_doi(self, entry: str, doi: str) -> str:
        parsed = _parse(entry)
        if _field(parsed, "doi") is not None:
            raise CannotFix("the entry already has a doi field")
        return _add_field(entry, parsed, "doi", "{" + doi + "}")

    def carry_fields(self, entry: str, repeat: str) -> str:
        parsed = _parse(entry)
        have = {f.key.lower() for f in parsed.fields}
        for field in _parse(repeat).fields:
            if field.key.lower() in have:
                continue
            entry = _add_field(entry, parsed, field.key.lower(), _span_text(repeat, field))
            parsed = _parse(entry)
            have.add(field.key.lower())
        return entry


def _reads(entry: str) -> str:
    """The entry as BibTeX and biber read it (``@article\\n{key,`` closed up, ``%``
    lines blanked: see `bibtex_syntax`), for bibtexparser: the same length and line
    breaks, so every span found in it is the span to edit in the entry as written
    (such an entry was "not one clean entry" and could not be fixed)."""
    return as_bibtex_reads(entry) or entry


def _parse(entry: str) -> Entry:
    library = parse_string(_reads(entry), parse_stack=[])
    if len(library.entries) != 1 or library.failed_blocks:
        raise CannotFix("bibtexparser does not read the entry as one clean entry")
    found: Entry = library.entries[0]
    return found


def _field(entry: Entry, name: str) -> Field | None:
    for field in entry.fields:
        if field.key.lower() == name:
            return field
    return None


def _span(entry: str, field: Field) -> _Span:
    """Where the field's key and value are written in the entry's text."""
    line_start = 0
    for _ in range(field.start_line):
        line_start = entry.index("\n", line_start) + 1
    key = re.compile(rf"(?i)(?<![\w-]){re.escape(field.key)}\s*=\s*")
    value = str(field.value)
    for match in key.finditer(entry, line_start):
        if entry.startswith(value, match.end()):
            return _Span(match.start(), match.end(), match.end() + len(value))
    raise CannotFix(f"the {field.key} field's text could not be located in the entry")


def _span_text(entry: str, field: Field) -> str:
    span = _span(_reads(entry), field)
    return entry[span.value_start : span.value_end]


def _add_field(entry: str, parsed: Entry, key: str, value: str) -> str:
    close = len(entry.rstrip())
    if close == 0 or entry[close - 1] not in "})":
        raise CannotFix("the entry does not end with its closing brace")
    close -= 1
    body = entry[:close].rstrip()
    gap = entry[len(body) : close]
    if not parsed.fields:
        raise CannotFix("the entry has no field to model the new one on")
    last = parsed.fields[-1]
    span = _span(_reads(entry), last)
    line_start = entry.rfind("\n", 0, span.key_start) + 1
    indent = entry[line_start : span.key_start]
    # several fields on one line: the new field goes on that line too
    lead = " " if indent.strip() else "\n" + indent
    equals = entry[span.key_start + len(last.key) : span.value_start]
    before, sign, after = equals.partition("=")
    if len(before) > 1:  # keys padded so the "=" line up: keep them lined up
        before = " " * max(1, len(last.key) + len(before) - len(key))
    written_key = key.upper() if last.key.isupper() else key
    new = f"{lead}{written_key}{before}{sign}{after}{value}"
    if body.endswith(","):
        return body + new + "," + gap + entry[close:]
    return body + "," + new + gap + entry[close:]
