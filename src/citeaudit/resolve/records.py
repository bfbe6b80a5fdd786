"""Registry JSON to `RegistryRecord`: Crossref works and DataCite dois, in our words.

Kept apart from the clients so that cached answers (which store the raw JSON, as
evidence) are re-read by the same code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from citeaudit.model.person import Person
from citeaudit.model.resolution import Notice, RegistryRecord

__all__ = ["EDITORIAL_KINDS", "crossref_record", "datacite_record"]

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

_DATE_FIELDS = ("published-print", "published-online", "issued", "published", "posted")


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


def _date_text(date: Any) -> str | None:
    if not isinstance(date, Mapping):
        return None
    if isinstance(date.get("date-time"), str):
        return str(date["date-time"])[:10]
    parts = date.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts[0]))
    return None


def _crossref_people(items: Iterable[Any]) -> tuple[Person, ...]:
    people = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        if item.get("family"):
            people.append(Person(str(item["family"]), item.get("given")))
        elif item.get("name"):
            people.append(Person(str(item["name"]), organisation=True))
    return tuple(people)


def crossref_record(item: Mapping[str, Any]) -> RegistryRecord:
    years: list[int] = []
    for name in _DATE_FIELDS:
        year = _year_of(item.get(name))
        if year is not None and year not in years:
            years.append(year)
    issued = _year_of(item.get("issued"))
    title = _first(item.get("title"))
    subtitle = _first(item.get("subtitle"))
    if title and subtitle and subtitle.lower() not in title.lower():
        title = f"{title}: {subtitle}"
    notices = []
    for update in item.get("updated-by") or ():
        if not isinstance(update, Mapping) or update.get("type") not in EDITORIAL_KINDS:
            continue
        notices.append(
            Notice(
                kind=str(update["type"]),
                doi=str(update["DOI"]).lower() if update.get("DOI") else None,
                source=str(update["source"]) if update.get("source") else None,
                date=_date_text(update.get("updated")),
            )
        )
    return RegistryRecord(
        doi=str(item.get("DOI", "")).lower(),
        source="crossref",
        title=title,
        authors=_crossref_people(item.get("author") or item.get("editor") or ()),
        year=issued if issued is not None else (years[0] if years else None),
        years=tuple(sorted(years)),
        container=_first(item.get("container-title")) or _first(item.get("institution")),
        kind=str(item["type"]) if item.get("type") else None,
        notices=tuple(notices),
    )


def _datacite_person(creator: Mapping[str, Any]) -> Person | None:
    if creator.get("familyName"):
        return Person(str(creator["familyName"]), creator.get("givenName"))
    name = creator.get("name")
    if not name:
        return None
    if creator.get("nameType") == "Organizational" or "," not in str(name):
        return Person(str(name), organisation=creator.get("nameType") == "Organizational")
    family, _, given = str(name).partition(",")
    return Person(family.strip(), given.strip() or None)


def datacite_record(document: Mapping[str, Any]) -> RegistryRecord:
    """From the JSON:API document of ``GET /dois/{doi}``."""
    data = document.get("data") if isinstance(document.get("data"), Mapping) else document
    attrs: Mapping[str, Any] = data.get("attributes") or {} if isinstance(data, Mapping) else {}
    titles = [t.get("title") for t in attrs.get("titles") or () if isinstance(t, Mapping)]
    creators = [
        p
        for p in (
            _datacite_person(c) for c in attrs.get("creators") or () if isinstance(c, Mapping)
        )
        if p is not None
    ]
    years: list[int] = []
    year = attrs.get("publicationYear")
    if isinstance(year, str) and year.isdigit():
        year = int(year)
    if isinstance(year, int):
        years.append(year)
    for date in attrs.get("dates") or ():
        if isinstance(date, Mapping) and date.get("dateType") in ("Issued", "Available"):
            text = str(date.get("date", ""))[:4]
            if text.isdigit() and int(text) not in years:
                years.append(int(text))
    types = attrs.get("types") or {}
    container = attrs.get("container") or {}
    return RegistryRecord(
        doi=str(attrs.get("doi") or (data or {}).get("id", "")).lower(),
        source="datacite",
        title=titles[0] if titles else None,
        authors=tuple(creators),
        year=year if isinstance(year, int) else (years[0] if years else None),
        years=tuple(sorted(years)),
        container=(container.get("title") if isinstance(container, Mapping) else None)
        or attrs.get("publisher"),
        kind=(types.get("resourceTypeGeneral") if isinstance(types, Mapping) else None),
    )
