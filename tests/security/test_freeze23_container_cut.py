"""freeze23: a container's cuts are tested against its named brackets in linear work.

``freetext_fields._container_cut_raw`` keeps no cut inside a name's own bracket
("Conference on Modeling (ICCM 2010)"). Every cut was tested against every bracket:
an entry of "(ABC 1) x, 1 " repeated holds as many of each, so the work grew with the
square of the entry (a 10,000-character entry, the most an entry is read, 0.12 s;
with the bisection 0.01 s). Counted here as Python calls (``sys.setprofile``: each
turn of the generator the old test ran is one), at a size and at 8 times it: linear
work grows 8x, the old loop 64x.
"""

from __future__ import annotations

from citeaudit.bibliography.freetext_fields import _container_cut_raw
from tests.security.counted_work import calls_in


def _calls(text: str) -> int:
    return calls_in(lambda: _container_cut_raw(text, chapter=True))


def test_cuts_against_brackets_grow_linearly() -> None:
    small = _calls("Book " + "(ABC 1) x, 1 " * 100)
    large = _calls("Book " + "(ABC 1) x, 1 " * 800)
    assert large < 16 * small, (small, large)


def test_a_cut_inside_a_named_bracket_is_still_kept_out() -> None:
    assert _container_cut_raw("Conference on Modeling (ICCM 2010), pp. 1-2") == (
        "Conference on Modeling (ICCM 2010)"
    )
