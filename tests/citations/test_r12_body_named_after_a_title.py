"""A body cited by its name ("(Office of the Harbour Board, 2003)") for an entry that
opens with the work's title and names the body after it ("Annual digest of port
notices. Office of the Harbour Board (2003)."): the list reader takes the title for
the author, so no entry had the cited name and the entry was reported uncited and the
citation missing. The one entry of the cited year whose text holds the body's whole
name is the work. Made-up names and works throughout."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Citation, CitationMatch
from citeaudit.model.reference import Reference

from .helpers import document, reference

_DIGEST = "Annual digest of port notices. Office of the Harbour Board (2003)."


def _match(text: str, refs: list[Reference]) -> list[tuple[Citation, CitationMatch]]:
    kept, matches = match_citations(extract_citations(document(text)), refs)
    return list(zip(kept, matches, strict=True))


def _digest(year: int = 2003) -> Reference:
    return reference(
        1, "Annual digest of port notices", year=year, raw=_DIGEST.replace("2003", str(year))
    )


def test_a_body_named_after_the_title_is_cited() -> None:
    refs = [_digest(), reference(2, "Hale", year=2001)]
    found = _match("Ships wait (Office of the Harbour Board, 2003).", refs)
    assert [m.targets for _, m in found] == [("ref-1",)]


def test_another_year_is_no_fit() -> None:
    refs = [_digest(2005), reference(2, "Hale", year=2001)]
    found = _match("Ships wait (Office of the Harbour Board, 2003).", refs)
    assert [m.targets for _, m in found] == [()]


def test_two_entries_naming_the_body_name_none() -> None:
    other = reference(
        3,
        "Tide tables",
        year=2003,
        raw="Tide tables for the outer roads. Office of the Harbour Board (2003).",
    )
    found = _match("Ships wait (Office of the Harbour Board, 2003).", [_digest(), other])
    assert [m.targets for _, m in found] == [()]


def test_a_short_name_is_not_looked_for_in_entries() -> None:
    # two words: a person's name or a place as often as a body's
    refs = [reference(1, "Digest", year=2003, raw="Digest of notices. Harbour Board (2003).")]
    found = _match("Ships wait (Harbour Board, 2003).", refs)
    assert [m.targets for _, m in found] == [()]
