"""Registry JSON to `RegistryRecord`: Crossref works and DataCite dois, in our words.

Kept apart from the clients so that cached answers (which store the raw JSON, as
evidence) are re-read by the same code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from citeaudit.doi import doi_refusal, normalize_doi
from citeaudit.model.person import Person
from citeaudit.model.resolution import DateKind, Notice, RecordDate, RegistryRecord

__all__ = ["EDITORIAL_KINDS", "crossref_record", "datacite_record", "registry_doi"]

# Crossref update types that change how a work may be cited.
EDITORIAL_KINDS = frozenset(
    {
        "retraction",
        "partial_retraction",
        "correction",
        "erratum",
        "corrigendum",
        "expression_of_concern",
        "withdrawal",
        "removal",
    }
)


def registry_doi(value: Any) -> str:
    """The DOI a registry's record names, lower case; "" when it names none we take.

    A record is its depositor's text, and its DOI is what `missing-doi` writes into
    the author's file as a safe fix, and what we ask resolvers about. Taken only when
    our own DOI reader (`normalize_doi`, of every DOI field we read) reads it back as
    itself and it may be put into a URL (`doi_refusal`): ``10.5555/a},note={x}``
    closed the BibTeX field it was written into and opened one of the depositor's.
    Real DOIs with parentheses or SICI's ``<...>`` read back whole.
    """
    if not isinstance(value, str):
        return ""
    doi = value.strip().lower()
    if not doi or doi_refusal(doi) is not None or normalize_doi(doi) != doi:
        return ""
    return doi


_DATE_FIELDS = ("published-print", "published-online", "issued", "published", "posted")
_DATE_KINDS = (
    ("published-print", DateKind.PRINT),
    ("published-online", DateKind.ONLINE),
    ("issued", DateKind.ISSUED),
    ("posted", DateKind.POSTED),
)
_PREPRINT_TYPES = frozenset({"posted-content", "preprint", "Preprint"})


# A registry's JSON is a stranger's: each value is read as the type expected or as
# absent. A list where an object belongs ("journal-issue": []), a number where a list
# does ("author": 5) or an object where a string does ("type": {}) raised out of the
# reader (AttributeError, TypeError: unhashable) and failed the resolution phase.
def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        return str(value[0]).strip() if value and value[0] else None
    if isinstance(value, str):
        return value.strip() or None
    return None


def _year_of(date: Any) -> int | None:
    if not isinstance(date, Mapping):
        return None
    parts = date.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        year = parts[0][0]
        if isinstance(year, int) and 1000 < year < 3000:
            return year
    return None


def _record_date(kind: DateKind, date: Any) -> RecordDate | None:
    year = _year_of(date)
    if year is None or not isinstance(date, Mapping):
        return None
    parts = date["date-parts"][0]
    rest = [p if isinstance(p, int) else None for p in parts[1:3]] + [None, None]
    month = rest[0] if rest[0] is not None and 1 <= rest[0] <= 12 else None
    day = rest[1] if month is not None and rest[1] is not None and 1 <= rest[1] <= 31 else None
    return RecordDate(kind, year, month, day)


def _crossref_dates(item: Mapping[str, Any]) -> tuple[RecordDate, ...]:
    """Every date the work carries, by kind.

    `created` (when the record was deposited) dates a preprint -- the deposit is the
    posting -- but not a journal article, whose deposit can be decades after print.
    """
    found = [_record_date(kind, item.get(name)) for name, kind in _DATE_KINDS]
    issue = item.get("journal-issue")
    if isinstance(issue, Mapping):
        found.append(_record_date(DateKind.ISSUE_PRINT, issue.get("published-print")))
        found.append(_record_date(DateKind.ISSUE_ONLINE, issue.get("published-online")))
    if _string(item.get("type")) in _PREPRINT_TYPES or item.get("subtype") == "preprint":
        found.append(_record_date(DateKind.CREATED, item.get("created")))
    return tuple(d for d in found if d is not None)


def _date_text(date: Any) -> str | None:
    if not isinstance(date, Mapping):
        return None
    if isinstance(date.get("date-time"), str):
        return str(date["date-time"])[:10]
    parts = date.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        numbers = [p for p in parts[0] if isinstance(p, int) and not isinstance(p, bool)]
        if len(numbers) == len(parts[0]):
            return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(numbers))
    return None


def _crossref_people(items: Iterable[Any]) -> tuple[Person, ...]:
    people = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        if item.get("family"):
            people.append(Person(str(item["family"]), _string(item.get("given"))))
        elif item.get("name"):
            people.append(Person(str(item["name"]), organisation=True))
    return tuple(people)


def crossref_record(item: Mapping[str, Any]) -> RegistryRecord:
    item = _mapping(item)
    years: list[int] = []
    for name in _DATE_FIELDS:
        year = _year_of(item.get(name))
        if year is not None and year not in years:
            years.append(year)
    dates = _crossref_dates(item)
    for dated in dates:
        if dated.year not in years:
            years.append(dated.year)
    issued = _year_of(item.get("issued"))
    title = _first(item.get("title"))
    subtitle = _first(item.get("subtitle"))
    if title and subtitle and subtitle.lower() not in title.lower():
        title = f"{title}: {subtitle}"
    notices = []
    for update in _items(item.get("updated-by")):
        if not isinstance(update, Mapping) or _string(update.get("type")) not in EDITORIAL_KINDS:
            continue
        notices.append(
            Notice(
                kind=str(update["type"]),
                doi=registry_doi(update.get("DOI")) or None,
                source=str(update["source"]) if update.get("source") else None,
                date=_date_text(update.get("updated")),
            )
        )
    return RegistryRecord(
        doi=registry_doi(item.get("DOI")),
        source="crossref",
        title=title,
        authors=_crossref_people(_items(item.get("author")) or _items(item.get("editor"))),
        year=issued if issued is not None else (years[0] if years else None),
        years=tuple(sorted(years)),
        container=_first(item.get("container-title")) or _first(item.get("institution")),
        kind=str(item["type"]) if item.get("type") else None,
        notices=tuple(notices),
        dates=dates,
        volume=_text(item.get("volume")),
        issue=_text(item.get("issue") or _mapping(item.get("journal-issue")).get("issue")),
    )


def _text(value: Any) -> str | None:
    return str(value).strip() or None if isinstance(value, (str, int)) else None


def _year_text(value: Any) -> int | None:
    """The year a registry's date text opens with ("2019-05-01", "2019"), or None.

    ASCII digits only: ``str.isdigit`` holds for "²⁰¹⁹" and other digit-like marks
    that ``int`` refuses (a DataCite date of superscripts raised ValueError out of the
    record reader -- after the answer was cached, so every later audit citing that DOI
    failed its resolution phase too), and ``int`` reads other scripts' digits, which
    no registry writes a year in."""
    text = str("" if value is None else value)[:4]
    if len(text) != 4 or not (text.isascii() and text.isdigit()):
        return None
    year = int(text)
    return year if 1000 < year < 3000 else None


def _datacite_person(creator: Mapping[str, Any]) -> Person | None:
    if creator.get("familyName"):
        return Person(str(creator["familyName"]), _string(creator.get("givenName")))
    name = creator.get("name")
    if not name:
        return None
    if creator.get("nameType") == "Organizational" or "," not in str(name):
        return Person(str(name), organisation=creator.get("nameType") == "Organizational")
    family, _, given = str(name).partition(",")
    return Person(family.strip(), given.strip() or None)


def datacite_record(document: Mapping[str, Any]) -> RegistryRecord:
    """From the JSON:API document of ``GET /dois/{doi}``."""
    document = _mapping(document)
    data = document.get("data") if isinstance(document.get("data"), Mapping) else document
    attrs = _mapping(_mapping(data).get("attributes"))
    titles = [
        t.get("title")
        for t in _items(attrs.get("titles"))
        if isinstance(t, Mapping) and isinstance(t.get("title"), str)
    ]
    creators = [
        p
        for p in (
            _datacite_person(c) for c in _items(attrs.get("creators")) if isinstance(c, Mapping)
        )
        if p is not None
    ]
    years: list[int] = []
    year = attrs.get("publicationYear")
    if isinstance(year, str) and year.isascii() and year.isdigit() and len(year) <= 9:
        year = int(year)  # "²" is a digit to isdigit, not to int
    # A year as Crossref's are read (`_year_of`): 0, -5, 99999 or a 4,000-digit number
    # was the record's year, reported as "DataCite dates the work 99999" and offered
    # as the entry's year.
    if isinstance(year, bool) or not isinstance(year, int) or not 1000 < year < 3000:
        year = None
    if year is not None:
        years.append(year)
    dates: list[RecordDate] = []
    if isinstance(year, int) and 1000 < year < 3000:
        dates.append(RecordDate(DateKind.ISSUED, year))
    types = attrs.get("types") or {}
    preprint = isinstance(types, Mapping) and types.get("resourceTypeGeneral") == "Preprint"
    for date in _items(attrs.get("dates")):
        if not isinstance(date, Mapping):
            continue
        kind = _DATACITE_KINDS.get(str(date.get("dateType")))
        if kind is None or (kind is DateKind.CREATED and not preprint):
            continue
        found = _year_text(date.get("date"))
        if found is not None:
            dates.append(RecordDate(kind, found))
            if found not in years:
                years.append(found)
    container = attrs.get("container") or {}
    return RegistryRecord(
        doi=registry_doi(attrs.get("doi") or _mapping(data).get("id")),
        source="datacite",
        title=titles[0] if titles else None,
        authors=tuple(creators),
        year=year if year is not None else (years[0] if years else None),
        years=tuple(sorted(years)),
        container=(_string(container.get("title")) if isinstance(container, Mapping) else None)
        or _string(attrs.get("publisher"))
        or _string(_mapping(attrs.get("publisher")).get("name")),
        kind=(_string(types.get("resourceTypeGeneral")) if isinstance(types, Mapping) else None),
        dates=tuple(dates),
    )


# A preprint's submission is its posting; other works' "Created" is the deposit.
_DATACITE_KINDS = {
    "Issued": DateKind.ISSUED,
    "Available": DateKind.ONLINE,
    "Submitted": DateKind.CREATED,
    "Created": DateKind.CREATED,
}
