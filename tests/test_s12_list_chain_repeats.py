"""A chapter's list followed directly by the closing bibliography: one work, one entry.

Why: a thesis prints a list after each chapter and a closing bibliography that repeats
them. When the last chapter's list runs straight into the closing one (no chapter
heading between), the two headings are one chain -- read as one list, as "References"
then "Further reading" are -- and an entry printed in both was read twice: a
"duplicate" the author never wrote (REAL_MANUSCRIPTS_10's TL note). Entries a later
part of the chain repeats word for word are read once; one part's own repeated entry
stays (that duplicate the author did write). Examples are made up.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx

from citeaudit.manuscript.reading import read_manuscript

LEE = "Lee, A. (2001). Title one. Journal A, 1, 1-2."
ROE = "Roe, B. (2003). Title two. Journal B, 2, 3-4."
KIM = "Kim, C. (2005). Title three. Journal C, 3, 5-6."
PAZ = "Paz, D. (2009). Title four. Journal D, 4, 7-8."


def _blocks(closing: str = "Bibliography", level: str = "#") -> list[tuple[str, str]]:
    return [
        ("#", "Chapter 1"),
        ("", "Text citing (Lee, 2001) and (Roe, 2003)."),
        ("##", "References"),
        ("", LEE),
        ("", ROE),
        ("#", "Chapter 2"),
        ("", "Text citing (Kim, 2005) and (Lee, 2001)."),
        ("##", "References"),
        ("", KIM),
        ("", LEE),
        (level, closing),
        ("", KIM),
        ("", LEE),
        ("", PAZ),
        ("", ROE),
    ]


def _markdown(blocks: list[tuple[str, str]]) -> str:
    return "\n\n".join(f"{mark} {text}" if mark else text for mark, text in blocks) + "\n"


def _texts(path: Path) -> list[str]:
    return [e.text for e in read_manuscript(path).reference_entries]


def test_markdown_chapter_list_then_closing_bibliography(tmp_path: Path) -> None:
    path = tmp_path / "thesis.md"
    path.write_text(_markdown(_blocks()), encoding="utf-8")
    texts = _texts(path)
    assert sorted(texts) == sorted([LEE, ROE, KIM, PAZ])


def test_the_closing_list_in_another_language(tmp_path: Path) -> None:
    path = tmp_path / "tese.md"
    path.write_text(_markdown(_blocks("Referências bibliográficas", "##")), encoding="utf-8")
    assert sorted(_texts(path)) == sorted([LEE, ROE, KIM, PAZ])


def test_text_file_with_plain_line_headings(tmp_path: Path) -> None:
    lines: list[str] = []
    for mark, text in _blocks("BIBLIOGRAPHY"):
        lines.append(text.upper() if mark else text)  # headings typed in capitals
        lines.append("")
    path = tmp_path / "thesis.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert sorted(_texts(path)) == sorted([LEE, ROE, KIM, PAZ])


def test_word_file_with_heading_styles(tmp_path: Path) -> None:
    document = docx.Document()
    for mark, text in _blocks():
        if mark:
            document.add_heading(text, level=len(mark))
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "thesis.docx"
    path.write_bytes(buffer.getvalue())
    assert sorted(_texts(path)) == sorted([LEE, ROE, KIM, PAZ])


def test_one_lists_own_repeat_stays(tmp_path: Path) -> None:
    """The author's own duplicate inside one list is kept: it is a finding."""
    blocks = [
        ("#", "Chapter 1"),
        ("", "Text citing (Kim, 2005)."),
        ("##", "References"),
        ("", KIM),
        ("", KIM),
        ("#", "Bibliography"),
        ("", LEE),
    ]
    path = tmp_path / "thesis.md"
    path.write_text(_markdown(blocks), encoding="utf-8")
    assert _texts(path) == [KIM, KIM, LEE]


def test_references_then_further_reading_stay_whole(tmp_path: Path) -> None:
    """No repeat: both parts of the chain read as before, further reading marked."""
    blocks = [
        ("#", "Body"),
        ("", "Text citing (Kim, 2005)."),
        ("#", "References"),
        ("", KIM),
        ("", LEE),
        ("#", "Further reading"),
        ("", PAZ),
    ]
    path = tmp_path / "paper.md"
    path.write_text(_markdown(blocks), encoding="utf-8")
    entries = read_manuscript(path).reference_entries
    assert [e.text for e in entries] == [KIM, LEE, PAZ]
    assert [e.further_reading for e in entries] == [False, False, True]
