"""A year mismatch is claimed only when the evidence names one entry.

When a work is missing from the list and its author has other works listed under
other years, the citation may be read as a slip for one of them. Three shapes said it
was not a slip and the rule claimed one anyway, counting entries as cited that no
citation meant:

* several candidates and nothing to choose among them ("Jerrold 1968" beside Jerrold
  1964 and 1965) -- unless a letter, a year away or a typing slip picks one;
* a lettered year the list letters otherwise ("Gorski 2006a" beside Gorski 2006b
  alone): the list's "b" says its "a" existed;
* the same author and year cited elsewhere as a missing work ("Niemann and Sporn
  1991") -- "Niemann et al. 1991" is that work again.

Every name here is made up.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference


def _match(text: str, *refs: object) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    _, matches = match_citations(extract_citations(document(text)), list(refs))  # type: ignore[arg-type]
    return [(m.targets, m.year_mismatch) for m in matches]


def test_two_candidates_a_slip_away_each_name_no_entry() -> None:
    refs = (reference(1, "Jerrold", year=1964), reference(2, "Jerrold", year=1965))
    assert _match("(Jerrold 1968)", *refs) == [((), ())]


def test_a_typing_slip_picks_one_of_several() -> None:
    # one digit changed (1962 for 1862), not two (1865)
    refs = (reference(1, "Seaward", year=1862), reference(2, "Seaward", year=1865))
    assert _match("(Seaward 1962)", *refs) == [((), ("ref-1",))]
    assert _match("(Seaward 1965)", *refs) == [((), ("ref-2",))]


def test_swapped_digits_and_the_letter_pick_one() -> None:
    refs = (
        reference(1, "Chiang", year=1987, suffix="a"),
        reference(2, "Chiang", year=1987, suffix="b"),
    )
    assert _match("(Chiang 1978a)", *refs) == [((), ("ref-1",))]
    assert _match("(Chiang 1978b)", *refs) == [((), ("ref-2",))]


def test_a_year_away_still_wins() -> None:
    refs = (reference(1, "Brandt", year=2016), reference(2, "Brandt", year=2009))
    assert _match("(Brandt 2015)", *refs) == [((), ("ref-1",))]


def test_several_far_candidates_name_no_entry() -> None:
    refs = (reference(1, "Bachtin", year=2018), reference(2, "Bachtin", year=2002))
    assert _match("(Bachtin 1981)", *refs) == [((), ())]


def test_one_candidate_is_still_a_mismatch_however_far() -> None:
    assert _match("(Whitby 1951)", reference(1, "Whitby", year=1937)) == [((), ("ref-1",))]


def test_a_letter_the_list_gives_otherwise_is_a_missing_work() -> None:
    refs = (reference(1, "Gorski", year=2006, suffix="b"), reference(2, "Gorski", year=2000))
    assert _match("(Gorski 2006a)", *refs) == [((), ())]


def test_a_letter_for_an_unlettered_entry_still_fits() -> None:
    assert _match("(Gorski 2006a)", reference(1, "Gorski", year=2006)) == [(("ref-1",), ())]


def test_the_same_work_cited_as_missing_elsewhere_is_no_mismatch() -> None:
    refs = (
        reference(1, "Niemann", "Sporn", year=1994),
        reference(2, "Niemann", "Sporn", "Carr", year=1997),
    )
    text = "(Niemann and Sporn 1991; Niemann and Sporn 1994). Later (Niemann et al. 1991)."
    assert _match(text, *refs) == [((), ()), (("ref-1",), ()), ((), ())]


def test_without_the_missing_sibling_the_mismatch_stays() -> None:
    refs = (
        reference(1, "Niemann", "Sporn", year=1994),
        reference(2, "Niemann", "Sporn", "Carr", year=1997),
    )
    text = "(Niemann and Sporn 1994). Later (Niemann et al. 1991)."
    assert _match(text, *refs) == [(("ref-1",), ()), ((), ("ref-2",))]


def test_entries_cited_exactly_are_left_out_before_choosing() -> None:
    # 1933 and 1934 are each a slip away from 1931, but 1934 is cited as itself
    refs = (reference(1, "Kanaya", year=1933), reference(2, "Kanaya", year=1934))
    assert _match("(Kanaya 1931) and (Kanaya 1934)", *refs) == [((), ("ref-1",)), (("ref-2",), ())]
