"""Red team (freeze): a weak citation's item is looked for near its group's start only.

One Markdown line "Text Smith 2020, 2020, 2020, ..." (600 KB) was read as 100,000 weak
citations, each with the whole run as its text and the item "Text Smith, 2020", which
the run does not hold written so. The matcher's `_lead_words` looked for the item in
the text of every one: the whole run searched 100,000 times, 19 CPU s for the audit
(60 KB: 0.55 s; 5 MB: some twenty minutes of a worker). Counted here: the characters
each search may read (a text that records its searches), not seconds;
benches/linearity.py's "md-years-run" times the shape (after: 1.5 CPU s at 600 KB).
"""

from __future__ import annotations

from citeaudit.matching import author_index
from citeaudit.model.citation import Certainty, Citation, CitationKind
from citeaudit.model.location import Location


class Recorded(str):
    """A text that records how many characters each `find` on it may read."""

    searched: list[int]

    def find(self, sub: str, start: int | None = None, end: int | None = None, /) -> int:  # type: ignore[override]
        begin = 0 if start is None else start
        stop = len(self) if end is None else min(end, len(self))
        type(self).searched.append(max(0, stop - begin))
        return super().find(sub, begin, stop)


def _weak(text: str, item: str) -> Citation:
    return Citation(
        id="c1",
        text=text,
        location=Location("paper.md", 1, 1),
        kind=CitationKind.AUTHOR_YEAR,
        item=item,
        authors=("Text Smith",),
        year=2020,
        certainty=Certainty.WEAK,
    )


def test_an_item_the_run_does_not_hold_costs_a_bounded_search() -> None:
    Recorded.searched = []
    run = Recorded("Text Smith " + "2020, " * 100_000)
    assert author_index._lead_words(_weak(run, "Text Smith, 2020")) == ()
    assert Recorded.searched and max(Recorded.searched) <= 4_096, Recorded.searched


def test_the_words_before_an_item_near_the_start_are_still_read() -> None:
    Recorded.searched = []
    group = Recorded("(Guide to Open Data, 2019)")
    lead = author_index._lead_words(_weak(group, "Open Data, 2019"))
    assert lead == ("Guide", "to")
