"""Red team, round 19: ``fix --diff`` shows the change it would make, as a patch that
applies, whatever line boundaries a fork's bibliography line holds.

The diff was cut into lines by `str.splitlines`, which also ends a line at U+0085
(NEL), U+2028, U+2029, VT, FF and U+001C..U+001E -- none of which ends a line for a
patch tool, an editor or the file's own reader. A bibliography line holding one
beside the DOI the fix rewrites became a hunk of "lines" without line ends: the
removed line was printed glued to the end of a context line, so the diff read as an
addition alone (what the fix removes was hidden), and ``git apply`` refused the patch
as corrupt. Now a line ends at LF, CRLF or CR only (`line_ends.file_lines`).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from citeaudit.cli import main

BOUNDARIES = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]


def _diff(tmp_path: Path, bib_text: str, monkeypatch: pytest.MonkeyPatch) -> str:
    bib = tmp_path / "refs.bib"
    bib.write_text(bib_text, encoding="utf-8", newline="")
    (tmp_path / "paper.md").write_text("Okafor [@a].\n", encoding="utf-8")
    out = io.StringIO()  # not a terminal: the patch as the files hold it
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.chdir(tmp_path)
    assert main(["fix", "--diff", "--offline", "paper.md", "--bib", "refs.bib"]) == 1
    return out.getvalue()


def _entry(boundary: str, end: str = "\n") -> str:
    return (
        "@article{a, author={Okafor, N.}, title={Before" + boundary + "after}, journal={J},"
        " year={2018}, doi={https://doi.org/10.1000/ABC}}" + end
    )


def _hunk_lines(diff: str) -> list[str]:
    lines = diff.split("\n")
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    assert lines[2].startswith("@@ ")
    return [line for line in lines[3:] if line]


@pytest.mark.parametrize("boundary", BOUNDARIES, ids=[f"U+{ord(b):04X}" for b in BOUNDARIES])
def test_the_removed_line_is_shown_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boundary: str
) -> None:
    diff = _diff(tmp_path, _entry(boundary), monkeypatch)
    lines = _hunk_lines(diff)
    assert diff.split("\n")[2] == "@@ -1 +1 @@"
    assert lines == [
        "-" + _entry(boundary, end=""),
        "+" + _entry(boundary, end="").replace("https://doi.org/", ""),
    ]


def test_the_counts_of_the_hunk_are_its_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "% top\n" + _entry("\u2028\x85") + "% after\n"
    diff = _diff(tmp_path, text, monkeypatch)
    header = diff.split("\n")[2]
    lines = _hunk_lines(diff)
    old = sum(1 for line in lines if line[0] in " -")
    new = sum(1 for line in lines if line[0] in " +")
    assert header == f"@@ -1,{old} +1,{new} @@" and (old, new) == (3, 3)


def test_a_file_of_plain_line_ends_is_diffed_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "% top\r\n" + _entry("", end="\r\n") + "% after\r\n"
    diff = _diff(tmp_path, text, monkeypatch)
    assert diff.split("\n")[2] == "@@ -1,3 +1,3 @@"
    assert "\n-" + _entry("") in diff
