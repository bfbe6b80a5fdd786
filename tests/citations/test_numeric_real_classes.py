"""Numeric citations as journals print them, and the look-alikes that must stay out.

Every manuscript here is made up. Weak forms (round brackets, superscripts, numbers
glued to words) count only on the document's own evidence, so each test builds a
document with a numbered reference list of its own.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location
from tests.citations.helpers import cited, numbered

VANCOUVER = (
    "Falls are common in older adults (1). Several cohorts (2,3) and trials (4-6) "
    "measured them, as did a registry (7–9, 11).\nOne survey (ref. 10) disagreed."
)


def test_round_brackets_in_a_vancouver_paper() -> None:
    assert cited(numbered(VANCOUVER)) == [[1], [2, 3], [4, 5, 6], [7, 8, 9, 11], [10]]


def test_round_brackets_need_a_list_that_holds_them() -> None:
    assert cited(numbered(VANCOUVER, entries=0)) == []
    # a little past the end of the list, a number of the paper's style is a citation
    # of a missing entry; far past it, it is not read at all
    assert cited(numbered(VANCOUVER, entries=3)) == [[1], [2, 3], [4, 5, 6]]


def test_a_high_number_in_a_long_list() -> None:
    body = " ".join(f"Claim {k} holds ({k})." for k in range(1, 296))
    assert [261] in cited(numbered(body, entries=295))


@pytest.mark.parametrize(
    "body",
    [
        # equation numbers and labels
        "The model is y = a + b (1), solved by Eq. (2) and Table (3) with step (4) done.",
        "Energy follows\nE = m c (1)\nand further\nF = m a (2)\nand so\np = m v (3)",
        # enumerations
        "We aimed to (1) describe falls, (2) estimate costs and (3) compare regions.",
        "Participants: (1) adults, (2) children, (3) carers.",
        "(1) First item\n(2) Second item\n(3) Third item",
        # function calls and arithmetic
        "Let f(1) = 2 and g(2) = 3 and h(3) = 4.",
    ],
)
def test_round_bracket_look_alikes(body: str) -> None:
    assert cited(numbered(body, entries=5)) == []


def test_round_brackets_in_a_square_bracket_paper_are_equations() -> None:
    body = "As known [1], [2] and [3]. Then a (1), b (2), c (3), d (4) follow [4]."
    assert cited(numbered(body, entries=6)) == [[1], [2], [3], [4]]


def test_few_numbers_against_a_long_list_are_not_a_style() -> None:
    body = "As argued (1) and later (2), and again (3)."
    assert cited(numbered(body, entries=40)) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Known[7;8;9] before.", [[7, 8, 9]]),
        ("Shown by Ribeiro[11] and Lima et al[8].", [[11], [8]]),
        ("Rates<sup>3</sup> and costs<sup>4-6</sup> rose.", [[3], [4, 5, 6]]),
        ("Rates^3^ and costs^4,5^ rose.", [[3], [4, 5]]),
        ("Rates rose¹ and fell²⁻⁴ again¹,⁵.", [[1], [2, 3, 4], [1, 5]]),
    ],
)
def test_more_numeric_forms(body: str, expected: list[list[int]]) -> None:
    assert cited(numbered(body)) == expected


@pytest.mark.parametrize(
    "body",
    [
        "An area of 5 m<sup>2</sup> and 10<sup>3</sup> cells and 4 km² and x² + 10⁻³.",
        "Use array[3] with x[2] and v[1].",
    ],
)
def test_superscript_and_index_look_alikes(body: str) -> None:
    assert cited(numbered(body)) == []


def test_word_superscript_runs() -> None:
    body = "Falls are common1,2 and costly3.\nArea was 5 m2 in all."
    document = numbered(body, superscripts={1: ["1,2", "3"], 2: ["2"]})
    assert cited(document) == [[1, 2], [3]]


def test_flattened_superscripts_when_they_are_the_style() -> None:
    body = (
        "Falls are common in older adults.1,2 Several cohorts3 and trials4-6 measured them, "
        "as did a registry7 (see earlier work8,9). Sox2 and CO2 levels rose."
    )
    assert cited(numbered(body)) == [[1, 2], [3], [4, 5, 6], [7], [8, 9]]


def test_flattened_superscripts_are_not_read_beside_another_style() -> None:
    body = "Cells with Nrf2 and p53 grew [1]; Mdm2 fell [2] and rose [3] in mice4 and cells5."
    assert cited(numbered(body)) == [[1], [2], [3]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # superscripts wrapped in brackets, as some journals print them
        ("Cases rose ^(1)^ and fell ^(2,3)^.", [[1], [2, 3]]),
        ("Cases rose<sup>(4)</sup> and fell⁽⁵⁾.", [[4], [5]]),
        # after a name ending in a number, a percentage, a closing bracket
        ("Vaccines against COVID-19^6^ and covid-19 ⁽⁷⁾ at 21%⁸.", [[6], [7], [8]]),
    ],
)
def test_superscripts_in_real_settings(body: str, expected: list[list[int]]) -> None:
    assert cited(numbered(body)) == expected


def test_round_brackets_after_brackets_and_common_nouns() -> None:
    body = (
        "Found in several tumor types (1), in a control group (2), in one cohort "
        "study (3), at the website (https://example.org) (4) and in a handbook (2002) (5)."
    )
    assert cited(numbered(body, entries=5)) == [[1], [2], [3], [4], [5]]


def test_round_brackets_after_numbers_that_are_not_arithmetic() -> None:
    body = (
        "The unit opened in 1990 (1), gene lin-4 (2) and SAT1 (3) were studied, "
        "with IL-10 (4,5) and a hydrolysed formula (6), but not y = x + 2 (7) nor a < 4 (8)."
    )
    assert cited(numbered(body, entries=8)) == [[1], [2], [3], [4, 5], [6]]


def test_brackets_glued_to_lower_case_words_in_a_bracket_paper() -> None:
    body = "Linked to infection[3,4] and to the lymph node[7]. Also [1] and [2]."
    assert cited(numbered(body)) == [[3, 4], [7], [1], [2]]


def test_brackets_before_a_colon_inside_a_sentence() -> None:
    body = "Known as a discriminant [5]: here it is, as in South Africa [6],[7]: the rest."
    assert cited(numbered(body)) == [[5], [6], [7]]
    assert cited(numbered("[1]: https://example.org/definition")) == []


def test_numbers_match_the_lists_own_labels() -> None:
    """A list numbered 1, 2, 4 (entry 3 deleted): [4] is the third entry, [3] has none."""
    from citeaudit.manuscript.citations import extract_citations
    from citeaudit.matching.citations import match_citations
    from tests.citations.helpers import document, reference

    refs = [
        reference(i, f"Author{label}", year=2020, raw=f"{label}. Author{label} A. Title.")
        for i, label in enumerate((1, 2, 4), start=1)
    ]
    citations, matches = match_citations(
        extract_citations(document("Known [1], [3] and [4].")), refs
    )
    assert [(c.number, m.targets) for c, m in zip(citations, matches, strict=True)] == [
        (1, ("ref-1",)),
        (3, ()),
        (4, ("ref-3",)),
    ]


def test_weak_forms_reach_the_highest_label_of_a_list_with_gaps() -> None:
    lines = (Line("p.md", 1, "Known (1), seen (2,4) and shown (4)."),)
    refs = tuple(
        RawEntry(f"{k}. Author{k} A. Title.", Location("p.md", 10 + k), f"{k}. Author{k} A.")
        for k in (1, 2, 4)
    )
    document = Document("p.md", "markdown", lines, reference_entries=refs)
    assert cited(document) == [[1], [2, 4], [4]]


def test_intervals_of_decimal_commas_are_not_citations() -> None:
    body = "Rates of 26,5 [23,5-32,5] and 28,5 (24,5–33,5) cycles, as before [3]."
    assert cited(numbered(body)) == [[3]]


def test_statistical_intervals_are_not_citations() -> None:
    body = "Rates (95 % CI [1–2,28]; IQR (3-5); range [2, 9]) as found [4]."
    assert cited(numbered(body)) == [[4]]


@pytest.mark.parametrize(
    "wrapped",
    [
        # a narrow column wraps right after an abbreviation, a link or a quotation
        "Raised free fatty acids (FFAs)\n(12). were seen again",
        "The data are at the agency's site (www.example.org/stats.htm)\n(12) for every year.",
        "This is the \u201ccurse of dimensionality\u201d\n(12) well known to all.",
        "Most of them (95%)\n(12) agreed with the first cohort.",
    ],
)
def test_a_number_opening_a_wrapped_line_after_a_closing_mark_is_cited(wrapped: str) -> None:
    assert [12] in cited(numbered(VANCOUVER + "\n" + wrapped))


def test_a_number_opening_a_line_after_a_full_stop_is_still_a_list_item() -> None:
    body = VANCOUVER + "\nThe aims were these.\n(12) describe falls in cohorts"
    assert [12] not in cited(numbered(body))


def test_a_volume_issue_before_its_page_is_no_citation() -> None:
    # protologues and specimen notes in a taxonomic paper: "Bot. Gaz. 35(1): 54" is a
    # volume, its issue and the page; the "(1)" is no numbered citation (made up)
    body = (
        "Aus bus Smith, Bot. Gaz. 35(1): 54. 1976. Aus cus Lee, Fl. Nov. 10(2):433. 1964.\n"
        "Aus dus Ray, J. Bot. 32(4) : 318. 1975. Aus eus Kim, Bot. Mag. 7(3): 12. 1930."
    )
    assert cited(numbered(body)) == []
    # a glued number that no page follows is still read where it is the paper's style
    assert cited(numbered("Shown in 2013(5). Also here(6), there(7) and (8).")) != []
