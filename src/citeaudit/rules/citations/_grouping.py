"""One finding per cited work, not per occurrence.

A work cited eleven times and missing from the list is one problem with eleven
places: the editor fixes the list once. Occurrences are grouped by what identifies
the cited work -- its key, its number, or its normalised first name, the number of
names and the year label -- and the finding stands at the first one, listing the rest.
"""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.matching.names import normalise_name
from citeaudit.model.citation import Citation
from citeaudit.model.location import Location

_LISTED = 12


def work_identity(citation: Citation) -> tuple[object, ...]:
    if citation.key is not None:
        return ("key", citation.key)
    if citation.number is not None:
        return ("number", citation.number)
    names = tuple(normalise_name(a) for a in citation.authors)
    return ("author-year", names, citation.et_al, citation.year, citation.year_suffix)


def group_by_work(citations: Iterable[Citation]) -> list[list[Citation]]:
    """Citations of the same work together, groups in order of first occurrence."""
    groups: dict[tuple[object, ...], list[Citation]] = {}
    for citation in citations:
        groups.setdefault(work_identity(citation), []).append(citation)
    return list(groups.values())


def other_places(group: list[Citation]) -> str:
    """ " (cited 3 times; also at lines 40, 88)" for a group, "" for one occurrence."""
    if len(group) < 2:
        return ""
    first = group[0].location
    places = [_place(c.location, first) for c in group[1:]]
    places = list(dict.fromkeys(p for p in places if p))
    if len(places) > _LISTED:
        places = [*places[:_LISTED], f"and {len(places) - _LISTED} more"]
    where = f"; also at {', '.join(places)}" if places else ""
    return f" (cited {len(group)} times{where})"


def _place(location: Location, first: Location) -> str:
    if location.line is None:
        return location.file if location.file != first.file else ""
    unit = "line" if location.unit == "line" else location.unit
    place = f"{unit} {location.line}"
    return place if location.file == first.file else f"{location.file} {place}"
