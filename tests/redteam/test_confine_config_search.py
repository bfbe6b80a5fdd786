"""`check --confine DIR`: the configuration search never leaves the checkout through a
folder link the checkout holds.

The search climbs from the first given file's folder. It climbed the *resolved* path:
a fork's ``docs -> /home/runner/x`` made ``check --confine . docs/paper.md`` read
``/home/runner/x/citeaudit.toml`` (and every folder above it) as if it were the
runner's own configuration -- its settings applied, its unknown keys echoed in the
error, and whether it exists told by the run. Now the folders are climbed as written,
and a folder of the checkout that links out is passed over unlooked-in.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citeaudit.cli import main
from citeaudit.config.load import find_config

MARK = "QZ8OUTSIDEKEY"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """<tmp>/outside holds a planted configuration; <tmp>/repo is the checkout (cwd),
    whose ``docs`` links to the outside folder."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "paper.md").write_text("See [@a].\n", encoding="utf-8")
    checkout = tmp_path / "repo"
    checkout.mkdir()
    os.symlink(outside, checkout / "docs")
    (checkout / "paper.md").write_text("See [@a] and [@b].\n", encoding="utf-8")
    (checkout / "refs.bib").write_text(
        "@article{b, title={B}, author={Okafor, N.}, year={2001}, journal={J}}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(checkout)
    return checkout


def _run(capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, str]:
    code = main(
        ["check", "--offline", "--format", "json", "--fail-on", "never", "--confine", ".", *paths]
    )
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _rules(shown: str) -> set[str]:
    return {f["rule"] for f in json.loads(shown[: shown.rindex("}") + 1])["findings"]}


def test_a_configuration_behind_a_folder_link_is_never_read(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo.parent / "outside" / "citeaudit.toml").write_text(f"{MARK} = 1\n", encoding="utf-8")
    code, shown = _run(capsys, "docs/paper.md")
    assert MARK not in shown and "unknown key" not in shown
    report = json.loads(shown[: shown.rindex("}") + 1])
    assert any("outside the audit" in f["message"] for f in report["findings"])
    assert code == 2


def test_settings_behind_a_folder_link_are_not_applied(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A planted ``ignore`` outside silences nothing -- not even the refusal of the file
    beside it; the checkout's own configuration still applies."""
    (repo.parent / "outside" / "citeaudit.toml").write_text(
        'ignore = ["INP001"]\n', encoding="utf-8"
    )
    _, shown = _run(capsys, "docs/paper.md", "paper.md", "refs.bib")
    assert "unreadable-input" in _rules(shown)
    (repo / "citeaudit.toml").write_text('ignore = ["INP001"]\n', encoding="utf-8")
    _, shown = _run(capsys, "docs/paper.md", "paper.md", "refs.bib")
    assert "unreadable-input" not in _rules(shown)


def test_the_run_reads_the_same_whether_an_outside_configuration_exists(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    without = _run(capsys, "docs/paper.md")
    (repo.parent / "outside" / "pyproject.toml").write_text(
        "[tool.citeaudit]\nfail-on = 'warning'\n", encoding="utf-8"
    )
    assert _run(capsys, "docs/paper.md") == without
    (repo.parent / "outside" / "citeaudit.toml").write_text("not toml [", encoding="utf-8")
    assert _run(capsys, "docs/paper.md") == without


def test_the_checkout_s_own_nested_configuration_is_still_found(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "paper").mkdir()
    (repo / "paper" / "paper.md").write_text("See [@a] and [@b].\n", encoding="utf-8")
    _, shown = _run(capsys, "paper/paper.md", "refs.bib")
    assert "missing-reference" in _rules(shown)
    (repo / "paper" / "citeaudit.toml").write_text('ignore = ["CIT002"]\n', encoding="utf-8")
    _, shown = _run(capsys, "paper/paper.md", "refs.bib")
    assert "missing-reference" not in _rules(shown)


def test_a_deep_folder_is_walked_once_on_the_way_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each folder the climb meets is judged, but those above the first one admitted
    are admitted already: a walk each made a checkout 1,500 folders deep cost 175 s
    (counted here as the folders shown to the judge, not timed)."""
    monkeypatch.chdir(tmp_path)
    deep = Path(*(["a"] * 60))
    deep.mkdir(parents=True)
    (deep / "paper.md").write_text("See [@a].\n", encoding="utf-8")
    shown: list[Path] = []
    find_config(deep / "paper.md", shown.append)
    assert [p for p in shown if p.suffix != ".toml"] == [tmp_path / deep]
