"""Numeric citations read as a careful editor reads them (made-up text, numbered lists).

Classes found on real published text: isotope and coupling superscripts that are no
citations ("the ^13^C spectra"), ranges printed with a minus sign ("^4−6^"), brackets
holding words beside their numbers ("[see 4]", "[e.g., 12]"), annotation bullets
("[18••, 20]"), and a round-bracket list that looked like a decimal interval.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.manuscript.citations import NumericExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.citation import CitationKind
from citeaudit.model.location import Location
from tests.citations.helpers import cited
from tests.citations.helpers import numbered as numbered_list


def numbered(
    body: str, entries: int = 20, superscripts: dict[int, list[str]] | None = None
) -> Document:
    return numbered_list(body, entries, superscripts)


ENTRIES = "\n\n".join(
    f"{k}. Writer{k} Q. A made-up work {k}. J Nowhere. 2021;{k}:1-5." for k in range(1, 21)
)


def audited(body: str, suffix: str = ".md") -> list[int]:
    """The numbers cited, as the audit reads the manuscript with its numbered list."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"paper{suffix}"
        path.write_text(f"# A paper\n\n{body}\n\n## References\n\n{ENTRIES}\n", "utf-8")
        data = read_inputs(AuditInput.from_paths([path]))
    return [c.number or 0 for c in data.citations if c.kind is CitationKind.NUMERIC]


# -- I: a superscript that opens the word after it is an isotope or a coupling -------


def test_isotope_and_coupling_superscripts_in_markdown_are_not_citations() -> None:
    body = (
        "Such salts are known.^2,5^ We took the ^1^H and ^13^C NMR spectra "
        "(^3^J = 7 Hz) and the ^19^F signal as before.^6^ Further work^7^ agrees."
    )
    assert cited(numbered(body)) == [[2, 5], [6], [7]]


def test_isotope_superscripts_in_html_and_unicode_are_not_citations() -> None:
    html = "Known salts.<sup>2</sup> The <sup>1</sup>H and <sup>15</sup>N spectra.<sup>3</sup>"
    assert cited(numbered(html)) == [[2], [3]]
    uni = "Known salts.² The ¹H and ¹³C spectra (³J 8 Hz) were run.⁴ As others⁵ did."
    assert cited(numbered(uni)) == [[2], [4], [5]]


def test_isotope_superscripts_set_in_word_runs_are_not_citations() -> None:
    body = "Known salts.2 The 1H and 13C spectra were run.4"
    doc = numbered(body, superscripts={1: ["2", "1", "13", "4"]})
    assert cited(doc) == [[2], [4]]


def test_a_labelled_compound_keeps_its_isotope_out() -> None:
    body = "Labelled d-[U-^13^C]glucose was fed,^8^ as was [^15^N]urea.^9^"
    assert cited(numbered(body)) == [[8], [9]]


def test_citations_followed_by_space_punctuation_or_the_end_still_read() -> None:
    body = "As shown^1^, and reported^2^; also seen.^3^ Then (see^4^) and^5^\nend^6^"
    assert cited(numbered(body)) == [[1], [2], [3], [4], [5], [6]]


def test_flattened_isotopes_in_plain_text_are_not_citations() -> None:
    body = (
        "Complexes were studied before.1,2 The 1H and 13C NMR spectra were "
        "recorded.3 Others 4 used the 15N label.5,6 Later work.7,8"
    )
    assert 13 not in audited(body, ".txt")
    assert 15 not in audited(body, ".txt")


# -- A: the minus sign as a range dash --------------------------------------------------


def test_a_minus_sign_range_in_a_superscript() -> None:
    body = "Used in sensing^4−6^ and imaging.^1,2^ Also^3^ here."
    assert cited(numbered(body, entries=12)) == [[4, 5, 6], [1, 2], [3]]


def test_a_dash_between_two_superscripts_is_a_range() -> None:
    body = "Used in sensing,^4^−^6^ and imaging^7^–^9^ and more.^1^ Also^2,3^ here."
    assert cited(numbered(body, entries=12)) == [[4, 5, 6], [7, 8, 9], [1], [2, 3]]


def test_a_minus_sign_range_in_square_and_round_brackets() -> None:
    assert cited(numbered("Used in sensing [4−6] and imaging [1].", entries=12)) == [
        [4, 5, 6],
        [1],
    ]
    body = "Used in sensing (4−6). Imaging (1) and (2) and lasers (3) and (7)."
    assert cited(numbered(body, entries=12))[0] == [4, 5, 6]


def test_a_minus_sign_in_a_formula_is_still_no_range() -> None:
    body = "Many works [1], [2], [3] report it. The value x = 10^4−6^ was small."
    assert cited(numbered(body, entries=12)) == [[1], [2], [3]]


def test_a_unicode_superscript_range_with_a_minus_sign() -> None:
    body = "Used in sensing⁴−⁶ and imaging.¹ Also² here."
    assert cited(numbered(body, entries=12)) == [[4, 5, 6], [1], [2]]


# -- P: words beside the numbers in a square bracket ------------------------------------


def test_a_bracket_with_a_leading_phrase_cites() -> None:
    body = (
        "It holds [e.g., 12] and [see 4], but not always [but see 7], [8]. Compare "
        "[cf. 9] and [see also 10, 11] and [for review see 13]. Also [1], [2], [3]."
    )
    assert cited(numbered(body)) == [[12], [4], [7], [8], [9], [10, 11], [13], [1], [2], [3]]


