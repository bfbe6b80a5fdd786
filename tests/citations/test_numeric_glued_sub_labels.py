"""A bracket of sub-labels glued to the word before it ("complexes[2c,4a,5]"), in a
list with sub-labels: a citation list that lost its superscript, read as one -- a
lone label glued to a formula ("x2[3a]") or to a word ("salt[3a]") stays a compound's.
Made-up entries."""

from __future__ import annotations

from citeaudit.manuscript.citations import NumericExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location


def _sub_labelled(body: str) -> Document:
    labels = ["1.", "2a", "2b", "2c", "3.", "4a", "4b", "5."]
    refs = tuple(
        RawEntry(entry, Location("p.md", 200 + k), entry)
        for k, label in enumerate(labels, start=1)
        for entry in [f"{label} R. Inventa{k}, J. Elsewhere 2019, {k}, 3-9;"]
    )
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(body.split("\n"), start=1))
    return Document("p.md", "markdown", lines, reference_entries=refs)


def items(document: Document) -> list[list[str]]:
    return [[c.item for c in m.citations] for m in NumericExtractor().markers(document)]


def test_a_glued_bracket_of_several_sub_labels_cites() -> None:
    body = "Known.^[1]^ Only gold complexes[2c,4a,5] do so, as seen.^[3]^"
    assert items(_sub_labelled(body)) == [["1"], ["2c", "4a", "5"], ["3"]]


def test_a_lone_glued_sub_label_stays_a_compound() -> None:
    body = "Known.^[1]^ The salt[4a] and x2[2b] formed.^[3]^"
    assert items(_sub_labelled(body)) == [["1"], ["3"]]
