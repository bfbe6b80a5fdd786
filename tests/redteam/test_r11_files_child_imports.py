"""A fork's checkout cannot put Python code into the PDF engine's child process.

The PDF engine runs in a child (`pdf_isolated`, `pdf_open_check`) started as
``python -m citeaudit...``. Python puts the *working folder* first on such a child's
import path, and in CI the working folder is the checkout: a fork that commits a
``json.py`` (any module the child imports and Python does not build in) had it run in
the child on ``citeaudit check --confine . paper.pdf`` -- free to read and write any
file of the runner's and to print what it read into the report (the child's answer is
shown as the PDF's problem). The children now start with the working folder left off
their path, so the checkout's modules are never imported, whatever they are named.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.cli import main
from citeaudit.manuscript.pdf_open_check import open_problem
from tests.security.pdf_objects import one_page_pdf

MARK = "QZ8CHILDSECRET"


def _planted(repo: Path, ran: Path) -> None:
    """A module of the checkout's that leaves a mark when imported and answers as the
    child would, with a secret in its answer."""
    (repo / "json.py").write_text(
        "import sys\n"
        f"open({str(ran)!r}, 'w').write('ran')\n"
        f'sys.stdout.write(\'{{"error": "{MARK}", "problem": "{MARK}"}}\')\n'
        "raise SystemExit(0)\n",
        encoding="utf-8",
    )


def _pdf() -> bytes:
    shown = (
        b"BT /F1 12 Tf 72 720 Td (Okafor \\(2018\\) showed it.) Tj ET "
        b"BT /F1 14 Tf 72 680 Td (References) Tj ET "
        b"BT /F1 12 Tf 72 660 Td (Okafor, N. \\(2018\\). Inside. Journal of Tests, 1, 1-2.) Tj ET"
    )
    return one_page_pdf(shown)


def test_a_checkouts_module_never_runs_in_the_pdf_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo, ran = tmp_path / "repo", tmp_path / "outside-ran"
    repo.mkdir()
    _planted(repo, ran)
    (repo / "paper.pdf").write_bytes(_pdf())
    monkeypatch.chdir(repo)
    main(["check", "--confine", str(repo), "paper.pdf", "--offline", "--format", "json"])
    shown = capsys.readouterr()
    assert not ran.exists()
    assert MARK not in shown.out + shown.err
    report = json.loads(shown.out)
    assert report["summary"]["citations"] == 1, report  # read by our own child


def test_a_working_folders_module_never_runs_in_the_pdf_open_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, ran = tmp_path / "here", tmp_path / "outside-ran"
    folder.mkdir()
    _planted(folder, ran)
    monkeypatch.chdir(folder)
    assert open_problem(_pdf()) is None
    assert not ran.exists()
