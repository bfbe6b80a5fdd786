"""Pure parts: extraction, targets, safety, reasons, pacing, soft 404 comparison."""

from __future__ import annotations

import asyncio
import ipaddress
import itertools
import socket
import time

import httpcore
import httpx
import pytest

from citeaudit.links import errors
from citeaudit.links.body import decode_body
from citeaudit.links.extract import extract_links
from citeaudit.links.policy import HostGate
from citeaudit.links.retry import parse_retry_after
from citeaudit.links.safety import NameNotResolved, PrivateAddressRefused, is_forbidden_address
from citeaudit.links.soft404 import Page, absent_url, could_be_soft_404, is_soft_404
from citeaudit.links.verdict import is_home, is_login


def test_extract_from_markdown_and_text() -> None:
    text = (
        "See https://en.wikipedia.org/wiki/Foo_(bar). And [x](https://a.org/b?c=1), "
        "<https://c.org/>.\ndoi:10.1007/978-3-319-69790-1_7 and https://doi.org/10.5555/ABC.\n"
        "[ref]: http://example.com/path"
    )
    found = [(f.target.kind, f.target.value, f.line, f.column) for f in extract_links(text)]
    assert found == [
        ("url", "https://en.wikipedia.org/wiki/Foo_(bar)", 1, 5),
        ("url", "https://a.org/b?c=1", 1, 54),
        ("url", "https://c.org/", 1, 77),
        ("doi", "10.1007/978-3-319-69790-1_7", 2, 1),
        ("doi", "10.5555/abc", 2, 37),
        ("url", "http://example.com/path", 3, 8),
    ]


def test_extract_from_html_and_list() -> None:
    html = '<html><body><a href="https://x.org/a">x</a> <a href="#top">t</a></body></html>'
    assert [f.target.value for f in extract_links(html)] == ["https://x.org/a"]
    listing = "https://a.org/\nwww.not-a-url.org\n10.1000/xyz\n"
    assert [(f.target.kind, f.line) for f in extract_links(listing, "list")] == [
        ("url", 1),
        ("doi", 3),
    ]


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.100.100.200",
        "224.0.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fd00:ec2::254",
        "::ffff:127.0.0.1",
        "100.64.0.1",
    ],
)
def test_forbidden_addresses(address: str) -> None:
    assert is_forbidden_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1::1"])
def test_public_addresses_allowed(address: str) -> None:
    assert not is_forbidden_address(ipaddress.ip_address(address))


def _wrapped(
    inner: BaseException, outer: type[httpx.HTTPError] = httpx.ConnectError
) -> BaseException:
    try:
        try:
            raise inner
        except BaseException as exc:
            raise httpcore.ConnectError(str(exc)) from exc
    except httpcore.ConnectError as core:
        mapped = outer("x")
        mapped.__cause__ = core
        return mapped


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (_wrapped(NameNotResolved("x")), errors.DNS),
        (_wrapped(PrivateAddressRefused("h", "10.0.0.1")), errors.PRIVATE),
        (_wrapped(ConnectionRefusedError(111, "refused")), errors.REFUSED),
        (_wrapped(OSError(101, "Network is unreachable")), errors.UNREACHABLE),
        (_wrapped(__import__("ssl").SSLError(1, "bad cert")), errors.TLS),
        (httpx.ReadTimeout("slow"), errors.TIMEOUT),
        (httpx.ConnectTimeout("slow"), errors.TIMEOUT),
        (_wrapped(ConnectionResetError(104, "reset"), httpx.ReadError), errors.RESET),
        (
            httpx.RemoteProtocolError("Server disconnected without sending a response."),
            errors.RESET,
        ),
        (httpx.DecodingError("bad gzip"), errors.DECODING),
        (_wrapped(socket.gaierror(-2, "x")), errors.CONNECT),
    ],
)
def test_reason_for(exc: BaseException, reason: str) -> None:
    assert errors.reason_for(exc) == reason


def test_retry_after_forms() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470) == 10.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_host_gate_spaces_request_starts() -> None:
    async def go() -> list[float]:
        gate = HostGate(per_host=4, min_interval=0.05)
        starts: list[float] = []

        async def one() -> None:
            async with gate.slot("a.org"):
                starts.append(time.monotonic())

        await asyncio.gather(*(one() for _ in range(4)))
        return starts

    starts = sorted(asyncio.run(go()))
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert all(g >= 0.04 for g in gaps)


def test_decode_body_is_bounded() -> None:
    import gzip

    raw = gzip.compress(b"\0" * (50 << 20))
    assert len(decode_body(raw, "gzip", None, 1000)) == 1000
    assert decode_body(b"caf\xc3\xa9", None, "utf-8", 100) == "café"
    assert decode_body(b"xx", "br", None, 100) == ""


def test_home_and_login_pages() -> None:
    assert is_home("https://a.org/", "https://a.org/paper")
    assert is_home("https://a.org/en/", "https://a.org/paper")
    assert not is_home("https://a.org/", "https://a.org/")
    assert is_login("https://a.org/account/login?x=1", "https://a.org/paper")
    assert not is_login("https://a.org/blog/login-tips-article", "https://a.org/paper")


