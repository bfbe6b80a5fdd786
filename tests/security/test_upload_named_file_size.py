"""A bibliography a manuscript names is sized before it is read.

On the author's own machine the CLI follows every name -- and in a CI job it checks a
pull request's manuscript, whose ``\\bibliography{...}`` or ``bibliography:`` may name
any file the runner holds. A bibliography is read whole; a named file of gigabytes was
read into memory before anything looked at it. A sparse file stands in for the huge
one: it claims a terabyte and holds nothing, so reading it whole fails at once (the
test can fail), while asking its size first refuses it with a sentence and audits the
rest.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citeaudit.cli import main

TERABYTE = 2**40


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("main.tex", "Okafor showed it \\cite{inside}.\n\\bibliography{huge}\n"),
        ("paper.md", "---\nbibliography: huge.bib\n---\n\nOkafor showed it [@inside].\n"),
    ],
)
def test_a_huge_named_bibliography_is_refused_unread_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    with (tmp_path / "huge.bib").open("wb") as handle:
        handle.truncate(TERABYTE)
    if os.stat(tmp_path / "huge.bib").st_blocks * 512 >= 2**20:  # pragma: no cover
        pytest.skip("the temporary folder's file system has no sparse files")
    paper = tmp_path / name
    paper.write_text(text, "utf-8")
    code = main(["check", str(paper), "--offline", "--format", "json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "MemoryError" not in err
    assert code == 2  # a whole input could not be read
    shown = out + err
    assert "huge.bib" in shown and "larger than any bibliography" in shown, shown[-2000:]
    if out.strip():
        assert json.loads(out)["summary"]["citations"] == 1  # the manuscript was audited
