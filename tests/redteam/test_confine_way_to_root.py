"""A confined scope's answer never depends on folders outside it -- not even on the
way to it.

`InputScope.admits` walks a name as the system opens it. Once the walk reaches the
scope's root it must stay there; before reaching it (a relative name a library caller
hands over, judged from the working folder) it went anywhere: ``probe/../sub/main.tex``
with the scope confined to ``sub`` was admitted, and opened only when ``probe`` was a
folder -- "file not found" otherwise. Read or not told whether ``probe`` exists. Now
the walk before the root must keep to the root's own way (its parent folders, a folder
link above it), or the name is refused alike whatever lies outside.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.input_scope import InputScope

REFUSED = "outside the audit's own files"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "main.tex").write_text("Okafor \\cite{a}.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _answer(name: str) -> list[str]:
    data = read_inputs(AuditInput((Path(name),)), InputScope.confined_to(Path("sub")))
    return [p.message for p in data.input_problems] + [d.path for d in data.manuscripts]


@pytest.mark.parametrize("name", ["probe/../sub/main.tex", "probe/deeper/../../sub/main.tex"])
def test_a_detour_outside_before_the_root_reads_the_same_whether_it_exists(
    tree: Path, name: str
) -> None:
    absent = _answer(name)
    (tree / "probe" / "deeper").mkdir(parents=True)
    assert _answer(name) == absent
    assert len(absent) == 1 and REFUSED in absent[0]


def test_a_detour_through_a_file_outside_is_refused(tree: Path) -> None:
    (tree / "probe").write_text("x", encoding="utf-8")
    assert REFUSED in _answer("probe/../sub/main.tex")[0]


def test_the_way_to_the_root_is_still_walked(tree: Path) -> None:
    """The root named through its own parents, the way up and down again included."""
    for name in ("sub/main.tex", "./sub/./main.tex", f"../{tree.name}/sub/main.tex"):
        found = _answer(name)
        assert found == [str(Path(name))], (name, found)
