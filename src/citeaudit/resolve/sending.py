"""Where HTTP library exceptions become `TransportFailure`, the channel's vocabulary.

httpx (doi.org, DataCite) and httpx2 (inside habanero, for Crossref) have the same
exception tree; what went wrong is read once for links and registries alike
(`links.errors.reason_for`) and only worded here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import httpcore
import httpcore2
import httpx
import httpx2

from citeaudit import remote_json
from citeaudit.links import errors
from citeaudit.links.body import charset_of, web_text
from citeaudit.links.pinned import AnswerTooLarge, RedirectHopFailed, allowed, pinned_client
from citeaudit.links.redirect_judge import RedirectNotFollowed
from citeaudit.links.safety import AddressRule, NonPublicAddress
from citeaudit.resolve.cache import RegistryCache
from citeaudit.resolve.channel import Channel, Reply, TransportFailure

__all__ = ["failure_from", "reply_from", "send_get"]


class _Response(Protocol):
    @property
    def status_code(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def content(self) -> bytes: ...

    @property
    def headers(self) -> Any: ...

    @property
    def url(self) -> Any: ...


MAX_TEXT = 64 * 1024  # of a non-JSON answer kept as text (only ever shown in part)


def reply_from(response: _Response) -> Reply:
    payload: Any = None
    ctype = response.headers.get("content-type", "")
    if "json" in ctype:
        try:
            payload = remote_json.loads(response.content)
        except ValueError:
            payload = None
    return Reply(
        status=response.status_code,
        headers={k.lower(): v for k, v in response.headers.items()},
        payload=payload,
        # A bounded prefix, in a web encoding: httpx's `text` decodes the whole body
        # (16 MB) with whatever codec the answer's charset names ("punycode" is
        # quadratic: a redirect target could hold the worker for hours).
        text=web_text(response.content[:MAX_TEXT], charset_of(ctype)) if payload is None else "",
        url=str(response.url),
    )


def failure_from(exc: BaseException) -> TransportFailure | None:
    """Map an httpx/httpx2 exception; None when it is not a transport problem.

    The exception's causes and contexts are read too: habanero re-raises some
    transport errors wrapped (a RuntimeError whose context is the httpx2 error).
    A connection refused because it would reach a non-public address (a registry's
    redirect to loopback, a private network or a metadata service) is final for that
    request and says nothing of where it pointed or what answers there; so is an
    answer larger than its bound, and a redirect to a location no client can read.
    Whether a redirect led there is said (`_refused_at_redirect`): a first request
    refused -- a configured registry name resolving to a metadata address -- was
    worded as a redirect, and a reader went looking for one in the registry's records.

    So is every failure past a redirect: a Location not followed (another scheme,
    port 0, a host DNS cannot carry: `RedirectNotFollowed`), a hop on another server
    (another host, or another port of the asked one) that refuses, does not resolve,
    times out or loops on past the client's bound (`RedirectHopFailed`). Each was the
    *registry's* failure -- "unreachable" opened the circuit at once, or a retry sent
    the whole chain again and the breaker counted it -- so one record redirecting
    somewhere hostile silenced the registry for the rest of the upload. The registry
    answered; only that request failed. (A loop on the registry's own server stays
    the registry's failure: not retried -- the same loop again -- but counted; so is
    a hop that timed out, `TransportFailure.counted`.)

    A URL the client will not send at all (``InvalidURL``: our own request, never
    sent) is that request's failure too, said as such: no network was asked.
    """
    chain = list(errors.causes(exc))
    if any(isinstance(e, NonPublicAddress) for e in chain):
        if _refused_at_redirect(chain):
            return TransportFailure("refused: a redirect to a non-public address", final=True)
        return TransportFailure("refused: the address is not public", final=True)
    for e in chain:
        if isinstance(e, AnswerTooLarge):
            return TransportFailure("refused: the answer is too large", final=True)
    for e in chain:
        if isinstance(e, RedirectNotFollowed):
            return TransportFailure(f"not followed: {e.reason}", final=True)
    for e in chain:
        if isinstance(e, RedirectHopFailed):
            said = _hop_words(chain, e)
            return TransportFailure(
                f"not followed: a redirect to another server failed ({said})",
                final=True,
                counted=said == "timeout",  # it held the request: the breaker hears of it
            )
    for e in chain:
        if isinstance(e, httpx.InvalidURL | httpx2.InvalidURL):
            return TransportFailure(
                "not asked: the request's URL cannot be sent (an invalid URL)", final=True
            )
    for e in chain:
        mapped = _one(e)
        if mapped is not None:
            return mapped
    return None


# A refusal raised by a connection (`pinned.PinnedBackend`: the transport's own error
# type); one judged on a redirect's Location before any connection is a bare refusal.
_CONNECTING = (httpcore.ConnectError, httpcore2.ConnectError)


def _refused_at_redirect(chain: list[BaseException]) -> bool:
    """The refusal in `chain` was met past a redirect: a Location judged before it
    was followed (`redirect_judge`: a refusal no connection raised), or a connection
    past a redirect (`RedirectHopFailed`: another server, or the asked one's name
    answering otherwise on the way back). Otherwise it is the
    request's own URL that names (or resolves to) the non-public address."""
    for e in chain:
        if isinstance(e, RedirectHopFailed):
            return True
        if isinstance(e, NonPublicAddress) and not isinstance(e, _CONNECTING):
            return True
    return False


