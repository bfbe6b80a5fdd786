"""Configuration found upwards from the manuscript, suppressions with a reason (inline
and baseline), and the count of what was suppressed (issue 17, configuration)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from citeaudit.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "references" / "examples"
Run = tuple[int, dict, str]  # type: ignore[type-arg]


@pytest.fixture
def apa(tmp_path: Path) -> Path:
    folder = tmp_path / "project" / "paper"
    shutil.copytree(EXAMPLES / "apa-markdown", folder)
    return folder / "manuscript.md"


def check(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    code = main(["check", "--offline", "--format", "json", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out.strip() else {}, captured.err


def codes(report: dict) -> list[str]:  # type: ignore[type-arg]
    return sorted(f["code"] for f in report["findings"])


BASE = ["BIB001", "BIB003", "CIT001", "CIT002", "CIT004"]


def test_without_configuration_the_known_problems(
    capsys: pytest.CaptureFixture[str], apa: Path
) -> None:
    code, report, _ = check(capsys, str(apa))
    assert code == 1 and codes(report) == BASE
    assert "suppressed" not in report["summary"]  # the JSON contract is unchanged


def test_citeaudit_toml_two_folders_up_selects_and_sets_severities(
    capsys: pytest.CaptureFixture[str], apa: Path
) -> None:
    (apa.parents[1] / "citeaudit.toml").write_text(
        'ignore = ["uncited-reference", "BIB"]\n'
        "[severity]\n"
        'CIT002 = "warning"\n'
        'citation-year-mismatch = "warning"\n',
        "utf-8",
    )
    code, report, _ = check(capsys, str(apa))
    assert codes(report) == ["CIT002", "CIT004"]
    assert {f["severity"] for f in report["findings"]} == {"warning"}
    assert code == 0  # nothing at error any more
    assert report["summary"]["suppressed"] == 3  # counted, not dropped
    code, _, _ = check(capsys, "--fail-on", "warning", str(apa))
    assert code == 1


def test_pyproject_table_and_fail_on(capsys: pytest.CaptureFixture[str], apa: Path) -> None:
    (apa.parents[1] / "pyproject.toml").write_text(
        '[project]\nname = "thesis"\n\n[tool.citeaudit]\nfail-on = "never"\n', "utf-8"
    )
    code, report, _ = check(capsys, str(apa))
    assert code == 0 and codes(report) == BASE
    # a pyproject.toml without the table is passed over for one higher up
    (apa.parent / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    assert check(capsys, str(apa))[0] == 0


def test_a_misspelt_key_or_rule_is_an_error(capsys: pytest.CaptureFixture[str], apa: Path) -> None:
    config = apa.parent / "citeaudit.toml"
    config.write_text('ignored = ["CIT001"]\n', "utf-8")
    assert main(["check", "--offline", str(apa)]) == 2
    assert "unknown key(s) ignored" in capsys.readouterr().err
    config.write_text('ignore = ["uncited-refrence"]\n', "utf-8")
    assert main(["check", "--offline", str(apa)]) == 2
    assert "names no rule: 'uncited-refrence'" in capsys.readouterr().err


def test_per_file_ignores(capsys: pytest.CaptureFixture[str], apa: Path) -> None:
    (apa.parents[1] / "citeaudit.toml").write_text(
        '[per-file-ignores]\n"paper/*.md" = ["CIT001", "BIB001"]\n"other/*" = ["CIT002"]\n',
        "utf-8",
    )
    _, report, _ = check(capsys, str(apa))
    assert codes(report) == ["BIB003", "CIT002", "CIT004"]
    assert report["summary"]["suppressed"] == 2


def test_inline_suppression_in_markdown_needs_a_reason(
    capsys: pytest.CaptureFixture[str], apa: Path
) -> None:
    lines = apa.read_text("utf-8").split("\n")
    assert lines[59].startswith("- Prasetyo")  # line 60: never cited
    lines.insert(59, "<!-- citeaudit: ignore[uncited-reference] -->")
    apa.write_text("\n".join(lines), "utf-8")
    _, report, err = check(capsys, str(apa))
    assert "CIT001" in codes(report)
    assert "manuscript.md:60: suppression without a reason" in err
    lines[59] = "<!-- citeaudit: ignore[uncited-reference] -- cited in the appendix PDF -->"
    apa.write_text("\n".join(lines), "utf-8")
    _, report, err = check(capsys, str(apa))
    assert "CIT001" not in codes(report) and err == ""
    assert report["summary"]["suppressed"] == 1
    code = main(["check", "--offline", str(apa)])
    assert "(1 suppressed)" in capsys.readouterr().out and code == 1


def test_inline_suppression_in_bibtex(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "% citeaudit: ignore[BIB003] -- the publisher prints it so\n"
        "@article{a, title = {A}, year = {2020}, doi = {10.5555/x\\_1}}\n"
        "@article{b, title = {B}, year = {2020}, doi = {10.5555/y\\_2}}\n",
        "utf-8",
    )
    _, report, _ = check(capsys, str(bib))
    assert [f["location"]["line"] for f in report["findings"]] == [3]
    assert report["summary"]["suppressed"] == 1


def test_baseline_fails_only_on_new_problems(capsys: pytest.CaptureFixture[str], apa: Path) -> None:
    baseline = apa.parent / "citeaudit-baseline.json"
    code = main(["check", "--offline", "--write-baseline", "--baseline", str(baseline), str(apa)])
    assert code == 0
    assert "5 finding(s) recorded" in capsys.readouterr().err
    code, report, _ = check(capsys, "--baseline", str(baseline), str(apa))
    assert code == 0 and codes(report) == []
    assert report["summary"]["suppressed"] == 5
    # Text added above moves every finding's line; only the new citation is reported.
    text = apa.read_text("utf-8").replace(
        "## PENDAHULUAN", "## PENDAHULUAN\n\nKajian lain (Gunawan, 2015) juga penting.\n", 1
    )
    assert "Gunawan" in text
    apa.write_text(text, "utf-8")
    code, report, _ = check(capsys, "--baseline", str(baseline), str(apa))
    assert code == 1
    assert [(f["code"], "Gunawan" in f["message"]) for f in report["findings"]] == [
        ("CIT002", True)
    ]


def test_baseline_named_in_the_configuration(capsys: pytest.CaptureFixture[str], apa: Path) -> None:
    (apa.parent / "citeaudit.toml").write_text('baseline = "accepted.json"\n', "utf-8")
    assert main(["check", "--offline", "--write-baseline", str(apa)]) == 0
    capsys.readouterr()
    assert (apa.parent / "accepted.json").is_file()
    code, report, _ = check(capsys, str(apa))
    assert code == 0 and report["summary"]["suppressed"] == 5
    assert main(["check", "--offline", str(apa)]) == 0
    out = capsys.readouterr().out
    # The citation count moves with the readers (22 since this session's status-year and
    # narrative changes, 21 before); what this test pins is the suppression.
    summary = r"No problems found in 20 references and \d+ citations \(5 suppressed\)\."
    assert re.search(summary, out)


def test_network_settings_and_paths_from_the_configuration(
    capsys: pytest.CaptureFixture[str], apa: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (apa.parent / "citeaudit.toml").write_text(
        'paths = ["manuscript.md"]\noffline = true\n', "utf-8"
    )
    monkeypatch.chdir(apa.parent)
    code = main(["check", "--format", "json"])  # no FILE, no --offline
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and codes(report) == BASE
    assert {p["reason"] for p in report["phases"]} == {"--offline"}


def test_suppression_comments_are_read_in_linear_time(tmp_path: Path) -> None:
    from citeaudit.suppress.inline import scan

    source = tmp_path / "paper.md"
    source.write_text(
        "<!-- citeaudit: ignore[CIT001] --" + " " * 300_000 + "x\n"
        "<!-- citeaudit: ignore[CIT001] -->\n"
        "% citeaudit: ignore[a, b] -- why it is so -->\n",
        "utf-8",
    )
    found = [(c.line, c.rules, c.reason) for c in scan(str(source))]
    assert found == [(1, ("CIT001",), "x"), (2, ("CIT001",), ""), (3, ("a", "b"), "why it is so")]


def test_fix_leaves_a_suppressed_finding_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bib = tmp_path / "refs.bib"
    text = (
        "% citeaudit: ignore[malformed-doi] -- the publisher's own form, kept on purpose\n"
        "@article{a, title = {A}, year = {2020}, doi = {10.5555/x\\_1}}\n"
        "@article{b, title = {B}, year = {2020}, doi = {10.5555/y\\_2}}\n"
    )
    bib.write_text(text, "utf-8")
    assert main(["fix", "--offline", str(bib)]) == 0
    assert "Fixed 1 problem(s)" in capsys.readouterr().out
    assert bib.read_text("utf-8") == text.replace("y\\_2", "y_2")


def test_the_default_baseline_is_used_where_it_was_written(
    capsys: pytest.CaptureFixture[str], apa: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(apa.parent)
    assert main(["check", "--offline", "--write-baseline", "manuscript.md"]) == 0
    assert (apa.parent / "citeaudit-baseline.json").is_file()
    capsys.readouterr()
    code, report, _ = check(capsys, "manuscript.md")
    assert code == 0 and report["summary"]["suppressed"] == 5


def test_a_line_break_in_a_network_setting_is_an_error_naming_the_file(
    capsys: pytest.CaptureFixture[str], apa: Path
) -> None:
    # a line break in "mailto" went into every request's User-Agent header: each link of
    # the run was then reported an invalid URL
    config = apa.parent / "citeaudit.toml"
    config.write_text('[network]\nmailto = "ed@example.org\\r\\nX-Extra: 1"\n', "utf-8")
    assert main(["check", "--offline", str(apa)]) == 2
    err = capsys.readouterr().err
    assert str(config) in err and "line break" in err


@pytest.mark.parametrize("address", ["ed@example.org\nX: 1", "two words@example.org", "no-at"])
def test_the_environment_s_mailto_must_be_one_address(address: str) -> None:
    from pydantic import ValidationError

    from citeaudit.settings import Settings

    with pytest.raises(ValidationError, match="one e-mail address"):
        Settings(mailto=address)
    assert Settings(mailto="ed@example.org").mailto == "ed@example.org"