def test_soft_404_comparison() -> None:
    nf = "<title>Oops</title><h1>Page not found</h1><p>Try search.</p>"
    page = Page("https://a.org/x/gone", "https://a.org/x/gone", 200, nf)
    absent = Page(absent_url(page.url), "", 200, nf)
    absent = Page(absent.url, absent.url, 200, nf)
    assert absent.url.startswith("https://a.org/x/citeaudit-absent-")
    assert is_soft_404(page, absent)
    real = Page("https://a.org/x/real", "https://a.org/x/real", 200, "<title>Real</title>Findings")
    assert not is_soft_404(real, absent)
    honest = Page(absent.url, absent.url, 404, nf)
    assert not is_soft_404(page, honest)
    shell = "<title>App</title><div id=app></div>"
    assert not is_soft_404(
        Page(real.url, real.url, 200, shell), Page(absent.url, absent.url, 200, shell)
    )


def test_only_redirected_or_not_found_worded_pages_need_the_absent_page() -> None:
    nf = "<title>Oops</title><h1>Page not found</h1>"
    real = "<title>Real</title><p>Findings about 404 errors? no: findings.</p>"
    assert could_be_soft_404(Page("https://a.org/x/gone", "https://a.org/x/gone", 200, nf))
    home = "<title>Home</title>"
    assert could_be_soft_404(Page("https://a.org/x/p", "https://a.org/", 200, home))
    assert not could_be_soft_404(
        Page("https://a.org/x/p", "https://a.org/x/p", 200, "<title>Real</title>Findings")
    )
    # The URL's own words are not the page's: /404-errors is not a "not found" page.
    assert not could_be_soft_404(
        Page("https://a.org/404-errors", "https://a.org/404-errors", 200, "<p>/404-errors</p>")
    )
    assert could_be_soft_404(Page("https://a.org/y", "https://a.org/y", 200, real))


@pytest.mark.parametrize(
    "title",
    [
        "Halaman tidak ditemukan",  # Indonesian (an OJS journal site)
        "Página não encontrada",
        "Pagina non trovata",
        "Seite existiert nicht",
        "Страница не найдена",
        "页面不存在",
        "ページが見つかりません",
        "Sayfa bulunamadı",
    ],
)
def test_not_found_pages_in_other_languages_are_soft_404s(title: str) -> None:
    text = f"<title>{title}</title><h1>{title}</h1><p>Beranda / Home</p>"
    page = Page("https://j.example.id/index.php/jurnal/article/view/99", "", 200, text)
    page = Page(page.url, page.url, 200, text)
    absent = Page(absent_url(page.url), absent_url(page.url), 200, text)
    assert could_be_soft_404(page) and is_soft_404(page, absent)


def test_a_real_article_in_indonesian_is_not_compared() -> None:
    text = "<title>Keseimbangan kekuatan CSTO dan NATO</title><p>Abstrak: artikel ini ...</p>"
    url = "https://j.example.id/index.php/jurnal/article/view/98"
    assert not could_be_soft_404(Page(url, url, 200, text))


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, c in enumerate(pattern):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def test_every_not_found_phrase_has_a_key_word() -> None:
    # The keys are a prefilter: a phrase the pattern knows but no key covers would
    # never be looked for.
    from citeaudit.links.soft404 import NOT_FOUND_KEYS, NOT_FOUND_WORDS

    alternatives = _top_level_alternatives(NOT_FOUND_WORDS.pattern)
    assert len(alternatives) > 20
    for alternative in alternatives:
        assert any(key in alternative for key in NOT_FOUND_KEYS), alternative


@pytest.mark.parametrize(
    "wording",
    ["PAGE NOT FOUND", "Error 404", "This page no longer exists", "Nothing was found"],
)
def test_not_found_wording_in_any_case_needs_the_absent_page(wording: str) -> None:
    url = "https://a.org/x/p"
    text = f"<title>Site</title><h1>{wording}</h1>"
    assert could_be_soft_404(Page(url, url, 200, text))
    assert not could_be_soft_404(Page(url, url, 200, "<title>Site</title><h1>Error 4040</h1>"))


def test_targets_are_taken_host_by_host_among_a_bounded_set_of_hosts() -> None:
    from citeaudit.links.precheck import interleaved
    from citeaudit.links.targets import target_for

    targets = [target_for(f"https://h{i % 5}.example/{i}") for i in range(15)]
    order = [t.value for t in interleaved(targets, active=2)]
    assert sorted(order) == sorted(t.value for t in targets)  # each once
    for host in range(5):  # each host's in their order
        own = [u for u in order if u.startswith(f"https://h{host}.")]
        assert own == [t.value for t in targets if t.value.startswith(f"https://h{host}.")]
    hosts = [u.split("/")[2] for u in order]
    # Never more than two hosts under way: a host starts only when another is done.
    started: list[str] = []
    for i, host in enumerate(hosts):
        if host not in started:
            started.append(host)
        under_way = {h for h in started if h in hosts[i:]}
        assert len(under_way) <= 2
    assert hosts[:4] == ["h0.example", "h1.example"] * 2  # in turn


def test_answer_headers_are_read_as_httpx_reads_them() -> None:
    from citeaudit.links.body import header_dict

    raw = [(b"Link", b"<a>; rel=x"), (b"link", b"<b>; rel=y"), (b"Location", b"/caf\xe9")]
    expected = {k.lower(): v for k, v in httpx.Headers(raw).items()}
    assert header_dict(raw) == expected
    assert expected["link"] == "<a>; rel=x, <b>; rel=y"
    assert header_dict([(b"Location", "/café".encode())])["location"] == "/café"
