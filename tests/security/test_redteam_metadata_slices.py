"""A metadata block of many ``bibliography:`` lines is read in linear time.

Each empty ``bibliography:`` field looked for its "- item" lines in a copy of the rest of
the block (``fields[i + 1:]``): a front matter of n such lines cost n^2/2 copied lines
-- 80,000 took 7.7 s, the 250,000 lines a manuscript may have over a minute, in every
child document as well. The copy is a builtin's work, which counted_work does not see,
so the bound is on the growth of CPU time (as in test_redos_patterns.py): linear 4x,
quadratic 16x, failing past 10x. And the names are still read, each on its own line.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from citeaudit.manuscript.markdown import hide_non_text
from citeaudit.manuscript.reading import read_manuscript
from tests.security.test_redos_patterns import MAX_GROWTH, SCALE, growth


def _markdown_file(text: str) -> object:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "paper.md"
        path.write_text(text, encoding="utf-8")
        return read_manuscript(path)


def test_many_empty_bibliography_fields_cost_linear_work() -> None:
    ratio = growth(
        lambda n: "---\n" + "bibliography:\n" * n + "---\nText (Smith, 2020).\n",
        _markdown_file,
        10_000,
    )
    assert ratio < MAX_GROWTH, f"x{SCALE} the input took x{ratio:.0f} the time"


def test_bibliography_names_in_every_form_are_still_read() -> None:
    lines = [
        "---",
        "title: A paper",
        "bibliography:",
        "  - one.bib",
        "  - [two.bib, 'three.bib']",
        "bibliography: four.bib",
        'bibliography: [five.bib, "six.bib"]',
        "bibliography:",
        "author: X",
        "- not.bib",
        "---",
        "Text.",
    ]
    _visible, names = hide_non_text(lines)
    assert names == [
        ("one.bib", 4),
        ("two.bib", 5),
        ("three.bib", 5),
        ("four.bib", 6),
        ("five.bib", 7),
        ("six.bib", 7),
    ]
