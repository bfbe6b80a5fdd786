"""Red team: the configuration file a fork's checkout carries, under ``--confine``.

``citeaudit check --confine . paper.md`` keeps every file the manuscript names inside
the checkout -- but the checkout's own ``citeaudit.toml`` named files too, and those
were opened wherever they pointed: ``baseline = "../home/x.json"`` was read (its
answer told whether any file on the runner exists: "does not exist" / "cannot be
read"), and with ``--write-baseline`` it was *written*, outside the checkout;
``cache-dir`` put the run's cache anywhere; a ``citeaudit.toml`` that is a symbolic
link out was read as the checkout's configuration.

A configuration found outside the confined folder (the runner's own, above the
checkout) is the operator's and still names what it likes. Made-up files only.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeaudit.cli import main

OUTSIDE = "outside the --confine folder"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "home").mkdir()
    checkout = tmp_path / "ci" / "repo"
    checkout.mkdir(parents=True)
    (checkout / "paper.md").write_text("Okafor showed it [@a].\n", encoding="utf-8")
    (checkout / "refs.bib").write_text(
        "@article{a, title={A}, author={Okafor, N.}, year={2018}, journal={J}}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(checkout)
    return checkout


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--offline", "--confine", ".", "paper.md", "--bib", "refs.bib", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_baseline_outside_is_never_written(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "citeaudit.toml").write_text('baseline = "../../home/planted.json"\n', "utf-8")
    code, said = _run(capsys, "--write-baseline")
    assert not (repo.parent.parent / "home" / "planted.json").exists()
    assert code == 2 and OUTSIDE in said


def test_a_baseline_outside_is_never_read_and_its_existence_not_told(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = repo.parent.parent / "home"
    (home / "id_rsa").write_text("-----BEGIN KEY-----\n", encoding="utf-8")
    answers = []
    for name in ("id_rsa", "nothing-here", "/etc/hostname"):
        target = name if name.startswith("/") else f"../../home/{name}"
        (repo / "citeaudit.toml").write_text(f'baseline = "{target}"\n', "utf-8")
        code, said = _run(capsys)
        assert code == 2 and OUTSIDE in said
        answers.append(said.replace(target, "X"))
    assert answers[0] == answers[1] == answers[2]


def test_a_cache_folder_outside_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "citeaudit.toml").write_text('[network]\ncache-dir = "../../home/cache"\n', "utf-8")
    code, said = _run(capsys)
    assert code == 2 and OUTSIDE in said


def test_a_configuration_that_is_a_link_out_is_not_read(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = repo.parent.parent / "home"
    (home / "credentials.toml").write_text('QZ8TOKENKEY = "s3cr3t"\n', encoding="utf-8")
    os.symlink(home / "credentials.toml", repo / "citeaudit.toml")
    code, said = _run(capsys)
    assert "QZ8TOKENKEY" not in said and "s3cr3t" not in said
    assert code == 2 and OUTSIDE in said
    code, said = _run(capsys, "--config", "citeaudit.toml")  # named, still the checkout's
    assert "QZ8TOKENKEY" not in said and "s3cr3t" not in said
    assert code == 2 and OUTSIDE in said


def test_a_default_baseline_that_is_a_link_out_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = repo.parent.parent / "home"
    (home / "b.json").write_text('{"citeaudit-baseline": 1, "findings": []}\n', "utf-8")
    (repo / "citeaudit.toml").write_text("offline = true\n", "utf-8")
    os.symlink(home / "b.json", repo / "citeaudit-baseline.json")
    code, said = _run(capsys)
    assert code == 2 and OUTSIDE in said


def test_without_a_configuration_the_default_baseline_link_out_is_never_written(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    planted = repo.parent.parent / "home" / "planted.json"
    os.symlink(planted, repo / "citeaudit-baseline.json")
    code, said = _run(capsys, "--write-baseline")
    assert not planted.exists()
    assert code == 2 and OUTSIDE in said


def test_inside_names_and_the_operators_own_configuration_still_work(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "citeaudit.toml").write_text('baseline = "ci/base.json"\n', "utf-8")
    (repo / "ci").mkdir()
    code, said = _run(capsys, "--write-baseline")
    assert code == 0 and (repo / "ci" / "base.json").is_file(), said
    (repo / "citeaudit.toml").unlink()
    # the runner's configuration, above the checkout: its baseline lies where it says
    ci = repo.parent
    (ci / "citeaudit.toml").write_text('baseline = "runner-base.json"\n', "utf-8")
    code, said = _run(capsys, "--write-baseline")
    assert code == 0 and (ci / "runner-base.json").is_file(), said
