"""The pre-commit hook in a repository built here (issue 17, point 2): it fails on a
planted problem, and passes once `citeaudit fix` has fixed it.

`pre-commit try-repo` would install this project into a fresh virtualenv from the
package index, which tests may not reach; so the hook definition is read from our
`.pre-commit-hooks.yaml` and run by pre-commit itself as a `local` hook whose entry is
the installed `citeaudit`. Without pre-commit, the hook's entry is run directly.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CITEAUDIT = BIN / "citeaudit"
PRE_COMMIT = BIN / "pre-commit"

PAPER = "# Things\n\nAs shown before [@smith2020].\n"
REFS = (
    "@article{smith2020,\n  author = {Smith, Ann},\n  title = {On things},\n"
    "  journal = {J},\n  year = {2020},\n  doi = {10.5555/x\\_1}\n}\n"
)
ARGS = ["paper.md", "--bib", "refs.bib"]


def _hooks() -> dict[str, dict[str, Any]]:
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    return {hook["id"]: hook for hook in hooks}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None or not CITEAUDIT.exists():
        pytest.skip("git or the installed citeaudit command is missing")
    repo = tmp_path / "thesis"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "author@example.org")
    _git(repo, "config", "user.name", "Author")
    (repo / "paper.md").write_text(PAPER, "utf-8")
    (repo / "refs.bib").write_text(REFS, "utf-8")
    return repo


def _run_hook(repo: Path, hook_id: str, home: Path) -> subprocess.CompletedProcess[str]:
    hook = dict(_hooks()[hook_id])
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    if not PRE_COMMIT.exists():
        command = [str(BIN / shlex.split(hook["entry"])[0]), *shlex.split(hook["entry"])[1:]]
        return subprocess.run([*command, *ARGS], cwd=repo, env=env, capture_output=True, text=True)
    import yaml

    words = shlex.split(hook["entry"])
    hook.update(
        language="system",
        entry=shlex.join([str(BIN / words[0]), *words[1:]]),
        args=ARGS,
    )
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), "utf-8")
    _git(repo, "add", "-A")
    return subprocess.run(
        [str(PRE_COMMIT), "run", hook_id, "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )


def test_the_hook_fails_on_a_planted_problem_and_passes_after_fix(
    repo: Path, tmp_path: Path
) -> None:
    home = tmp_path / "pre-commit-home"
    failed = _run_hook(repo, "citeaudit", home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "BIB003" in failed.stdout + failed.stderr

    fixed = _run_hook(repo, "citeaudit-fix", home)
    assert "refs.bib" in fixed.stdout + fixed.stderr
    assert "doi = {10.5555/x_1}" in (repo / "refs.bib").read_text("utf-8")

    passed = _run_hook(repo, "citeaudit", home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "BIB003" not in passed.stdout


def test_the_hooks_are_offline_and_name_no_files() -> None:
    for hook in _hooks().values():
        assert "--offline" in shlex.split(hook["entry"])
        assert hook["pass_filenames"] is False  # the manuscript is the unit, not a file
