"""Class: a work's venue named after its year, "(Smith, 2001, in Nature)", "(Lima, 2010,
em Cadernos de Saúde Pública)", "(Pérez 2015, en Revista Médica)", "(Moreau, 2004,
dans Le Monde)": "in" and a capital read as "read through another work" (as in
"(Piquet, 1970, en Rovira, 1991)"), so the work was weak -- never a missing work when
the list lacks it. A work is read through another only when that other is cited with
a year of its own; a venue has none. Names are made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document


def _read(text: str) -> list[tuple[tuple[str, ...], int | None, Certainty]]:
    return [(c.authors, c.year, c.certainty) for c in extract_citations(document(text))]


@pytest.mark.parametrize(
    ("text", "author", "year"),
    [
        ("Mills grew (Smith, 2001, in Nature).", "Smith", 2001),
        ("O risco caiu (Lima, 2010, em Cadernos de Saúde Pública).", "Lima", 2010),
        ("El riesgo (Pérez 2015, en Revista Médica de Chile) bajó.", "Pérez", 2015),
        ("Les prix montent (Moreau, 2004, dans Le Monde).", "Moreau", 2004),
    ],
)
def test_a_venue_after_the_year_leaves_the_work_sure(text: str, author: str, year: int) -> None:
    assert _read(text) == [((author,), year, Certainty.SURE)]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("A renda (Piquet, 1970, en Rovira, 1991) caiu.", ("Piquet",)),
        ("Populasi (Sutarno, 1973 dalam Wibowo, 1990) naik.", ("Sutarno",)),
        ("Grain (Hale 1901, in Orm et al. 1999) fell.", ("Hale",)),
    ],
)
def test_a_work_read_in_another_dated_work_stays_weak(text: str, first: tuple[str, ...]) -> None:
    found = _read(text)
    assert found[0][0] == first
    assert found[0][2] is Certainty.WEAK


def test_a_work_cited_with_its_venue_and_not_listed_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "venue.md"
    path.write_text(
        "# Introduction\n\n"
        "Mills grew (Quist, 2001, in Nature) and grain fell (Orm, 1999).\n\n"
        "# References\n\n"
        "Orm, B. (1999). Grain. York: Press.\n",
        encoding="utf-8",
    )
    codes = [f.code for f in audit(AuditInput(manuscripts=(path,))).findings]
    assert codes == ["CIT002"]
