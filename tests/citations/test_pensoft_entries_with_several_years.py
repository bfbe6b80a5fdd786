"""An entry dated by several years ("Smythe F (1975, 1981) Naturalists' colour guide",
a work in two parts) is cited by any of them: "Smythe's (1975, 1981)" cites it twice.
The second year was read as a slip for the first, and -- the first being cited exactly
-- reported as a missing work.

Every name here is made up.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from tests.citations.helpers import document


def _entry(raw: str, year: int) -> Reference:
    return Reference(
        id="ref-1",
        index=1,
        location=Location("refs.md", 1),
        raw=raw,
        authors=(Person("Smythe", "F"),),
        year=year,
    )


def _matches(text: str, entry: Reference) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    _, matches = match_citations(extract_citations(document(text)), [entry])
    return [(m.targets, m.year_mismatch) for m in matches]


def test_each_listed_year_cites_the_entry() -> None:
    entry = _entry("Smythe F (1975, 1981) Naturalists' colour guide. Some Press, 229 pp.", 1975)
    found = _matches("using Smythe's (1975, 1981) colour names", entry)
    assert found == [(("ref-1",), ()), (("ref-1",), ())]


def test_a_year_the_entry_does_not_list_is_still_a_mismatch() -> None:
    entry = _entry("Smythe F (1975, 1981) Naturalists' colour guide. Some Press, 229 pp.", 1975)
    assert _matches("(Smythe 1985)", entry) == [((), ("ref-1",))]
