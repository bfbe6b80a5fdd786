"""A manuscript's damaged lines give a bounded number of problems.

Each line whose bytes are not UTF-8 was a problem of its own -- a warning in the
report, a line of every format, a row stored -- so a 500 KB upload of 250,000 lines
of one stray byte gave 250,000 of them (two bytes of input for some 150 of output).
Now the first `MAX_LINE_PROBLEMS` are listed and one more counts the rest, from the
line where listing stopped; a file with a few such lines still gets each one.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.manuscript.reading import MAX_LINE_PROBLEMS


def test_a_flood_of_damaged_lines_gives_a_bounded_number_of_problems(tmp_path: Path) -> None:
    lines = 5 * MAX_LINE_PROBLEMS
    path = tmp_path / "paper.txt"
    path.write_bytes(b"Text (Smith, 2001).\n" + b"stray \x81 byte\n" * lines)
    data = read_inputs(AuditInput((path,)))
    assert len(data.input_problems) == MAX_LINE_PROBLEMS + 1
    *listed, summary = data.input_problems
    assert [p.location.line for p in listed] == list(range(2, MAX_LINE_PROBLEMS + 2))
    assert f"{lines - MAX_LINE_PROBLEMS:,} more lines" in summary.message
    assert summary.location.line == MAX_LINE_PROBLEMS + 2
    assert [c.text for c in data.citations] == ["(Smith, 2001)"]  # the text is still read


def test_a_few_damaged_lines_are_each_listed(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_bytes(b"# Paper\n\nText \x81 one.\n\nMore \x8d two.\n")
    data = read_inputs(AuditInput((path,)))
    assert [p.location.line for p in data.input_problems] == [3, 5]
    assert all("U+FFFD" in p.message for p in data.input_problems)
