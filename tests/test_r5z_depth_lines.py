"""Nesting too deep to read is a problem at the line where it is, not at line 1.

A CSL YAML file nested past Python's recursion limit (``x: [[[[...`` or a block list
indented thousands deep) was one problem, "not valid YAML: nested too deeply", always
at line 1: in a long file the user could not find it. The line is the reader's own
place when the recursion stopped. (Whole file refused, as for any invalid YAML.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.bibliography.loading import read_bibliography

_HEAD = "references:\n- id: a\n  title: A title\n- id: b\n"


@pytest.mark.parametrize(
    "tail",
    [
        "  x: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "  x: " + "{a: " * 100_000 + "1" + "}" * 100_000 + "\n",
        "  x:\n" + "".join(" " * (2 * i + 4) + "- \n" for i in range(3000)),
    ],
    ids=["flow-lists", "flow-maps", "block-lists"],
)
def test_yaml_nested_too_deeply_names_its_line(tmp_path: Path, tail: str) -> None:
    path = tmp_path / "refs.yaml"
    path.write_text(_HEAD + tail, encoding="utf-8")
    bibliography = read_bibliography(path)
    (problem,) = [p for p in bibliography.problems if "nested too deeply" in p.message]
    assert problem.location.file == str(path)
    assert problem.location.line is not None
    assert problem.location.line >= 5  # the deep value starts on line 5
