"""How much of one bibliography is read: entries and problems, each with a cap.

A reader's cost is linear, but a hostile file is cheap per unit: ``@a{`` is four
bytes and one ParseProblem (a finding, a report line), ``{}`` in a CSL-JSON list is
three bytes and one Reference; 20 MB of them is millions of each, gigabytes held and
written. So one file gives at most `MAX_ENTRIES` references (free-text lists, whose
parser is slower per entry, `MAX_FREETEXT_ENTRIES`) and `MAX_PROBLEMS` problems beyond
one for each entry read (every entry of a real file may have its own problem: a
missing crossref parent); past a cap the rest is not read or not listed, and one
problem says so, with the line where reading stopped. The caps are far past real
files: the largest real bibliographies hold some tens of thousands of entries
(benches/offline.py scales TUGboat's to 51,016).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from citeaudit.bibliography.interface import ParseProblem
from citeaudit.model.location import Location

__all__ = [
    "MAX_ENTRIES",
    "MAX_ENTRY_ALIASES",
    "MAX_ENTRY_FIELDS",
    "MAX_FILE_PERSONS",
    "MAX_FREETEXT_ENTRIES",
    "MAX_LIST_CHARS",
    "MAX_LIST_PERSONS",
    "MAX_PROBLEMS",
    "MODEL_CHARS",
    "PERSONS_PAST_BUDGET",
    "PersonBudget",
    "ProblemTally",
    "TextBudget",
    "aliases_cut",
    "audit_text_budget",
    "capped_problems",
    "current_text_budget",
    "entries_cut",
    "fields_cut",
]

MAX_ENTRIES = 100_000
MAX_FREETEXT_ENTRIES = 20_000
MAX_PROBLEMS = 1_000
# Fields of one entry (BibTeX fields, CSL keys, RIS tags) read: a field costs a few bytes
# of a file ("f={}," is six) and some hundreds in memory (the parser's field object, its
# name and value, the Reference's `extra`, the JSON report's pair), so one BibTeX entry
# of a million empty fields (6 MB) held ~400 MB, and the 20 MB an upload may be ~1.5 GB
# in one worker, however few entries the file has. biblatex's data model names about 150
# fields and real exports write a few dozen; the rest of such an entry is not read.
MAX_ENTRY_FIELDS = 1_000
# Old keys one entry is still cited by (biblatex's ``ids = {smith19, smithOld}``): each
# becomes two keys of the audit's key index (as written and case-folded) at ~90 bytes a
# byte of the field, so one entry listing 500,000 (a 5.9 MB field) held 270 MB while the
# entry itself cost 30 (rt38z). A real entry lists one to a few; the rest is not read.
MAX_ENTRY_ALIASES = 100
# Persons (authors, editors) read: a person costs a few bytes of a file ("a and " in
# BibTeX, "AU  - a" in RIS) and a few hundred bytes in memory, carried by every step
# after the reader -- a 6 MB BibTeX entry of a million persons took an offline audit to
# 442 MB, so the 200 MB the CLI reads would take ~15 GB. The longest real author lists
# (the LHC's combined papers) hold ~5,000 names and citations name the first few; the
# largest real bibliographies some hundreds of thousands of names in all.
MAX_LIST_PERSONS = 6_000
MAX_FILE_PERSONS = 400_000
PERSONS_PAST_BUDGET = 10  # a list's persons kept once the file's budget is spent
# The free-text parser's cost is per character (~10 us with the tagger, ~4 without),
# and 20,000 entries of 10,000 characters each -- what the entry caps allowed, a 20 MB
# upload -- asked for ~200 CPU seconds: a worker held to the parse stage's time limit.
# Free-text lists are therefore read within a budget of characters (`TextBudget`): the
# tagger reads the first `MODEL_CHARS` (a 5,000-entry list of 300-character entries;
# real lists stay under 600,000), the rules alone read on to `MAX_LIST_CHARS` (authors
# and year, what matching needs most, come from the rules), and later entries are not
# read (one problem says where): ~30 CPU seconds at most, whatever is uploaded. The
# budget is the audit's, not each list's: an upload of several lists (chapters, a
# project's files, a manuscript and a pasted list) got it once for each.
MODEL_CHARS = 1_500_000
MAX_LIST_CHARS = 5_000_000


def entries_cut(source: str, line: int, cap: int = MAX_ENTRIES) -> ParseProblem:
    """The problem that says a file was read only up to `cap` entries (at `line`)."""
    return ParseProblem(
        Location(source, line),
        f"the file holds more than {cap:,} entries, more than any real bibliography; "
        f"only the first {cap:,} were read (reading stopped here) -- split the file",
    )


def aliases_cut(value: str, location: Location, key: str) -> tuple[str, ParseProblem] | None:
    """An ``ids`` value of more than `MAX_ENTRY_ALIASES` comma-separated keys cut to the
    first, and the problem that says so on the entry's line; None for a value within."""
    listed = value.count(",") + 1
    if listed <= MAX_ENTRY_ALIASES:
        return None
    kept = ",".join(value.split(",", MAX_ENTRY_ALIASES)[:MAX_ENTRY_ALIASES])
    said = (
        f"entry '{key[:80]}' lists {listed:,} keys in ids, more than any real entry; only "
        f"the first {MAX_ENTRY_ALIASES:,} cite it"
    )
    return kept, ParseProblem(location, said)


def fields_cut(source: str, line: int, key: str, fields: int) -> ParseProblem:
    """The problem that says an entry (`key`, at `line`) held `fields` fields, more than
    `MAX_ENTRY_FIELDS`, and only the first were read."""
    return ParseProblem(
        Location(source, line),
        f"entry '{key[:80]}' holds {fields:,} fields, more than any real entry; only the "
        f"first {MAX_ENTRY_FIELDS:,} were read",
    )


