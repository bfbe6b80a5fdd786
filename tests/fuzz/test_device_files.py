"""Device files and FIFOs named as input are refused, never read (bounded_read).

``/dev/zero`` is an endless stream whose ``stat`` says size 0; a FIFO with no writer
blocks the open for ever. Given as ``--bib``, ``--baseline``, ``--config``, a
manuscript, or named by ``\\input`` / a front-matter ``bibliography:``, each once
froze the run or exhausted its memory, or was called "not found". Each must be an
input problem that names the file (and the naming line), read no byte, and return.
Every FIFO here has no writer: a read of it would block, so these tests would hang,
not pass, without the fix.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citeaudit.bounded_read import FileTooLarge, NotARegularFile, read_capped, read_head
from citeaudit.cli import main

BIB = "@book{lee2001, author = {Lee, Ann}, title = {A Book}, year = {2001}}\n"
ZERO = Path("/dev/zero")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
needs_zero = pytest.mark.skipif(not ZERO.exists(), reason="no /dev/zero here")


def _fifo(folder: Path, name: str = "pipe.bib") -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


@needs_fifo
def test_a_fifo_is_refused_unopened_for_reading(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path)
    with pytest.raises(NotARegularFile, match="named pipe"):
        read_capped(fifo, 100)
    with pytest.raises(NotARegularFile, match="named pipe"):
        read_head(fifo, 8)


@needs_zero
def test_dev_zero_is_refused_although_its_size_is_zero() -> None:
    assert ZERO.stat().st_size == 0  # why asking the size first is not enough
    with pytest.raises(NotARegularFile, match="character device"):
        read_capped(ZERO, 100)


def test_a_file_past_the_cap_is_refused_and_a_head_is_its_first_bytes(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLarge, match="101 bytes"):
        read_capped(big, 100)
    assert read_capped(big, 101) == b"x" * 101
    assert read_head(big, 8) == b"x" * 8


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", *args, "--offline", "--fail-on", "never"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@needs_fifo
@pytest.mark.parametrize("option", ["--bib", "--baseline", "--config", "--reference-list"])
def test_a_fifo_given_to_the_cli_is_an_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text("# T\n\nAs shown [@lee2001].\n", encoding="utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    fifo = _fifo(tmp_path)
    extra = [] if option in ("--bib", "--reference-list") else ["--bib", str(bib)]
    code, said = _check([str(paper), *extra, option, str(fifo)], capsys)
    assert code == 2
    assert "pipe.bib" in said
    assert "named pipe (FIFO), not a file" in said


@needs_fifo
def test_a_fifo_as_the_manuscript_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = _fifo(tmp_path, "paper.md")
    code, said = _check([str(fifo)], capsys)
    assert code == 2
    assert "named pipe (FIFO), not a file" in said


@needs_fifo
@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("paper.md", "---\ntitle: T\nbibliography: {fifo}\n---\n\nAs shown [@lee2001].\n", 3),
        (
            "paper.tex",
            "\\begin{{document}}\n\\cite{{lee2001}}\n\\input{{{fifo}}}\n\\end{{document}}\n",
            3,
        ),
        (
            "paper.tex",
            "\\begin{{document}}\n\\cite{{lee2001}}\n\\bibliography{{{stem}}}\n\\end{{document}}\n",
            3,
        ),
    ],
)
def test_a_fifo_a_manuscript_names_is_a_finding_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, line: int
) -> None:
    fifo = _fifo(tmp_path)
    paper = tmp_path / name
    paper.write_text(text.format(fifo=fifo, stem=fifo.with_suffix("")), encoding="utf-8")
    _, said = _check([str(paper), "--format", "json"], capsys)
    report = json.loads(said[: said.rindex("}") + 1])
    found = [f for f in report["findings"] if f["code"] == "INP001"]
    assert found, report["findings"]
    assert found[0]["location"]["line"] == line
    assert "named pipe (FIFO), not a file" in found[0]["message"]


@needs_zero
def test_input_of_dev_zero_is_a_finding_not_a_read_nor_not_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper = tmp_path / "paper.tex"
    paper.write_text(
        "\\begin{document}\n\\cite{lee2001}\n\\input{/dev/zero}\n\\end{document}\n",
        encoding="utf-8",
    )
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    _, said = _check([str(paper), "--bib", str(tmp_path / "refs.bib"), "--format", "json"], capsys)
    report = json.loads(said[: said.rindex("}") + 1])
    found = [f for f in report["findings"] if f["code"] == "INP001"]
    assert [f["location"]["line"] for f in found] == [3]
    assert "character device, not a file" in found[0]["message"]
