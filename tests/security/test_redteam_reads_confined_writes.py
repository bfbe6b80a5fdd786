"""Red team: the files the command line names for the CLI itself -- the report it writes,
the baseline it reads or writes -- at names inside a fork's checkout, under ``--confine``.

A CI job runs ``citeaudit check --confine . paper.md --format sarif --output
report.sarif``: the name is the runner's, but what lies at it in the checkout is the
fork's. A committed ``report.sarif -> ../../../.bashrc`` had the report -- whose text
the fork's entries choose (a title of ``$(...)``) -- written over the runner's file;
``--baseline b.json --write-baseline`` created a file through such a link, and a
hard link (a second name of a runner's file) was truncated and rewritten in place.
Each such name inside the checkout must now be the checkout's own, whether it exists
yet or not; a name outside the checkout is the runner's and is used as given.

Made-up files only; ``--offline``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeaudit.cli import main

OUTSIDE = "outside the --confine folder"
ORIGINAL = "export PATH=/usr/bin\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text(ORIGINAL, encoding="utf-8")
    checkout = tmp_path / "repo"
    checkout.mkdir()
    (checkout / "paper.md").write_text("Okafor showed it [@a] and [@b].\n", encoding="utf-8")
    (checkout / "refs.bib").write_text(
        "@article{a, title={$(touch pwned)}, author={Okafor, N.}, year={2018}, journal={J}}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(checkout)
    return checkout


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--offline", "--confine", ".", "paper.md", "--bib", "refs.bib", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def _bashrc(repo: Path) -> Path:
    return repo.parent / "home" / ".bashrc"


def test_a_report_is_never_written_through_a_link_out(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink(Path("..") / "home" / ".bashrc", repo / "report.sarif")
    code, said = _run(capsys, "--format", "sarif", "--output", "report.sarif")
    assert _bashrc(repo).read_text(encoding="utf-8") == ORIGINAL
    assert code == 2 and OUTSIDE in said


def test_a_report_is_never_written_through_a_folder_link_out(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink(Path("..") / "home", repo / "out")
    code, said = _run(capsys, "--format", "json", "--output", "out/fresh.json")
    assert not (repo.parent / "home" / "fresh.json").exists()
    assert code == 2 and OUTSIDE in said


def test_a_report_never_rewrites_a_second_name_of_a_runners_file(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        os.link(_bashrc(repo), repo / "report.json")
    except OSError as exc:
        pytest.skip(f"no hard links here: {exc}")
    code, said = _run(capsys, "--format", "json", "--output", "report.json")
    assert _bashrc(repo).read_text(encoding="utf-8") == ORIGINAL
    assert code == 2 and OUTSIDE in said


def test_a_given_baseline_is_never_written_or_read_through_a_link_out(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink(Path("..") / "home" / "planted.json", repo / "b.json")
    code, said = _run(capsys, "--baseline", "b.json", "--write-baseline")
    assert not (repo.parent / "home" / "planted.json").exists()
    assert code == 2 and OUTSIDE in said
    (repo.parent / "home" / "planted.json").write_text("{}", encoding="utf-8")
    code, said = _run(capsys, "--baseline", "b.json")
    assert code == 2 and OUTSIDE in said and "not a citeaudit baseline" not in said


def test_the_checkouts_own_report_and_baseline_are_written(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _run(capsys, "--baseline", "b.json", "--write-baseline")
    assert code == 0 and (repo / "b.json").is_file()
    code, _ = _run(capsys, "--baseline", "b.json", "--format", "json", "--output", "r.json")
    assert code == 0 and (repo / "r.json").read_text(encoding="utf-8").startswith("{")


def test_a_report_outside_the_checkout_is_the_runners(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The runner names where its report goes: a link there is its own."""
    os.symlink(repo.parent / "home" / "real.json", repo.parent / "artifact.json")
    artifact = str(repo.parent / "artifact.json")
    code, _ = _run(capsys, "--fail-on", "never", "--format", "json", "--output", artifact)
    assert code == 0 and (repo.parent / "home" / "real.json").is_file()


def test_the_checkout_named_through_a_link_is_still_the_checkout(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--output /ci/alias/report.sarif`` with ``alias -> repo``: the checkout's file."""
    os.symlink(repo, repo.parent / "alias")
    os.symlink(Path("..") / "home" / ".bashrc", repo / "report.sarif")
    report = str(repo.parent / "alias" / "report.sarif")
    code, said = _run(capsys, "--format", "sarif", "--output", report)
    assert _bashrc(repo).read_text(encoding="utf-8") == ORIGINAL
    assert code == 2 and OUTSIDE in said
