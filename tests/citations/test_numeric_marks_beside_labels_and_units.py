"""Numeric markers set beside labels, units, figure panels and locators, and the
look-alikes beside them (issue 12: classes from the dev and fresh articles).

Every manuscript here is made up. A superscript paper's citation is set after
whatever the sentence ends on: an instrument's name with a one-letter suffix
("the BIA-O^37^ scale"), a unit ("doses of 320 mg^19,21^", "1.400 mm^20,21^"), a
dash ("in general–^45^"); a publisher's XML may raise only the opening bracket
("firm ^(^24."). A bracket paper cites with a locator inside ("[15, Chapter 4]")
and after a figure's panels ("Fig. 4C,D[35]"). Each was "never cited". The
look-alikes stay out: a unit's exponent ("5 m^2^"), a scale's intervals
("([1-3], [4-6], [7-9])"), an allele ("wnd^3^" beside "wnd^+^", "a^1^/a^2^").
"""

from __future__ import annotations

from citeaudit.manuscript.citations import NumericExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location


def _document(text: str, entries: int) -> Document:
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(text.split("\n"), start=1))
    raws = tuple(
        RawEntry(f"{k}. Author{k} B. Paper {k}.", Location("p.md", 700 + k), f"{k}. Author{k}")
        for k in range(1, entries + 1)
    )
    return Document(path="p.md", format="markdown", lines=lines, reference_entries=raws)


def _cited(text: str, entries: int = 60) -> list[tuple[int, ...]]:
    return [m.numbers for m in NumericExtractor().markers(_document(text, entries))]


# a superscript paper: its other markers make superscripts the style
_SUPERSCRIPTS = "Falls are common^1^. Cohorts measured them^2,3^. Trials agree^4-6^. "
# a bracket paper
_BRACKETS = "Falls are common [1]. Cohorts measured them [2,3]. Trials agree [4-6]. "


# -- superscripts after labels, units and dashes -------------------------------------


def test_a_superscript_after_a_label_with_a_one_letter_suffix() -> None:
    text = _SUPERSCRIPTS + "The BIA-O^37^ scale and the ROBINS-I^29-30^ tool, per NANDA-I^9^."
    assert _cited(text)[3:] == [(37,), (29, 30), (9,)]


def test_a_single_letter_alone_is_still_refused() -> None:
    # a variable or a tooth ("the maxillary I^2^", "x^2^"): no name before a hyphen
    text = _SUPERSCRIPTS + "The maxillary I^2^ and x^4^ were measured."
    assert _cited(text)[3:] == []


def test_a_superscript_after_a_unit_that_no_exponent_has() -> None:
    text = _SUPERSCRIPTS + (
        "Daily doses of 320 mg^19,21-22,26^, 640 mg^22^ were given. Rain is 1.400 mm^20,21^ ."
    )
    assert _cited(text)[3:] == [(19, 21, 22, 26), (22,), (20, 21)]


def test_a_units_exponent_is_not_a_citation() -> None:
    text = _SUPERSCRIPTS + "An area of 5 m^2^, a volume of 3 cm^3^ and 9 µm^2^ were sampled."
    assert _cited(text)[3:] == []


def test_a_unit_superscript_needs_superscripts_as_the_style() -> None:
    # in a bracket paper "mg^22^" is nothing the paper cites by
    text = _BRACKETS + "Daily doses of 640 mg^22^ and 960 mg^23^ were given."
    assert _cited(text)[3:] == []


def test_a_superscript_after_a_dash() -> None:
    text = _SUPERSCRIPTS + "Self-care in general–^45^; condom use—^46^ too."
    assert _cited(text)[3:] == [(45,), (46,)]


def test_a_superscript_whose_opening_bracket_alone_is_raised() -> None:
    text = _SUPERSCRIPTS + "They stood firm in the pandemic ^(^24. Others fled^(^25-26)."
    assert _cited(text)[3:] == [(24,), (25, 26)]


def test_a_raised_opening_bracket_before_a_quantity_is_not_read() -> None:
    # "^(^" then a number glued to a unit or a decimal: a value, not a list
    text = _SUPERSCRIPTS + "A flow ^(^24 mL) was kept; the pH ^(^7.4) too."
    assert _cited(text)[3:] == []


# -- alleles -----------------------------------------------------------------------


def test_allele_superscripts_are_not_citations() -> None:
    # a gene named with a non-numeric superscript elsewhere ("wnd^+^", "Fgf8^neo^")
    # carries alleles: its numeric superscripts are allele numbers
    text = _SUPERSCRIPTS + (
        "Controls were wnd^+^ and Fgf8^neo^ mice. Mutants wnd^3^ and Fgf8^7^ died; "
        "the heteroallelic Tg^1^/Tg^2^ lived. Growth slows^7^."
    )
    assert _cited(text)[3:] == [(7,)]


