"""Pandoc-rendered Markdown whose reference list has no heading (issue 12)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.markdown import MarkdownReader

HEADLESS = """# Results

As Lee (2013) and Kim and Roe (2002) found, and later Lee (2014).

-   A note under the table, collected in 2012.

-   Another note from the 2013 survey.

Lee, Ann. 2013. “A Made-up Title.” *Journal* 3 (1):
4–5.

———. 2014. “Another Made-up Title That Wraps Over
Lines.” *Journal* 4 (2): 6.

Kim, Bo, and Cy
Roe. 2002.
*A Made-up Book*. Press.

[^1]: A note.
"""

PROSE_END = """# Discussion

Lee, however, showed in 2013 that we were wrong about the first point and
that the second one needs more data than we had.

Kim, on the other hand, argued in 2002 that this was expected, which we
discuss here at some length because it matters for what we found.

Roe, finally, thought in 2005 that nothing of this would hold up, which we
take to be the strongest objection to our whole argument in this paper.
"""


def _read(tmp_path: Path, text: str) -> tuple[list[str], list[str]]:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    document = MarkdownReader().read(path)
    return [e.text for e in document.reference_entries], [ln.text for ln in document.lines]


def test_headless_list_after_notes_is_read_one_entry_per_paragraph(tmp_path: Path) -> None:
    entries, body = _read(tmp_path, HEADLESS)
    assert entries == [
        "Lee, Ann. 2013. “A Made-up Title.” Journal 3 (1): 4–5.",
        "———. 2014. “Another Made-up Title That Wraps Over Lines.” Journal 4 (2): 6.",
        "Kim, Bo, and Cy Roe. 2002. A Made-up Book. Press.",
    ]
    assert not any("Made-up" in line for line in body)
    assert any("2013 survey" in line for line in body)  # the notes stay text
    assert "[^1]: A note." in body  # footnotes after the list stay text


def test_closing_prose_paragraphs_are_no_list(tmp_path: Path) -> None:
    entries, _ = _read(tmp_path, PROSE_END)
    assert entries == []


def test_a_headed_list_is_left_to_the_heading(tmp_path: Path) -> None:
    headed = HEADLESS.replace("Lee, Ann. 2013.", "# References\n\nLee, Ann. 2013.")
    path = tmp_path / "paper.md"
    path.write_text(headed, encoding="utf-8")
    document = MarkdownReader().read(path)
    assert len(document.reference_entries) >= 3
    assert document.reference_heading is not None
    assert document.reference_heading.line == 9
