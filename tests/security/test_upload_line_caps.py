"""A manuscript is read to a bounded number of lines (paragraphs), whatever its bytes.

Every pass over a manuscript pays per line -- ~150 bytes held and tens of microseconds
each -- and nothing bounded the count: a 20 MB upload of newlines is 20 million lines
(2.7 GB, and an hour of a worker), a LaTeX chapter ``\\input`` many times multiplies
them, and 64 MB of ``<w:p/>`` in a Word file is 11 million paragraphs behind a 1.3 GB
XML tree. Text files and spliced LaTeX are read to `reading.MAX_LINES` lines, a Word
body to as many paragraphs, and a Word part with more than `docx.MAX_TAGS` tags is
refused before its tree is built; each cut is one problem, and what came before it is
still audited.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from citeaudit.cli import main
from citeaudit.manuscript.docx import MAX_TAGS
from citeaudit.manuscript.reading import MAX_LINES
from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REFS = b"@article{inside, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n"


def _check(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, dict[str, object], str]:
    code = main(["check", str(path), "--offline", "--format", "json"])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else {}), err


def _messages(report: dict[str, object]) -> list[str]:
    findings = report.get("findings", [])
    assert isinstance(findings, list)
    return [str(f["message"]) for f in findings]


@pytest.mark.parametrize("suffix", [".md", ".txt", ".tex"])
def test_a_file_of_millions_of_lines_is_read_to_the_cap_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    path = tmp_path / f"paper{suffix}"
    path.write_bytes(b"Okafor showed it (Okafor, 2018).\n" + b"\n" * (4 * MAX_LINES))
    code, report, err = _check(capsys, path)
    assert "Traceback" not in err and code in (0, 1), err
    cut = [m for m in _messages(report) if f"only the first {MAX_LINES:,} lines" in m]
    assert len(cut) == 1


def test_the_service_holds_a_spliced_latex_manuscript_to_the_cap() -> None:
    """Each chapter is under the cap; spliced together they would pass it."""
    chapter = b"Okafor again \\cite{inside}.\n" + b"\n" * (MAX_LINES // 3)
    main_tex = b"Okafor \\cite{inside}.\n\\input{a}\n\\input{b}\n\\input{c}\n\\bibliography{refs}\n"
    files = [
        ("manuscript", "main.tex", main_tex),
        ("manuscript", "a.tex", chapter),
        ("manuscript", "b.tex", chapter.replace(b"again", b"twice")),
        ("manuscript", "c.tex", chapter.replace(b"again", b"thrice")),
        ("bibliography", "refs.bib", REFS),
    ]
    data = read_files([StoredFile(role, name, "text", len(b), b) for role, name, b in files])
    assert max(len(d.lines) for d in data.manuscripts) <= MAX_LINES
    assert [p.message for p in data.input_problems if "'c' not spliced in" in p.message]
    assert [r.key for r in data.references] == ["inside"]
    # main's citation, the two chapters spliced before the cut, and c.tex read alone
    assert len(data.citations) == 4


def _docx(path: Path, body: str) -> Path:
    document = f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:  # no ratio to refuse
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return path


def test_a_word_part_with_millions_of_tags_is_refused_before_its_tree_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _docx(tmp_path / "paper.docx", "<w:p/>" * (MAX_TAGS + 1))
    code, _report, err = _check(capsys, path)
    assert code == 2 and "paper.docx" in err and "XML tags" in err, err
    assert "Traceback" not in err


def test_a_word_body_is_read_to_the_paragraph_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = "<w:p><w:r><w:t>Okafor showed it (Okafor, 2018).</w:t></w:r></w:p>"
    path = _docx(tmp_path / "paper.docx", first + "<w:p/>" * (MAX_LINES + 1000))
    code, report, err = _check(capsys, path)
    assert "Traceback" not in err and code in (0, 1), err
    cut = [m for m in _messages(report) if f"only the first {MAX_LINES:,} paragraphs" in m]
    assert len(cut) == 1
