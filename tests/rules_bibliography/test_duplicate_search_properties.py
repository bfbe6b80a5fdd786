"""The blocked duplicate search finds exactly what comparing every pair finds.

Blocking (DOI, author+year, title head and tail) is only a way to skip pairs that
cannot be duplicates; on lists small enough that no block reaches its cap, the
entries it calls repeats must be the ones a brute-force comparison calls repeats.
Lists are drawn from a small vocabulary so that repeats, near-repeats and
look-alikes are common.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citeaudit.model import Location, Person, Reference
from citeaudit.rules.bibliography._duplicate_groups import DuplicateSearch
from citeaudit.rules.bibliography._same_work import same_entry_reason
from citeaudit.rules.bibliography._work_profile import WorkProfile

TITLES = [
    "Deep learning for cells",
    "Deep Learning for Cells.",
    "Deep learning for cell",
    "Deep learning for cells, part 2",
    "Deap learning for cells",  # a typo in the head: found by the tail
    "A deep learning approach to the cells of great rivers",
    "The deep learning approach to the cells of great river",  # both ends differ
    "Rivers of Müller",
    "Rivers of Muller",
    "",
]
# Details that may tell same-titled entries apart, mostly absent so titles decide.
DETAILS: list[dict[str, object]] = [
    {},
    {},
    {},
    {"doi": "10.1/x"},
    {"doi": "10.1/y"},
    {"doi": "10.48550/arxiv.1", "container": "arXiv"},
    {"container": "bioRxiv"},
    {"container": "Nature"},
    {"urls": ("https://a.example/1",)},
    {"urls": ("https://a.example/2",)},
    {"volume": "2"},
]
entries = st.tuples(
    st.sampled_from(["Smith", "Smíth", "Smith", ""]),
    st.sampled_from([2019, 2019, 2020, None]),
    st.sampled_from([None, None, None, "a"]),
    st.sampled_from(TITLES),
    st.sampled_from(range(len(DETAILS))),
)


def build(i: int, drawn: tuple[str, int | None, str | None, str, int]) -> Reference:
    family, year, suffix, title, details = drawn
    return Reference(
        id=f"r{i}",
        index=i,
        location=Location("refs.txt", i + 1),
        raw="",
        authors=(Person(family, "J."),) if family else (),
        year=year,
        year_suffix=suffix,
        title=title or None,
        **DETAILS[details],  # type: ignore[arg-type]
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(entries, min_size=2, max_size=12))
def test_blocked_search_equals_brute_force(
    drawn: list[tuple[str, int | None, str | None, str, int]],
) -> None:
    folded: dict[str, str] = {}
    profiles = [WorkProfile.of(build(i, f), i, folded) for i, f in enumerate(drawn)]
    search = DuplicateSearch()
    for profile in profiles:
        search.add(profile)
    found = {r.entry.order for group in search.groups for r in group.repeats}
    brute = {
        later.order
        for later in profiles
        if any(same_entry_reason(first, later) for first in profiles[: later.order])
    }
    assert found == brute
    # every entry is in exactly one group
    members = [g.first.order for g in search.groups] + sorted(found)
    assert sorted(members) == list(range(len(profiles)))
