"""Which years a registry record allows, and who is wrong when text, list and record differ.

A work has several dates -- online-first, print, the journal issue's, a preprint's
posting -- and authors legitimately cite any of them. So a year is judged against the
set of years the record's own dates give, each kept with the dates that give it so a
message can say "Crossref's print date is 2014". The one year no date gives but that
is still allowed is the print year still to come: an article online only, not yet in a
volume or issue, may appear in next year's issue. No other tolerance: when the record
has a print date, a year one off it is wrong, whatever the gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from citeaudit.model.resolution import SOURCES, DateKind, RecordDate, RegistryRecord

__all__ = [
    "Outcome",
    "Reconciliation",
    "RegistryYears",
    "reconcile",
    "registry_years",
]


# The order a message names a year's dates in: the date most often cited first, and
# Crossref's derived "issued" (the earliest of the others) only when nothing says more.
_PREFERENCE = (
    DateKind.PRINT,
    DateKind.ISSUE_PRINT,
    DateKind.ONLINE,
    DateKind.ISSUE_ONLINE,
    DateKind.POSTED,
    DateKind.ISSUED,
    DateKind.CREATED,
)
_PRINTED = frozenset({DateKind.PRINT, DateKind.ISSUE_PRINT})
_ONLINE_ONLY_KINDS = frozenset({None, "journal-article", "article", "JournalArticle"})


@dataclass(frozen=True, slots=True)
class RegistryYears:
    """The years a record allows: each with the kinds of date giving it, first preferred."""

    source: str
    by_year: tuple[tuple[int, tuple[DateKind, ...]], ...]
    print_to_come: int | None = None  # next year, for an online-only article not yet in an issue

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(y for y, _ in self.by_year)

    def allows(self, year: int | None) -> bool:
        return year is not None and (year in self.years or year == self.print_to_come)

    def kinds(self, year: int) -> tuple[DateKind, ...]:
        return next((k for y, k in self.by_year if y == year), ())

    @property
    def preferred(self) -> int | None:
        """The year to suggest when none is right: the print year, else the earliest."""
        for kind in _PREFERENCE:
            for year, kinds in self.by_year:
                if kind in kinds:
                    return year
        return None

    def says(self, year: int) -> str:
        """ "Crossref's print date is 2014": the year's most cited date."""
        kinds = self.kinds(year)
        if not kinds:
            if year == self.print_to_come:
                return (
                    f"{self.source} has it online in {year - 1}, in no issue yet (the print "
                    f"year may be {year})"
                )
            return f"{self.source} gives no date in {year}"
        return f"{self.source}'s {kinds[0].label} is {year}"

    def dated(self) -> str:
        """ "Crossref dates the work 2013 (online), 2014 (print)"."""
        parts = [f"{year} ({kinds[0].label.removesuffix(' date')})" for year, kinds in self.by_year]
        return f"{self.source} dates the work " + ", ".join(parts)


def registry_years(record: RegistryRecord) -> RegistryYears:
    dates = record.dates or tuple(RecordDate(DateKind.ISSUED, y) for y in record.years)
    if not dates and record.year is not None:
        dates = (RecordDate(DateKind.ISSUED, record.year),)
    grouped: dict[int, list[DateKind]] = {}
    for date in dates:
        kinds = grouped.setdefault(date.year, [])
        if date.kind not in kinds:
            kinds.append(date.kind)
    by_year = tuple(
        (year, tuple(sorted(kinds, key=_PREFERENCE.index)))
        for year, kinds in sorted(grouped.items())
    )
    return RegistryYears(
        source=SOURCES.get(record.source, record.source),
        by_year=by_year,
        print_to_come=_print_to_come(record, dates),
    )


def _print_to_come(record: RegistryRecord, dates: tuple[RecordDate, ...]) -> int | None:
    """The year after an online-only date, when the article may still go to print.

    Only for a journal article with no print date and no volume or issue yet: once the
    record names an issue, or says it is printed, its dates are the whole story.
    """
    if record.kind not in _ONLINE_ONLY_KINDS or record.volume or record.issue:
        return None
    if not dates or any(d.kind in _PRINTED for d in dates):
        return None
    if not record.dates and len({d.year for d in dates}) > 1:
        return None  # years without kinds: two of them are an online and a print date
    latest = max(d.year for d in dates)
    return latest + 1


class Outcome(StrEnum):
    AGREE = "agree"  # text and list give the same year
    LIST_WRONG = "list-wrong"  # the text's year is a date of the work, the list's is not
    TEXT_WRONG = "text-wrong"  # the list's year is a date of the work, the text's is not
    BOTH_WRONG = "both-wrong"  # neither is
    EITHER = "either"  # both are dates of the work (online-first, print): the registry cannot tell
    UNKNOWN = "unknown"  # the record gives no date


@dataclass(frozen=True, slots=True)
class Reconciliation:
    outcome: Outcome
    dates: RegistryYears
    suggestion: int | None  # the year the wrong side(s) should read

    def evidence(self, text_year: int, list_year: int) -> str:
        """ "the text says 2014, the list says 2013, Crossref's print date is 2014"."""
        said = f"the text says {text_year}, the list says {list_year}"
        if self.outcome is Outcome.LIST_WRONG:
            return f"{said}, {self.dates.says(text_year)}"
        if self.outcome is Outcome.TEXT_WRONG:
            return f"{said}, {self.dates.says(list_year)}"
        if self.outcome is Outcome.EITHER:
            return f"{said}; {self.dates.says(text_year)} and {self.dates.says(list_year)}"
        return f"{said}, {self.dates.dated()}"

    @property
    def verdict(self) -> str:
        return {
            Outcome.LIST_WRONG: "the list entry is wrong",
            Outcome.TEXT_WRONG: "the citation is wrong",
            Outcome.BOTH_WRONG: "the citation and the list entry are both wrong",
            Outcome.EITHER: "both are dates of the work, so cite it by the list's year",
        }.get(self.outcome, "")


def reconcile(text_year: int, list_year: int, record: RegistryRecord) -> Reconciliation:
    """Text ↔ list ↔ registry in one step: which side is wrong, and what it should say."""
    dates = registry_years(record)
    if not dates.by_year:
        return Reconciliation(Outcome.UNKNOWN, dates, None)
    if text_year == list_year:
        if dates.allows(list_year):
            return Reconciliation(Outcome.AGREE, dates, None)
        return Reconciliation(Outcome.BOTH_WRONG, dates, dates.preferred)
    text_fits, list_fits = dates.allows(text_year), dates.allows(list_year)
    if text_fits and list_fits:
        return Reconciliation(Outcome.EITHER, dates, list_year)
    if text_fits:
        return Reconciliation(Outcome.LIST_WRONG, dates, text_year)
    if list_fits:
        return Reconciliation(Outcome.TEXT_WRONG, dates, list_year)
    return Reconciliation(Outcome.BOTH_WRONG, dates, dates.preferred)
