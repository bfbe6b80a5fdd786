# ruff: noqa: E501 -- test data is clearer on one line
from __future__ import annotations

import re
from pathlib import Path

from citeaudit.manuscript.markdown import MarkdownReader
from citeaudit.manuscript.plaintext import PlainTextReader
from citeaudit.manuscript.reading import read_manuscript


def test_apa_example_body_and_entries(examples: Path) -> None:
    path = examples / "apa-markdown" / "manuscript.md"
    document = MarkdownReader().read(path)
    source = path.read_text(encoding="utf-8").splitlines()
    heading_line = source.index("## DAFTAR PUSTAKA") + 1
    appendix_line = source.index("## LAMPIRAN") + 1
    assert document.format == "markdown"
    assert document.reference_heading is not None
    assert document.reference_heading.line == heading_line
    expected_starts = [
        n
        for n, text in enumerate(source, start=1)
        if heading_line < n < appendix_line and text.startswith("- ")
    ]
    assert [e.location.line for e in document.reference_entries] == expected_starts
    assert len(document.reference_entries) == 20
    numbers = {line.number for line in document.lines}
    assert not numbers & set(range(heading_line, appendix_line))
    assert appendix_line in numbers  # the appendix after the list is body again
    assert all(line.text == source[line.number - 1] for line in document.lines)
    suryani = next(e for e in document.reference_entries if e.text.startswith("Suryani"))
    assert suryani.text.endswith("Pendekatan Partisipatif dan Etnografis. Alfabeta.")
    rahmawati = next(e for e in document.reference_entries if e.text.startswith("Rahmawati"))
    assert rahmawati.text.count("https://doi.org/10.5555/978-981-15-4712-3_12") == 1
    assert "\\" not in rahmawati.text and "\\" in rahmawati.raw
    assert any("(*FAO*, 2022" in line.text for line in document.lines)  # markup kept in body


def test_numeric_example(examples: Path) -> None:
    document = read_manuscript(examples / "numeric-markdown" / "manuscript.md")
    numbers = [int(re.match(r"(\d+)\.", e.text).group(1)) for e in document.reference_entries]  # type: ignore[union-attr]
    assert numbers == list(range(1, 14))
    assert not any(line.text.startswith("1. World Health") for line in document.lines)


def test_front_matter_code_and_comments_are_blanked(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "paper.md",
        "---\ntitle: X\nbibliography: [refs.bib, more.bib]\n---\n"
        "Text (Smith, 2019).\n```\ncode [3] (Lee, 2020)\n```\n"
        "Visible <!-- (Hidden, 2001) --> text.\n<!--\n(Gone, 1999)\n-->\nEnd.\n",
    )
    write("refs.bib", "")
    document, problems = MarkdownReader().read_with_problems(path)
    text = document.text
    assert "Smith" in text and "Visible" in text and "End." in text
    for hidden in ("Lee, 2020", "Hidden", "Gone", "title: X"):
        assert hidden not in text
    assert len(document.lines) == 13  # blanked, not dropped
    assert document.bibliography_files == (str(path.parent / "refs.bib"),)
    assert [(p.line, p.unreadable, "'more.bib' not found" in p.message) for p in problems] == [
        (3, True, True)
    ]


def test_plain_text_all_caps_heading(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "paper.txt",
        "Body cites Smith (2019).\n\nREFERENCES\nSmith, J. (2019). Title. Journal.\nLee, K. (2020). Book. Press.\n",
    )
    document = PlainTextReader().read(path)
    assert document.format == "text"
    assert [e.location.line for e in document.reference_entries] == [4, 5]
    assert [line.number for line in document.lines] == [1, 2]


def test_no_reference_section(write) -> None:  # type: ignore[no-untyped-def]
    document = read_manuscript(write("a.md", "# Title\n\nJust text (Smith, 2019).\n"))
    assert document.reference_entries == () and document.reference_heading is None
    assert len(document.lines) == 3
