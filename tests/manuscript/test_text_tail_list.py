# ruff: noqa: E501 -- test data is clearer on one line
"""A reference list with no heading at the end of a text file (Word saved as text)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs, run_rules
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.markdown_tail_list import tail_list
from citeaudit.manuscript.plaintext import PlainTextReader

BODY = (
    "Harbour towns of the north\n"
    "The harbours grew fast (Abell, 2001), and salt came first (Brandt & Sela, 2015).\n"
    "Trade followed the tides, as Castro (2019) showed for the southern quays.[1]\n"
    "The cranes came last (Duarte, 2020).[2]\n"
)
ENTRIES = (
    "Abell, T. (2001). Harbour towns of the north. Northern Review, 3(2), 11–29. https://doi.org/10.5555/nr.2001.11\n"
    "Brandt, O., & Sela, M. (2015). Salt and silver. Coast Press.\n"
    "Castro, L. (2019). Tides of trade. Journal of Ports, 8, 1–20.\n"
    "Duarte, M. (2020). Quays and cranes. Dock Studies, 2, 5–9.\n"
)
NOTES = "[1] Please note that the southern quays were rebuilt twice.\n[2] Duarte (2020) counts the cranes of one port only.\n"


def _read(tmp_path: Path, text: str) -> tuple[list[str], list[str]]:
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    document = PlainTextReader().read(path)
    return [e.text for e in document.reference_entries], [ln.text for ln in document.lines]


def test_word_text_list_without_heading_then_notes(tmp_path: Path) -> None:
    entries, body = _read(tmp_path, BODY + ENTRIES + NOTES)
    assert [e[:6] for e in entries] == ["Abell,", "Brandt", "Castro", "Duarte"]
    assert any("rebuilt twice" in line for line in body)  # the notes are text again
    assert not any("[1]" in line for line in body)  # their markers are no citations


def test_no_false_findings_on_such_a_manuscript(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_text(BODY + ENTRIES + NOTES, encoding="utf-8")
    findings = [f"{f.rule}: {f.message}" for f in run_rules(read_inputs(AuditInput.from_paths([path])))]
    assert not [f for f in findings if f.startswith(("missing-reference", "uncited-reference"))], findings


def test_numbered_list_without_heading(tmp_path: Path) -> None:
    numbered = "".join(f"{i}. {line}\n" for i, line in enumerate(ENTRIES.splitlines(), start=1))
    body = "Harbour towns\nThe harbours grew fast [1], salt came first [2].\nTrade followed [3], then cranes [4].\n"
    entries, rest = _read(tmp_path, body + numbered)
    assert len(entries) == 4
    assert any("[3]" in line for line in rest)  # numeric citations stay


def test_a_file_of_entries_only_is_left_to_the_list_reader() -> None:
    lines = [Line("m.txt", n, t) for n, t in enumerate(ENTRIES.splitlines(), start=1)]
    assert tail_list(lines) is None


def test_closing_lines_of_prose_are_no_list(tmp_path: Path) -> None:
    prose = (
        "In 2001 we counted the harbours, which took us the whole of that year.\n"
        "In 2015 they counted the salt ships, and it was clear that this had changed.\n"
        "By 2019 the tides were charted, and their records were all that was left of it.\n"
    )
    entries, _ = _read(tmp_path, BODY + prose)
    assert entries == []


def test_short_dated_lines_such_as_table_rows_are_no_list(tmp_path: Path) -> None:
    rows = "Oslo 2019.\nBergen 2020.\nTromsø 2021.\n"
    entries, _ = _read(tmp_path, BODY + rows)
    assert entries == []
