"""rt39a-2: a BibTeX value's ``\\url{...}``/``\\href{...}`` is found in linear time,
however many are left open.

An entry's URLs are taken from ``url``, ``howpublished``, ``note`` and ``addendum``
by `bibtex._URL_MACRO`, whose URL part ``[^}]*`` read from each ``\\url{`` to the next
``}``. A braced value balances its braces, so that ``}`` is near; a quoted value does
not have to (``note = "\\url{\\url{..."`` is read), and with no ``}`` at all every
``\\url{`` read to the value's end: 32,000 of them (a 160 KB upload) held the reader
39 CPU s through ``citeaudit check`` (quadratic), and a 20 MB upload holds two hundred
such entries. A URL holds no raw brace (RFC 3986 escapes it), so the URL part now
stops at either brace: each scan ends at the next ``\\url{``.

CPU growth is compared, never measured against a limit (tests/security/growth.py).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citeaudit.bibliography.bibtex import parse_bibtex
from tests.security.growth import growth_at

MAX_GROWTH = 10.0  # 4x the value: linear ~4x, quadratic ~16x
growth = growth_at(4)


def _quoted(field: str, opener: str) -> Callable[[int], str]:
    def build(n: int) -> str:
        value = opener * n
        return f'@misc{{a, author={{Lund, Kari}}, {field}="{value}", year={{2011}}}}\n'

    return build


@pytest.mark.parametrize(
    ("field", "opener"),
    [("note", "\\url{"), ("howpublished", "\\href {"), ("url", "\\url{"), ("addendum", "\\url{x ")],
)
def test_unclosed_url_macros_in_a_quoted_value_are_read_in_linear_time(
    field: str, opener: str
) -> None:
    # before: 2,000 openers ~0.15 s, 8,000 ~2.5 s
    ratio = growth(_quoted(field, opener), lambda text: parse_bibtex(text, "refs.bib"), 2_000)
    assert ratio <= MAX_GROWTH, f"{field} of {opener!r}: CPU grew {ratio:.1f}x for 4x"


def test_the_entry_with_unclosed_macros_is_still_read() -> None:
    bibliography = parse_bibtex(_quoted("note", "\\url{")(50), "refs.bib")
    assert [r.key for r in bibliography.references] == ["a"]


def test_urls_written_in_macros_are_still_found() -> None:
    text = (
        "@misc{a, author={Lund, Kari}, year={2011},\n"
        "  url={\\url{https://example.org/a_b?x=1}},\n"
        "  howpublished={\\href{https://example.org/h}{the site}},\n"
        "  note={See \\url {https://example.org/n} and \\url{https://example.org/m}.}}\n"
    )
    (reference,) = parse_bibtex(text, "refs.bib").references
    assert reference.urls == (
        "https://example.org/a_b?x=1",
        "https://example.org/h",
        "https://example.org/n",
        "https://example.org/m",
    )
