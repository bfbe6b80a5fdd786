"""Bare numbers read by the list's order: a verb's subject is read, a label is not.

Where flattened superscripts stand in the sentence, "Cluster Analysis (CA) 5 was used,
... SPSS version 12 was used" shared the word "used" after the two numbers, and the
count-series guard (`numeric_order.in_count_series`, for "5 indicadores de saúde, 20
indicadores sociais") took the citation "5" for one count of a series: entry 5 was
called never cited. A series counts one noun; the words after a verb ("was used",
"foi usado") are no noun, and "5 was" is no count of anything. A real series of counts
("5 kilns were fired and 12 kilns were cooled") still reads as one.

The other way round, "the lower quadrant of diagram 1, adding" was read as citation 1
(hiding the entry's real citation, lost elsewhere): a diagram's, a map's, a graph's,
a chart's, a box's, a plate's, an additional file's number (Portuguese and Spanish
"quadro", "cuadro", "gráfico", "mapa") is a label, as "Table 1" is. Made-up examples.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.manuscript.citations.numeric_order import in_count_series
from citeaudit.model.citation import CitationKind


def _entries(count: int) -> str:
    return "\n\n".join(
        f"{k}. Writer{chr(64 + k)}{k} Q. A made-up work {k}. J Nowhere. 2021;{k}:1-5."
        for k in range(1, count + 1)
    )


def _numbers(body: str) -> list[int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paper.md"
        path.write_text(f"# A paper\n\n{body}\n\n## References\n\n{_entries(9)}\n", "utf-8")
        data = read_inputs(AuditInput.from_paths([path]))
    return [c.number or 0 for c in data.citations if c.kind is CitationKind.NUMERIC]


_OPENING = "Tiles hold walls.^1^ Waste adds value.^2^ Glass is common.^3^ Kilns vary.^4^"
_CLOSING = " Drying is slow.^6^ Firing is hot.^7^"


@pytest.mark.parametrize(
    "sentence",
    [
        "Statistical package PK version 12 was used. Cluster Analysis (CA) 5 was used, "
        "as the groups were small.",
        "O pacote PK versão 12 foi usado. A Análise de Clusters (AC) 5 foi usada, pois "
        "os grupos eram pequenos.",
    ],
)
def test_a_number_before_a_singular_verb_is_read(sentence: str) -> None:
    assert _numbers(f"{_OPENING} {sentence}{_CLOSING}") == [1, 2, 3, 4, 5, 6, 7]


def test_counts_before_a_verb_still_make_no_citation() -> None:
    """Counts of one noun stay a series; the verb's words are not what is shared."""
    text = "The kilns: 5 kilns were fired and 12 kilns were cooled."
    five = text.index("5 kilns")
    assert in_count_series(text, five, five + 1)
    text = "Glazes 5 was used and later 12 was used."
    five = text.index("5 was")
    assert not in_count_series(text, five, five + 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "The kilns lie in the lower quadrant of diagram 5, beside the walls.",
        "The kilns are shown in map 5, beside the walls.",
        "The kilns are shown in graph 5 and in chart 5. Walls too.",
        "The kilns are listed in Box 5, and in Additional file 5, beside the walls.",
        "The kilns are drawn on plate 5. Walls too.",
        "Os fornos estão no quadro 5 e no gráfico 5, ao lado.",
        "Los hornos están en el cuadro 5 y en el mapa 5, al lado.",
    ],
)
def test_a_label_number_is_no_citation(sentence: str) -> None:
    """A diagram's, a map's, a box's, a file's number: labels, never read by the order."""
    assert _numbers(f"{_OPENING} {sentence}{_CLOSING}") == [1, 2, 3, 4, 6, 7]


def test_a_number_after_a_code_name_read_by_the_order() -> None:
    """ "olmutinib/HM61713 5 were introduced": a flattened superscript after a drug's code
    name ending in digits, the next number the list's order expects. A number before
    it was taken only as a year ("em 1999 5,6"); a code name of letters and digits is
    cited like a word. A count after one ("CD4 200 cells", "HM61713 12 were") is no
    next number and stays out."""
    body = (
        "rociletinib/CO1686,^4^ and olmutinib/HM61713 5 were introduced. Doses of "
        "CD4 200 cells and HM61713 12 were seen."
    )
    assert _numbers(f"{_OPENING} {body}{_CLOSING}") == [1, 2, 3, 4, 4, 5, 6, 7]


@pytest.mark.parametrize(
    "sentence",
    [
        "Only 14% survived two years in this group 5. Drying is slow.",
        "The students were hardly a representative group 5. By then kilns were hot.",
    ],
)
def test_a_number_after_a_determined_group_word_cites(sentence: str) -> None:
    """ "in this group 10.", "a representative group 43.": a group named by a
    determiner is no labelled group ("in group 2."), so the number ending the sentence
    is a flattened superscript where those are the style."""
    assert _numbers(f"{_OPENING} {sentence}{_CLOSING}") == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(
    "sentence",
    ["They were placed in group 5. Drying is slow.", "Of the group 5. Drying is slow."],
)
def test_a_labelled_group_is_no_citation(sentence: str) -> None:
    assert _numbers(f"{_OPENING} {sentence}{_CLOSING}") == [1, 2, 3, 4, 6, 7]


def test_a_plural_before_a_bracket_is_no_label(tmp_path: Path) -> None:
    """ "revealed by Scaffold Maps (5) and Citrus (6)": a tool named in the plural, cited."""
    entries = "\n\n".join(
        f"{k}. Writer{chr(64 + k)}{k} Q. A made-up work {k}. J Nowhere. 2021;{k}:1-5."
        for k in range(1, 8)
    )
    body = (
        "Tiles hold walls (1). Waste adds value (2). Glass is common (3). Kilns vary (4). "
        "It was revealed by Scaffold Maps (5) and Citrus (6). Firing is hot (7)."
    )
    path = tmp_path / "paper.md"
    path.write_text(f"# A paper\n\n{body}\n\n## References\n\n{entries}\n", "utf-8")
    data = read_inputs(AuditInput.from_paths([path]))
    numbers = [c.number for c in data.citations if c.kind is CitationKind.NUMERIC]
    assert numbers == [1, 2, 3, 4, 5, 6, 7]
