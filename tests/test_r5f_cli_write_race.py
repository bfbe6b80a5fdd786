"""``check --confine -o``, ``--write-baseline`` and ``fix --confine``: a name the
checkout held when it was judged, swapped for a link while the audit ran, is not
written through.

The command line judges the names it writes before the audit (``_confine_given``);
the audit takes seconds to minutes (registries, links), and a fork's code left running
(a build step's child) swaps ``report.json`` -- or the folder a fixed ``refs.bib``
lies in -- for a link to the runner's file. The writers then opened the name again
and wrote the runner's file: the report over ``~/.bashrc``, a "fixed" bibliography
renamed into ``~/.ssh``. The swap is made here right after the writer's last look
(the audit, or ``fix``'s read-back of the file), before the write.
The writers go through `bounded_read.open_for_write` / `replace_file`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from citeaudit.cli import main

RUNNERS = b"export TOKEN=the-runner-s\n"
ENTRY = (
    "@article{a,\n  title = {T},\n  year = {2020},\n  doi = {https://dx.doi.org/10.5555/x.1}\n}\n"
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links")


def _after_the_audit(
    monkeypatch: pytest.MonkeyPatch, module: str, swap: Callable[[], None]
) -> None:
    """`swap` right after the audit: the names were judged, nothing is written yet."""
    import importlib

    target = importlib.import_module(module)
    audited = target.audited

    def audited_then_swapped(*args: Any, **kwargs: Any) -> Any:
        result = audited(*args, **kwargs)
        swap()
        return result

    monkeypatch.setattr(target, "audited", audited_then_swapped)


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    repo = tmp_path / "repo"
    (repo / "refs").mkdir(parents=True)
    (repo / "paper.md").write_text("Okafor [@a].\n", encoding="utf-8")
    (repo / "refs" / "refs.bib").write_text(ENTRY, encoding="utf-8")
    outside = tmp_path / "home"
    outside.mkdir()
    secret = outside / ".bashrc"
    secret.write_bytes(RUNNERS)
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(repo)
    return repo, secret


def _to_link(name: Path, target: Path) -> Callable[[], None]:
    def swap() -> None:
        name.unlink()
        name.symlink_to(target)

    return swap


def test_the_report_is_not_written_through_a_link_swapped_in_during_the_audit(
    checkout: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, secret = checkout
    (repo / "report.json").write_text("{}", encoding="utf-8")  # last run's: judged fine
    _after_the_audit(monkeypatch, "citeaudit.cli.check", _to_link(repo / "report.json", secret))
    bib = ["--bib", "refs/refs.bib", "--offline", "--fail-on", "never"]
    code = main(["check", "--confine", ".", "paper.md", *bib, "-o", "report.json"])
    assert secret.read_bytes() == RUNNERS
    assert code == 2


def test_the_baseline_is_not_written_through_a_link_swapped_in_during_the_audit(
    checkout: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, secret = checkout
    (repo / "base.json").write_text("{}", encoding="utf-8")
    _after_the_audit(monkeypatch, "citeaudit.cli.check", _to_link(repo / "base.json", secret))
    bib = ["--bib", "refs/refs.bib", "--offline"]
    code = main(
        ["check", "--confine", ".", "paper.md", *bib, "--baseline", "base.json", "--write-baseline"]
    )
    assert secret.read_bytes() == RUNNERS
    assert code == 2


def test_fix_does_not_write_into_a_folder_swapped_for_a_link_after_its_read_back(
    checkout: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, secret = checkout
    home = secret.parent
    (home / "refs.bib").write_text(ENTRY, encoding="utf-8")  # what the fork pointed at

    def swap() -> None:
        (repo / "refs").rename(repo / "refs.old")
        (repo / "refs").symlink_to(home, target_is_directory=True)

    # after fix's own last look: it reads the file back to see it unchanged
    import citeaudit.fix.plan as plan

    read_back = plan.read_capped

    def read_then_swapped(*args: Any, **kwargs: Any) -> bytes:
        data = read_back(*args, **kwargs)
        swap()
        return data

    monkeypatch.setattr(plan, "read_capped", read_then_swapped)
    main(["fix", "--confine", ".", "--offline", "refs/refs.bib"])
    assert (home / "refs.bib").read_text(encoding="utf-8") == ENTRY
    assert sorted(p.name for p in home.iterdir()) == [".bashrc", "refs.bib"]


def test_an_honest_confined_run_still_writes_its_report_baseline_and_fix(
    checkout: tuple[Path, Path],
) -> None:
    repo, _ = checkout
    bib = ["--bib", "refs/refs.bib", "--offline", "--fail-on", "never"]
    assert main(["check", "--confine", ".", "paper.md", *bib, "-o", "out.json"]) == 0
    assert "BIB003" in (repo / "out.json").read_text(encoding="utf-8")
    assert main(["fix", "--confine", ".", "--offline", "refs/refs.bib"]) == 0
    assert "dx.doi.org" not in (repo / "refs" / "refs.bib").read_text(encoding="utf-8")
    (repo / "refs" / "refs.bib").write_text(ENTRY, encoding="utf-8")
    main(["check", "--confine", ".", "paper.md", *bib, "--write-baseline"])
    assert "BIB003" in (repo / "citeaudit-baseline.json").read_text(encoding="utf-8")
