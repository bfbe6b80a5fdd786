"""``fix --diff`` in a GitHub Actions log runs no workflow command of the files.

A diff's context line is the file's line after a space: a fork's bibliography line
``::add-mask::x`` printed as `` ::add-mask::x`` (and an added line as ``+...``, a
removed one as ``-...``; the runner reads commands after leading blanks) was a
workflow command in the job's log. The patch cannot be changed line by line and
still apply, so in GitHub Actions, where stdout is not a regular file, the diff goes
between ``::stop-commands::TOKEN`` and ``::TOKEN::``; ``git apply`` and ``patch`` skip
those two lines. To a regular file (``> fix.patch``) the diff is unchanged.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from citeaudit.cli import main

COMMANDS = ("::add-mask::secret-from-the-fork", "::stop-commands::fork", "::error::forged")


def _fixable(tmp_path: Path) -> Path:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{a,\n  author={Evil, E.},\n  journal={J},\n  year={2019},\n  title={A title\n"
        + "".join(f"{line}\n" for line in COMMANDS)
        + "},\n  doi={https://doi.org/10.1000/XYZ},\n}\n",
        encoding="utf-8",
    )
    return bib


def _diff_to(stream: io.TextIOWrapper, bib: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setattr(sys, "stdout", stream)
    try:
        assert main(["fix", "--diff", str(bib)]) == 1
    finally:
        stream.close()
        monkeypatch.setattr(sys, "stdout", sys.__stdout__)


def test_the_diff_in_a_ci_log_obeys_no_command_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bib = _fixable(tmp_path)
    read, write = os.pipe()
    _diff_to(open(write, "w", encoding="utf-8"), bib, monkeypatch)  # noqa: SIM115
    with open(read, encoding="utf-8") as pipe:
        lines = pipe.read().splitlines()
    assert lines[0].startswith("::stop-commands::")
    token = lines[0].removeprefix("::stop-commands::")
    assert len(token) >= 32 and token not in bib.read_text()
    assert lines[-1] == f"::{token}::"
    inside = lines[1:-1]
    assert inside[0].startswith("--- ")
    # The file's command lines are there as the file has them (context lines), and
    # only between the guard's two lines, where the runner obeys none.
    opens = [line for line in inside if line.lstrip().startswith("::")]
    assert opens == [f" {COMMANDS[1]}", f" {COMMANDS[2]}"]


def test_the_diff_to_a_file_is_the_patch_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bib = _fixable(tmp_path)
    patch = tmp_path / "fix.patch"
    _diff_to(open(patch, "w", encoding="utf-8"), bib, monkeypatch)  # noqa: SIM115
    text = patch.read_text(encoding="utf-8")
    assert text.startswith("--- ")
    assert not any(line.startswith("::") for line in text.splitlines())  # no guard
    assert f" {COMMANDS[2]}\n" in text
