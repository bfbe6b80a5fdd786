"""A reference list laid out as a Markdown table, one entry a row.

Word manuscripts keep a list in a table now and then (a number column and an entry
column); Pandoc writes it as a pipe table. Read as lines of text, the whole table was
one entry -- its header and rule included -- so every citation but one was "missing".
Each row is an entry: a number in the first cell is its label, the header row and the
rule under it are none. Made up.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_ENTRIES = [
    "Smith, J. (2019). A title of the work. Journal of Things, 1, 2-9.",
    "Lee, K. (2020). Other title here. Journal of Things, 2, 3-9.",
    "Roe, M. (2018). Uncited one. Journal of Things, 3, 4-9.",
]


def _audit(tmp_path: Path, table: str, text: str) -> tuple[list[str], list[str]]:
    md = tmp_path / "p.md"
    md.write_text(f"# Intro\n\n{text}\n\n# References\n\n{table}", encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))
    codes = [f.code for f in result.findings if f.code.startswith("CIT")]
    return [r.raw for r in result.data.references], codes


def test_numbered_rows_are_numbered_entries(tmp_path: Path) -> None:
    table = "| No. | Reference |\n|:---:|-----------|\n" + "".join(
        f"| {i} | {e} |\n" for i, e in enumerate(_ENTRIES, start=1)
    )
    raws, codes = _audit(tmp_path, table, "As shown [1] and [2].")
    assert len(raws) == 3
    assert raws[0].startswith("| 1 | Smith")  # as written
    assert codes == ["CIT001"]


def test_rows_of_one_cell_without_a_header(tmp_path: Path) -> None:
    table = "|   |\n|---|\n" + "".join(f"| {e} |\n" for e in _ENTRIES)
    raws, codes = _audit(tmp_path, table, "Text (Smith, 2019) and (Lee, 2020).")
    assert len(raws) == 3
    assert codes == ["CIT001"]


def test_a_table_inside_an_entry_list_is_left_alone(tmp_path: Path) -> None:
    # one row among entries: no table of entries
    lines = "\n\n".join([*_ENTRIES, "| a | b |"])
    raws, _ = _audit(tmp_path, lines + "\n", "Text (Smith, 2019) and (Lee, 2020).")
    assert len(raws) in (3, 4)


def test_a_table_of_data_is_no_list(tmp_path: Path) -> None:
    table = "| Gene | Primer |\n|---|---|\n" + "".join(f"| G{i} | ACGT{i} |\n" for i in range(1, 6))
    lines = "\n\n".join(_ENTRIES) + "\n\n" + table
    raws, _ = _audit(tmp_path, lines, "Text (Smith, 2019) and (Lee, 2020).")
    assert len(raws) <= 4  # the table is not five entries
