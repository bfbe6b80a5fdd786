"""A loopback stand-in for Crossref, doi.org's Handle API and DataCite.

A real HTTP server (threads, HTTP/1.1 keep-alive) on 127.0.0.1 and an ephemeral
port, answering in the registries' real shapes:

- Crossref ``/works?filter=doi:A,doi:B&rows=N`` and ``/works?query.bibliographic=``:
  ``{"status":"ok","message-type":"work-list","message":{"items":[...],
  "total-results":N}}`` (items unordered for filters; scored for queries, and a
  query always returns its best hits, however poor, as Crossref does);
  ``/works/{doi}``: ``message-type: work``, or the plain-text 404
  ``Resource not found.``. Like Crossref, budgets are split by pool: a request is
  in the polite pool when it names a ``mailto`` (User-Agent or parameter), public
  otherwise, and in its ``-single`` pool when it asks for one record
  (``/works/{doi}``), its ``-array`` pool when the answer is a list (filters,
  queries, ``/journals?query=``). Every answer carries its own pool's
  ``x-rate-limit-limit``, ``x-rate-limit-interval``, ``x-concurrency-limit`` and
  ``x-api-pool``; a request beyond its pool's rate (sliding window) or concurrency
  limit gets 429 with ``Retry-After``. `CROSSREF_BUDGETS` are the budgets reported
  for Crossref (lists about 3/s polite and 1/s public, single records 10/s and
  5/s); without `budgets`, every pool gets `rate_limit`/`interval`/`concurrency`.
  A request target longer than `max_url` gets 414.
- doi.org ``/api/handles/{doi}``: ``{"responseCode":1,...}`` or 404 with
  ``{"responseCode":100}``; shortDOIs carry an ``HS_ALIAS`` value.
- Crossref ``/journals?query=``: ``message-type: journal-list``, the journals of the
  recorded works that share a word with the query.
- DataCite ``/dois/{doi}``: a JSON:API document, or 404 with ``errors``.

Latency, limits and injected failures (`fail_next`) are attributes tests set, and
so are redirects: `redirect_all` answers every request with a 302 to that URL (a
registry, or something posing as one, sending the client elsewhere).
"""

from __future__ import annotations

import json
import random
import re
import threading
import time
from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

RECORDS = Path(__file__).resolve().parents[2] / "references" / "crossref"


