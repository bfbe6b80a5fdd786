"""An entry of a list spaced between its entries, cut by a page or column break.

In a list whose entries are told apart by the space between them, a break says
nothing, and the line after it was taken for a new entry whenever it read like one's
opening: "Washington, DC: Made-up Press, 2004." (a place, a comma, initials) split
an entry in two, the first half without its year and the second an entry of its own,
reported as uncited. Where the list's entries end as sentences do (a full stop, a
bracket, a link) and the line before the break does not, the entry goes on. Each PDF
is drawn here (test_pdf_builder)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

NAMES = ["ABBOTT, J.", "BRANDT, K.", "COLE, L.", "DUNMORE, M.", "ELLIS, N.", "FROST, O."]


def _entry(i: int, name: str, end: str) -> list[str | tuple[float, str]]:
    return [
        f"{name} A made-up study {i}. Stuff,",
        f"Washington, DC: Made-up Press, {2000 + i}{end}",
        "",
    ]


def _entries(path: Path, end: str, columns: bool) -> list[str]:
    lines = [x for i, n in enumerate(NAMES) for x in _entry(i, n, end)]
    head: list[str | tuple[float, str]] = ["Introduction", "Text citing ABBOTT (2000).", ""]
    first = [*head, "REFERENCES", *lines[:10]]  # the break falls inside the fourth entry
    if columns:
        pages = [Page([Column(first), Column(lines[10:])])]
    else:
        pages = [Page([Column(first)]), Page([Column(lines[10:])])]
    write_pdf(path, pages)
    return [e.text for e in read_manuscript(path).reference_entries]


def test_an_entry_cut_by_a_page_break_stays_whole(tmp_path: Path) -> None:
    entries = _entries(tmp_path / "page.pdf", ".", columns=False)
    assert len(entries) == 6, entries
    assert entries[3].startswith("DUNMORE") and entries[3].endswith("2003.")


def test_an_entry_cut_by_a_column_break_stays_whole(tmp_path: Path) -> None:
    entries = _entries(tmp_path / "column.pdf", ".", columns=True)
    assert len(entries) == 6, entries


def test_a_list_whose_entries_end_without_a_stop_still_splits_at_breaks(
    tmp_path: Path,
) -> None:
    """Springer's style ends an entry on its pages, no full stop: the line before a
    break says nothing there, and an entry's opening after it starts an entry."""
    path = tmp_path / "nostop.pdf"
    lines: list[str | tuple[float, str]] = []
    for i, name in enumerate(["Abbott J", "Brandt K", "Cole L", "Dunmore M", "Ellis N"]):
        lines += [f"{name} ({2000 + i}) A made-up study number {i}. J Stuff", f"{i}:1-10", ""]
    first: list[str | tuple[float, str]] = ["Introduction", "Text (Abbott 2000).", "", "References"]
    write_pdf(path, [Page([Column([*first, *lines[:6]])]), Page([Column(lines[6:])])])
    assert len(read_manuscript(path).reference_entries) == 5
