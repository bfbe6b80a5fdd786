"""Crossref through habanero, with what habanero lacks added around it.

habanero builds the requests (filters, field queries, ``select``, the polite-pool
``mailto`` in the User-Agent) but it sends one request per DOI with
``works(ids=...)``, does not URL-encode DOIs, does not retry, raises on 429 and
hides the response headers that carry Crossref's rate limits. So:

- DOIs are looked up in batches, ``/works?filter=doi:A,doi:B&rows=N`` (results come
  back unordered and are matched by DOI), as many DOIs per request as the URL holds
  (`max_url` characters of path and query; a 414 halves the batch); a batch that
  fails falls back to one request per DOI, with the DOI %-encoded by us.
- Crossref keeps separate budgets for single records (``/works/{doi}``) and for
  lists (filters, queries, ``/journals?query=``): each request names its budget, so
  lists are paced by the list budget's own headers, never at the single-record rate.
- The same query or journal name asked by several threads at once is sent once.
- habanero's HTTP goes through `_Shim`, which swaps in our pooled httpx2 client for
  calls made by this module (other calls of habanero get a pinned client with no
  exempt origin: nothing habanero sends goes around the address rule) and keeps the
  raw response, so the `Channel` can pace, read rate-limit headers and retry.
- Answers are cached per DOI and per query, so a re-audit asks only for what changed.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import ModuleType
from typing import Any
from urllib.parse import quote, urlsplit

import habanero
import httpx2

from citeaudit import remote_json
from citeaudit.doi import UnsafeDoi, doi_path, doi_refusal
from citeaudit.encodable import encodable
from citeaudit.errors import ResolverError
from citeaudit.links.pinned import SyncLookup, allowed, pinned_client2, system_lookup
from citeaudit.links.safety import AddressRule, IPAddress, is_forbidden_address
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import RegistryRecord
from citeaudit.resolve.cache import RegistryCache
from citeaudit.resolve.channel import Channel, Reply, no_record
from citeaudit.resolve.interface import Answer, Lookup, Search, WorkRegistry
from citeaudit.resolve.records import crossref_record
from citeaudit.resolve.sending import failure_from, reply_from

__all__ = ["LIST", "SINGLE", "CrossrefRegistry", "bibliographic_query"]

SINGLE = "single"  # the budget of ``/works/{doi}``
LIST = "list"  # the budget of every request answered with a list
MAX_URL = 4000  # characters of path and query; proxies commonly accept 8 KB request lines
MAX_ROWS = 1000  # Crossref answers at most 1000 rows per request

SELECT = [
    "DOI",
    "title",
    "subtitle",
    "author",
    "editor",
    "container-title",
    "issued",
    "published-print",
    "published-online",
    "published",
    "posted",
    "type",
    "updated-by",
    "score",
]


def _message(payload: Any) -> dict[str, Any]:
    """The ``message`` object of a Crossref answer; {} for any other shape.

    An answer is a stranger's JSON: ``{"message": "x"}`` or ``{"message": []}``
    raised AttributeError out of the look-up and failed the resolution phase."""
    message = payload.get("message") if isinstance(payload, dict) else None
    return message if isinstance(message, dict) else {}


def _items(payload: Any) -> list[dict[str, Any]]:
    """The record objects of a Crossref list answer (``message.items``)."""
    items = _message(payload).get("items")
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _candidates(items: Any) -> tuple[RegistryRecord, ...]:
    """A search's hits that name a DOI we take (`records.registry_doi`): a hit is
    offered for its DOI, and one without is no candidate for an entry."""
    records = (crossref_record(i) for i in items if isinstance(i, dict))
    return tuple(r for r in records if r.doi)


class _Local(threading.local):
    client: httpx2.Client | None = None
    response: httpx2.Response | None = None


_local = _Local()


class _Shim:
    """Stands in for the `httpx2` module inside habanero's request modules.

    Every way the module sends goes through our pinned client: ``get`` (all habanero
    sends with today) and the other verbs and ``request``. What would send without
    it -- ``stream``, a ``Client`` or transport of the module's own -- is refused, not
    handed the real module: passed through, a later habanero that posted, streamed or
    built a client of its own went out with no address rule and the environment's
    proxies, and nothing here would have said so (rt37s). Any other name (exception
    classes, ``__version__``) is the module's own."""

    HTTPStatusError = httpx2.HTTPStatusError
    HTTPError = httpx2.HTTPError

    def get(self, url: str, **kwargs: Any) -> httpx2.Response:
        return self.request("GET", url, **kwargs)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx2.Response:
        client = _local.client or _fallback()
        # The client decides whether to follow redirects (its hook judges each
        # Location only when it does): a call's own ``follow_redirects`` is dropped.
        kwargs.pop("follow_redirects", None)
        response = client.request(method, url, **kwargs)
        # habanero reads the answer with the response's own ``json()`` before we see
        # it: the standard parser, unbounded -- 14 MB of "{}," took 390 MB and 3.7 s
        # of the worker, our bounded read refusing it only afterwards. The same read
        # as ours (`remote_json.loads`): a flood is refused before it is parsed.
        response.json = functools.partial(_bounded_json, response)  # type: ignore[method-assign]
        _local.response = response
        return response

    def __getattr__(self, name: str) -> Any:
        if name in _VERBS:
            return functools.partial(self.request, name.upper())
        if name in _UNGUARDED:
            raise _Unguarded(
                f"httpx2.{name} inside habanero would send past the address rule; "
                "only the module's request functions are routed through it"
            )
        return getattr(httpx2, name)