def load_records(
    root: Path = RECORDS,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    works = json.loads((root / "works.json").read_text("utf-8"))
    datacite = json.loads((root / "datacite.json").read_text("utf-8"))
    handles = json.loads((root / "handles.json").read_text("utf-8"))
    return works, datacite, handles


@dataclass(frozen=True)
class Budget:
    """One pool's budget: `limit` requests per `interval` seconds, `concurrency` at once."""

    limit: int
    interval: float
    concurrency: int


CROSSREF_BUDGETS: Mapping[str, Budget] = {
    "polite-single": Budget(10, 1.0, 3),
    "polite-array": Budget(3, 1.0, 3),
    "public-single": Budget(5, 1.0, 1),
    "public-array": Budget(1, 1.0, 1),
}


@dataclass
class _PoolState:
    arrivals: deque[float] = field(default_factory=deque)
    in_flight: int = 0
    peak: int = 0


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


class RegistryStandIn:
    def __init__(
        self,
        works: list[dict[str, Any]] | None = None,
        datacite: list[dict[str, Any]] | None = None,
        handles: dict[str, Any] | None = None,
        *,
        latency: float = 0.0,
        rate_limit: int = 1000,
        interval: float = 1.0,
        concurrency: int = 100,
        budgets: Mapping[str, Budget] | None = None,
        max_url: int = 8190,
    ) -> None:
        if works is None or datacite is None or handles is None:
            w, d, h = load_records()
            works = w if works is None else works
            datacite = d if datacite is None else datacite
            handles = h if handles is None else handles
        self.works = {str(w["DOI"]).lower(): w for w in works}
        self.datacite = {str(d["attributes"]["doi"]).lower(): d for d in datacite}
        self.registered = {d.lower() for d in handles.get("registered", [])}
        self.registered |= set(self.works) | set(self.datacite)
        self.aliases = {k.lower(): v.lower() for k, v in handles.get("aliases", {}).items()}
        self.latency = latency
        self.rate_limit = rate_limit
        self.interval = interval
        self.concurrency = concurrency
        self.budgets = dict(budgets) if budgets is not None else None
        # What the headers announce, when it is more than is enforced (a budget that
        # is not all the client's: another client on its address, a stricter server).
        self.announce: dict[str, Budget] = {}
        self.max_url = max_url
        self.fail_next: deque[int] = deque()  # statuses to answer Crossref with, in turn
        self.redirect_all: str | None = None  # answer everything with a 302 to this URL
        self.retry_after: str | None = "1"
        self.counts: Counter[str] = Counter()  # requests by kind
        self.statuses: Counter[int] = Counter()
        self.paths: list[str] = []
        self.pools: Counter[str] = Counter()  # admitted Crossref requests by pool
        self.limited: Counter[str] = Counter()  # 429s for exceeding a pool's budget
        self.arrivals: list[tuple[float, str, bool]] = []  # (monotonic time, pool, admitted)
        self.max_in_flight = 0  # the most Crossref requests one pool had at once
        self._pools: dict[str, _PoolState] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> RegistryStandIn:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reset_counts(self) -> None:
        with self._lock:
            self.counts.clear()
            self.statuses.clear()
            self.paths.clear()
            self.pools.clear()
            self.limited.clear()
            self.arrivals.clear()
            self.max_in_flight = 0
            for state in self._pools.values():
                state.peak = 0

    # -- Crossref's limits --------------------------------------------------------------

    def budget(self, pool: str) -> Budget:
        if self.budgets is not None and pool in self.budgets:
            return self.budgets[pool]
        return Budget(self.rate_limit, self.interval, self.concurrency)

    @staticmethod
    def pool_of(path: str, polite: bool) -> str:
        """``/works/{doi}`` asks for one record; ``/works``, ``/journals`` for lists."""
        single = len([p for p in path.split("/") if p]) >= 2
        return f"{'polite' if polite else 'public'}-{'single' if single else 'array'}"

    def _admit(self, pool: str) -> bool:
        budget = self.budget(pool)
        with self._lock:
            state = self._pools.setdefault(pool, _PoolState())
            now = time.monotonic()
            while state.arrivals and now - state.arrivals[0] >= budget.interval:
                state.arrivals.popleft()
            if len(state.arrivals) >= budget.limit or state.in_flight >= budget.concurrency:
                self.limited[pool] += 1
                self.arrivals.append((now, pool, False))
                return False
            self.arrivals.append((now, pool, True))
            state.arrivals.append(now)
            state.in_flight += 1
            state.peak = max(state.peak, state.in_flight)
            self.max_in_flight = max(self.max_in_flight, state.in_flight)
            self.pools[pool] += 1
            return True

    def _leave(self, pool: str) -> None:
        with self._lock:
            self._pools[pool].in_flight -= 1

    def peak(self, pool: str) -> int:
        """The most requests `pool` had in flight at once since the last reset."""
        with self._lock:
            state = self._pools.get(pool)
            return state.peak if state else 0

    def limit_headers(self, pool: str) -> dict[str, str]:
        budget = self.announce.get(pool) or self.budget(pool)
        return {
            "x-rate-limit-limit": str(budget.limit),
            "x-rate-limit-interval": f"{budget.interval:g}s",
            "x-concurrency-limit": str(budget.concurrency),
            "x-api-pool": pool,
        }

    # -- answers ------------------------------------------------------------------------

    def crossref(self, path: str, query: dict[str, list[str]]) -> tuple[int, Any]:
        if path.startswith("/works/"):
            doi = unquote(path[len("/works/") :]).lower()
            self.counts["crossref-work"] += 1
            item = self.works.get(doi)
            if item is None:
                return 404, "Resource not found."
            return 200, {
                "status": "ok",
                "message-type": "work",
                "message-version": "1.0.0",
                "message": item,
            }
        rows = int(query.get("rows", ["20"])[0])
        if path == "/journals":
            return self.journals(query.get("query", [""])[0], rows)
        if "filter" in query:
            self.counts["crossref-batch"] += 1
            wanted = []
            for part in query["filter"][0].split(","):
                name, _, value = part.partition(":")
                if name != "doi":
                    return 400, {
                        "status": "failed",
                        "message-type": "validation-failure",
                        "message": [{"type": "filter-not-available", "value": name}],
                    }
                wanted.append(value.lower())
            items = [self.works[d] for d in wanted if d in self.works]
            random.shuffle(items)  # Crossref returns filter results in no useful order
            return 200, self._list(items[:rows], len(items))
        if "query.bibliographic" in query:
            self.counts["crossref-query"] += 1
            words = _words(query["query.bibliographic"][0])
            scored = []
            for item in self.works.values():
                text = " ".join(
                    [
                        *(item.get("title") or []),
                        *(a.get("family", "") for a in item.get("author") or []),
                        *(item.get("container-title") or []),
                    ]
                )
                overlap = len(words & _words(text))
                if overlap:
                    scored.append((overlap, item))
            scored.sort(key=lambda x: -x[0])
            items = [{**item, "score": float(score * 7.3)} for score, item in scored[:rows]]
            return 200, self._list(items, len(scored))
        self.counts["crossref-other"] += 1
        return 200, self._list([], 0)

    def journals(self, text: str, rows: int) -> tuple[int, Any]:
        """``/journals?query=``: every journal a recorded work is in, by words in common."""
        self.counts["crossref-journal"] += 1
        titles = sorted(
            {t for item in self.works.values() for t in item.get("container-title") or []}
        )
        words = _words(text)
        scored = sorted(
            ((len(words & _words(t)), t) for t in titles if words & _words(t)),
            key=lambda x: (-x[0], x[1]),
        )
        items = [
            {
                "title": title,
                "publisher": "Stand-in Publisher",
                "ISSN": [],
                "issn-type": [],
                "subjects": [],
                "counts": {"total-dois": 100, "current-dois": 10, "backfile-dois": 90},
                "flags": {"deposits": True},
            }
            for _, title in scored[:rows]
        ]
        message = {
            "items-per-page": rows,
            "query": {"start-index": 0, "search-terms": text},
            "total-results": len(scored),
            "items": items,
        }
        return 200, {
            "status": "ok",
            "message-type": "journal-list",
            "message-version": "1.0.0",
            "message": message,
        }

    @staticmethod
    def _list(items: list[dict[str, Any]], total: int) -> dict[str, Any]:
        return {
            "status": "ok",
            "message-type": "work-list",
            "message-version": "1.0.0",
            "message": {
                "facets": {},
                "total-results": total,
                "items": items,
                "items-per-page": len(items),
                "query": {"start-index": 0, "search-terms": None},
            },
        }

    def handle(self, doi: str) -> tuple[int, Any]:
        self.counts["handle"] += 1
        doi = doi.lower()
        if doi in self.aliases:
            return 200, {
                "responseCode": 1,
                "handle": doi,
                "values": [
                    {
                        "index": 1,
                        "type": "HS_ALIAS",
                        "data": {"format": "string", "value": self.aliases[doi]},
                        "ttl": 86400,
                        "timestamp": "2019-05-02T10:11:12Z",
                    }
                ],
            }
        if doi in self.registered:
            return 200, {
                "responseCode": 1,
                "handle": doi,
                "values": [
                    {
                        "index": 1,
                        "type": "URL",
                        "data": {"format": "string", "value": f"https://example.org/{doi}"},
                        "ttl": 86400,
                        "timestamp": "2019-05-02T10:11:12Z",
                    },
                    {
                        "index": 100,
                        "type": "HS_ADMIN",
                        "data": {"format": "admin", "value": {"handle": "0.na/10", "index": 200}},
                        "ttl": 86400,
                        "timestamp": "2019-05-02T10:11:12Z",
                    },
                ],
            }
        return 404, {"responseCode": 100, "handle": doi}

    def datacite_doi(self, doi: str) -> tuple[int, Any]:
        self.counts["datacite"] += 1
        record = self.datacite.get(doi.lower())
        if record is None:
            return 404, {
                "errors": [
                    {"status": "404", "title": "The resource you are looking for doesn't exist."}
                ]
            }
        return 200, {"data": record}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = parse_qs(parts.query)
                path = parts.path
                with stand_in._lock:
                    stand_in.paths.append(self.path)
                if stand_in.redirect_all is not None:
                    self._answer(302, "Found", {"Location": stand_in.redirect_all})
                    return
                if path.startswith("/api/handles/"):
                    self._answer(*stand_in.handle(unquote(path[len("/api/handles/") :])))
                    return
                if path.startswith("/dois/"):
                    self._answer(*stand_in.datacite_doi(unquote(path[len("/dois/") :])))
                    return
                if len(self.path) > stand_in.max_url:
                    self._answer(414, "Request-URI Too Long")
                    return
                polite = "mailto" in self.headers.get("User-Agent", "") or "mailto" in query
                pool = stand_in.pool_of(path, polite)
                headers = stand_in.limit_headers(pool)
                if not stand_in._admit(pool):
                    extra = {"retry-after": stand_in.retry_after} if stand_in.retry_after else {}
                    self._answer(429, "Too many requests", {**headers, **extra})
                    return
                try:
                    if stand_in.latency:
                        time.sleep(stand_in.latency)
                    with stand_in._lock:
                        injected = stand_in.fail_next.popleft() if stand_in.fail_next else None
                    if injected == 429:
                        status, body = 429, "Too many requests"
                        if stand_in.retry_after:
                            headers = {**headers, "retry-after": stand_in.retry_after}
                    elif injected is not None:
                        status, body = injected, "Internal server error"
                    else:
                        status, body = stand_in.crossref(path, query)
                finally:
                    stand_in._leave(pool)
                self._answer(status, body, headers)

            def _answer(
                self, status: int, body: Any, headers: dict[str, str] | None = None
            ) -> None:
                with stand_in._lock:
                    stand_in.statuses[status] += 1
                if isinstance(body, str):
                    data, ctype = body.encode(), "text/plain"
                else:
                    data, ctype = json.dumps(body).encode(), "application/json;charset=utf-8"
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler
