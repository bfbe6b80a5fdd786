"""Trailing punctuation cut from an address found in running text.

A URL or DOI found in prose carries the sentence's punctuation ("see https://x.org/a.")
and the closing bracket of the parenthesis around it ("(https://x.org/a)"), but a
bracket the address opened itself is its own ("https://x.org/wiki/A_(b)"). The link
extractor and the free-text reference parser both cut so; the brackets are counted once,
not again for every character cut (a run of ``)`` would make that quadratic).
"""

from __future__ import annotations

from collections.abc import Mapping, Set


def trim_trailing(text: str, trailing: Set[str], brackets: Mapping[str, str]) -> str:
    """`text` without the characters of `trailing` at its end, nor the closing brackets
    (keys of `brackets`, each to its opening one) it holds more of than of their
    opening bracket."""
    closes = {close: text.count(close) for close in brackets}
    opens = {close: text.count(open_) for close, open_ in brackets.items()}
    end = len(text)
    while end:
        last = text[end - 1]
        if last in trailing:
            end -= 1
        elif last in closes and opens[last] < closes[last]:
            end -= 1
            closes[last] -= 1
        else:
            break
    return text[:end]
