"""A manuscript's folder is looked through for build scripts a bounded number of entries.

With no Quarto or bookdown file, a folder's ``*.sh`` scripts are read for a pandoc
``--bibliography``: ``sorted(folder.glob("*.sh"))[:20]`` listed every entry of the
folder and kept every ``.sh`` name before keeping 20, so a folder of millions of
entries (a checked-out fork, an upload unpacked) held the audit for the whole listing
and the names' memory. Now at most `_MAX_LISTED` entries are looked at; a folder cut
short is said as a problem of the input. Counted, not timed (the cap is made small).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit.manuscript import project_config
from citeaudit.manuscript.reading import read_manuscript_with_problems

CAP = 40


@pytest.fixture
def crowded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A folder of 3 * CAP entries, most of them shell scripts; the entries read counted."""
    monkeypatch.setattr(project_config, "_MAX_LISTED", CAP)
    (tmp_path / "paper.md").write_text("As @smith2020 shows.\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@article{smith2020, title={T}, year={2020}}\n")
    (tmp_path / "0-build.sh").write_text("pandoc --bibliography=refs.bib paper.md\n")
    for i in range(3 * CAP):
        (tmp_path / f"s{i:04d}.sh").write_text("echo\n")
    listed = [0]
    scandir = os.scandir

    class Counting:
        def __init__(self, path: Any) -> None:
            self._inner = scandir(path)

        def __enter__(self) -> Counting:
            return self

        def __exit__(self, *exc: object) -> None:
            self._inner.close()

        def __iter__(self) -> Iterator[os.DirEntry[str]]:
            for entry in self._inner:
                listed[0] += 1
                yield entry

        def close(self) -> None:
            self._inner.close()

    monkeypatch.setattr(os, "scandir", Counting)
    yield listed


def test_a_crowded_folder_is_listed_up_to_the_cap_and_said(
    crowded: list[int], tmp_path: Path
) -> None:
    _, problems = read_manuscript_with_problems(tmp_path / "paper.md")
    assert crowded[0] <= 2 * (CAP + 1)  # the folder looked at once (and the manuscript's)
    said = [p for p in problems if f"more than {CAP} entries" in p.message]
    assert len(said) == 1, problems
    assert not said[0].unreadable
