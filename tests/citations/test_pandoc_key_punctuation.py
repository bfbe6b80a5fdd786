"""Pandoc's key grammar at punctuation: single internal punctuation characters only.

An em-dash typed as "---" right after a key ("@smith2001---the point") ends the key,
as pandoc's manual says of "@Foo_bar--baz" (key Foo_bar).
"""

from __future__ import annotations

import time

import pytest

from citeaudit.manuscript.citations import PandocExtractor
from tests.citations.helpers import document


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


def test_long_punctuation_runs_stay_linear() -> None:
    hostile = "as @a" + "-" * 50_000 + "b" + ".-" * 50_000 + " says [@c" + ":/" * 30_000 + "]"
    start = time.perf_counter()
    found = keys(hostile)
    assert time.perf_counter() - start < 2.0
    assert "c:" in found  # pandoc: ":" before "/" is kept, "/" before ":" ends the key
