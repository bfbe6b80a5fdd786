"""Red team out30: no report printed in an Azure Pipelines job runs a logging command.

The Azure Pipelines agent reads a logging command wherever ``##vso[`` stands in a line
of the job's log: it looks for the prefix with IndexOf, not at the line's start (and
reads stderr as well as stdout). The reports kept ``##vso[`` from opening a line
(``./`` before a file's name, ``&#35;`` in the page) -- GitHub's rule -- but a finding
quotes the files' text in the middle of its line: an entry's DOI
``x ##vso[task.setvariable variable=PWN]1`` printed by ``citeaudit check`` in a job
building a fork's pull request set the pipeline variable PWN (``task.prependpath``,
``task.uploadfile`` and ``task.complete`` likewise). Every format, through the real CLI.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from citeaudit.cli import main

COMMAND = "x ##vso[task.setvariable variable=PWN]1"
BIB = (
    "@article{k1,\n  author = {Doe, Jane},\n  title = {A title},\n  journal = {J},\n"
    "  year = {2020},\n  doi = {" + COMMAND + "},\n}\n"
    "@article{k2,\n  author = {Roe, Ann},\n  title = {B},\n  journal = {J},\n"
    "  year = {2021},\n  doi = {y ##VSO[task.complete result=Succeeded]z},\n}\n"
)


def _report(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> str:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "paper.md").write_text("# T\n\nAs [@k1] and [@k2].\n", encoding="utf-8")
    capsys.readouterr()
    main(["check", str(tmp_path / "paper.md"), "--bib", str(tmp_path / "refs.bib"),
          "--offline", "--format", fmt])  # fmt: skip
    out, err = capsys.readouterr()
    return out + err


def _commands(log: str) -> list[str]:
    return [line for line in log.splitlines() if "##vso[" in line.lower()]


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_json_reports_run_no_command_and_keep_the_value(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _report(tmp_path, fmt, capsys)
    assert _commands(log) == []
    strings = _strings(json.loads(log))
    if fmt == "json":  # the same value
        assert any(COMMAND in s for s in strings)
    else:  # a viewer's message: shown as the text report shows it (out30-2), or as written
        assert any("task.setvariable variable=PWN" in s for s in strings)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for item in value for s in _strings(item)] if isinstance(value, list) else []


def test_the_html_report_runs_no_command_and_reads_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _report(tmp_path, "html", capsys)
    assert _commands(log) == []
    assert COMMAND in html.unescape(log)


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_text_reports_run_no_command(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _report(tmp_path, fmt, capsys)
    assert "BIB003" in log
    assert _commands(log) == []
    assert "x ##vso\\x5btask.setvariable variable=PWN]1" in log  # shown, not obeyed
