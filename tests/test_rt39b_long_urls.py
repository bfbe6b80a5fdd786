"""A URL past `targets.MAX_URL_LENGTH` is never read as a URL: not a link, not a
redirect's Location.

httpx's URL parser looks at every character in Python (some 25 ms for 60 KB), and a
hop's Location was read as a URL about ten times -- judged, joined, put in its sent
form, looked up, requested -- in the link checker's event loop. A server answering
every hop of every link with a 301 to a new 60 KB Location (aiohttp takes header
lines to 64 KB) held the loop for a second per link, and every other link of the run
waited behind it (`benches/rt39b_long_locations.py`: 20 links, 0.49 s of CPU with
100-character Locations, 6.5 s with 60,000). RFC 9110 asks for 8,000 octets at
least; common servers refuse request lines past 8 KB. Past the bound, a link is not
checked (it says why) and a Location is not followed (nor read by a client that does
not follow it).

Decided by the requests the stand-in received and by verdicts, never by a clock.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import httpx2
import pytest

from citeaudit.links import errors
from citeaudit.links.pinned import allowed, pinned_client, pinned_client2
from citeaudit.links.precheck import precheck
from citeaudit.links.redirect_judge import RedirectNotFollowed
from citeaudit.links.safety import AddressRule
from citeaudit.links.targets import (
    LINK_KEYS,
    MAX_URL_LENGTH,
    target_for,
    url_problem,
    url_too_long,
)
from citeaudit.model.link import LinkOutcome
from tests.security.redteam_net_server import RawServer, answer, check_one, loopback_policy

POLICY = loopback_policy()
PAST = "a" * (MAX_URL_LENGTH + 100)  # a path that puts a URL past the bound
WITHIN = "a" * (MAX_URL_LENGTH - 200)  # and one that keeps it within


def _moved(tail: str) -> object:
    def handler(sock: socket.socket, target: str) -> None:
        location = f"/next-{tail}".encode("ascii")
        sock.sendall(answer("301 Moved Permanently", [("Location", location.decode())]))

    return handler


def _page(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("200 OK", body=b"<title>here</title>"))


@pytest.fixture
def server() -> Iterator[RawServer]:
    s = RawServer(
        {
            "/long": _moved(PAST),  # type: ignore[dict-item]
            "/fits": _moved(WITHIN),  # type: ignore[dict-item]
            "/next-": _page,
            "/page-": _page,
        }
    ).start()
    yield s
    s.stop()


# -- the link checker ---------------------------------------------------------------


def test_a_location_past_the_bound_is_not_followed(server: RawServer) -> None:
    check = check_one(server, "/long", POLICY)
    assert server.hits["/next-"] == 0  # never asked
    assert check.reason == "redirect-invalid"
    assert [hop.status for hop in check.hops] == [301]
    assert check.outcome is LinkOutcome.UNVERIFIED


def test_a_location_within_the_bound_is_followed(server: RawServer) -> None:
    check = check_one(server, "/fits", POLICY)
    assert server.hits["/next-"] == 1
    assert check.outcome is LinkOutcome.REDIRECTED, check
    assert check.final_url == server.url(f"/next-{WITHIN}")


def test_a_link_past_the_bound_is_not_asked(server: RawServer) -> None:
    check = check_one(server, f"/page-{PAST}", POLICY)
    assert server.hits["/page-"] == 0
    assert (check.outcome, check.reason, check.attempts) == (
        LinkOutcome.UNVERIFIED,
        "url-too-long",
        0,
    )


def test_a_link_within_the_bound_is_asked(server: RawServer) -> None:
    check = check_one(server, f"/page-{WITHIN}", POLICY)
    assert server.hits["/page-"] == 1
    assert check.outcome is LinkOutcome.OK, check


def test_the_precheck_says_so_before_any_other_reading() -> None:
    rule = AddressRule(allow_private=False)
    long_private = target_for(f"http://10.0.0.1/{PAST}")
    check = precheck(long_private, POLICY, rule)
    assert check is not None and check.reason == "url-too-long" and check.attempts == 0
    # A link's request key is its own (never put in its sent form: one reading less).
    assert LINK_KEYS.url(f"http://example.org/{PAST}") == f"url:http://example.org/{PAST}"


# -- the length on the wire ---------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "long"),
    [
        ("http://example.org/" + "a" * (MAX_URL_LENGTH - 19), False),
        ("http://example.org/" + "a" * (MAX_URL_LENGTH - 18), True),
        # Each non-ASCII character goes out %-encoded: "é" is six characters there.
        ("http://example.org/" + "é" * (MAX_URL_LENGTH // 6 + 1), True),
        ("http://example.org/" + "é" * (MAX_URL_LENGTH // 6 - 10), False),
        # A lone surrogate is counted too, never an exception (`url_problem` refuses it).
        ("http://example.org/\ud800" + "é" * (MAX_URL_LENGTH // 6), True),
    ],
)
def test_the_length_is_the_sent_one(url: str, long: bool) -> None:
    assert url_too_long(url) is long
    if long:
        assert url_problem(url) == f"the URL is longer than {MAX_URL_LENGTH} characters"


# -- the clients that follow redirects themselves (registries, trusted services) -------


def _rule(server: RawServer) -> AddressRule:
    return AddressRule(allowed_origins=allowed([server.url("/")]))


def test_a_registry_client_does_not_follow_a_location_past_the_bound(
    server: RawServer,
) -> None:
    with (
        pinned_client(_rule(server), timeout=2.0, follow_redirects=True) as client,
        pytest.raises(httpx.HTTPError) as raised,
    ):
        client.get(server.url("/long"))
    assert any(isinstance(e, RedirectNotFollowed) for e in errors.causes(raised.value))
    assert server.hits["/next-"] == 0


def test_habanero_s_client_does_not_follow_one_either(server: RawServer) -> None:
    with (
        pinned_client2(_rule(server), timeout=2.0, follow_redirects=True) as client,
        pytest.raises(httpx2.HTTPError) as raised,
    ):
        client.get(server.url("/long"))
    assert any(isinstance(e, RedirectNotFollowed) for e in errors.causes(raised.value))
    assert server.hits["/next-"] == 0


def test_a_client_that_does_not_follow_gets_the_answer_without_reading_it(
    server: RawServer,
) -> None:
    """A redirect not followed is an answer like any other: its status, no Location
    to read (httpx reads one to build the next request, followed or not)."""
    with pinned_client(_rule(server), timeout=2.0) as client:
        response = client.get(server.url("/long"))
    assert response.status_code == 301
    assert "location" not in response.headers
    assert response.next_request is None


def test_registry_clients_follow_a_location_within_the_bound(server: RawServer) -> None:
    with pinned_client(_rule(server), timeout=2.0, follow_redirects=True) as client:
        response = client.get(server.url("/fits"))
    assert response.status_code == 200
    assert server.hits["/next-"] == 1


def test_the_reasons_have_words() -> None:
    from citeaudit.link_reasons import describe

    assert describe("url-too-long") != "url-too-long"
    assert describe("redirect-invalid") != "redirect-invalid"
