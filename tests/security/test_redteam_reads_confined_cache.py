"""Red team: a cache folder inside the checkout whose files are links out, under
``--confine``.

A fork's ``citeaudit.toml`` may keep the run's cache in the checkout (``[network]
cache-dir = "c"``, admitted: the folder is inside) -- and so may the runner's own
``CITEAUDIT_CACHE_DIR=.cache`` for a CI cache step. The folder's *files* were never
judged: ``c/links.sqlite3 -> /home/runner/.cache/citeaudit/links.sqlite3`` made the
fork's run read and rewrite the runner's own cache (its answers served to the fork's
report, the fork's answers to every later job), and a link to a name that does not
exist made SQLite create a database there -- a file written anywhere the runner may
write. Measured before the fix: a confined run with resolution on created both
``home/links-planted.sqlite3`` and ``home/planted.sqlite3`` beside the checkout. A
checkout's cache folder that holds a link out (or a second name of a file) is now
refused before anything is opened, as a baseline named so is; a cache folder outside
the checkout is the runner's and is not looked into.

Made-up files only; ``--offline``: nothing is asked of any network.
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
    monkeypatch.delenv("CITEAUDIT_CACHE_DIR", raising=False)
    return checkout


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--offline", "--confine", ".", "paper.md", "--bib", "refs.bib", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def _plant(repo: Path, folder: str) -> None:
    """`folder` in the checkout holding links to the runner's cache files."""
    home = repo.parent.parent / "home"
    (repo / folder / "registry").mkdir(parents=True)
    os.symlink(home / "links.sqlite3", repo / folder / "links.sqlite3")
    os.symlink(home / "registry.sqlite3", repo / folder / "registry" / "registry.sqlite3")


def test_a_configured_cache_folder_holding_links_out_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plant(repo, "c")
    (repo / "citeaudit.toml").write_text('[network]\ncache-dir = "c"\n', "utf-8")
    code, said = _run(capsys)
    assert code == 2 and OUTSIDE in said and "cache" in said


def test_the_runners_cache_folder_in_the_checkout_holding_links_out_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _plant(repo, ".cache")
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(repo / ".cache"))
    code, said = _run(capsys)
    assert code == 2 and OUTSIDE in said and "CITEAUDIT_CACHE_DIR" in said


def test_a_cache_file_with_a_second_name_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = repo.parent.parent / "home"
    (home / "links.sqlite3").write_bytes(b"")
    (repo / "c").mkdir()
    try:
        os.link(home / "links.sqlite3", repo / "c" / "links.sqlite3")
    except OSError as exc:
        pytest.skip(f"no hard links here: {exc}")
    (repo / "citeaudit.toml").write_text('[network]\ncache-dir = "c"\n', "utf-8")
    code, said = _run(capsys)
    assert code == 2 and OUTSIDE in said


def test_a_cache_folder_of_its_own_files_is_used(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "c" / "registry").mkdir(parents=True)
    (repo / "c" / "links.sqlite3").write_bytes(b"")
    os.symlink("links.sqlite3", repo / "c" / "alias.sqlite3")  # a link that stays inside
    (repo / "citeaudit.toml").write_text('[network]\ncache-dir = "c"\n', "utf-8")
    code, said = _run(capsys)
    assert code == 0 and OUTSIDE not in said


def test_a_cache_folder_outside_the_checkout_is_the_runners(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The runner's own folder above the checkout is not the fork's to plant in."""
    cache = repo.parent.parent / "runner-cache"
    cache.mkdir()
    os.symlink(repo.parent.parent / "home" / "x", cache / "links.sqlite3")
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(cache))
    code, said = _run(capsys)
    assert code == 0 and OUTSIDE not in said
