"""Numeric citation forms found in real renderings, each with a made-up manuscript.

Classes: brackets set superscript by Pandoc markup, a bracket right after a
superscript word, a superscript list whose rest lost its superscript, a superscript
after a DOI, prefixed round brackets in a bracket paper, and markers a little past
the end of the list (the missing entry an editor must hear about).
"""

from __future__ import annotations

from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location
from tests.citations.helpers import cited


def numbered(body: str, entries: int = 9) -> Document:
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(body.split("\n"), start=1))
    refs = tuple(
        RawEntry(
            f"{k}. Writer{k} Q. Invented work. J Nowhere. 2021;{k}:1-5.",
            Location("p.md", 90 + k),
            f"{k}. Writer{k}",
        )
        for k in range(1, entries + 1)
    )
    return Document("p.md", "markdown", lines, reference_entries=refs)


def test_brackets_set_superscript_in_markdown() -> None:
    body = "Dated to the Pliocene (5 Ma)^[3]^. Runs ^[4],[5]^^[6],[7]^ too."
    assert cited(numbered(body)) == [[3], [4], [5], [6], [7]]


def test_a_lone_caret_before_a_bracket_is_an_inline_footnote() -> None:
    assert cited(numbered("Seen before [1], [2] and once more^[8] here.")) == [[1], [2]]


def test_a_bracket_after_a_superscript_word_is_a_citation() -> None:
    body = "Strains Lep^ob^[3] and anions HCO3^-^[4,5] differ, as do Cl^-^ [7]."
    assert cited(numbered(body)) == [[3], [4, 5], [7]]


def test_the_unmarked_rest_of_a_superscript_list() -> None:
    body = "Risk rises among adults. ^4^ ^,^ 6 Later data.^2^ Also this.⁴ , 8 Then.^3^"
    assert cited(numbered(body)) == [[4, 6], [2], [4, 8], [3]]


def test_a_number_after_a_superscript_and_a_comma_in_prose_is_not_joined() -> None:
    body = "Cells grew.^5^, 6 plates failed.^2^ Then ^7^ , 3 more.^1^"
    assert cited(numbered(body)) == [[5], [2], [7], [1]]


def test_a_superscript_with_its_separator_inside() -> None:
    assert cited(numbered("Farms^1,^ herds^2^ and fish^3;^ all.")) == [[1], [2], [3]]


def test_a_superscript_after_a_doi_or_url() -> None:
    body = "Data: 10.9999/made.up.d2037^3^ and https://example.org/t/44^4^ but 10^5^ cells.^1^"
    assert cited(numbered(body)) == [[3], [4], [1]]


def test_prefixed_round_brackets_in_a_bracket_paper() -> None:
    body = "Known [1], [2] and [3]; corrected (see 4), compare (cf. 5). Counted (6)."
    assert cited(numbered(body)) == [[1], [2], [3], [4], [5]]


def test_prefixed_round_brackets_alone_are_not_a_style() -> None:
    assert cited(numbered("Known since 1990 (see 4). Counted (5).")) == []


def test_markers_a_little_past_the_end_of_the_list_are_citations() -> None:
    body = " ".join(f"Claim {k} holds ({k})." for k in range(1, 11))
    assert [11] in cited(numbered(body + " New claim (11).", entries=10))
    assert [40] not in cited(numbered(body + " Other claim (40).", entries=10))


def test_superscripts_past_the_end_of_the_list() -> None:
    body = "First.^1^ Second.^2,3^ Last.^10^"
    assert cited(numbered(body, entries=8)) == [[1], [2, 3], [10]]


def test_a_number_after_sd_as_a_unit_is_a_citation() -> None:
    body = "Cut at -1 SD (4), as before (1), (2), (3). Mean 5 (SD (6)); CI (2-3)."
    assert cited(numbered(body)) == [[4], [1], [2], [3]]


def test_lists_broken_by_a_hard_line_break() -> None:
    assert cited(numbered("Seen before [1,\n2] and [3\n-5] too.")) == [[1, 2], [3, 4, 5]]
    body = "Seen (1,\n2) and (3\n-5) too (6)."
    assert cited(numbered(body)) == [[1, 2], [3, 4, 5], [6]]
    body = "Seen before.1,\n2 And again.3 More.4,5 Yet.6 Then.7"
    assert cited(numbered(body)) == [[1, 2], [3], [4, 5], [6], [7]]
    assert cited(numbered("Seen before.^1,\n2^ And again.^3^")) == [[1, 2], [3]]


def test_round_brackets_glued_to_a_word_in_a_superscript_paper() -> None:
    body = "Rates rose^1^ and fell^(2)^ to 31% in 2013(3). Groups (4) and more.^5^ Then^6^"
    assert cited(numbered(body)) == [[1], [2], [3], [5], [6]]


def test_round_brackets_glued_to_words_in_a_round_bracket_paper() -> None:
    body = "Rates rose(1) and fell(2) to 31% in 2013(3). Groups^4^."
    assert cited(numbered(body)) == [[1], [2], [3]]


def test_a_two_entry_list_with_bare_labels_and_one_taken_out() -> None:
    refs = tuple(
        RawEntry(raw, Location("p.md", 20 + k), raw)
        for k, raw in enumerate(
            ["1 Doe A. Invented letter. J Nowhere. 2022;1:1.", "3 Roe B. Other."]
        )
    )
    lines = (Line("p.md", 1, "As argued before,^2^ and shown since.^3^ Also.^2^"),)
    document = Document("p.md", "markdown", lines, reference_entries=refs)
    assert cited(document) == [[2], [3], [2]]
