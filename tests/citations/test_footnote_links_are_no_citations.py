"""A link to a footnote's anchor -- "[1](#fn1)", as a web page converted to Markdown
marks its notes -- is a note, not a numbered citation (made-up text)."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document


def _numbers(text: str) -> list[int | None]:
    return [c.number for c in extract_citations(document(text)) if c.kind.value == "numeric"]


def test_footnote_anchors_are_notes() -> None:
    for anchor in ("fn1", "fnref1", "_ftn1", "_edn1", "footnote-1", "endnote-1", "fn:1"):
        assert _numbers(f"Ports matter.<sup>[1](#{anchor})</sup> Trade grew [1](#{anchor}).") == []


def test_reference_anchors_are_citations() -> None:
    assert _numbers("Ports matter [1](#ref-1) and [2](#B2) and [3](#cite_note-3).") == [1, 2, 3]
