"""A work published over years is dated by the first year of its span (made-up entries).

Read as no year at all, the span broke the author list ("Quarn OP, Velt AA (1971–77)
Title" gave the authors "OP" and "Title"), so every citation of the work was missing.
"""

from __future__ import annotations

import pytest

from tests.freetext.helpers import families, parse

SPANS = [
    ("Quarn OP, Velt AA (1971–77) Fictional flies. In: Doe E (Ed.) Flies. Press, 1–9.", 1971),
    ("Quarn OP, Velt AA, Tam CG (2015-2017) Plants of an isle. The Institute, Online.", 2015),
    ("Quarn TG, Velt VH (Eds) (1964–1980) Flora Fictiva, vols 1–5. Press, Town.", 1964),
    ("Quarn, J., & Velt, K. (1998–2001). A long survey. Journal of Stuff, 3, 1–9.", 1998),
    ("Quarn J, Velt K (1998-2001) A long survey. Journal of Stuff 3: 1–9.", 1998),
    ("Quarn J, Velt K (2009+) An online checklist. http://example.org/list", 2009),
]


@pytest.mark.parametrize(("entry", "year"), SPANS)
def test_a_span_gives_its_first_year_and_keeps_the_authors(entry: str, year: int) -> None:
    ref = parse(entry)
    assert ref.year == year
    assert families(ref)[:2] == ["Quarn", "Velt"]


def test_an_organisation_with_a_span_stays_whole() -> None:
    ref = parse("Fictive Health Organization. (1998–2001). Reports on health. Geneva.")
    assert families(ref) == ["Fictive Health Organization"]
    assert ref.year == 1998


def test_a_span_in_the_title_is_not_the_year() -> None:
    ref = parse("Quarn, J. (2001). History of the Fictive Empire (1900–1950). Press.")
    assert ref.year == 2001


def test_a_span_after_vancouver_names_with_et_al() -> None:
    ref = parse("Quarn F, et al. (1994–2010) DATABASE (3.7.1): A tool for herbaria. http://x.org")
    assert ref.year == 1994
    assert families(ref) == ["Quarn"]
