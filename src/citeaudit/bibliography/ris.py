"""RIS files (EndNote, Zotero, publisher exports), read with rispy.

rispy reads a whole file and forgets where each record stood, and silently drops a
record whose ``ER`` end tag is missing. So the file is cut into records here
(``TY`` ... ``ER``), each record is handed to rispy on its own, and a record
without its end tag is still read and reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import rispy

from citeaudit.bibliography.entry_ids import entry_id
from citeaudit.bibliography.interface import Bibliography, BibliographyReader, ParseProblem
from citeaudit.bibliography.limits import (
    MAX_ENTRIES,
    MAX_ENTRY_FIELDS,
    MAX_LIST_PERSONS,
    PersonBudget,
    ProblemTally,
    entries_cut,
    fields_cut,
)
from citeaudit.bibliography.loading import read_text, with_problems
from citeaudit.doi import normalize_doi
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference

__all__ = ["RisReader", "parse_ris"]

_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
_KINDS = {
    "JOUR": "article",
    "EJOUR": "article",
    "MGZN": "article",
    "NEWS": "article",
    "JFULL": "article",
    "INPR": "article",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "CPAPER": "paper-conference",
    "CONF": "paper-conference",
    "THES": "thesis",
    "RPRT": "report",
    "GOVDOC": "report",
    "ELEC": "webpage",
    "BLOG": "webpage",
    "WEB": "webpage",
    "DATA": "dataset",
    "DBASE": "dataset",
    "COMP": "software",
    "PAT": "patent",
    "UNPB": "manuscript",
    "MANSCPT": "manuscript",
    "GEN": "misc",
}
_CONSUMED = {
    "type_of_reference",
    "authors",
    "first_authors",
    "secondary_authors",
    "title",
    "primary_title",
    "secondary_title",
    "journal_name",
    "alternate_title3",
    "alternate_title1",
    "alternate_title2",
    "year",
    "publication_year",
    "date",
    "volume",
    "number",
    "start_page",
    "end_page",
    "publisher",
    "doi",
    "urls",
    "id",
    "unknown_tag",
}
_YEAR = re.compile(r"^\s*(\d{4})([a-z])?(?=$|[/\-\s])")


class _Pieces(list[str]):
    """A single value still being read: its lines, joined once when the record ends."""


class _LinearParser(rispy.RisParser):  # type: ignore[misc]  # rispy ships no types
    """rispy's parser, with continuation lines of a single-value tag joined once.

    rispy extends such a value by one ``" ".join((value, line))`` per continuation
    line, copying the whole value each time: a run-on abstract of 320,000 lines took
    100 s, quadratic. Here the lines are collected and joined when the file is read;
    everything else -- which tag a line continues, duplicates, list tags -- is
    rispy's own code, and the result is the same string.
    """

    def _add_single_value(
        self, record: dict[str, Any], name: str, value: Any, is_multi: bool = False
    ) -> None:
        if is_multi and isinstance(value, str) and name in record:
            current = record[name]
            if isinstance(current, _Pieces):
                current.append(value)
                return
            if isinstance(current, str):
                record[name] = _Pieces((current, value))
                return
        super()._add_single_value(record, name, value, is_multi)

    def parse(self, text: str) -> list[dict[str, Any]]:
        records: list[dict[str, Any]] = super().parse(text)
        for record in records:
            for name, value in record.items():
                if isinstance(value, _Pieces):
                    record[name] = " ".join(value)
        return records


_RIS = _LinearParser()


@dataclass(frozen=True, slots=True)
class _Record:
    line: int
    text: str
    closed: bool
    tags: int = 0  # tag lines it held, when past `limits.MAX_ENTRY_FIELDS` (else 0)

    @classmethod
    def of(cls, line: int, written: str, closed: bool) -> _Record:
        text, tags = _record_text(written)
        return cls(line, text if closed else text.rstrip(), closed, tags)


class RisReader(BibliographyReader):
    format: ClassVar[str] = "ris"
    extensions: ClassVar[tuple[str, ...]] = (".ris",)

    def read(self, path: Path) -> Bibliography:
        decoded = read_text(path)
        return with_problems(parse_ris(decoded.text, str(path)), decoded)


def parse_ris(text: str, source: str) -> Bibliography:
    """A Bibliography from RIS text; `source` names the file in locations."""
    tally = ProblemTally(source)  # `limits`: a flood of stray lines is one problem each
    problems = tally.problems
    references: list[Reference] = []
    cut: tuple[ParseProblem, ...] = ()
    persons = PersonBudget()  # `limits`: a record of a million AU lines keeps a few thousand
    # Two exports concatenated leave the second one's byte-order mark before its
    # first "TY  - ", where rispy would reject the record; it is never content.
    text = text.replace("\ufeff", "")
    for record in _records(text, source, tally):
        if len(references) >= MAX_ENTRIES:
            cut = (entries_cut(source, record.line),)
            break
        tally.entries = len(references)
        tally.trim()
        location = Location(source, record.line)
        body = record.text if record.closed else record.text + "\nER  - \n"
        entries = _RIS.parse(body)
        if not record.closed:
            problems.append(
                ParseProblem(
                    location,
                    "record has no 'ER  - ' end tag; it was read up to the next "
                    "'TY  - ' line -- add the end tag",
                    record.text,
                )
            )
        if record.tags:
            problems.append(fields_cut(source, record.line, body[: body.find("\n")], record.tags))
        if not entries:
            problems.append(ParseProblem(location, "record could not be read", record.text))
            continue
        references.append(_reference(entries[0], record, len(references) + 1, location, persons))
    tally.entries = len(references)
    found = (*tally.final(), *persons.problem(source), *cut)
    return Bibliography(source, RisReader.format, tuple(references), found)


# A line that may open or close a record (checked as `_TAG` checks every tag line), and
# a line outside any record that is text: not blank, not a "%" or "#" comment.
_BOUNDARY = re.compile(r"^(?:TY|ER)  -", re.MULTILINE)
_STRAY = re.compile(r"^(?![%#])[^\S\n]*\S", re.MULTILINE)


def _records(text: str, source: str, tally: ProblemTally) -> Iterator[_Record]:
    """The records, from each "TY" line to its "ER" line, and a problem for each line of
    text outside them. Only the boundary lines and the stray lines are visited (found
    by regular expressions over the whole text): the text is never split into a list of
    its lines (20 MB of tiny lines held 600 MB and a Python step each, 40 s)."""
    problems = tally.problems
    start: int | None = None  # the open record's first line, and where it starts
    start_at = 0
    line, at = 1, 0  # the line number at offset `at`, a line start
    for boundary in _BOUNDARY.finditer(text):
        end = text.find("\n", boundary.start())
        end = len(text) if end < 0 else end
        tag = _TAG.match(text[boundary.start() : end].rstrip())
        if tag is None:  # "TY  -x": a line like any other
            continue
        number = line + text.count("\n", at, boundary.start())
        if start is None:
            _strays(text, at, boundary.start(), line, tally)
        line, at = number, boundary.start()
        if tag.group(1) == "TY":
            if start is not None:
                yield _Record.of(start, text[start_at : at - 1], False)
            start, start_at = number, at
            continue
        if start is None:
            problems.append(
                ParseProblem(
                    Location(source, number),
                    "'ER  - ' end tag without a record ('TY  - ' line) before it",
                    text[at:end],
                )
            )
            tally.trim()
        else:
            yield _Record.of(start, text[start_at:end], True)
            start = None
        if end < len(text):
            line, at = number + 1, end + 1
        else:
            at = end
    if start is None:
        _strays(text, at, len(text), line, tally)
    else:
        yield _Record.of(start, text[start_at:], False)


def _strays(text: str, begin: int, end: int, line: int, tally: ProblemTally) -> None:
    """A problem for each line of text in `text[begin:end]` (lines from `line`), outside
    any record; past the tally's cap they are only counted, in one C-level pass."""
    at = begin
    found = _STRAY.finditer(text, begin, end)
    for stray in found:
        line += text.count("\n", at, stray.start())
        at = stray.start()
        if tally.full:
            tally.skip(line)
            tally.dropped += sum(1 for _ in found)
            return
        stop = text.find("\n", at, end)
        tally.problems.append(
            ParseProblem(
                Location(tally.source, line),
                "text outside any record (a record starts with a 'TY  - ' line); it is not read",
                text[at : end if stop < 0 else stop],
            )
        )
        tally.trim()


