"""A numbered list where one label lost its full stop ("3 Moe QR, ..." among "2.", "4."),
with an entry taken out: numbers still cite the entries by their labels.

Every entry here is made up."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.test_numbered_lists_and_acronyms import numbered, with_list


def test_a_bare_label_among_full_stop_labels_keeps_the_list_cited_by_label() -> None:
    # entry 2 was taken out; entry 4 prints its label without the full stop
    labels = [(1, "1. "), (3, "3. "), (4, "4 "), (5, "5. ")]
    refs = [
        numbered(k, f"Author{chr(64 + n)}", 2000 + n, label=lead)
        for k, (n, lead) in enumerate(labels, start=1)
    ]
    text = "Intro (1). More (3). Then (4). And (5). Also (2)."
    kept, matches = match_citations(extract_citations(with_list(text, refs)), refs)
    by_number = {c.number: m.targets for c, m in zip(kept, matches, strict=True)}
    assert by_number == {1: ("ref-1",), 3: ("ref-2",), 4: ("ref-3",), 5: ("ref-4",), 2: ()}


def test_a_bare_number_that_does_not_follow_on_is_no_label() -> None:
    # "2019 Annual..." opens with a year, not the label 3: the list is cited by position
    leads = ["1. ", "2. ", "2019 ", "4. "]
    refs = [
        numbered(k, f"Author{chr(64 + k)}", 2000 + k, label=lead)
        for k, lead in enumerate(leads, start=1)
    ]
    text = "Intro (1). More (2). Then (3). And (4)."
    kept, matches = match_citations(extract_citations(with_list(text, refs)), refs)
    by_number = {c.number: m.targets for c, m in zip(kept, matches, strict=True)}
    assert by_number == {1: ("ref-1",), 2: ("ref-2",), 3: ("ref-3",), 4: ("ref-4",)}
