"""The year right after an entry's names is the entry's, whatever year the list reader
took: "Marel K. (1991) Supplement ... Bulletin of Things (1989), 12: 1-9." read as 1989
made "(Marel, 1991)" a year mismatch -- or, for an authority kept only on an entry's
word, nothing -- and the entry "never cited" (issue 12, Pensoft). Made-up works."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.reference import Reference

from .helpers import document, reference


def _matches(text: str, *refs: Reference) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    _, matches = match_citations(extract_citations(document(text)), refs)
    return [(m.targets, m.year_mismatch) for m in matches]


_RAW = "Marel K. (1991) Supplement to the revision. Bulletin of Things (1989), 12: 1-9."


def test_the_year_after_the_names_cites_the_entry() -> None:
    entry = reference(1, "Marel", year=1989, raw=_RAW)
    assert _matches("Wasps vary (Marel, 1991).", entry) == [(("ref-1",), ())]
    # an authority after a species name, kept only when an entry fits it
    assert _matches("Deinus hispanicus (Marel, 1991) and more.", entry) == [(("ref-1",), ())]


def test_another_year_is_still_a_mismatch() -> None:
    entry = reference(1, "Marel", year=1989, raw=_RAW)
    assert _matches("Wasps vary (Marel, 1995).", entry) == [((), ("ref-1",))]


def test_a_numbered_entry_is_read_after_its_label() -> None:
    entry = reference(1, "Marel", year=1989, raw="[4] " + _RAW)
    assert _matches("Wasps vary (Marel, 1991).", entry) == [(("ref-1",), ())]