# Tags of persons (authors, editors, translators): rispy reads each into a list.
_PERSON_TAGS = frozenset({"AU", "A1", "A2", "A3", "A4", "ED", "TA"})


def _record_text(record: str) -> tuple[str, int]:
    """The record, each person tag's lines past the most a list keeps
    (`limits.MAX_LIST_PERSONS`, one more to say it was cut) left out with their
    continuation lines: rispy reads every line into its lists before the budget could
    cut them (a record of a million AU lines held hundreds of MB). Other tags (KW, N1,
    UR, ...) past `limits.MAX_ENTRY_FIELDS` in all are left out too (a million
    ``KW  - `` lines, 7 MB, held ~100 MB), the end tag kept; with the record, the
    number of tag lines it held when that cut any (else 0)."""
    if record.count("\n") < MAX_ENTRY_FIELDS:
        return record, 0
    kept: list[str] = []
    seen: dict[str, int] = {}
    others = 0
    dropping = False
    for line in record.split("\n"):
        match = _TAG.match(line.rstrip())
        if match is None:
            if not dropping:
                kept.append(line)
            continue
        tag = match.group(1)
        dropping = False
        if tag in _PERSON_TAGS:
            seen[tag] = count = seen.get(tag, 0) + 1
            dropping = count > MAX_LIST_PERSONS + 1
        elif tag not in ("TY", "ER"):
            others += 1
            dropping = others > MAX_ENTRY_FIELDS
        if not dropping:
            kept.append(line)
    return "\n".join(kept), others if others > MAX_ENTRY_FIELDS else 0


