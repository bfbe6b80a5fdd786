"""What the registries said about a reference."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from citeaudit.model.person import Person


class ResolutionState(StrEnum):
    RESOLVED = "resolved"
    NOT_FOUND = "not-found"
    AMBIGUOUS = "ambiguous"
    SKIPPED = "skipped"  # not sent: web page, offline, --no-resolve
    FAILED = "failed"  # the registry could not be asked: never the reference's fault


# Registries by the names their records carry, as reports and pages show them.
SOURCES = {"crossref": "Crossref", "datacite": "DataCite", "doi.org": "doi.org"}


@dataclass(frozen=True, slots=True)
class Notice:
    """An update to a registry record: a retraction, correction, expression of concern."""

    kind: str  # "retraction", "correction", "expression_of_concern", "withdrawal", ...
    doi: str | None = None
    source: str | None = None  # "publisher", "retraction-watch"
    date: str | None = None


class DateKind(StrEnum):
    """Which of a registry's dates: authors legitimately cite any of the first four."""

    PRINT = "published-print"
    ONLINE = "published-online"
    ISSUED = "issued"  # Crossref's earliest of print and online
    POSTED = "posted"  # a preprint's posting
    CREATED = "created"  # the deposit: a publication date only for preprints
    ISSUE_PRINT = "issue-print"  # the journal issue's print date
    ISSUE_ONLINE = "issue-online"

    @property
    def label(self) -> str:
        return _DATE_LABELS[self]


_DATE_LABELS = {
    DateKind.PRINT: "print date",
    DateKind.ONLINE: "online date",
    DateKind.ISSUED: "publication date",
    DateKind.POSTED: "posting date",
    DateKind.CREATED: "deposit date",
    DateKind.ISSUE_PRINT: "issue print date",
    DateKind.ISSUE_ONLINE: "issue online date",
}


@dataclass(frozen=True, slots=True)
class RecordDate:
    """One dated event of a work as the registry records it (month/day when given)."""

    kind: DateKind
    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True, slots=True)
class RegistryRecord:
    """The registry's version of a work, in our vocabulary."""

    doi: str
    source: str  # "crossref", "datacite", "doi.org"
    title: str | None = None
    authors: tuple[Person, ...] = ()
    year: int | None = None
    years: tuple[int, ...] = ()  # every date the work carries: print, online, issued
    container: str | None = None
    kind: str | None = None
    notices: tuple[Notice, ...] = ()
    dates: tuple[RecordDate, ...] = ()  # each date by kind, for the year reconciliation
    volume: str | None = None  # an assigned volume/issue: the work is in an issue already
    issue: str | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    reference_id: str
    state: ResolutionState
    reason: str | None = None
    doi: str | None = None
    score: float | None = None
    record: RegistryRecord | None = None
    doi_registered: bool | None = None  # None: could not tell
    sources: tuple[str, ...] = field(default=())
    # Whether Crossref knows the entry's journal at all; asked only when no record
    # matched an article (None: not asked, or could not tell).
    container_registered: bool | None = None
