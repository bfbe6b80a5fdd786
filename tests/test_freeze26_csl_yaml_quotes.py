"""freeze26: the CSL YAML reader's look for brackets outside quoted strings is linear.

Before composing, `csl_yaml._shallow` removes quoted strings (`_QUOTED.sub`) to count
the flow brackets left. A double quote never closed on its line failed after reading to
the line's end -- and the search restarted at every later quote of that line, each an
escaped quote of the first one's text, reading to the end again: ``"\\`` repeated
40,000 times on one line (80 KB) took 17 s of CPU, before any YAML was read. The
restarts happen inside one ``sub`` call, where `counted_work` sees one scan of the
text, so growth is compared as tests/security/test_redos_patterns.py does: the best of
three CPU times at 4x the size over the base, never against a limit (linear 4x,
quadratic 16x; fails past 10x).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citeaudit.bibliography.csl_yaml import parse_csl_yaml
from tests.security.growth import growth_at

MAX_GROWTH = 10.0
growth = growth_at(4)


def _read(text: str) -> object:
    return parse_csl_yaml(text, "refs.yaml")


def _escaped_quotes(n: int) -> str:
    """One title of n/2 '"\\' pairs: an unclosed string of escaped quotes."""
    return "references:\n- id: k\n  title: " + '"\\' * (n // 2) + "\n"


def _quotes_before_brackets(n: int) -> str:
    """An unclosed quote of escaped quotes, then brackets after a closed one."""
    return "references:\n- {id: k, title: 'a', note: " + '"\\' * (n // 2) + "}\n"


@pytest.mark.parametrize("build", [_escaped_quotes, _quotes_before_brackets])
def test_quotes_are_set_aside_in_linear_time(build: Callable[[int], str]) -> None:
    # the base took ~0.15 s before the fix (its 4x ~2.5 s), ~1 ms after
    ratio = growth(build, _read, 4_000)
    assert ratio <= MAX_GROWTH, f"{build.__name__}: CPU grew {ratio:.1f}x for 4x the text"


def test_brackets_after_an_unclosed_quote_are_still_counted() -> None:
    """An unclosed quote's text is kept: brackets after it count (errs towards deep)."""
    text = 'references:\n- id: k\n  title: "\\"x ' + "[" * 70 + "\n"
    assert [p.message for p in parse_csl_yaml(text, "refs.yaml").problems] == [
        "not valid YAML: nested too deeply"
    ]


def test_quoted_brackets_are_still_set_aside() -> None:
    """Brackets inside closed quotes (either kind) are text, not nesting."""
    title = '"' + "[" * 70 + '\\" x"'
    text = f"references:\n- id: k\n  title: {title}\n  note: '{'{' * 70}'\n  issued: 2020\n"
    result = parse_csl_yaml(text, "refs.yaml")
    assert [r.key for r in result.references] == ["k"]
    assert result.references[0].title == "[" * 70 + '" x'