@dataclass(slots=True)
class ProblemTally:
    """A reader's problems, kept to the first `MAX_PROBLEMS` (and one for each entry read
    so far) as they come (`trim` after each piece read, so millions are never held),
    and the rest counted."""

    source: str
    problems: list[ParseProblem] = field(default_factory=list)
    entries: int = 0  # read so far: the reader keeps it up to date
    dropped: int = 0
    first_dropped_line: int | None = None

    @property
    def full(self) -> bool:
        """Whether a further problem would be past the cap (`skip` it, unbuilt)."""
        return len(self.problems) >= MAX_PROBLEMS + self.entries

    def skip(self, line: int) -> None:
        """Count a problem past the cap without building it: a flood's ten-thousandth
        unreadable block costs a count, not a message."""
        if self.first_dropped_line is None:
            self.first_dropped_line = line
        self.dropped += 1

    def trim(self) -> None:
        """Drop the problems past the cap."""
        cap = MAX_PROBLEMS + self.entries
        if len(self.problems) <= cap:
            return
        if self.first_dropped_line is None:
            self.first_dropped_line = self.problems[cap].location.line
        self.dropped += len(self.problems) - cap
        del self.problems[cap:]

    def final(self) -> tuple[ParseProblem, ...]:
        """The problems kept, and one that counts the rest (from the line of the first)."""
        self.trim()
        if not self.dropped:
            return tuple(self.problems)
        summary = ParseProblem(
            Location(self.source, self.first_dropped_line),
            f"{self.dropped:,} more problems in this file from here on are not listed (at "
            f"most {MAX_PROBLEMS:,} beside one an entry are): it is badly damaged, or not a "
            "bibliography",
        )
        return (*self.problems, summary)


def capped_problems(
    problems: list[ParseProblem], source: str, entries: int = 0
) -> tuple[ParseProblem, ...]:
    """`problems` cut to the cap (`entries`: the entries read), and one that counts the rest."""
    return ProblemTally(source, problems, entries).final()


@dataclass(slots=True)
class PersonBudget:
    """How many persons one file's author and editor lists may still give: a list keeps
    at most `MAX_LIST_PERSONS`, and once the file has given `MAX_FILE_PERSONS` each
    further list keeps its first `PERSONS_PAST_BUDGET` (enough for any citation: it
    names one, two or three and "et al."). Lists cut are counted, and `problem` says so
    once, at the first."""

    given: int = 0
    cut_lists: int = 0
    first_cut_line: int | None = None

    @property
    def cap(self) -> int:
        """The most persons the next list may keep."""
        return MAX_LIST_PERSONS if self.given < MAX_FILE_PERSONS else PERSONS_PAST_BUDGET

    def spend(self, kept: int, cut: bool, line: int | None) -> None:
        """`kept` persons were read from a list (`cut`: it named more)."""
        self.given += kept
        if cut:
            self.cut_lists += 1
            if self.first_cut_line is None:
                self.first_cut_line = line

    def problem(self, source: str) -> tuple[ParseProblem, ...]:
        """The one problem that says lists were cut (none when none was)."""
        if not self.cut_lists:
            return ()
        return (
            ParseProblem(
                Location(source, self.first_cut_line),
                f"{self.cut_lists:,} author or editor list(s) were read only in part, from "
                f"here on: a list keeps its first {MAX_LIST_PERSONS:,} persons, and once "
                f"the file has named {MAX_FILE_PERSONS:,} each further list its first "
                f"{PERSONS_PAST_BUDGET} -- no real list or bibliography names more",
            ),
        )


@dataclass(slots=True)
class TextBudget:
    """Characters of free-text reference lists handed to the parser so far, by every
    list of one audit in the order they are read (see `MODEL_CHARS`). Each problem
    about it is said once: where the tagger stopped, where reading stopped."""

    parsed: int = 0
    stopped_at: Location | None = None  # where reading stopped, once it has

    @property
    def use_model(self) -> bool:
        """Whether the next entry is read with the tagger."""
        return self.parsed < MODEL_CHARS

    @property
    def spent(self) -> bool:
        """Whether no further entry may be read."""
        return self.parsed >= MAX_LIST_CHARS

    def crosses_model(self, characters: int) -> bool:
        """Whether an entry of `characters` is the last the tagger reads."""
        return self.parsed < MODEL_CHARS <= self.parsed + characters

    def spend(self, characters: int) -> None:
        """An entry of `characters` was handed to the parser."""
        self.parsed += characters

    def stop(self, location: Location) -> bool:
        """Reading stops at `location`; True the first time (say so then, only then)."""
        if self.stopped_at is not None:
            return False
        self.stopped_at = location
        return True


_AUDIT_TEXT_BUDGET: ContextVar[TextBudget | None] = ContextVar(
    "citeaudit_list_text_budget", default=None
)


@contextmanager
def audit_text_budget() -> Iterator[TextBudget]:
    """Within the block (one audit), every free-text list read spends one `TextBudget`.
    A context variable, so audits in other threads or tasks keep budgets of their own."""
    budget = TextBudget()
    token = _AUDIT_TEXT_BUDGET.set(budget)
    try:
        yield budget
    finally:
        _AUDIT_TEXT_BUDGET.reset(token)


def current_text_budget() -> TextBudget:
    """The running audit's budget; a fresh one for a list read outside any audit (a
    pasted list, a test), which then has the whole budget to itself."""
    budget = _AUDIT_TEXT_BUDGET.get()
    return budget if budget is not None else TextBudget()
