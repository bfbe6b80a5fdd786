"""An author's suppressions never hide a finding from the editor's report.

An editor who runs ``citeaudit check`` on an author's manuscript gets the author's
``<!-- citeaudit: ignore[...] -- why -->`` comments, their ``citeaudit.toml`` and
their baseline honoured (the CLI is a project's linter: those are the project's
settings). Before, every report said only "(1 suppressed)": which finding, and who
held it back, was nowhere -- a planted comment above an uncited entry made the audit
read "No problems found". Now every report lists each suppressed finding with its
reason (the comment's file and line, the configuration file, the baseline): the text
report under its findings, the JSON report as ``suppressed``, SARIF as results with
``suppressions`` (SARIF's own way: code scanning shows them as suppressed, not
gone), the HTML report in a section of its own. The service honours none of them
(tests/security/test_hostile_uploads.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.cli import main

PAPER = """# Paper

Smith (2019) showed things.

## References

<!-- citeaudit: ignore[uncited-reference] -- cited in the appendix -->
Jones, A. (2018). Unused work on matters. Journal of Stuff, 1, 1-2.

Smith, B. (2019). Used work on matters. Journal of Stuff, 2, 3-4.
"""


def _run(capsys: pytest.CaptureFixture[str], path: Path, fmt: str) -> str:
    main(["check", "--offline", "--format", fmt, str(path)])
    return capsys.readouterr().out


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    path = tmp_path / "paper.md"
    path.write_text(PAPER, "utf-8")
    return path


def test_text_report_lists_each_suppressed_finding_with_its_comment(
    capsys: pytest.CaptureFixture[str], paper: Path
) -> None:
    out = _run(capsys, paper, "text")
    listed = [line for line in out.splitlines() if "Jones" in line]
    assert len(listed) == 1, out
    assert "uncited-reference" in listed[0]
    assert f"comment at {paper}:7" in listed[0] and "cited in the appendix" in listed[0]
    assert "1 suppressed" in out


def test_json_report_lists_the_suppressed_findings(
    capsys: pytest.CaptureFixture[str], paper: Path
) -> None:
    report = json.loads(_run(capsys, paper, "json"))
    assert report["summary"]["suppressed"] == 1
    (held,) = report["suppressed"]
    assert held["rule"] == "uncited-reference" and "Jones" in held["message"]
    assert held["reason"].startswith(f"suppressed by the comment at {paper}:7")


def test_sarif_keeps_suppressed_results_marked_in_source(
    capsys: pytest.CaptureFixture[str], paper: Path
) -> None:
    sarif = json.loads(_run(capsys, paper, "sarif"))
    results = sarif["runs"][0]["results"]
    held = [r for r in results if r.get("suppressions")]
    assert len(held) == 1 and "Jones" in held[0]["message"]["text"]
    (how,) = held[0]["suppressions"]
    assert how["kind"] == "inSource" and "cited in the appendix" in how["justification"]


def test_html_report_lists_the_suppressed_findings(
    capsys: pytest.CaptureFixture[str], paper: Path
) -> None:
    page = _run(capsys, paper, "html")
    assert "Jones" in page and "cited in the appendix" in page
    assert 'id="suppressed"' in page


def test_a_configuration_file_beside_the_manuscript_is_named_per_finding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "citeaudit.toml").write_text('ignore = ["uncited-reference"]\n', "utf-8")
    path = tmp_path / "paper.md"
    path.write_text(PAPER.replace("<!-- citeaudit", "<!-- note"), "utf-8")
    report = json.loads(_run(capsys, path, "json"))
    assert not [f for f in report["findings"] if f["rule"] == "uncited-reference"]
    (held,) = report["suppressed"]
    assert "Jones" in held["message"] and "citeaudit.toml" in held["reason"]
    sarif = json.loads(_run(capsys, path, "sarif"))
    kinds = [s["kind"] for r in sarif["runs"][0]["results"] for s in r.get("suppressions", ())]
    assert kinds == ["external"]


def test_reports_without_suppressions_keep_their_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "paper.md"
    path.write_text(PAPER.replace("<!-- citeaudit", "<!-- note"), "utf-8")
    report = json.loads(_run(capsys, path, "json"))
    assert "suppressed" not in report and "suppressed" not in report["summary"]
    assert any(f["rule"] == "uncited-reference" for f in report["findings"])
