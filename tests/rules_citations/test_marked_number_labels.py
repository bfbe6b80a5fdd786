"""Numbered entries with a reader's mark of interest after the number ('18• Doe A.',
'6.•• Roe B.', as review journals flag papers of special and outstanding interest) are
matched to citations by their own numbers: by position, a list with a gap shifted every
later citation onto the wrong entry."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _codes(tmp_path: Path, labels: tuple[str, ...]) -> list[tuple[str, str]]:
    names = ("Abel", "Brand", "Cole", "Dorn", "Ebert")
    entries = "\n\n".join(
        f"{label} {name} A, Roe B. A study of things number {i}. J Examples. 2019;{i}:1-9."
        for i, (label, name) in enumerate(zip(labels, names, strict=False), start=1)
    )
    path = tmp_path / "review.md"
    path.write_text(
        "# Text\n\nFirst [1], then [2] and [4], and at last [5].\n\n# References\n\n"
        + entries
        + "\n",
        encoding="utf-8",
    )
    return [(f.code, f.message) for f in audit(AuditInput(manuscripts=(path,))).findings]


def test_a_gap_in_a_marked_list_is_read_by_the_numbers(tmp_path: Path) -> None:
    found = _codes(tmp_path, ("1.", "2.•", "4.••", "5•"))
    assert [code for code, _ in found] == [], found


def test_the_plain_list_with_the_same_gap_agrees(tmp_path: Path) -> None:
    found = _codes(tmp_path, ("1.", "2.", "4.", "5."))
    assert [code for code, _ in found] == [], found