def _hop_words(chain: list[BaseException], hop: BaseException) -> str:
    """What went wrong at the redirect hop, in the channel's words (its cause's)."""
    for e in chain:
        if e is hop:
            continue
        mapped = _one(e)
        if mapped is not None:
            return mapped.reason
    return "no answer"


def _one(exc: BaseException) -> TransportFailure | None:
    """A request's failure in the registries' words, read by the links' `reason_for`."""
    if not errors.is_request_error(exc):
        return None
    if isinstance(exc, httpx.TooManyRedirects | httpx2.TooManyRedirects):
        # A loop on the asked server alone (one through another server is a
        # `RedirectHopFailed`): the same loop when asked again, so never retried --
        # each retry sent the whole chain again, and a first request's loop was
        # "unreachable", opening the circuit. The server's own misbehaviour all the
        # same: the breaker hears of it.
        return TransportFailure("too many redirects", final=True, counted=True)
    if errors.is_timeout(exc):
        return TransportFailure("timeout")
    if errors.is_connect_error(exc):
        text = str(exc).lower()
        named = "name" in text and ("resolution" in text or "not known" in text)
        if named or errors.reason_for(exc) in (errors.DNS, errors.DNS_UNANSWERED):
            return TransportFailure("unknown host", unreachable=True)
        return TransportFailure("connection refused", unreachable=True)
    if errors.is_dropped(exc):
        return TransportFailure("connection dropped")
    return TransportFailure(type(exc).__name__)


def send_get(
    client: httpx.Client, url: str, params: dict[str, str] | None = None
) -> Callable[[], Reply]:
    """A sender for `Channel.request`: one GET through an httpx client."""

    def send() -> Reply:
        try:
            return reply_from(client.get(url, params=params))
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            failure = failure_from(exc)
            if failure is None:
                raise
            raise failure from None

    return send


class HttpRegistry:
    """What the httpx-based registries (doi.org, DataCite) share: a paced channel, a
    base URL that tests point at loopback, an optional cache and one pooled client.

    The client connects only to public addresses, and to the base URL's own origin
    (which tests put on loopback); redirects are not followed. It is always our
    pinned client (`pinned_client`): a caller cannot hand in another one, which would
    resolve and connect past the address rule.
    """

    default_url: str

    def __init__(
        self,
        channel: Channel,
        *,
        base_url: str | None = None,
        timeout: float = 20.0,
        cache: RegistryCache | None = None,
    ) -> None:
        self.channel = channel
        self.base_url = (base_url or self.default_url).rstrip("/")
        self.cache = cache
        self._client = pinned_client(
            AddressRule(allowed_origins=allowed([self.base_url])), timeout=timeout
        )

    def close(self) -> None:
        self._client.close()
