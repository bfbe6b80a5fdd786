"""strip_markdown takes a shortcut for text with no character any of its steps acts on;
the shortcut must give exactly what the full passes give, on both sides of the line."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.markup import strip_markdown


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("  Plain   words,\tno markup  ", "Plain words, no markup"),
        ("See www.example.org/a_b.", "See www.example.org/a_b."),
        ("Nguyen (2019) 10.1234/abc-def", "Nguyen (2019) 10.1234/abc-def"),
        ("Chen\uff0c Wang  (2020)", "Chen\uff0c Wang (2020)"),
        ("a \\*b\\* and *c*", "a *b* and c"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("[label](https://example.org/x)", "label https://example.org/x"),
    ],
)
def test_plain_and_marked_text(text: str, plain: str) -> None:
    assert strip_markdown(text) == plain
