"""User errors at the command line: exit 2 with one sentence naming the file, never a
traceback, never "Nothing was checked" with exit 0, never a flood of findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.cli import main

LONG = "a" * 300  # over the 255 bytes a file name may have


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args, "--offline"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.out, captured.err


def test_a_report_into_a_missing_folder_is_refused_before_the_audit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text("Text (Smith, 2019).\n\n# References\n\nSmith, J. (2019). T. J.\n")
    target = tmp_path / "no" / "such" / "report.json"
    code, out, err = run(capsys, str(paper), "-o", str(target))
    assert code == 2
    assert "does not exist" in err and str(target.parent) in err
    assert out == "" and not target.parent.exists()
    code, _, err = run(capsys, str(paper), "-o", str(tmp_path))
    assert code == 2 and "folder" in err


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "damaged PDF"),
        ("upload", b"%PDF-1.4\nbinary", "damaged PDF"),
        ("paper.md", b"", "empty"),
        ("paper.txt", b"  \n\n\t\n", "empty"),
        ("page.html", b"<p>Text (Smith, 2019).</p>", "HTML input is not supported"),
        ("page.txt", b"\xef\xbb\xbf<!DOCTYPE html>\n<html><body>x</body></html>", "HTML"),
        ("paper.rtf", b"{\\rtf1\\ansi Text}", "RTF input is not supported"),
    ],
)
def test_files_no_reader_audits_exit_2_with_a_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, str(path))
    assert code == 2
    assert says in err and name in err
    assert "Nothing was checked" not in out


@pytest.mark.parametrize(
    ("name", "text", "extra"),
    [
        ("paper.tex", "A \\cite{a}, \\cite{b}, \\cite{c}, \\cite{d}.\n\\bibliography{refs}\n", []),
        (
            "paper.md",
            "---\nbibliography: refs.bib\n---\nA [@a], [@b], [@c] and [@d].\n",
            [],
        ),
        ("paper.md", "A (Smith, 2019), (Lee, 2020), (Kim, 2018) and (Park, 2017).\n", ["--bib"]),
    ],
)
def test_a_missing_bibliography_is_one_error_not_a_flood(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, text: str, extra: list[str]
) -> None:
    paper = tmp_path / name
    paper.write_text(text, encoding="utf-8")
    missing = tmp_path / "refs.bib"
    args = [str(paper), *extra, *([str(missing)] if extra else []), "--format", "json"]
    code, out, err = run(capsys, *args)
    assert code == 2
    findings = json.loads(out)["findings"]
    assert [f["rule"] for f in findings] == ["unreadable-input"]
    named = findings[0]["location"]["file"] + findings[0]["message"]
    assert findings[0]["severity"] == "error" and "refs" in named
    assert err.count("citeaudit: error:") == 1 and "refs" in err


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("paper.tex", f"Text \\cite{{a}}.\n\\input{{{LONG}}}\nMore \\cite{{b}}.\n"),
        ("paper.tex", f"Text \\cite{{a}}.\n\\include{{{LONG}/x}}\n"),
        ("paper.tex", f"Text \\cite{{a}}.\n\\bibliography{{{LONG}}}\n"),
        ("paper.tex", f"Text \\cite{{a}}.\n\\addbibresource{{{LONG}.bib}}\n"),
        ("paper.md", f"---\nbibliography: {LONG}.bib\n---\nText [@a].\n"),
    ],
)
def test_a_name_over_255_bytes_is_a_finding_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, text: str
) -> None:
    paper = tmp_path / name
    paper.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, str(paper), "--format", "json")
    report = json.loads(out)
    problems = [f for f in report["findings"] if f["rule"] == "unreadable-input"]
    assert len(problems) == 1 and problems[0]["location"]["line"] in (2, 3)
    assert "a" * 100 in problems[0]["message"] and "a" * 200 not in problems[0]["message"]
    assert report["summary"]["citations"] >= 1  # the rest was still read
    assert code in (0, 1, 2)


def test_input_paths_over_255_bytes_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, str(tmp_path / f"{LONG}.md"))
    assert code == 2 and "citeaudit: error:" in err
    code, _, err = run(capsys, "--bib", str(tmp_path / f"{LONG}.bib"))
    assert code == 2 and "citeaudit: error:" in err
    code, _, err = run(capsys, "--reference-list", str(tmp_path / f"{LONG}.txt"))
    assert code == 2 and "citeaudit: error:" in err


def test_no_file_at_all_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys)
    assert code == 2 and "nothing to check" in err
