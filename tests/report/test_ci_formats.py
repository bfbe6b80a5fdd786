"""`--format github` against the workflow-command grammar, `--format gitlab` against
the code-quality report's shape (issue 17, point 3)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from citeaudit.audit_data import AuditData, AuditResult
from citeaudit.cli import main
from citeaudit.model import Finding, Fix, Location, Severity
from citeaudit.report.github import GithubReporter
from citeaudit.report.gitlab import GitlabReporter

EXAMPLES = Path(__file__).resolve().parents[2] / "references" / "examples"

# GitHub's documented grammar: ::command prop=value,prop=value::message, with %, CR
# and LF escaped in the message, and also ':' and ',' in property values.
_DATA = r"(?:[^%\r\n]|%25|%0D|%0A)*"
_PROPERTY = r"(?:[^%,:\r\n]|%25|%0D|%0A|%3A|%2C)*"
_NAMES = r"(?:file|line|endLine|col|endColumn|title)"
COMMAND = re.compile(
    rf"::(?P<level>error|warning|notice)"
    rf"(?: (?P<props>{_NAMES}={_PROPERTY}(?:,{_NAMES}={_PROPERTY})*))?"
    rf"::(?P<message>{_DATA})"
)

GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def _unescape(text: str, prop: bool = False) -> str:
    if prop:
        text = text.replace("%3A", ":").replace("%2C", ",")
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _commands(text: str) -> list[re.Match[str]]:
    return [m for line in text.splitlines() if (m := COMMAND.fullmatch(line))]


def _hostile() -> AuditResult:
    data = AuditData(manuscripts=(), bibliographies=(), citations=(), matches=())
    findings = (
        Finding(
            "malformed-doi",
            "BIB003",
            Severity.ERROR,
            "100% wrong:\r\nDOI 10.1/x,y",
            Location("dir/a,b:c%.bib", 12, 3),
            fix=Fix("Replace the DOI with 10.1/x"),
        ),
        Finding("uncited-reference", "CIT001", Severity.WARNING, "never cited", Location("p.md")),
        Finding(
            "missing-doi",
            "REG005",
            Severity.INFO,
            "no DOI",
            Location("paper.docx", 21, unit="paragraph", excerpt="A sentence."),
        ),
    )
    return AuditResult(data=data, findings=findings)


def test_github_annotations_follow_the_grammar_and_round_trip() -> None:
    out = GithubReporter().render(_hostile())
    commands = _commands(out)
    assert len(commands) == 3
    by_level = {m["level"]: m for m in commands}
    error = by_level["error"]
    props = dict(p.split("=", 1) for p in error["props"].split(","))
    assert _unescape(props["file"], prop=True) == "dir/a,b:c%.bib"
    assert props["line"] == "12" and props["col"] == "3"
    assert _unescape(props["title"], prop=True) == "BIB003 malformed-doi"
    assert _unescape(error["message"]) == (
        "100% wrong:\r\nDOI 10.1/x,y\nfix: Replace the DOI with 10.1/x"
    )
    assert "line=" not in by_level["warning"]["props"]  # no line known: file only
    # A Word paragraph is no line of the file: named in the message instead.
    assert "line=" not in by_level["notice"]["props"]
    assert "paragraph 21" in _unescape(by_level["notice"]["message"])


def test_github_format_on_an_example_annotates_the_right_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    manuscript = EXAMPLES / "apa-markdown" / "manuscript.md"
    code = main(["check", "--offline", "--format", "github", str(manuscript)])
    out = capsys.readouterr().out
    assert code == 1  # exit codes as with every other format
    places = {
        (m["level"], dict(p.split("=", 1) for p in m["props"].split(","))["line"])
        for m in _commands(out)
    }
    assert ("error", "29") in places  # (Handayani, 2020): no entry
    assert ("warning", "60") in places  # Prasetyo (2018): never cited
    lines = [line for line in out.splitlines() if line.startswith("::")]
    assert lines and all(COMMAND.fullmatch(line) for line in lines)


def test_gitlab_report_has_the_code_quality_shape() -> None:
    issues = json.loads(GitlabReporter().render(_hostile()))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert [i["severity"] for i in issues] == ["major", "minor", "info"]
    assert issues[0]["location"] == {"path": "dir/a,b:c%.bib", "lines": {"begin": 12}}
    assert len({i["fingerprint"] for i in issues}) == 3


def test_gitlab_fingerprints_survive_a_line_shift_and_tell_twins_apart() -> None:
    base = _hostile()
    moved = AuditResult(
        base.data,
        tuple(
            Finding(f.rule, f.code, f.severity, f.message, Location(f.location.file, 99))
            for f in base.findings
        ),
    )
    prints = [i["fingerprint"] for i in json.loads(GitlabReporter().render(base))]
    assert prints == [i["fingerprint"] for i in json.loads(GitlabReporter().render(moved))]
    twins = AuditResult(base.data, (base.findings[1], base.findings[1]))
    twin_prints = [i["fingerprint"] for i in json.loads(GitlabReporter().render(twins))]
    assert len(set(twin_prints)) == 2


def test_gitlab_format_on_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    manuscript = EXAMPLES / "numeric-markdown" / "manuscript.md"
    code = main(["check", "--offline", "--format", "gitlab", str(manuscript)])
    issues = json.loads(capsys.readouterr().out)
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert code == 1
    assert {(i["check_name"], i["location"]["lines"]["begin"]) for i in issues} >= {
        ("CIT002", 37),
        ("CIT001", 58),
    }


def test_the_command_line_offers_every_registered_format() -> None:
    from citeaudit.cli.check import FORMATS
    from citeaudit.report.formats import REPORTERS

    assert set(FORMATS) == set(REPORTERS)


def test_absolute_paths_in_the_working_folder_are_named_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = str(tmp_path / "paper" / "refs.bib")
    data = AuditData(manuscripts=(), bibliographies=(), citations=(), matches=())
    finding = Finding("r", "BIB003", Severity.ERROR, "m", Location(inside, 3))
    result = AuditResult(data=data, findings=(finding,))
    assert "::error file=paper/refs.bib,line=3," in GithubReporter().render(result)
    [issue] = json.loads(GitlabReporter().render(result))
    assert issue["location"]["path"] == "paper/refs.bib"
    outside = Finding("r", "BIB003", Severity.ERROR, "m", Location("/elsewhere/x.bib", 3))
    assert "file=/elsewhere/x.bib" in GithubReporter().render(AuditResult(data, (outside,)))
