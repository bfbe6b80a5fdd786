"""Double surnames joined by a particle, written whole on one side and by their first
part on the other: the list's "de Lamme del Rosal PJ" cited "de Lamme et al. 2004",
the list's "Drury E (1893)" cited "Drury del Rosal 1893" (botanists cite the full
name, the list keeps the short one). Each was a missing work and an uncited entry.

Every name here is made up.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from tests.citations.helpers import document


def _person_entry(index: int, year: int, *names: tuple[str, str]) -> Reference:
    return Reference(
        id=f"ref-{index}",
        index=index,
        location=Location("refs.md", index),
        raw=f"{', '.join(f'{f} {g}' for f, g in names)} ({year}) A title.",
        authors=tuple(Person(f, g) for f, g in names),
        year=year,
    )


def _targets(text: str, *refs: Reference) -> list[tuple[str, ...]]:
    _, matches = match_citations(extract_citations(document(text)), list(refs))
    return [m.targets for m in matches]


def test_the_list_writes_the_whole_name() -> None:
    entry = _person_entry(1, 2004, ("de Lamme del Rosal", "PJ"), ("Marr", "BG"), ("Dall", "PM"))
    assert _targets("(Wheen 1966, de Lamme et al. 2004)", entry) == [(), ("ref-1",)]


def test_the_text_writes_the_whole_name() -> None:
    entry = _person_entry(1, 1893, ("Drury", "E"))
    assert _targets("(Drury del Rosal 1893, Coote 1978)", entry) == [("ref-1",), ()]


def test_another_first_part_is_no_match() -> None:
    entry = _person_entry(1, 1893, ("Drury", "E"))
    assert _targets("(Blake del Rosal 1893)", entry) == [()]
