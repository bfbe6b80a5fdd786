"""The embedded service keeps its data in one per-user folder, whatever the current folder."""

from __future__ import annotations

from pathlib import Path

from citeaudit.settings import Settings
from tests.in_process_cli import Ran, run_cli


def _cli(args: list[str], cwd: Path, data_home: Path) -> Ran:
    """`citeaudit ARGS` in `cwd` with no CITEAUDIT_* setting, the user's data folder
    at `data_home` (its main, in this process: the folder it picks is under test)."""
    return run_cli({"XDG_DATA_HOME": str(data_home)}, *args, cwd=cwd)


def test_a_token_made_in_one_folder_is_valid_in_another(tmp_path: Path) -> None:
    data_home, one, other = tmp_path / "data", tmp_path / "one", tmp_path / "other"
    one.mkdir()
    other.mkdir()
    made = _cli(["tokens", "create", "alice"], one, data_home)
    assert made.returncode == 0, made.stderr
    listed = _cli(["tokens", "list"], other, data_home)
    assert listed.returncode == 0, listed.stderr
    assert "alice" in listed.stdout
    assert (data_home / "citeaudit" / "citeaudit.db").is_file()
    assert not list(one.iterdir()) and not list(other.iterdir())  # nothing in the folders


def test_the_data_folder_and_database_url_are_settings(tmp_path: Path) -> None:
    assert Settings(data_dir=tmp_path).database_url == f"sqlite:///{tmp_path / 'citeaudit.db'}"
    given = Settings(data_dir=tmp_path, database_url="postgresql://db/x")
    assert given.database_url == "postgresql://db/x"
