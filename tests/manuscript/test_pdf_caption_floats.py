"""A figure or table floats to the top of a column or page, its caption with it, so
a sentence that runs from one column into the next is read with the caption in the
middle of it: "(Abbott, 2019; Brandt &" / "Figure 1. ..." / "Cole, 2020)". The
citation cut there lost its second half ("Brandt & Figure 1. ... Cole, 2020"), and a
narrative one its name ("Brandt and" / "Table 2 ..." / "Cole (2020)"). The caption
is read after the sentence it interrupted. Each PDF is drawn here."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

ENTRIES: list[str | tuple[float, str]] = [
    "Abbott, J. (2019). A made-up study of small things. Journal, 3, 1-10.",
    "Brandt, K., & Cole, L. (2020). Another made-up study. Journal, 4, 11-20.",
    "Dunmore, M. (2018). A third made-up study. Review, 2, 5-9.",
]


def _pdf(path: Path, first: list[str], second: list[str]) -> Path:
    tail: list[str | tuple[float, str]] = ["", "References", *ENTRIES]
    columns = [Column(["Introduction", *first]), Column([*second, *tail])]
    return write_pdf(path, [Page(columns, header=None)])


def test_a_caption_atop_the_next_column_is_read_after_the_sentence(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "figure.pdf",
        ["Earlier work found the effect in many", "places (Abbott, 2019; Brandt &"],
        [
            "Figure 1. The effect in a made-up sample of",
            "small things, counted twice.",
            "",
            "Cole, 2020). Later, Dunmore (2018)",
            "disagreed with both.",
        ],
    )
    result = audit(AuditInput.from_paths([path]))
    assert [c.item for c in result.data.citations] == [
        "Abbott, 2019",
        "Brandt & Cole, 2020",
        "Dunmore (2018)",
    ]
    texts = [line.text for line in read_manuscript(path).lines]
    sentence_end = texts.index("disagreed with both.")
    assert texts.index("Figure 1. The effect in a made-up sample of") > sentence_end


def test_a_narrative_name_cut_by_a_table_caption_keeps_its_name(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "table.pdf",
        ["Earlier work found the effect in many", "places, as Brandt and"],
        [
            "Table 2. Counts of the made-up sample.",
            "",
            "Cole (2020) and Abbott (2019) show. Later,",
            "Dunmore (2018) disagreed.",
        ],
    )
    result = audit(AuditInput.from_paths([path]))
    assert next(c.item for c in result.data.citations) == "Brandt and Cole (2020)"


def test_a_caption_after_a_finished_sentence_stays_where_it_stands(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "stays.pdf",
        ["Earlier work found the effect (Abbott,", "2019; Brandt & Cole, 2020)."],
        ["Figure 1. The effect in a made-up sample.", "", "Later, Dunmore (2018) disagreed."],
    )
    texts = [line.text for line in read_manuscript(path).lines]
    caption = texts.index("Figure 1. The effect in a made-up sample.")
    assert texts.index("2019; Brandt & Cole, 2020).") < caption
    assert caption < texts.index("Later, Dunmore (2018) disagreed.")


def test_a_caption_waits_past_an_abbreviations_full_stop(tmp_path: Path) -> None:
    """ "Dunmore et al." ends a line with a full stop that ends no sentence: the
    caption put there would cut "Dunmore et al." from its "(2018)"."""
    path = _pdf(
        tmp_path / "abbreviation.pdf",
        ["Earlier work found the effect in many", "places, as Brandt and"],
        [
            "Figure 1. The effect in a made-up sample.",
            "",
            "Cole (2020) and Dunmore et al.",
            "(2018) show. Abbott (2019) agrees.",
        ],
    )
    result = audit(AuditInput.from_paths([path]))
    items = [c.item for c in result.data.citations]
    assert items[:2] == ["Brandt and Cole (2020)", "Dunmore et al. (2018)"]


def test_a_caption_after_a_line_ending_on_a_link_stays(tmp_path: Path) -> None:
    """A line ending on a link or a number (another caption's DOI) may end its
    paragraph: the caption after it is not taken for an interruption."""
    path = _pdf(
        tmp_path / "doi.pdf",
        ["Earlier work is online at", "https://doi.org/10.1234/made.up.5"],
        ["Figure 1. The effect in a made-up sample.", "", "Later, Dunmore (2018) disagreed."],
    )
    texts = [line.text for line in read_manuscript(path).lines]
    caption = texts.index("Figure 1. The effect in a made-up sample.")
    assert caption < texts.index("Later, Dunmore (2018) disagreed.")
