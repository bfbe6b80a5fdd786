"""Red team r1: under ``check --confine``, a name the runner gives through another name
of the checkout is still the checkout's, all the way down.

The runner names its own files (``--baseline``, ``--output``) as it likes, and a name
outside the checkout is its own. But a name that enters the checkout on its way -- the
runner's ``alias -> repo`` (a workspace reached through a link, ``/ci/alias/...``),
then a folder ``l`` the fork committed as ``l -> ../outside`` -- is a path the fork
chose from there on. It was judged by its written form (not under ``repo``) and by its
folder's real place (``outside``): "the runner's", and read or written wherever the
fork's link pointed. ``--baseline alias/l/secret.json`` read the runner's file and
``--output alias/l/report.json`` wrote the report into the runner's folder. A Python
audit hook records every open while the confined command runs.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.in_process_cli import run_cli

MARK = "QZR1ALIAS"
REFS = "@article{a, title={A}, author={X, Y}, year={2000}, journal={J}}\n"
_seen: list[list[str]] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    named = bool(args) and isinstance(args[0], str | bytes | os.PathLike)
    if _seen and named and event in ("open", "os.scandir", "os.listdir"):
        _seen[-1].append(os.path.realpath(os.fsdecode(args[0])))  # from the run's folder


sys.addaudithook(_hook)  # hooks cannot be removed: it records only while a test watches


def _world(tmp_path: Path) -> tuple[Path, Path]:
    """(the runner's folder holding repo, alias -> repo and outside; outside)."""
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    baseline = {"citeaudit-baseline": 1, "findings": [{"code": MARK}]}  # one malformed entry
    (outside / "secret.json").write_text(json.dumps(baseline), encoding="utf-8")
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    (repo / "paper.md").write_text("See [@a] and [@b].\n", encoding="utf-8")
    (repo / "l").symlink_to(Path("..") / "outside")  # the fork's
    (tmp_path / "alias").symlink_to("repo")  # the runner's
    (tmp_path / "ci").symlink_to(Path("repo") / "l")  # the runner's, to the fork's link
    return tmp_path, outside


def _confined(where: Path, *extra: str) -> tuple[int, str, list[str]]:
    seen: list[str] = []
    _seen.append(seen)
    try:
        ran = run_cli(
            {},
            "check", "--offline", "--format", "json", "--fail-on", "never",
            "--confine", "repo", "repo/paper.md", "--bib", "repo/refs.bib", *extra,
            cwd=where,
        )  # fmt: skip
    finally:
        _seen.remove(seen)
    return ran.returncode, ran.stdout + ran.stderr, seen


@pytest.mark.parametrize("given", ["alias/l/secret.json", "ci/secret.json"])
def test_a_baseline_named_through_the_checkouts_alias_is_not_read_out(
    tmp_path: Path, given: str
) -> None:
    where, outside = _world(tmp_path)
    code, shown, seen = _confined(where, "--baseline", given)
    reached = [n for n in seen if os.path.realpath(n).startswith(str(outside))]
    assert not reached, reached
    assert MARK not in shown
    assert code == 2 and "secret.json" in shown  # refused, naming the baseline


@pytest.mark.parametrize("given", ["alias/l/report.json", "ci/report.json"])
def test_a_report_named_through_the_checkouts_alias_is_not_written_out(
    tmp_path: Path, given: str
) -> None:
    where, outside = _world(tmp_path)
    code, shown, _seen_names = _confined(where, "--output", given)
    assert not (outside / "report.json").exists()
    assert code == 2 and "--output" in shown


def test_the_runners_baseline_beside_the_checkout_is_still_read(tmp_path: Path) -> None:
    """From inside the checkout, ``../baseline.json`` passes only the checkout's real
    folders and leaves by ``..``: where it leads, no entry of the checkout chose."""
    where, _outside = _world(tmp_path)
    baseline = {"citeaudit-baseline": 1, "findings": []}
    (where / "baseline.json").write_text(json.dumps(baseline), encoding="utf-8")
    for given in ("../baseline.json", "../repo/../baseline.json", str(where / "baseline.json")):
        ran = run_cli(
            {},
            "check", "--offline", "--format", "json", "--fail-on", "never",
            "--confine", ".", "paper.md", "--bib", "refs.bib", "--baseline", given,
            cwd=where / "repo",
        )  # fmt: skip
        assert ran.returncode == 0, (given, ran.stderr)
