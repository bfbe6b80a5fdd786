"""Red team: the suppression-comment scan read every file a finding names -- including
the files the audit refused.

Under ``citeaudit check --confine .`` a fork's ``citeaudit.toml`` may list ``paths =
["/home/runner/notes.tex"]``: the audit refuses it (a finding naming the file), and the
scan for ``% citeaudit: ignore[...]`` comments then opened that very file, reporting
its comment lines ("notes.tex:1: suppression without a reason") -- and ``/dev/zero``
named so was read to the end of memory (MemoryError), a FIFO for ever. Only the files
the audit itself read are scanned now, and only regular files.

Made-up files only.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from citeaudit.cli import main
from citeaudit.suppress.inline import scan

MARK = "QZ8SUPPRESSLEAK"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "notes.tex").write_text(
        f"% citeaudit: ignore[CIT001]\n{MARK}\n", encoding="utf-8"
    )
    checkout = tmp_path / "repo"
    checkout.mkdir()
    (checkout / "paper.md").write_text("Okafor showed it [@a].\n", encoding="utf-8")
    (checkout / "refs.bib").write_text(
        "@article{a, title={A}, author={Okafor, N.}, year={2018}, journal={J}}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(checkout)
    return checkout


def test_a_refused_file_is_not_scanned_for_suppressions(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = repo.parent / "home" / "notes.tex"
    (repo / "citeaudit.toml").write_text(
        f'paths = ["{notes}", "paper.md"]\nbib = ["refs.bib"]\n', encoding="utf-8"
    )
    main(["check", "--offline", "--confine", ".", "--fail-on", "never"])
    said = capsys.readouterr()
    shown = said.out + said.err
    assert "outside the audit's own files" in shown  # refused, as before
    assert "suppression without a reason" not in shown, shown


def test_files_the_audit_read_are_still_scanned(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "paper.md").write_text(
        "Okafor showed it [@a; @gone].\n<!-- citeaudit: ignore[CIT001] -->\n", "utf-8"
    )
    main(["check", "--offline", "--confine", ".", "paper.md", "--bib", "refs.bib"])
    assert "paper.md:2: suppression without a reason" in capsys.readouterr().err


def test_a_fifo_is_never_read_by_the_scan(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.tex"
    os.mkfifo(fifo)

    def writer() -> None:  # blocks until a reader opens the FIFO
        with open(fifo, "w", encoding="utf-8") as stream:
            stream.write("% citeaudit: ignore[CIT001]\n")

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        assert scan(str(fifo)) == []
    finally:
        if thread.is_alive():  # release the writer: open and drain the read end
            fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
            thread.join(5)
            os.close(fd)