def test_a_bracket_with_a_phrase_between_its_numbers_cites_both() -> None:
    body = "The scale [5, as modified by 6] and the test [14, 15 and references therein]."
    assert cited(numbered(body)) == [[5, 6], [14, 15]]


def test_a_bracket_with_a_leading_phrase_and_a_page() -> None:
    body = "Growth was slow [e.g. 3, p. 233] and fast [see 5, chapter 2] in [1], [2]."
    assert cited(numbered(body)) == [[3], [5], [1], [2]]


def test_a_bracket_with_a_clause_naming_a_second_work() -> None:
    body = "Fitted with predictors [7, chosen by the default settings of the tool in 9]."
    assert cited(numbered(body)) == [[7, 9]]
    # a clause ending in a label word names a part, not a work
    assert cited(numbered("Fitted [7, as shown in table 9] and [1].")) == [[1]]


def test_a_bracket_of_words_that_are_labels_is_no_citation() -> None:
    body = "Known [1]. Details [see Table 4] and [see Fig. 2] and [n = 12] and [step 3]."
    assert cited(numbered(body)) == [[1]]


def test_a_bracket_with_words_as_link_text_is_no_citation() -> None:
    body = "Known [1]. The guide [see 4](https://example.org/guide) and [e.g. 3][ref]."
    assert cited(numbered(body)) == [[1]]


# -- O: annotation bullets, a list read as a decimal interval ---------------------------


def _annotated(body: str, bullets: bool) -> Document:
    """A list whose entries 3 and 18 carry annotation bullets ("18•• Roe ..."), or whose
    reader lost them (no entry labelled so)."""
    raws = [
        f"{k}{'••' if k in (3, 18) else '.'} Author{k} A. Made-up title. J Made Up. 2020;{k}:1-9."
        for k in range(1, 21)
        if bullets or k not in (3, 18)
    ]
    refs = tuple(RawEntry(raw, Location("p.md", 200 + n), raw) for n, raw in enumerate(raws))
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(body.split("\n"), start=1))
    return Document("p.md", "markdown", lines, reference_entries=refs)


def test_annotation_bullets_after_numbers_in_a_bracket() -> None:
    body = "As reviewed [18••, 20] and shown [3•] and [1], [2 •, 4]."
    assert cited(_annotated(body, bullets=True)) == [[18, 20], [3], [1], [2, 4]]


def test_annotation_bullets_are_read_only_where_the_list_labels_so() -> None:
    # entries whose labels carry the bullets were not read as entries: a citation of
    # them would be a false "missing reference"
    body = "As reviewed [18••, 20] and shown [3•] and [1], [2]."
    assert cited(_annotated(body, bullets=False)) == [[1], [2]]


def test_a_rising_list_with_a_range_is_no_decimal_interval() -> None:
    body = "Several trials (2,9–11,20) and cohorts (1). Also (3). Then (4) and (5) and (6)."
    assert cited(numbered(body))[0] == [2, 9, 10, 11, 20]


def test_a_decimal_interval_stays_an_interval() -> None:
    # same precision at both ends, or ends that do not rise as citations do
    body = "Scores [23,5-32,5] and [1,2-3,4] were seen [1], [2], [3]."
    assert cited(numbered(body, entries=40)) == [[1], [2], [3]]


def test_a_superscript_after_a_primer_end_cites() -> None:
    body = "Primers were 5′-ACGTTGCA-3′^6^ and 5′-TTGACCA-3′.^7^ Known^1^ and^2,3^ ok."
    assert cited(numbered(body)) == [[6], [7], [1], [2, 3]]


# -- sub-labelled lists: "[14e]" cites entry 14e --------------------------------------


def _sub_labelled(body: str) -> Document:
    labels = ["1a", "1b", "2.", "3a", "3b", "3c", "4.", "5."]
    refs = tuple(
        RawEntry(entry, Location("p.md", 200 + k), entry)
        for k, label in enumerate(labels, start=1)
        for entry in [f"{label} Q. Writer{k}, J. Nowhere 2020, {k}, 1-5;"]
    )
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(body.split("\n"), start=1))
    return Document("p.md", "markdown", lines, reference_entries=refs)


def items(document: Document) -> list[list[str]]:
    return [[c.item for c in m.citations] for m in NumericExtractor().markers(document)]


def test_a_sub_label_in_a_bracket_cites_that_entry() -> None:
    body = "Known.^[1b]^ Also [3a,c, 4] and [2] and [3b, 5] and^[1]^ here [3c„4]."
    assert items(_sub_labelled(body)) == [
        ["1b"],
        ["3a", "3c", "4"],
        ["2"],
        ["3b", "5"],
        ["1"],
        ["3c", "4"],
    ]


def test_a_sub_label_is_no_citation_where_the_list_has_none() -> None:
    body = "Compound [3a] and [3b, 4] formed, as known [1], [2]."
    assert cited(numbered(body)) == [[1], [2]]


def test_a_sub_label_citation_matches_its_own_entry() -> None:
    from citeaudit.matching.numbers import match_number
    from citeaudit.model.citation import Citation

    numbers = {1: ("a", "b"), 2: ("c",), 3: ("d", "e", "f")}

    def one(item: str, number: int) -> tuple[str, ...]:
        citation = Citation(
            id="x",
            text="[x]",
            location=Location("p.md", 1),
            kind=CitationKind.NUMERIC,
            item=item,
            number=number,
        )
        return match_number(citation, numbers).targets

    assert one("3b", 3) == ("e",)
    assert one("1", 1) == ("a", "b")
    assert one("2c", 2) == ("c",)  # no such sub-entry: the number's entries
