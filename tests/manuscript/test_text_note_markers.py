# ruff: noqa: E501 -- test data is clearer on one line
"""Word's notes saved as text: "[1]" markers and a "[1] ..." notes block, with an
author-date list, are notes, not numeric citations (review of Word manuscripts as text)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs, run_rules
from citeaudit.manuscript.document import Line, RawEntry
from citeaudit.manuscript.note_markers import hide_note_markers
from citeaudit.model.location import Location

LIST = (
    "References\n"
    "Abell, T. (2001). Harbour towns of the north. Northern Review, 3(2), 11–29.\n"
    "Brandt, O., & Sela, M. (2015). Salt and silver. Coast Press.\n"
    "Castro, L. (2019). Tides of trade. Journal of Ports, 8, 1–20.\n"
    "Duarte, M. (2020). Quays and cranes. Dock Studies, 2, 5–9.\n"
)
NOTES = (
    "[1] Abell (2001), p. 14.\n"
    "[2] See Brandt and Sela (2015) on the salt trade.\n"
    "[3] Castro (2019), pp. 3–5.\n"
    "[4] The figures are the author's own.\n"
    "[5] Duarte (2020) disagrees.\n"
    "[6] Castro (2019), p. 9.\n"
)
BODY = (
    "The harbours grew fast.[1] Salt came first,[2] then silver.[3]\n"
    "Counts rose by half[4] and cranes followed.[5] The tide turned late.[6]\n"
)


def _findings(path: Path) -> list[str]:
    data = read_inputs(AuditInput.from_paths([path]))
    return [f"{f.rule}: {f.message}" for f in run_rules(data)]


def test_note_markers_are_no_citations_and_the_notes_cite(tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_text(BODY + LIST + "\n" + NOTES, encoding="utf-8")
    findings = _findings(path)
    assert not [f for f in findings if "cites entry" in f or "never cited" in f], findings


def test_notes_before_the_list_under_a_notes_heading(tmp_path: Path) -> None:
    dotted = "\n".join(line.replace("[", "", 1).replace("]", ".", 1) for line in NOTES.splitlines())
    path = tmp_path / "m.txt"
    path.write_text(BODY + "Notes\n" + dotted + "\n" + LIST, encoding="utf-8")
    findings = _findings(path)
    assert not [f for f in findings if "cites entry" in f or "never cited" in f], findings


def _lines(text: str) -> list[Line]:
    return [Line("m.txt", n, t) for n, t in enumerate(text.split("\n"), start=1)]


def _entries(*texts: str) -> list[RawEntry]:
    return [RawEntry(t, Location("m.txt", 50 + i), t) for i, t in enumerate(texts)]


SORTED = _entries("Abell, T. (2001). A.", "Brandt, O. (2015). B.", "Castro, L. (2019). C.", "Duarte, M. (2020). D.")


def test_markers_are_blanked_in_place() -> None:
    body = hide_note_markers(_lines("Salt came first,[1] then silver.[2]\n[1] Abell (2001).\n[2] Note."), SORTED)
    assert body[0].text == "Salt came first,    then silver.   "
    assert body[1].text == "    Abell (2001)."


def test_a_numbered_list_keeps_its_citations() -> None:
    numbered = _entries("[1] Abell T. A. 2001.", "[2] Brandt O. B. 2015.", "[3] Castro L. C. 2019.")
    lines = _lines("Salt came first [1] then silver [2].\n[1] A note.\n[2] Another.")
    assert hide_note_markers(lines, numbered) == tuple(lines)


def test_a_list_out_of_author_order_keeps_them() -> None:
    unsorted = _entries("Duarte, M. (2020). D.", "Abell, T. (2001). A.", "Castro, L. (2019). C.", "Brandt, O. (2015). B.")
    lines = _lines("Salt came first [1] then silver [2].\n[1] A note.\n[2] Another.")
    assert hide_note_markers(lines, unsorted) == tuple(lines)


def test_a_number_beyond_the_notes_keeps_them() -> None:
    lines = _lines("Salt came first [1] then silver [2] and gold [9].\n[1] A note.\n[2] Another.")
    assert hide_note_markers(lines, SORTED) == tuple(lines)


def test_without_a_notes_block_nothing_changes() -> None:
    lines = _lines("Salt came first [1] then silver [2].")
    assert hide_note_markers(lines, SORTED) == tuple(lines)


def test_link_definitions_are_no_notes() -> None:
    lines = _lines("See [the port][1] and [the dock][2].\n[1]: https://example.org/a\n[2]: https://example.org/b")
    assert hide_note_markers(lines, SORTED) == tuple(lines)
