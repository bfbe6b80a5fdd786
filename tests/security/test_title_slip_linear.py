"""Title slips (metadata mismatch) stay linear on a hostile entry title.

An entry's title reaches `title_slip` as the list wrote it: a RIS title keeps its
white space, and any format keeps a chain of bracketed notes. The separator search
read the rest of a white-space run from each of its positions, and the trailing-note
search read the rest of a chain of notes from each note that did not reach the end:
20,000 spaces took 7.6 s, 5,000 notes ' [a]' and a '!' 2 s. Bounded on the growth
(base size and 8 times it; the helpers of test_redos_patterns: CPU time, best of a
few runs), not on seconds: linear grows 8x, quadratic 64x; fails past 24x.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citeaudit.resolve.title_slips import title_slip
from tests.security.test_redos_patterns import MAX_GROWTH, growth

RECORD = "Another title entirely"

SHAPES: dict[str, Callable[[int], str]] = {
    "a white-space run": lambda n: "A" + " " * n + "b",
    "notes never reaching the end": lambda n: "A" + " [a]" * (n // 4) + "!",
    "notes before a parenthesis": lambda n: "A" + " [a]" * (n // 4) + " (x)",
}


@pytest.mark.parametrize("name", SHAPES)
def test_title_slip_grows_linearly(name: str) -> None:
    ratio = growth(SHAPES[name], lambda title: title_slip(title, RECORD), 2_500)
    assert ratio <= MAX_GROWTH, f"{name}: work grew {ratio:.1f}x for 8x the title"


def test_notes_and_subtitles_still_read() -> None:
    """The fix keeps what the patterns are for."""
    assert title_slip("Cities of the world [Internet]", "Cities of the World") is None
    assert title_slip("U-Net: convolutional networks (in Russian)", "U-Net") is None
    assert title_slip("Cities of the world", "Towns of the world") is not None


def test_the_separator_search_is_linear_on_any_text() -> None:
    """The separator is linear by itself, not only on the collapsed title its caller
    gives it (benches/redos_scan.py flagged it: a run of '\\n' then NUL, 4x for 2x)."""
    from citeaudit.resolve.title_slips import _SEPARATOR

    ratio = growth(lambda n: "\n" * n + "\x00", lambda text: list(_SEPARATOR.finditer(text)), 2_500)
    assert ratio <= MAX_GROWTH, f"work grew {ratio:.1f}x for 8x the text"
