"""Addresses in a free-text reference are taken out in linear time.

The free-text parser takes DOIs and URLs out of an entry first. It trimmed a URL's
trailing punctuation one character at a time, re-counting the brackets of the whole
URL and copying it for every character cut, and looked each address up in the list
of every address found before it: both quadratic in the entry. Entries are read up to
10,000 characters (`embedded.MAX_ENTRY_CHARS`) and a list holds up to 20,000 of them,
so the cap bounded each entry but not the harm: an entry of a URL and 9,900 ``)``
took 55 ms where a plain one of that length takes 4 ms, one of 1,250 bare addresses
(``e.org/a ``) 70 ms; a 20 MB upload of such entries ~140 s of a worker where a
plain one takes ~8 s. Growth is compared, never timed against a limit
(tests/security/growth.py), on the parser's own entry point.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citeaudit.bibliography.freetext import parse_fields
from tests.security.growth import growth_at

growth = growth_at(8)
HEAD = "Smith, J. (2020). A title. Journal 1, 2-3. "

SHAPES: dict[str, Callable[[int], str]] = {
    "a URL closed by a run of parentheses": lambda n: HEAD + "http://example.org/a" + ")" * n,
    "a URL closed by a run of brackets": lambda n: HEAD + "http://example.org/a" + "]" * n,
    "a URL closed by a run of stops": lambda n: HEAD + "http://example.org/a" + "." * n,
    "a bare address closed by parentheses": lambda n: HEAD + "example.org/a" + ")" * n,
    "many URLs": lambda n: HEAD + "http://e.org/a " * (n // 15),
    "many bare addresses": lambda n: HEAD + "e.org/a " * (n // 8),
    "many DOIs and URLs": lambda n: HEAD + "https://doi.org/10.1/x e.org/b " * (n // 31),
}


@pytest.mark.parametrize("name", SHAPES)
def test_addresses_in_an_entry_are_taken_out_linearly(name: str) -> None:
    ratio = growth(SHAPES[name], parse_fields, 8_000)
    assert ratio < 20, f"{name}: 8x the input took {ratio:.0f}x the time"


@pytest.mark.parametrize(
    ("written", "url"),
    [
        ("See http://example.org/a_(b)).", "http://example.org/a_(b)"),
        ("See http://example.org/a)]).", "http://example.org/a"),
        ("See http://example.org/a[1]].", "http://example.org/a[1]"),
        ("See http://example.org/(a)))", "http://example.org/(a)"),
        ("See <http://example.org/a>.", "http://example.org/a"),
        ("See http://example.org/a”.", "http://example.org/a"),
        ("See http://example.org/a*,;:'", "http://example.org/a"),
        ("See http://example.org/a/).", "http://example.org/a/"),
    ],
)
def test_trailing_punctuation_is_trimmed_as_before(written: str, url: str) -> None:
    assert parse_fields(HEAD + written).urls == [url]


def test_addresses_are_taken_out_of_the_text_once_each() -> None:
    """Two URLs, one inside a DOI's span and one bare address: each is taken out of
    the entry once, the rest of the text kept."""
    f = parse_fields(
        HEAD + "https://doi.org/10.1/xyz. Also http://example.org/p and example.net/q ok."
    )
    assert f.doi == "10.1/xyz"
    assert f.urls == ["https://doi.org/10.1/xyz", "http://example.org/p"]
