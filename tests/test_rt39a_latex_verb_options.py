"""rt39a-1: an inline listing's options are read to a bounded length, so a line of
unclosed ``\\lstinline[`` (or ``\\mintinline[``) is blanked in linear time.

The LaTeX reader blanks ``\\verb``-like commands before it reads citations, trying
`latex._VERB` at every backslash. Its option group, ``\\[[^\\]\\n]*\\]``, read from
each ``\\lstinline[`` to the line's end looking for ``]``; failing there, it took ``[``
as the delimiter and went on from the next ``[`` -- the next ``\\lstinline[``, which
read to the line's end again. A line of ``\\lstinline[`` written 32,000 times (352 KB)
held a worker 25 CPU s (2,000: 1.8 s; quadratic), through `citeaudit check`, the
API's upload and the Celery parse step alike. `redos_scan.py` timed the pattern with
one ``match`` (every call in the source is ``.match``) where the reader's loop makes
it a search. Options are now read to `_MAX_OPTIONS` characters (real ones are tens).

CPU growth is compared, never measured against a limit (tests/security/growth.py),
and the locality the fix rests on is tested directly: what the pattern reads of an
option is the same whatever follows past its bound.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript import latex
from citeaudit.manuscript.latex import blank_latex_comments
from tests.security.growth import growth_at

MAX_GROWTH = 10.0  # 4x the text: linear ~4x, quadratic ~16x
growth = growth_at(4)


def _line_of(opener: str) -> object:
    def build(n: int) -> str:
        return "Text \\cite{a}. " + opener * n

    return build


@pytest.mark.parametrize("opener", ["\\lstinline[", "\\mintinline[", "\\lstinline[x "])
def test_a_line_of_unclosed_listing_options_is_blanked_in_linear_time(opener: str) -> None:
    build = _line_of(opener)
    # before: 2,000 openers ~0.2 s, 8,000 ~2.9 s
    ratio = growth(build, lambda text: blank_latex_comments([text]), 2_000)  # type: ignore[arg-type]
    assert ratio <= MAX_GROWTH, f"{opener!r}: CPU grew {ratio:.1f}x for 4x the line"


@pytest.mark.parametrize("command", ["lstinline", "mintinline"])
def test_an_option_is_read_to_a_bounded_length(command: str) -> None:
    """The match at an opener does not depend on the text past its bound: a ``]``
    thousands of characters on does not make them one option."""
    tail = "{x}" if command == "mintinline" else ""
    far = f"\\{command}[" + "a" * 5_000 + "]" + tail + "!code!"
    near = far[: len(command) + 2 + latex._MAX_OPTIONS + 1]
    got_far, got_near = latex._VERB.match(far), latex._VERB.match(near)
    assert (got_far and got_far.span()) == (got_near and got_near.span())


def test_real_options_still_read_as_before() -> None:
    """Options as papers write them keep their meaning: the delimiter after them."""
    lines = [
        "See \\lstinline[language=Python]!x[0]! and \\cite{a}.",
        "Also \\mintinline[fontsize=\\small]{python}|f(x)| then \\cite{b}.",
        "And \\lstinline!plain! with \\cite{c}.",
    ]
    shown = blank_latex_comments(lines)
    for line, key in zip(shown, "abc", strict=True):
        assert f"\\cite{{{key}}}" in line, shown
        assert "x[0]" not in line and "f(x)" not in line and "plain" not in line, shown