def _reference(
    entry: dict[str, Any], record: _Record, index: int, location: Location, budget: PersonBudget
) -> Reference:
    doi_raw = _first(entry.get("doi")) or None
    key = _first(entry.get("id")) or None
    year, suffix = _year(
        _first(entry.get("year"))
        or _first(entry.get("publication_year"))
        or _first(entry.get("date"))
    )
    authors = _persons(entry.get("authors"), budget, record.line) or _persons(
        entry.get("first_authors"), budget, record.line
    )
    start, end = _first(entry.get("start_page")), _first(entry.get("end_page"))
    urls = entry.get("urls") or []
    return Reference(
        id=entry_id(key) if key else f"ref-{index}",  # bounded: copied into every match
        index=index,
        location=location,
        raw=record.text,
        key=key,
        kind=_KINDS.get(_first(entry.get("type_of_reference")), "misc"),
        authors=authors,
        editors=_persons(entry.get("secondary_authors"), budget, record.line),
        year=year,
        year_suffix=suffix,
        title=_first(entry.get("title")) or _first(entry.get("primary_title")) or None,
        container=(
            _first(entry.get("secondary_title"))
            or _first(entry.get("journal_name"))
            or _first(entry.get("alternate_title3"))
            or None
        ),
        volume=_first(entry.get("volume")) or None,
        issue=_first(entry.get("number")) or None,
        pages=f"{start}–{end}" if start and end else (start or None),
        publisher=_first(entry.get("publisher")) or None,
        doi=normalize_doi(doi_raw) if doi_raw else None,
        doi_raw=doi_raw,
        urls=tuple(dict.fromkeys(u.strip() for u in urls if isinstance(u, str) and u.strip())),
        extra=tuple(
            (name, _first(value))
            for name, value in entry.items()
            if name not in _CONSUMED and _first(value)
        ),
    )


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip() if isinstance(value, str | int) else ""


def _year(value: str) -> tuple[int | None, str | None]:
    match = _YEAR.match(value)
    return (int(match.group(1)), match.group(2)) if match else (None, None)


def _persons(value: Any, budget: PersonBudget, line: int) -> tuple[Person, ...]:
    """The record's persons under one tag, at most the file's budget allows."""
    if not isinstance(value, list):
        return ()
    persons: list[Person] = []
    cap, cut = budget.cap, False
    for name in value:
        if not isinstance(name, str) or not name.strip():
            continue
        if len(persons) >= cap:
            cut = True
            break
        family, comma, given = name.partition(",")
        if comma:
            persons.append(Person(family.strip(), given.strip() or None))
        else:
            # One name without a comma: RIS writes persons "Family, Given", so this
            # is an organisation ("World Health Organization").
            persons.append(Person(name.strip(), organisation=True))
    budget.spend(len(persons), cut, line)
    return tuple(persons)
