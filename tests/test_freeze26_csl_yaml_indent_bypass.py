"""freeze26: a CSL YAML file's bracket cap holds whichever loader its indentation picks.

Brackets nested past 64 are refused before composing (tests/fuzz/test_csl_yaml_depth.py)
because PyYAML's pure-Python scanner pays the bracket depth at every token. But one line
indented past 256 columns (or 17 compact "- - -" items) sent the whole file to that
pure-Python loader *without* the bracket count: items nested 300 deep -- up to the
composer's recursion limit -- made 100 KB take 5 s of CPU (20 MB uploads: minutes), and
one item's work grew with the square of its depth. Counted calls, never seconds.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from citeaudit.bibliography.csl_yaml import parse_csl_yaml
from tests.security.counted_work import MAX_GROWTH

# one line indented past the cap: the file goes to the pure-Python loader
_WIDE = "- id: z\n  note: " + " " * 300 + "\n" + " " * 300 + "x\n"


def _lines_in(run: Callable[[], object]) -> int:
    """Python lines `run` executes: the scanner's per-token loop over the open brackets'
    keys makes no calls, so `counted_work.calls_in` does not see it; lines do."""
    count = 0

    def trace(frame: FrameType, event: str, _arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        run()
    finally:
        sys.settrace(None)
    return count


def _nested(depth: int, tail: str = _WIDE) -> str:
    return "references:\n- id: k\n  title: " + "[" * depth + "x" + "]" * depth + "\n" + tail


@pytest.mark.parametrize("tail", [_WIDE, "- " * 20 + "x\n"])
@pytest.mark.parametrize("depth", [65, 250, 300])
def test_deep_brackets_beside_a_wide_line_are_one_problem(depth: int, tail: str) -> None:
    result = parse_csl_yaml(_nested(depth, tail), "refs.yaml")
    assert result.references == ()
    assert [p.message for p in result.problems] == ["not valid YAML: nested too deeply"]


def test_bracket_depth_beside_a_wide_line_grows_linearly() -> None:
    small = _lines_in(lambda: parse_csl_yaml(_nested(36), "refs.yaml"))
    large = _lines_in(lambda: parse_csl_yaml(_nested(288), "refs.yaml"))
    assert (large + 1_000) / (small + 1_000) <= MAX_GROWTH, (small, large)


def test_wide_files_as_deep_as_real_ones_are_still_read() -> None:
    text = (
        "references:\n- id: k\n  title: T\n  author: [{family: Okafor, given: Ada}]\n"
        "  issued: {date-parts: [[2019, 5]]}\n" + _WIDE
    )
    result = parse_csl_yaml(text, "refs.yaml")
    assert [r.key for r in result.references] == ["k", "z"]
    assert result.references[0].year == 2019
