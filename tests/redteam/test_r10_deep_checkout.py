"""A checkout of deeply nested folders is audited, not a traceback.

``os.walk`` and ``Path.rglob`` recurse once per folder level on this Python, so a
fork's checkout holding ``d/d/d/.../x.Rmd`` 1,100 levels deep (a path of 2,200
characters, which git keeps) raised RecursionError out of ``--confine`` (the folder's
size is summed for the splice budget), out of a bookdown book's ``rmd_subdir: true``
listing, and out of the check of a cache folder inside the checkout. Each walk keeps a
list of folders still to list instead, and its caps are unchanged. Here the nesting
is 120 levels under a stack held to 80 frames more than the test's own (the same
recursion, fast); ``check --confine .`` on the 1,100-level book was measured by hand.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from citeaudit.input_scope import InputScope
from citeaudit.manuscript.project_config import read_project_config

LEVELS = 120


@contextmanager
def _shallow_stack(frames: int = 80) -> Iterator[None]:
    """Python's recursion limit held to `frames` more than this test's own depth."""
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back  # type: ignore[assignment]
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + frames)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def _deep(top: Path, levels: int = LEVELS) -> Path:
    here = str(top)
    for _ in range(levels):
        here = os.path.join(here, "d")
        os.mkdir(here)
    Path(here, "x.Rmd").write_text("# Deep\n\nRoe said so [@roe].\n", encoding="utf-8")
    return Path(here)


def _book(tmp_path: Path, levels: int = LEVELS) -> Path:
    (tmp_path / "index.Rmd").write_text(
        "---\nsite: bookdown::bookdown_site\n---\n# A\n\nOkafor showed it [@okafor].\n",
        encoding="utf-8",
    )
    (tmp_path / "_bookdown.yml").write_text("rmd_subdir: true\n", encoding="utf-8")
    _deep(tmp_path, levels)
    return tmp_path


def test_a_deep_checkout_is_confined_without_a_traceback(tmp_path: Path) -> None:
    book = _book(tmp_path)
    with _shallow_stack():
        scope = InputScope.confined_to(book)
        outside = scope.first_outside(book / "d")  # a cache folder named in the checkout
    assert scope.max_spliced_chars > 2 * len("# Deep")
    assert outside is None  # all of it is the checkout's own


def test_a_deep_book_is_listed_without_a_traceback(tmp_path: Path) -> None:
    book = _book(tmp_path)
    with _shallow_stack():
        config = read_project_config(book)
    assert config is not None
    assert any(c.name.endswith("x.Rmd") for c in config.chapters)
