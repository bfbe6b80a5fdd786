"""Numbered lists of a thousand works and more (made-up manuscripts, as large reviews
are written): list labels and numeric citations of four digits are read where they
carry on the list's numbers, and a year of four digits stays a year.

Before: with "N." labels the list stopped at 999 entries (the rest joined to the
999th) and "[1000]".."[1100]" were never read -- entries and citations lost with no
finding; with "[N]" labels the 101 entries past 999 were "never cited"."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript import reference_section
from citeaudit.manuscript.document import Line
from tests.security.counted_work import calls_in


def _entry(number: int) -> str:
    surname = "Author" + chr(ord("A") + number % 26) + chr(ord("a") + number // 26 % 26)
    return (
        f"{surname}, B. ({1950 + number % 70}). Study number {number} of things. "
        f"Journal of Tests {number % 40 + 1}, 1-10."
    )


def _manuscript(cited: list[int], entries: int, label: str, extra: str = "") -> str:
    body = ["# A review", ""]
    for i in range(0, len(cited), 10):
        marks = ", ".join(f"[{n}]" for n in cited[i : i + 10])
        body += [f"Findings were reported before {marks}.", ""]
    if extra:
        body += [extra, ""]
    refs = ["# References", ""]
    for n in range(1, entries + 1):
        refs += [(f"{n}. " if label == "dot" else f"[{n}] ") + _entry(n), ""]
    return "\n".join(body + refs)


def _audited(tmp_path: Path, text: str, ext: str) -> tuple[int, set[int], list[str]]:
    """(the entries read, the numbers cited, the findings' codes of the citation checks)."""
    paper = tmp_path / f"review.{ext}"
    paper.write_text(text, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    numbers = {c.number for c in result.data.citations if c.number is not None}
    codes = [f.code for f in result.findings if f.code.startswith("CIT")]
    return len(result.data.references), numbers, codes


@pytest.mark.parametrize("ext", ["md", "txt"])
@pytest.mark.parametrize("label", ["dot", "bracket"])
def test_a_list_of_1100_entries_is_read_whole_and_cited_whole(
    tmp_path: Path, ext: str, label: str
) -> None:
    cited = list(range(1, 1101))
    entries, numbers, codes = _audited(tmp_path, _manuscript(cited, 1100, label), ext)
    assert entries == 1100
    assert numbers == set(cited)
    assert codes == []


@pytest.mark.parametrize("mark", ["^{}^", " ({})"])
def test_superscripts_and_round_brackets_past_999_are_read(tmp_path: Path, mark: str) -> None:
    body = ["# A review", ""]
    for n in range(1, 1101):
        body += [f"A finding was reported before{mark.format(n)}.", ""]
    refs = ["# References", ""]
    for n in range(1, 1101):
        refs += [f"{n}. " + _entry(n), ""]
    entries, numbers, codes = _audited(tmp_path, "\n".join(body + refs), "md")
    assert entries == 1100
    assert numbers == set(range(1, 1101))
    assert codes == []


def test_an_entry_past_999_never_cited_is_found(tmp_path: Path) -> None:
    cited = [n for n in range(1, 1101) if n != 1050]
    entries, numbers, codes = _audited(tmp_path, _manuscript(cited, 1100, "dot"), "md")
    assert entries == 1100
    assert 1050 not in numbers and 1100 in numbers
    assert codes == ["CIT001"]


def test_a_year_in_brackets_is_no_citation_in_a_short_list(tmp_path: Path) -> None:
    text = _manuscript(list(range(1, 301)), 300, "bracket", "It changed in [2019] and [1998-2003].")
    entries, numbers, codes = _audited(tmp_path, text, "md")
    assert entries == 300
    assert numbers == set(range(1, 301))
    assert codes == []


def test_a_number_past_the_list_of_1100_is_still_missing(tmp_path: Path) -> None:
    cited = list(range(1, 1101))
    text = _manuscript(cited, 1100, "dot", "A late addition [1101].")
    _, numbers, codes = _audited(tmp_path, text, "md")
    assert 1101 in numbers
    assert codes == ["CIT002"]


def test_a_wrapped_line_opening_with_a_year_stays_in_its_entry(tmp_path: Path) -> None:
    # entry 999 and entry 1001 wrap onto a line that opens with a year: no label
    text = _manuscript(list(range(1, 1003)), 1002, "dot")
    for n in (999, 1001):
        head = f"{n}. " + _entry(n)
        text = text.replace(head, head + "\n2019. Reprinted, Example Press.")
    entries, numbers, codes = _audited(tmp_path, text, "txt")
    assert entries == 1002
    assert numbers == set(range(1, 1003))
    assert codes == []


def test_a_word_numbered_list_of_1100_entries_is_read_whole(tmp_path: Path) -> None:
    # Word draws "1000." from numbering.xml before the paragraph: the same marker
    document = docx.Document()
    document.add_heading("A review", 1)
    for i in range(1, 1101, 10):
        marks = ", ".join(f"[{n}]" for n in range(i, i + 10))
        document.add_paragraph(f"Findings were reported before {marks}.")
    document.add_heading("References", 1)
    for n in range(1, 1101):
        document.add_paragraph(_entry(n), style="List Number")
    paper = tmp_path / "review.docx"
    document.save(str(paper))
    result = audit(AuditInput(manuscripts=(paper,)))
    assert len(result.data.references) == 1100
    assert {c.number for c in result.data.citations} == set(range(1, 1101))
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == []


def _lines(count: int) -> list[Line]:
    return [
        Line(file="review.md", number=n, text=f"{n}. " + _entry(n)) for n in range(990, 990 + count)
    ]


def test_four_digit_labels_are_weighed_in_one_walk() -> None:
    small = calls_in(lambda: reference_section._long_labels(_lines(1000)))
    large = calls_in(lambda: reference_section._long_labels(_lines(2000)))
    assert len(reference_section._long_labels(_lines(20))) == 10
    assert large <= 2.2 * small
