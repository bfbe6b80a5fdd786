"""A bare "nd" (no date, without its dots) in a citation's year slot: "(Green, nd)",
"Brown (nd)". Unread, the entry it cites was "never cited". An ordinal ("2nd") and a
word that merely starts with "nd" stay out."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document


def test_bare_nd_is_no_date() -> None:
    text = "As noted (Green, nd) and by Brown (nd); see (Grey, nd-a; White, nd)."
    found = [(c.authors, c.year, c.no_date) for c in extract_citations(document(text))]
    assert found == [
        (("Green",), None, True),
        (("Brown",), None, True),
        (("Grey",), None, True),
        (("White",), None, True),
    ]


def test_ordinals_and_words_are_no_year() -> None:
    text = "In the 2nd edition (Green, 2nd ed.) and (Brown, ndash) nothing is a citation."
    assert [c for c in extract_citations(document(text)) if c.no_date] == []


def test_entries_cited_with_bare_nd_are_cited(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(
        "# Text\n\nAs noted (Green, nd) and by Brown (nd).\n\n# References\n\n"
        "Green, A. (n.d.). A title. Journal, 1, 2.\n\n"
        "Brown, B. (nd). Another title. Journal, 1, 2.\n",
        encoding="utf-8",
    )
    assert [f.code for f in audit(AuditInput(manuscripts=(path,))).findings] == []
