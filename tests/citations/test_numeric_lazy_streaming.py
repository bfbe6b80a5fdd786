"""The numeric extractor hands its markers over as it finds them.

It weighed every candidate, held, before yielding the first: ``[1-50] `` x 400,000
(2.8 MB) held 400,000 candidates and their fifty numbers each (+265 MB) whatever the
audit's cap. Now a first pass counts each form's evidence and a last one yields; these
tests hold the stream to that: little memory before the first marker, markers in text
order across forms, and the same decisions as the whole-document weighing made.
"""

from __future__ import annotations

import tracemalloc

from citeaudit.manuscript.citations import NumericExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location


def _document(text: str, entries: int = 0, numbered: bool = True) -> Document:
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(text.split("\n"), start=1))
    raws = tuple(
        RawEntry(
            f"Writer{k} A. Work {k}.", Location("p.md", 900 + k), f"{k}. Writer{k} A. Work {k}."
        )
        if numbered
        else RawEntry(
            f"Writer{k} A. Work {k}.", Location("p.md", 900 + k), f"Writer{k} A. Work {k}."
        )
        for k in range(1, entries + 1)
    )
    return Document(path="p.md", format="markdown", lines=lines, reference_entries=raws)


def test_the_first_marker_comes_before_the_flood_is_held() -> None:
    document = _document("Text " + "[1-50] " * 5_000, entries=60)
    document.text  # joined before measuring  # noqa: B018
    tracemalloc.start()
    try:
        first = next(iter(NumericExtractor().markers(document)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (first.start, first.count) == (5, 50)
    # held, 5,000 candidates of fifty numbers were ~2.6 MB; counts are a few KB
    assert peak < 500_000, peak


def test_forms_are_merged_in_text_order() -> None:
    # a round-bracket paper: every form's stream is read apart, the markers interleave
    text = "Cells grow (1). Roots dry (2, 3). Leaves fall [4]. Seeds (5-6) by Ribeiro[7]."
    found = list(NumericExtractor().markers(_document(text, entries=8)))
    assert [m.numbers for m in found] == [(1,), (2, 3), (4,), (5, 6), (7,)]
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_the_whole_documents_evidence_still_decides() -> None:
    """Round brackets are kept only when they outnumber square ones over the whole
    page: a decision the last marker's form makes for the first."""
    head = "Early work (1). "
    squares = "A [2]. B [3]. C [4]. "
    rounds = "D (5). E (6). F (7). G (8). H (9). "
    by_rounds = list(NumericExtractor().markers(_document(head + squares + rounds, entries=10)))
    assert by_rounds[0].numbers == (1,)
    by_squares = list(
        NumericExtractor().markers(_document(head + squares * 3 + "D (5).", entries=10))
    )
    assert all(m.numbers != (1,) for m in by_squares)


def test_flattened_superscripts_follow_the_lists_order_across_the_stream() -> None:
    """The list-order reading needs where each number is first cited over the page (a
    first pass of counts) and what was cited before each bare number (the walk)."""
    text = (
        "Tiles hold walls.^1^ Waste adds value.^2^ Glass is common.^3^ Kilns vary.^4^ "
        "Clay was studied by Moreau 5 and others.^6^ Later work.^7^"
    )
    found = [m.numbers for m in NumericExtractor().markers(_document(text, entries=8))]
    assert found == [(1,), (2,), (3,), (4,), (5,), (6,), (7,)]


def test_superscript_digits_beside_a_raised_separator_are_no_crash() -> None:
    """Found comparing the held and streamed extractors on random pages: a Word run
    raising a comma between "4²³" and "5" read "4²³" as a number (str.isdigit takes
    "²"), and int() raised ValueError out of the reader."""
    text = "Cells grow 4²³,5 here [1]."
    comma = text.index(",")
    line = Line("p.md", 1, text, superscripts=((comma, comma + 1),))
    document = Document(path="p.md", format="markdown", lines=(line,))
    assert [m.numbers for m in NumericExtractor().markers(document)] == [(1,)]
