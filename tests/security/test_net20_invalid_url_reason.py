"""A registry request whose own URL the client will not send says so, and nothing else.

Class: httpx and httpx2 raise ``InvalidURL`` -- outside their ``HTTPError`` tree --
for a URL they refuse to send (a non-printable character, a port that is no number,
an unclosed IPv6 literal, a URL past 64 KB). `resolve.sending.failure_from` read every such
error as "refused: a redirect to an unreadable location": a request that was never
sent, with no redirect anywhere, was reported as a hostile redirect (and a reader of
the report went looking for a server that was never asked). Now it is that request's
final failure, worded as a URL we could not send; never a network failure (no retry,
no "unreachable", no open circuit).

Instances: each kind of URL both libraries refuse, sent through the real pinned
clients (`links.pinned`) and the registries' sender (`sending.send_get`).
"""

from __future__ import annotations

from typing import Any

import httpx
import httpx2
import pytest

from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.safety import AddressRule
from citeaudit.resolve.channel import TransportFailure
from citeaudit.resolve.sending import failure_from, send_get

UNSENDABLE = [
    "http://127.0.0.1:1/works/\x00x",  # a non-printable character in the path
    "http://127.0.0.1:1/works/\x7f",
    "http://[::1/works",  # an IPv6 literal never closed
    "http://127.0.0.1:1x/works",  # a port that is no number
    "http://127.0.0.1\x01/works",  # a control character in the host
    "http://127.0.0.1:1/" + "a" * 70_000,  # past httpx's 64 KB bound on a URL
]


def _rule() -> AddressRule:
    return AddressRule(allowed_origins=frozenset({("127.0.0.1", 1)}))


@pytest.mark.parametrize("url", UNSENDABLE, ids=range(len(UNSENDABLE)))
def test_an_unsendable_request_url_is_worded_as_such_through_send_get(url: str) -> None:
    client = pinned_client(_rule(), timeout=2.0)
    with client, pytest.raises(TransportFailure) as raised:
        send_get(client, url)()
    _is_an_unsendable_url(raised.value)


@pytest.mark.parametrize("make", [pinned_client, pinned_client2])
@pytest.mark.parametrize("url", UNSENDABLE, ids=range(len(UNSENDABLE)))
def test_an_unsendable_request_url_is_worded_as_such_in_both_libraries(make: Any, url: str) -> None:
    lib = httpx if make is pinned_client else httpx2
    client = make(_rule(), timeout=2.0)
    with client, pytest.raises((lib.InvalidURL, lib.HTTPError)) as raised:
        client.get(url)
    failure = failure_from(raised.value)
    assert failure is not None
    _is_an_unsendable_url(failure)


def _is_an_unsendable_url(failure: TransportFailure) -> None:
    assert "redirect" not in failure.reason, failure.reason
    assert "cannot be sent" in failure.reason, failure.reason
    assert failure.final and not failure.unreachable
