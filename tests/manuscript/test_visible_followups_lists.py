"""A manuscript's reference list is parsed as seen: an entry's year in another
script's digits or a name split by an invisible character matches its citation,
while the entry's raw text stays what the file holds (what `fix` looks for)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import split_entries

ZWSP = "\u200b"
ARABIC_2021 = "\u0662\u0660\u0662\u0661"


def _codes(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return sorted(f.code for f in audit(AuditInput.from_paths([path])).findings)


def test_year_in_arabic_indic_digits_matches_its_citation(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "Ferries ran late (Quill, 2021) and docks froze (Ambrose, 2019).\n\n"
        "## References\n\n"
        f"Quill, R. ({ARABIC_2021}). A survey of lake ferries. Harbour Notes, 3, 1-9.\n\n"
        "Ambrose, T. (2019). Moorings in winter. Dock Review, 4, 5-6.\n",
    )
    assert "CIT004" not in codes
    assert "CIT001" not in codes and "CIT002" not in codes


def test_name_with_zero_width_space_matches_its_citation(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "Ferries ran late (Quill, 2021) and docks froze (Ambrose, 2019).\n\n"
        "## References\n\n"
        f"Qu{ZWSP}ill, R. (2021). A survey of lake ferries. Harbour Notes, 3, 1-9.\n\n"
        f"Amb{ZWSP}rose, T. (2019). Moorings in winter. Dock Review, 4, 5-6.\n",
    )
    assert codes.count("CIT001") == 0 and codes.count("CIT002") == 0


def test_entry_text_is_visible_and_raw_is_written() -> None:
    written = f"Qu{ZWSP}ill, R. ({ARABIC_2021}). A survey. Notes, 3, 1-9."
    lines = [
        Line("list.txt", 1, written),
        Line("list.txt", 2, ""),
        Line("list.txt", 3, "Ambrose, T. (2019). Moorings. Dock, 4."),
    ]
    first = split_entries(lines)[0]
    assert first.raw == written
    assert first.text.startswith("Quill, R. (2021)")


def test_seen_lines_give_the_written_raw() -> None:
    written = f"1. Qu{ZWSP}ill, R. (2021). A survey. Notes, 3, 1-9."
    lines = [
        Line("list.txt", 1, written).seen(),
        Line("list.txt", 2, "2. Ambrose, T. (2019). Moorings. Dock, 4."),
    ]
    entries = split_entries(lines)
    assert entries[0].raw == written
    assert "Quill" in entries[0].text
