"""A host name too long for DNS is refused in linear time, however it is spelt.

Before: every URL the link checker judges (a manuscript's link, each redirect's
Location, a handle record's URL, a webhook's address) had each non-ASCII host label
encoded by Python's IDNA codec (`targets._host_problem`) and, when that failed, by
punycode again to see whether a browser could (`targets.client_limit`), and only then
was the label found longer than DNS's 63 bytes. Python's punycode is pure Python and
quadratic in a label's distinct characters: one label of 4,000 distinct CJK
characters (a 12 KB URL) held the thread about 16 s, 16,000 of them (48 KB, within
one redirect's head) some minutes -- in the link checker that thread is the event
loop, so one hostile page's redirect froze every link of the phase, past every
per-request deadline. A label that cannot fit is now refused before it is encoded
(its nameprep'd length is read in linear time); every label that fits is encoded as
before, so what is accepted and refused does not change.

Counted, not timed: the pure-Python codec calls ``ord`` for every character it scans
(`counted_work.calls_in`).
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from citeaudit.links.targets import _browser_host, _idna_2003, client_limit, url_problem
from tests.security.counted_work import MAX_GROWTH, SCALE, calls_in

BASE = 300  # distinct characters in the hostile label at 1x


def _label(n: int, start: int = 0x4E00) -> str:
    return "".join(chr(start + i % 20_000) for i in range(n))


def _growth(run: Callable[[int], object]) -> float:
    small = calls_in(lambda: run(BASE))
    large = calls_in(lambda: run(BASE * SCALE))
    return (large + 1_000) / (small + 1_000)


SHAPES: dict[str, Callable[[int], str]] = {
    "link host": lambda n: f"http://{_label(n)}.example/x",
    "label among short ones": lambda n: f"https://a.{_label(n)}.b.example:8443/p?q=1",
    "full-width stops inside the label": lambda n: f"http://{_label(n)}\uff0e{_label(n, 0x3400)}/",
    "hangul": lambda n: f"http://{_label(n, 0xAC00)}/",
    "mixed basic and other": lambda n: "http://" + "".join(f"a{c}" for c in _label(n // 2)) + "/",
}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_long_host_label_is_refused_in_linear_work(shape: str) -> None:
    build = SHAPES[shape]
    assert url_problem(build(BASE)) is not None
    growth = _growth(lambda n: url_problem(build(n)))
    assert growth <= MAX_GROWTH, f"url_problem's work grew {growth:.1f}x for {SCALE}x"


@pytest.mark.parametrize("shape", SHAPES)
def test_what_a_browser_could_ask_for_is_judged_in_linear_work(shape: str) -> None:
    build = SHAPES[shape]
    assert client_limit(build(BASE)) is None  # no browser asks for it either
    growth = _growth(lambda n: client_limit(build(n)))
    assert growth <= MAX_GROWTH, f"client_limit's work grew {growth:.1f}x for {SCALE}x"


def test_a_long_punycode_label_is_refused_in_linear_work() -> None:
    encoded = {n: _label(n).encode("punycode").decode("ascii") for n in (BASE, BASE * SCALE)}

    def run(n: int) -> object:
        return _browser_host(f"xn--{encoded[n]}.example")

    assert not _browser_host(f"xn--{encoded[BASE]}.example")
    growth = _growth(run)
    assert growth <= MAX_GROWTH, f"_browser_host's work grew {growth:.1f}x for {SCALE}x"


def test_a_redirect_to_a_long_host_is_judged_in_linear_work() -> None:
    import httpx

    from citeaudit.links.redirect_judge import judge_location
    from citeaudit.links.safety import AddressRule

    rule = AddressRule()

    def run(n: int) -> object:
        request = httpx.Request("GET", "https://public.example/start")
        response = httpx.Response(
            302, headers=[(b"location", f"http://{_label(n)}.example/".encode())], request=request
        )
        try:
            judge_location(rule, httpx, response, True)
        except httpx.HTTPError as exc:
            return exc
        return None

    assert isinstance(run(BASE), httpx.UnsupportedProtocol)
    growth = _growth(run)
    assert growth <= MAX_GROWTH, f"the redirect judge's work grew {growth:.1f}x for {SCALE}x"


# Labels around the limit, with characters nameprep maps to nothing (soft hyphen,
# zero-width joiner), to other lengths (ligatures, full-width letters) or refuses.
_ALPHABET = (
    "ab-z09"
    + "\u00ad\u200d\u200b\ufeff"  # mapped to nothing
    + "\ufb00\ufb01\u2163\uff21\u00df\u0130"  # ligatures, numerals, full-width, ß, İ
    + "中文字éüøñ한국"
    + "\u3002\uff0e\uff61"  # IDNA 2003 full stops
    + "\u0627\u05d0"  # right-to-left letters (bidi rules)
    + "\u0080\u2028"  # refused by nameprep
)


def _codec(label: str) -> bytes | None:
    try:
        return label.encode("idna")
    except UnicodeError:
        return None


def _ours(label: str) -> bytes | None:
    try:
        return _idna_2003(label)
    except UnicodeError:
        return None


def test_the_linear_encoding_accepts_and_refuses_what_the_codec_does() -> None:
    rng = random.Random(24)
    for _ in range(4_000):
        n = rng.choice([1, 5, 30, 58, 59, 60, 61, 63, 64, 80, 120, 200])
        label = "".join(rng.choice(_ALPHABET) for _ in range(n))
        if label.isascii():
            continue
        assert _ours(label) == _codec(label), repr(label)
    # Long, but mapped to nothing down to a label that fits.
    fits = "\u00ad" * 500 + "中文"
    assert _ours(fits) == _codec(fits) is not None