# httpx2's module-level verbs (each `request` with its method), and what sends without
# our client: a stream, and the clients and transports a caller would make itself.
_VERBS = frozenset({"post", "put", "patch", "delete", "head", "options"})
_UNGUARDED = frozenset(
    {"stream", "Client", "AsyncClient", "HTTPTransport", "AsyncHTTPTransport", "MockTransport"}
)


class _Unguarded(httpx2.HTTPError, AttributeError):
    """A habanero call that would send around the shim: an HTTP error of the library's
    own, so its callers (and the channel) take it as a failed request -- and an
    AttributeError, so ``hasattr`` and other introspection read the name as absent
    rather than raising."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


def _bounded_json(response: httpx2.Response, **kwargs: Any) -> Any:
    """`httpx2.Response.json` through `remote_json.loads` (ValueError past its bounds)."""
    return remote_json.loads(response.content)


_install_lock = threading.Lock()
_fallback_client: httpx2.Client | None = None


def _fallback() -> httpx2.Client:
    """The client of habanero calls made outside a registry's request (by anyone else
    in the process): pinned too, with no exempt origin -- the shim replaces habanero's
    HTTP for the whole process, so nothing it sends may go around the address rule."""
    global _fallback_client
    with _install_lock:
        if _fallback_client is None:
            _fallback_client = pinned_client2(AddressRule(), timeout=20.0, follow_redirects=True)
        return _fallback_client


# The habanero modules that send: the works, members, journals and content-negotiation
# requests we use, and the citation counts and CSL style list we do not (anyone in the
# process may call them: they must not go around the rule). Found, not listed: a
# module holding ``httpx2`` is one, whatever habanero's release adds or renames -- a
# list of five left ``habanero_utils`` (which holds the module too) with the real one,
# and would have left any new sender's requests unguarded (rt37s).
def _senders() -> list[ModuleType]:
    for info in pkgutil.walk_packages(habanero.__path__, "habanero."):
        importlib.import_module(info.name)  # loaded by habanero itself: a look-up each
    return [
        module
        for name, module in sorted(sys.modules.items())
        if (name == "habanero" or name.startswith("habanero."))
        and module is not None
        and "httpx2" in vars(module)
    ]


def _install_shim() -> None:
    with _install_lock:
        for module in _senders():
            if not isinstance(getattr(module, "httpx2", None), _Shim):
                module.httpx2 = _Shim()  # type: ignore[attr-defined]


# Installed when this module is imported, not when the first registry is made: until
# then a habanero call by anyone else in the process went out through httpx2's own
# client -- proxies from the environment, no address rule (a Crossref base URL of
# loopback was asked as it stood).
_install_shim()


# The longest text of one field a query sends. The reference's own text is the
# upload's: a "title" of a pasted paragraph made a URL past httpx's bound, refused
# before it was sent and reported as "a redirect to an unreadable location". Real
# titles and journal names are far shorter; Crossref's matching needs their start.
MAX_QUERY_FIELD = 500


def _cut(text: str, limit: int = MAX_QUERY_FIELD) -> str:
    """`text` up to `limit` characters, ended at a word's end where there is one, and
    encodable: a lone surrogate (an API caller's or a CSL-JSON escape's) made httpx2
    raise UnicodeEncodeError building the query -- no transport error: it went past
    the channel and failed the whole resolution phase. U+FFFD stands in for it."""
    text = encodable(text)
    if len(text) <= limit:
        return text
    head = text[:limit]
    space = head.rfind(" ")
    return head[:space] if space > limit // 2 else head


def bibliographic_query(ref: Reference) -> str:
    """What ``query.bibliographic`` gets: title, first author, year, container (each
    at most `MAX_QUERY_FIELD` characters)."""
    parts = [_cut(ref.title or ""), _cut(ref.first_author_family or ""), str(ref.year or "")]
    if ref.container:
        parts.append(_cut(ref.container))
    return " ".join(p for p in parts if p).strip()


class _OneAtATime:
    """Per-key locks: a second asker of the same key waits, then finds it cached."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[str, tuple[threading.Lock, int]] = {}

    @contextmanager
    def hold(self, key: str) -> Iterator[None]:
        with self._lock:
            lock, users = self._held.get(key, (threading.Lock(), 0))
            self._held[key] = (lock, users + 1)
        try:
            with lock:
                yield
        finally:
            with self._lock:
                lock, users = self._held[key]
                if users == 1:
                    del self._held[key]
                else:
                    self._held[key] = (lock, users - 1)


