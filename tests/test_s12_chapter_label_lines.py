"""A chapter's label typed as a plain line ("Chapter 2", "Capítulo 3", "Глава 2", "第二章")
heads the next chapter: the list closing the chapter before ends there.

Why: a thesis saved as text keeps its headings as plain lines. Its first chapter's list
ran on over "Chapter 2" (read as the rest of the last entry) and over the chapter's
opening paragraph, which, holding a citation with its year, opened as an entry does:
a body paragraph read as an entry, "never cited", and its citation lost from the text.
Examples are made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.reading import read_manuscript

LEE = "Lee, A. (2001). Title one. Journal A, 1, 1-2."
ROE = "Roe, B. (2003). Title two. Journal B, 2, 3-4."
KIM = "Kim, C. (2005). Title three. Journal C, 3, 5-6."
PARAGRAPH = "Results of the 2005 survey are discussed here, building on Kim (2005) and others."


def _thesis(tmp_path: Path, chapter: str, lists: str = "REFERENCES") -> Path:
    text = "\n\n".join(
        [
            "CHAPTER 1",
            "Text citing (Lee, 2001) and (Roe, 2003).",
            lists,
            f"{LEE}\n{ROE}",
            chapter,
            PARAGRAPH,
            lists,
            KIM,
        ]
    )
    path = tmp_path / "thesis.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "chapter",
    [
        "Chapter 2",
        "Chapter 2: Results",
        "Chapter II",
        "Capítulo 2 – Resultados",
        "Capitolo 2",
        "Kapitel 2. Ergebnisse",
        "Chapitre 2",
        "Hoofdstuk 2",
        "Rozdział 2",
        "Bölüm 2",
        "Bab 2 Hasil",
        "Глава 2",
        "Розділ 2",
        "第二章 结果",
        "第2章",
    ],
)
def test_a_chapter_label_line_ends_the_list_before(tmp_path: Path, chapter: str) -> None:
    document = read_manuscript(_thesis(tmp_path, chapter))
    assert [e.text for e in document.reference_entries] == [LEE, ROE, KIM]
    assert any(PARAGRAPH in line.text for line in document.lines)


def test_a_wrapped_entry_line_naming_a_chapter_stays_in_its_entry(tmp_path: Path) -> None:
    """A chapter named inside a wrapped entry is no heading: no blank line before it."""
    entry = "Lee, A. (2001). Title one. In B. Roe (Ed.), Handbook of things"
    text = "\n\n".join(
        [
            "Text citing (Lee, 2001) and (Kim, 2005).",
            "REFERENCES",
            f"{entry}\nChapter 3, Example Press\n{KIM}",
        ]
    )
    path = tmp_path / "paper.txt"
    path.write_text(text + "\n", encoding="utf-8")
    texts = [e.text for e in read_manuscript(path).reference_entries]
    assert texts == [f"{entry} Chapter 3, Example Press", KIM]
