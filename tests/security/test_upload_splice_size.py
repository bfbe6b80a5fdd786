"""A file too large for the splice budget is refused before it is read, not after.

``\\input`` splicing is capped in characters, but the cap was asked after the named
file had been read and decoded whole: on the CLI, ``\\input{/var/log/huge}`` (or a
chapter that is a multi-gigabyte file) was read into memory only to be refused. A
sparse file stands in for the huge one: it claims terabytes and holds none, so reading
it whole fails at once -- the test can fail -- while the check that asks its size first
refuses it with the splice-budget problem and audits the rest.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.cli import main
from citeaudit.input_scope import InputScope

TERABYTE = 2**40


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    if os.stat(path).st_blocks * 512 >= 2**20:  # pragma: no cover - no sparse files here
        pytest.skip("the temporary folder's file system has no sparse files")
    return path


def test_the_cli_refuses_a_huge_included_file_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _sparse(tmp_path / "huge.tex", TERABYTE)
    main_tex = tmp_path / "main.tex"
    main_tex.write_text(
        "Okafor showed it \\cite{inside}.\n\\input{huge}\n\\bibliography{refs}\n", "utf-8"
    )
    (tmp_path / "refs.bib").write_text(
        "@article{inside, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n",
        "utf-8",
    )
    code = main(["check", str(main_tex), "--offline", "--format", "json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    report = json.loads(out)
    messages = [f["message"] for f in report["findings"]]
    assert any("'huge' not spliced in" in m for m in messages), messages
    assert [r["key"] for r in report["references"]] == ["inside"]
    assert code in (0, 1)


def test_what_fits_is_still_spliced_and_the_budget_counts_what_was_read(tmp_path: Path) -> None:
    (tmp_path / "a.tex").write_text("A" * 1000 + "\n", "utf-8")
    (tmp_path / "b.tex").write_text("B" * 3000 + "\n", "utf-8")
    main_tex = tmp_path / "main.tex"
    main_tex.write_text("\\input{a}\n\\input{b}\n", "utf-8")
    scope = InputScope(max_spliced_chars=2000)
    data = read_inputs(AuditInput((main_tex,)), scope)
    text = "\n".join(line.text for d in data.manuscripts for line in d.lines)
    assert "A" * 1000 in text and "B" not in text
    assert scope.ledger.spliced_chars == 1001
    assert any("'b' not spliced in" in p.message for p in data.input_problems)
