"""A run that checked nothing never exits 0 silently.

`refs.csl-json` was once read as a manuscript: no references, no citations, "no
problems" and exit 0 -- a CI job passed having checked nothing. The suffix is now known
to every caller (`bibliography.loading.is_bibliography_name`), but a file read as a
manuscript can still hold nothing to check (a BibTeX file named `.txt`, a CSL-JSON file
with a suffix no reader knows, a text without a citation). Whatever the format of the
report, such a run exits 2 with a sentence on stderr naming the files and the suffixes
a bibliography is known by.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.bibliography.loading import bibliography_suffixes
from citeaudit.cli import main

_CSL = json.dumps(
    [
        {
            "id": "lee2019",
            "type": "article-journal",
            "title": "On matters",
            "author": [{"family": "Lee", "given": "Al"}],
            "issued": {"date-parts": [[2019]]},
        }
    ]
)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("refs.txt", "@article{lee2019, author={Lee, Al}, title={On}, year={2019}}\n"),
        ("refs.nbib", _CSL),  # CSL-JSON under a suffix no reader knows
        ("essay.md", "# An essay\n\nNothing here cites anything.\n"),
    ],
)
@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_a_run_that_checked_nothing_exits_2_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: str, fmt: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    report = tmp_path / "report.out"
    code = main(["check", str(path), "--offline", "--format", fmt, "-o", str(report)])
    err = capsys.readouterr().err
    assert code == 2
    assert "nothing was checked" in err and name in err
    assert ".csl-json" in err and ".bib" in err  # how to name a bibliography file
    assert report.exists()  # the report is still written, as for an unreadable input


def test_fail_on_never_does_not_hide_a_run_that_checked_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "essay.md"
    path.write_text("# An essay\n\nNothing here cites anything.\n", encoding="utf-8")
    assert main(["check", str(path), "--offline", "--fail-on", "never"]) == 2
    assert "nothing was checked" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["refs.csl-json", "REFS.CSL-JSON", "refs.csljson"])
def test_a_csl_json_file_alone_is_audited_as_a_bibliography(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_text(_CSL, encoding="utf-8")
    code = main(["check", str(path), "--offline", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["summary"]["references"] == 1
    assert "nothing was checked" not in err


def test_every_reader_suffix_is_a_bibliography_on_the_command_line(tmp_path: Path) -> None:
    """The CLI sorts its arguments by the readers' own suffixes, the one table."""
    from citeaudit.audit import AuditInput

    paths = [tmp_path / f"refs{suffix}" for suffix in bibliography_suffixes()]
    sorted_in = AuditInput.from_paths(paths)
    assert sorted_in.bibliographies == tuple(paths) and sorted_in.manuscripts == ()


def test_a_run_with_nothing_but_findings_is_judged_by_its_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An empty `.bib` is an unparseable-reference error: said, not silent."""
    path = tmp_path / "refs.bib"
    path.write_text("% nothing yet\n", encoding="utf-8")
    assert main(["check", str(path), "--offline", "--format", "json"]) == 1
    assert "nothing was checked" not in capsys.readouterr().err