# -- brackets ------------------------------------------------------------------------


def test_a_locator_inside_the_bracket() -> None:
    text = _BRACKETS + (
        "We refer the reader to [15, Chapter 4], [12, p. 4], [3, Table 2], "
        "[17, Theorem 3 and Corollary 1] and [8, 9, pp. 10-12]."
    )
    assert _cited(text)[3:] == [(15,), (12,), (3,), (17,), (8, 9)]


def test_an_interval_with_a_letter_is_not_a_locator() -> None:
    text = _BRACKETS + "For x in [0, L] and y in [1, N] the map is smooth."
    assert _cited(text)[3:] == []


def test_a_bracket_after_a_figures_panels() -> None:
    text = (
        _BRACKETS + "It is expressed in the node (Fig. 1G,I[21]) and the endoderm (Fig. 4C–D[35])."
    )
    assert _cited(text)[3:] == [(21,), (35,)]


def test_a_bracket_after_a_lone_letter_is_still_indexing() -> None:
    text = _BRACKETS + "The vector x[2] and the array v[3] were set."
    assert _cited(text)[3:] == []


def test_brackets_that_tile_a_scale_are_intervals() -> None:
    text = _SUPERSCRIPTS + (
        "Scores outside the three points holding the median ([1-3], [4-6], [7-9]) were few."
    )
    assert _cited(text)[3:] == []


def test_brackets_of_citations_are_still_read_in_a_run() -> None:
    text = _BRACKETS + "As tallied before ([9],[27],[29],[42] and this study) and [10-12], [20-22]."
    assert _cited(text)[3:] == [(9,), (27,), (29,), (42,), (10, 11, 12), (20, 21, 22)]


def test_a_superscript_after_a_unit_and_a_full_stop() -> None:
    # "dl", "PA", "min" end the sentence: an exponent is glued to its unit, never
    # after a full stop
    text = _SUPERSCRIPTS + "Pitfalls mimic ALT or DL.^5-7^ Control of the PA.^12^ helps."
    assert _cited(text)[3:] == [(5, 6, 7), (12,)]


def _word_document(text: str, raised: list[str], entries: int = 60) -> Document:
    """One line whose `raised` pieces a Word file set superscript, in order."""
    spans: list[tuple[int, int]] = []
    for piece in raised:
        start = text.index(piece, spans[-1][1] if spans else 0)
        spans.append((start, start + len(piece)))
    raws = tuple(
        RawEntry(f"{k}. Author{k} B. Paper {k}.", Location("p.docx", 700 + k), f"{k}. Author{k}")
        for k in range(1, entries + 1)
    )
    line = Line("p.docx", 1, text, tuple(spans))
    return Document(path="p.docx", format="docx", lines=(line,), reference_entries=raws)


def test_a_word_run_raising_only_the_opening_bracket() -> None:
    text = "Falls are common1. Cohorts agree2,3. They stood firm (24. A flow (25 mL) was kept."
    document = _word_document(text, ["1", "2,3", "(", "("])
    numbers = [m.numbers for m in NumericExtractor().markers(document)]
    assert numbers == [(1,), (2, 3), (24,)]


def test_a_superscript_after_a_trade_mark_sign() -> None:
    text = _SUPERSCRIPTS + "Clusters were mapped in VOSviewer®^11^ and Excel™^12^."
    assert _cited(text)[3:] == [(11,), (12,)]


def test_a_bracket_before_a_parenthesis_of_prose() -> None:
    text = _BRACKETS + (
        "Pygo1 was mapped [14,16](Yu J, unpublished) but [9](https://x.org/a) is a link "
        'and [8](#ref-8 "Ref 8") too.'
    )
    assert _cited(text)[3:] == [(14, 16)]


def test_round_brackets_after_standard_deviations_as_a_unit() -> None:
    # "≤ –1,5 SD (3,6)": SD after a number is a unit, the brackets cite; "SD (3,6)"
    # alone reports a spread
    text = (
        "Falls are common (1). Cohorts measured them (2,3). Trials agree (4-6).\n"
        "• T-score ≤ –1,5 SD (3,6).\nThe mean was 12 and the SD (3,6) wide."
    )
    assert _cited(text, entries=12)[3:] == [(3, 6)]


def test_footnote_letters_do_not_mark_alleles() -> None:
    # a table's footnote letters on a word say nothing of alleles: its citations count
    text = _SUPERSCRIPTS + "Mean^a^ values of cells^b,c^ rose; cells^12^ and mean^13^ fell."
    assert _cited(text)[3:] == [(12,), (13,)]
