"""Pandoc's key grammar at punctuation: single internal punctuation characters only.

An em-dash typed as "---" right after a key ("@smith2001---the point") ends the key,
as pandoc's manual says of "@Foo_bar--baz" (key Foo_bar). Long punctuation runs are
held linear without a clock: the work is counted at a base size and 8 times it
(tests/security/counted_work.py); benches/linearity.py prints the seconds
(shape pandoc-key-punctuation).
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import PandocExtractor
from tests.citations.helpers import document
from tests.security.counted_work import Case, assert_linear


def keys(text: str) -> list[str | None]:
    return [c.key for c in PandocExtractor().extract(document(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("as argued by @okafor2001---the first to say so---we", ["okafor2001"]),
        ("as argued [@okafor2001--the first; @lund1999]", ["okafor2001", "lund1999"]),
        ("as @Foo_bar--baz says", ["Foo_bar"]),
        ("as @Foo_bar.baz. says", ["Foo_bar.baz"]),
        ("as @okafor2001.-x says", ["okafor2001"]),
        ("as @lee:2020-b says", ["lee:2020-b"]),
        ("as [@url:https://example.org/a/b] says", ["url:https://example.org/a/b"]),
        ("as [@doi:10.1000/xyz-12] says", ["doi:10.1000/xyz-12"]),
    ],
)
def test_repeated_punctuation_ends_the_key(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def hostile(n: int) -> str:
    """Runs of "-", ".-" and ":/" after keys: each a place where a key may end."""
    return "as @a" + "-" * n + "b" + ".-" * n + " says [@c" + ":/" * (n * 3 // 5) + "]"


CASES = {"punctuation runs": Case(hostile, keys, 5_000)}


def test_long_punctuation_runs_stay_linear() -> None:
    assert_linear(__name__, "punctuation runs")


def test_long_punctuation_runs_end_the_key_where_pandoc_does() -> None:
    assert "c:" in keys(hostile(50_000))  # ":" before "/" is kept, "/" before ":" ends it