def _base_path(url: str) -> str:
    """The path part of a base URL (what precedes ``/works`` in a request target)."""
    return urlsplit(url).path.rstrip("/")


def _doi_cost(doi: str) -> int:
    """Characters a DOI adds to a filter: ``doi:`` and a comma, all %-encoded."""
    return len(quote(f"doi:{doi}", safe="")) + 3


class CrossrefRegistry(WorkRegistry):
    name = "crossref"

    def __init__(
        self,
        channel: Channel,
        *,
        base_url: str = "https://api.crossref.org",
        mailto: str | None = None,
        timeout: float = 20.0,
        cache: RegistryCache | None = None,
        batch_size: int | None = None,
        max_url: int = MAX_URL,
        forbidden: Callable[[IPAddress], bool] = is_forbidden_address,
        lookup: SyncLookup = system_lookup,
    ) -> None:
        """`forbidden` and `lookup`: which addresses are not public and who answers
        names (tests stand loopback addresses in for public hosts, as the link
        checker's policy lets them)."""
        _install_shim()
        self.channel = channel
        # Budgets are per pool; the pool is chosen by whether we say who we are.
        channel.pool = "polite" if mailto else "public"
        self.cache = cache
        self.batch_size = min(batch_size or MAX_ROWS, MAX_ROWS)
        self.max_url = max_url
        self._overhead = len(
            f"{_base_path(base_url)}/works?filter=&rows={MAX_ROWS}&select="
            + quote(",".join(SELECT), safe="")
        )
        self._flights = _OneAtATime()
        self._habanero = habanero.Crossref(
            base_url=base_url.rstrip("/"), mailto=mailto, timeout=timeout
        )
        # Redirects are followed, each hop checked: only Crossref's own configured
        # origin may be a non-public address (tests run it on loopback).
        self._client = pinned_client2(
            AddressRule(allowed_origins=allowed([base_url]), forbidden=forbidden),
            timeout=timeout,
            follow_redirects=True,
            lookup=lookup,
        )
        self._first = True
        self._first_lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def begin(self) -> None:
        """Start of an audit: the next request is the reachability probe again."""
        self.channel.reset()
        with self._first_lock:
            self._first = True

    # -- sending ------------------------------------------------------------------

    def _sender(self, call: Callable[[], Any]) -> Callable[[], Reply]:
        """Run one habanero call and give the channel the raw response, whatever it was."""

        def send() -> Reply:
            _local.client, _local.response = self._client, None
            try:
                call()
            except Exception as exc:  # habanero raises many types; the response tells all
                response = _local.response
                # habanero re-raises some transport errors wrapped, others bare
                # (`failure_from` reads the causes and contexts). A refusal on a
                # redirect hop leaves the redirect's response behind: it is not the
                # answer.
                failure = failure_from(exc)
                if failure is not None and (response is None or failure.final):
                    raise failure from None
                if response is None:
                    raise
            finally:
                _local.client = None
            response = _local.response
            assert response is not None  # habanero made its request
            return reply_from(response)

        return send

    def _request(self, kind: str, call: Callable[[], Any], budget: str = LIST) -> Reply:
        with self._first_lock:
            preflight, self._first = self._first, False
        return self.channel.request(kind, self._sender(call), preflight=preflight, budget=budget)

    # -- DOIs -----------------------------------------------------------------------

    def works(self, dois: Sequence[str]) -> Mapping[str, Lookup]:
        """Look up DOIs: cache first, then batches, then one by one if a batch fails."""
        out, wanted = self.from_cache(dois)
        for doi in [d for d in wanted if doi_refusal(d)]:
            out[doi] = Lookup(Answer.UNAVAILABLE, reason=f"not asked: {doi_refusal(doi)}")
        wanted = [d for d in wanted if d not in out]
        for chunk in self.chunks(wanted):
            out.update(self.batch(chunk))
        return out

    def from_cache(self, dois: Sequence[str]) -> tuple[dict[str, Lookup], list[str]]:
        """The cached answers, and the DOIs still to ask."""
        out: dict[str, Lookup] = {}
        wanted: list[str] = []
        for doi in dict.fromkeys(d.lower() for d in dois):
            cached = self.cache.get("crossref-work", doi) if self.cache else None
            if cached is not None:
                self.channel.stats.hit()
                out[doi] = (
                    Lookup(Answer.FOUND, crossref_record(cached.body), cached=True)
                    if cached.found
                    else Lookup(Answer.NOT_FOUND, cached=True)
                )
            else:
                wanted.append(doi)
        return out, wanted

    def chunks(self, dois: Sequence[str]) -> list[list[str]]:
        """As few batches as the URL length and `batch_size` allow, in order.

        A DOI too long to share a URL goes alone (and then as a single look-up).
        """
        out: list[list[str]] = []
        room = self.max_url - self._overhead
        chunk: list[str] = []
        used = 0
        for doi in dois:
            cost = _doi_cost(doi)
            if chunk and (used + cost > room or len(chunk) >= self.batch_size):
                out.append(chunk)
                chunk, used = [], 0
            chunk.append(doi)
            used += cost
        if chunk:
            out.append(chunk)
        return out

    @staticmethod
    def budget_of(dois: Sequence[str]) -> str:
        """The budget `batch(dois)` draws on first: one DOI is a single-record look-up."""
        return LIST if sum(1 for d in dois if "," not in d) > 1 else SINGLE

    def batch(self, dois: Sequence[str]) -> dict[str, Lookup]:
        """One ``filter=doi:...`` request; per-DOI requests when it cannot be answered."""
        batchable = [d for d in dois if "," not in d]  # a comma would split the filter
        single = [d for d in dois if "," in d]
        out: dict[str, Lookup] = {}
        if len(batchable) == 1:
            single.append(batchable.pop())
        if batchable:
            try:
                reply = self._request(
                    "crossref-batch",
                    lambda: self._habanero.works(
                        filter={"doi": list(batchable)}, limit=len(batchable), select=SELECT
                    ),
                )
            except ResolverError:
                if self.channel.broken:
                    return {d: Lookup(Answer.UNAVAILABLE, reason=self.channel.broken) for d in dois}
                reply = None
            if reply is not None and reply.status == 414 and len(batchable) > 1:
                # The URL was too long for this server: ask in halves, and make later
                # batches no longer than the halves.
                refused = urlsplit(reply.url)
                length = len(refused.path) + 1 + len(refused.query)
                self.max_url = min(self.max_url, max(self._overhead + 64, length // 2))
                half = len(batchable) // 2
                out.update(self.batch(batchable[:half]))
                out.update(self.batch(batchable[half:]))
                batchable = []
            elif (
                reply is not None
                and reply.status == 200
                and isinstance(_message(reply.payload).get("items"), list)
            ):  # an answer of another shape says nothing of any DOI: asked one by one
                found = {str(i.get("DOI", "")).lower(): i for i in _items(reply.payload)}
                answers: list[tuple[str, bool, Any, str]] = []
                for doi in batchable:
                    item = found.get(doi)
                    if item is not None:
                        out[doi] = Lookup(Answer.FOUND, crossref_record(item))
                        answers.append((doi, True, item, reply.url))
                    else:
                        out[doi] = Lookup(Answer.NOT_FOUND)
                        answers.append((doi, False, None, reply.url))
                if self.cache is not None:  # one write for the reply, not one per DOI
                    self.cache.put_many("crossref-work", answers)
            else:
                single.extend(batchable)
        for doi in single:
            out[doi] = self.work(doi)
        return out

    def work(self, doi: str) -> Lookup:
        """``/works/{doi}``, the DOI %-encoded (habanero would send it raw)."""
        try:
            encoded = doi_path(doi, keep_slashes=False)
        except UnsafeDoi as exc:
            return Lookup(Answer.UNAVAILABLE, reason=f"not asked: {exc.reason}")
        try:
            reply = self._request(
                "crossref-work", lambda: self._habanero.works(ids=[encoded], warn=False), SINGLE
            )
        except ResolverError as exc:
            return Lookup(Answer.UNAVAILABLE, reason=exc.reason)
        item = _message(reply.payload)
        if reply.status == 200 and item:
            self._store(doi, True, item, reply.url)
            return Lookup(Answer.FOUND, crossref_record(item))
        if reply.status == 404:
            self._store(doi, False, None, reply.url)
            return Lookup(Answer.NOT_FOUND)
        return Lookup(Answer.UNAVAILABLE, reason=no_record(reply))

    def _store(self, doi: str, found: bool, item: Any, url: str) -> None:
        if self.cache is not None:
            self.cache.put("crossref-work", doi, found=found, body=item, url=url)

    # -- search -----------------------------------------------------------------------

    def search(self, ref: Reference, rows: int = 5) -> Search:
        query = bibliographic_query(ref)
        if not query:
            return Search(Answer.FOUND)
        key = f"{rows}|{query.lower()}"
        with self._flights.hold(f"query|{key}"):
            return self._search(query, key, rows)

    def _search(self, query: str, key: str, rows: int) -> Search:
        cached = self.cache.get("crossref-query", key) if self.cache else None
        if cached is not None:
            self.channel.stats.hit()
            items = cached.body or []
            return Search(Answer.FOUND, _candidates(items), cached=True)
        try:
            reply = self._request(
                "crossref-query",
                lambda: self._habanero.works(query_bibliographic=query, limit=rows, select=SELECT),
            )
        except ResolverError as exc:
            return Search(Answer.UNAVAILABLE, reason=exc.reason)
        if reply.status != 200 or not isinstance(reply.payload, dict):
            return Search(Answer.UNAVAILABLE, reason=no_record(reply))
        items = _items(reply.payload)
        if self.cache is not None:
            self.cache.put("crossref-query", key, found=bool(items), body=items, url=reply.url)
        return Search(Answer.FOUND, _candidates(items))

    # -- journals ---------------------------------------------------------------------

    def journal_titles(self, name: str, rows: int = 5) -> tuple[Answer, tuple[str, ...]]:
        """Titles of the journals ``/journals?query=`` finds for `name` (best first)."""
        name = _cut(name.strip())
        key = f"{rows}|{name.lower()}"
        with self._flights.hold(f"journal|{key}"):
            return self._journal_titles(name, key, rows)

    def _journal_titles(self, name: str, key: str, rows: int) -> tuple[Answer, tuple[str, ...]]:
        cached = self.cache.get("crossref-journal", key) if self.cache else None
        if cached is not None:
            self.channel.stats.hit()
            return Answer.FOUND, tuple(str(t) for t in cached.body or [])
        try:
            reply = self._request(
                "crossref-journal", lambda: self._habanero.journals(query=name, limit=rows)
            )
        except ResolverError:
            return Answer.UNAVAILABLE, ()
        if reply.status != 200 or not isinstance(reply.payload, dict):
            return Answer.UNAVAILABLE, ()
        titles = tuple(str(i["title"]) for i in _items(reply.payload) if i.get("title"))
        if self.cache is not None:
            self.cache.put("crossref-journal", key, found=bool(titles), body=list(titles))
        return Answer.FOUND, titles
