"""The stage notes a killed step leaves for its worker's main process (`workers.stage_notes`):
read once, never followed outside their folder, never kept in a folder others may use."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from workers.stage_notes import NotedStage, taken_note


@pytest.fixture
def tmp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    return tmp_path


def test_the_last_stage_is_read_once(tmp_root: Path) -> None:
    stage = NotedStage("0b6f7c1e-2d7a-4a53-9c1e-5f7a9d3e2b10")
    stage.at("reading the upload 'a.bib'")
    stage.at("reading the upload 'b.bib'")
    assert stage.now == "reading the upload 'b.bib'"
    assert taken_note("0b6f7c1e-2d7a-4a53-9c1e-5f7a9d3e2b10") == "reading the upload 'b.bib'"
    assert taken_note("0b6f7c1e-2d7a-4a53-9c1e-5f7a9d3e2b10") is None  # removed


def test_a_step_that_ends_leaves_no_note(tmp_root: Path) -> None:
    stage = NotedStage("t1")
    stage.at("applying the rules")
    stage.forget()
    assert taken_note("t1") is None


@pytest.mark.parametrize("task_id", ["../../etc/passwd", "a/b", "", None, "x" * 500])
def test_a_name_that_is_no_task_id_is_never_a_path(tmp_root: Path, task_id: str | None) -> None:
    stage = NotedStage(task_id)
    stage.at("reading the upload 'a.bib'")  # noted in memory only
    assert stage.now == "reading the upload 'a.bib'"
    assert taken_note(task_id) is None
    assert not any(p.is_file() for p in tmp_root.rglob("*"))


def test_a_folder_others_may_write_is_not_used(tmp_root: Path) -> None:
    folder = tmp_root / f"citeaudit-stages-{os.getuid()}"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    planted = folder / "t2"
    planted.write_text("stopped while doing something the worker never did")
    stage = NotedStage("t2")
    stage.at("reading the upload 'a.bib'")
    assert taken_note("t2") is None  # neither written nor read there
    assert planted.read_text().startswith("stopped while")


def test_a_folder_that_is_a_link_is_not_followed(tmp_root: Path) -> None:
    elsewhere = tmp_root / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (tmp_root / f"citeaudit-stages-{os.getuid()}").symlink_to(elsewhere)
    stage = NotedStage("t3")
    stage.at("reading the upload 'a.bib'")
    assert not list(elsewhere.iterdir())
    assert taken_note("t3") is None
