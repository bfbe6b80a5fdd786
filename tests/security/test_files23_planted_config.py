"""Red team files23: a configuration another user put where the CLI looks for one.

``citeaudit check paper.md`` looks for ``citeaudit.toml`` / ``pyproject.toml`` upwards
from the manuscript, and for a Quarto, bookdown or pandoc build file in its folder. On a
shared machine an editor checks a submission unpacked under ``/tmp`` (or any folder
others may write to): another user's ``/tmp/citeaudit.toml`` was taken as the editor's
own -- its ``ignore`` silenced the audit, its ``bib`` read a file of the editor's choice
for the stranger, its ``cache-dir`` put the editor's cache in the stranger's folder,
and its ``baseline`` made ``--write-baseline`` overwrite whatever file it named. A
``_quarto.yml`` planted beside a manuscript in ``/tmp`` chose its chapters and
bibliography the same way.

A configuration, baseline or build file found by looking (never one the user names
with ``--config``) is now taken only when it is the user running's, root's, or the
manuscript's folder's owner's: the name and the file it leads to. Files are made here;
another user's with ``chown``, so those tests run as root only (the owner's own files,
world-writable ones included, are checked everywhere).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citeaudit.cli import main

MARK = "QZF23PLANTED"
STRANGER = 4242  # a uid no test user has
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


needs_root = pytest.mark.skipif(not AS_ROOT, reason="another user's file is made with chown")


def _planted(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    os.chown(path, STRANGER, STRANGER)
    return path


@pytest.fixture
def shared(tmp_path: Path) -> dict[str, Path]:
    """A shared drop folder (sticky and world-writable, as /tmp) holding the editor's
    job folder with the submission, and the editor's files outside it."""
    drop = tmp_path / "drop"
    drop.mkdir()
    drop.chmod(0o1777)
    job = drop / "job"
    job.mkdir()
    (job / "paper.md").write_text("Okafor showed it [@missing2020].\n", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    (home / "secret.bib").write_text(
        f"@article{{missing2020, author={{Okafor, N.}}, title={{{MARK}}}, journal={{J}},"
        " year={2020}}\n",
        encoding="utf-8",
    )
    (home / "notes.txt").write_text("the editor's notes\n", encoding="utf-8")
    return {"drop": drop, "job": job, "home": home}


@pytest.fixture(autouse=True)
def _own_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run whose planted configuration is passed over writes ``--write-baseline``'s
    default, ``citeaudit-baseline.json``, in the working folder: a folder of the test's
    own, never the checkout the suite runs in."""
    folder = tmp_path / "working-folder"
    folder.mkdir()
    monkeypatch.chdir(folder)


def _config(home: Path, drop: Path) -> str:
    return (
        'ignore = ["CIT"]\n'
        f'bib = ["{home / "secret.bib"}"]\n'
        f'baseline = "{home / "notes.txt"}"\n'
        f'[network]\ncache-dir = "{drop / "stolen-cache"}"\n'
    )


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--offline", "--format", "json", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def _codes(shown: str) -> set[str]:
    """The finding codes of the JSON report in `shown` (the run's whole output)."""
    assert shown.lstrip().startswith("{"), shown
    report = json.loads(shown[: shown.rindex("}") + 1])
    return {f["code"] for f in report["findings"]}


@needs_root
def test_a_config_planted_above_the_manuscript_is_not_the_editors(
    shared: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _planted(shared["drop"], "citeaudit.toml", _config(shared["home"], shared["drop"]))
    code, shown = _check(capsys, str(shared["job"] / "paper.md"))
    assert MARK not in shown  # the editor's file was not read for the stranger
    assert "CIT002" in _codes(shown)  # not silenced
    assert code == 1
    code, shown = _check(capsys, str(shared["job"] / "paper.md"), "--write-baseline")
    assert (shared["home"] / "notes.txt").read_text(encoding="utf-8") == "the editor's notes\n"
    assert not (shared["drop"] / "stolen-cache").exists()


@needs_root
def test_a_pyproject_planted_above_is_passed_over_too(
    shared: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    table = "[tool.citeaudit]\n" + _config(shared["home"], shared["drop"]).replace(
        "[network]", "[tool.citeaudit.network]"
    )
    _planted(shared["drop"], "pyproject.toml", table)
    code, shown = _check(capsys, str(shared["job"] / "paper.md"))
    assert MARK not in shown
    assert code == 1


@needs_root
def test_a_link_to_a_planted_config_is_judged_by_the_file_it_leads_to(
    shared: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    planted = _planted(shared["drop"], "elsewhere.toml", _config(shared["home"], shared["drop"]))
    (shared["job"] / "citeaudit.toml").symlink_to(planted)
    code, shown = _check(capsys, str(shared["job"] / "paper.md"))
    assert MARK not in shown
    assert code == 1


def test_the_editors_own_config_still_applies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    (project / "chapters").mkdir(parents=True)
    (project / "chapters" / "paper.md").write_text("Okafor [@missing2020].\n", "utf-8")
    (project / "citeaudit.toml").write_text('ignore = ["CIT"]\n', encoding="utf-8")
    code, shown = _check(capsys, str(project / "chapters" / "paper.md"))
    assert "CIT002" not in _codes(shown)
    assert code == 0


@needs_root
def test_a_build_file_planted_beside_a_manuscript_in_a_shared_folder_is_not_read(
    shared: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    drop = shared["drop"]
    (drop / "paper.md").write_text("Okafor showed it [@missing2020].\n", encoding="utf-8")
    stolen = f"@article{{missing2020, author={{Okafor, N.}}, title={{{MARK}}}, year={{2020}}}}\n"
    _planted(drop, "stranger.bib", stolen)
    _planted(drop, "_quarto.yml", "bibliography: stranger.bib\n")
    code, shown = _check(capsys, "--isolated", str(drop / "paper.md"))
    assert MARK not in shown  # the stranger's build file chose no bibliography
    assert "CIT002" in _codes(shown)
    assert code == 1
    (drop / "_quarto.yml").unlink()
    script = "all:\n\tpandoc --bibliography stranger.bib paper.md\n"
    _planted(drop, "Makefile", script)
    code, shown = _check(capsys, "--isolated", str(drop / "paper.md"))
    assert MARK not in shown
    assert "CIT002" in _codes(shown)


def test_the_authors_own_build_file_is_still_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "book"
    book.mkdir()
    (book / "paper.md").write_text("Okafor showed it [@missing2020].\n", encoding="utf-8")
    (book / "refs.bib").write_text(
        "@article{missing2020, author={Okafor, N.}, title={Own}, journal={J}, year={2020}}\n",
        encoding="utf-8",
    )
    (book / "_quarto.yml").write_text("bibliography: refs.bib\n", encoding="utf-8")
    _code, shown = _check(capsys, "--isolated", str(book / "paper.md"))
    report = json.loads(shown[: shown.rindex("}") + 1])
    assert "CIT002" not in {f["code"] for f in report["findings"]}
    assert {r["key"] for r in report["references"]} == {"missing2020"}


@needs_root
def test_a_baseline_planted_in_the_working_folder_silences_nothing(
    shared: dict[str, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no configuration, the baseline is ``citeaudit-baseline.json`` in the working
    folder, read when there: run from a shared folder, another user's file there set
    aside every finding it listed."""
    monkeypatch.chdir(shared["drop"])
    paper = str(shared["job"] / "paper.md")
    _check(capsys, paper, "--write-baseline")  # the stranger's copy of the findings
    planted = shared["drop"] / "citeaudit-baseline.json"
    assert "CIT002" in planted.read_text(encoding="utf-8")
    os.chown(planted, STRANGER, STRANGER)
    code, shown = _check(capsys, paper)
    assert "CIT002" in _codes(shown)
    assert code == 1


def test_a_world_writable_checkout_keeps_its_own_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """GitLab's Docker executor checks out with umask 0000: the project's own files and
    folders are world-writable, and still its own (judged by owner, as git judges)."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "paper.md").write_text("Okafor [@missing2020].\n", "utf-8")
    (project / "citeaudit.toml").write_text('ignore = ["CIT"]\n', encoding="utf-8")
    for path in (project, project / "paper.md", project / "citeaudit.toml"):
        path.chmod(0o777 if path.is_dir() else 0o666)
    code, shown = _check(capsys, str(project / "paper.md"))
    assert "CIT002" not in _codes(shown)
    assert code == 0
