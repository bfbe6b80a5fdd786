"""Numeric citations whose brackets a converter escaped (class ESC, converted
Markdown): ``\\[3\\]–\\[6\\]`` and, linked to their entries, ``[\\[3\\]](#bib3)–[\\[6\\]](#bib6)``
were read as their two ends only, so the works between them were "never cited". The
numeric reader reads a Markdown text's backslash escapes as the punctuation they
print. Made-up text and works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations.numeric import NumericExtractor
from citeaudit.manuscript.markdown import MarkdownReader
from tests.verdicts import markdown_verdict

_LIST = "".join(
    f"{n}\\. Author{chr(64 + n)} B (2010) Title {n}. J Ex {n}: 1–9.\n\n" for n in range(1, 9)
)


@pytest.mark.parametrize(
    "cited",
    [
        "\\[1\\]–\\[4\\], and later \\[5\\],\\[6\\] with \\[7\\]–\\[8\\]",
        "[\\[1\\]](#bib1)–[\\[4\\]](#bib4), and later [\\[5\\]](#bib5),[\\[6\\]](#bib6) "
        "with [\\[7\\]](#bib7)–[\\[8\\]](#bib8)",
        "\\[[1](#ref-1)\\]–\\[[4](#ref-4)\\], and later \\[[5](#ref-5)\\],"
        "\\[[6](#ref-6)\\] with \\[1–2, 7,\n8\\]",
    ],
)
def test_an_escaped_range_cites_the_works_between_its_ends(tmp_path: Path, cited: str) -> None:
    text = f"# Intro\n\nShrimp farming grew fast {cited}.\n\n## References\n\n{_LIST}"
    uncited, missing = markdown_verdict(tmp_path, text, 8)
    assert uncited == set() and missing == set()


def test_markers_stand_where_the_text_has_them(tmp_path: Path) -> None:
    text = "Intro \\*a\\* \\[2\\]–\\[3\\] and \\\\[4\\] end.\n\n## References\n\n" + _LIST
    path = tmp_path / "m.md"
    path.write_text(text, encoding="utf-8")
    document = MarkdownReader().read(path)
    found = [
        (document.text[m.start : m.end], m.numbers) for m in NumericExtractor().markers(document)
    ]
    assert found == [("\\[2\\]–\\[3\\]", (2, 3)), ("[4\\]", (4,))]


@pytest.mark.parametrize(("opening", "closing"), [("^", "^"), ("<sup>", "</sup>")])
def test_a_superscript_linked_number_by_number_cites_every_number(
    tmp_path: Path, opening: str, closing: str
) -> None:
    """(class SUPLINK) ``^[3](#B3),[4](#B4)^`` prints ³,⁴: the numeric reader reads both
    works, and a range's, not the last link alone."""
    cited = (
        f"risk.{opening}[1](#B1),[2](#B2){closing} Later,{opening}[3](#B3)–[6](#B6),[7](#B7)"
        f"{closing} and{opening}[8](#B8){closing}"
    )
    path = tmp_path / "m.md"
    path.write_text(f"# Intro\n\nObesity raises the {cited}.\n\n## References\n\n{_LIST}")
    document = MarkdownReader().read(path)
    found = [m.numbers for m in NumericExtractor().markers(document)]
    assert found == [(1, 2), (3, 4, 5, 6, 7), (8,)]


def test_a_linked_bracket_with_marks_of_interest_cites(tmp_path: Path) -> None:
    """(class BULLINK) A review journal marks a work's interest after its number,
    "[18•]"; linked by a converter, "[[2•](#CR2)]", "[[3••,4](#CR3)]", it was no citation
    (the works "never cited")."""
    entries = "".join(
        f"{n}{'•' * (n % 3)} Author{chr(64 + n)} B. Title {n}. J Ex. 2010;{n}:1–9.\n\n"
        for n in range(1, 6)
    )
    text = (
        "# Intro\n\nLeptin acts on neurons [[1](#CR1)], via PTEN [[2•](#CR2)] and KATP"
        f" [[3••,4](#CR3)]; dopamine [5••](#CR5).\n\n## References\n\n{entries}"
    )
    path = tmp_path / "m.md"
    path.write_text(text, encoding="utf-8")
    document = MarkdownReader().read(path)
    found = [m.numbers for m in NumericExtractor().markers(document)]
    assert found == [(1,), (2,), (3, 4), (5,)]
