"""How politely and how far the link checker goes: limits, timeouts, retries, pacing.

Retries follow the one rule of every request citeaudit sends (`links/retry.py`).

`LinkPolicy` holds every knob with a default; `LinkPolicy.from_settings` takes the
ones that are settings. `HostGate` enforces the per-host concurrency and the minimum
interval between two requests to one host; the global limit is a plain semaphore in
the checker.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from citeaudit import __version__
from citeaudit.links.backends import Backend, backends_of
from citeaudit.links.retry import Backoff
from citeaudit.settings import ServiceSettings, Settings

if TYPE_CHECKING:
    from citeaudit.links.shared_pacing import SharedPacer

Method = Literal["GET", "HEAD"]
RUN_SHARE = 0.6  # of a service chunk's time limit, for its link checks


def user_agent(mailto: str | None) -> str:
    """A User-Agent naming the tool and, when set, a contact (CITEAUDIT_MAILTO)."""
    contact = f"; mailto:{mailto}" if mailto else ""
    return f"citeaudit/{__version__} (link checker; +https://pypi.org/project/citeaudit/{contact})"


def own_machine_allowed(settings: Settings) -> bool:
    """Whether `settings` let link checks reach this machine (`LinkPolicy`): what
    ``allow_own_machine`` says, and where a settings class has no such field, yes for
    the CLI's and no for the service's."""
    said = getattr(settings, "allow_own_machine", None)
    if isinstance(said, bool):
        return said
    return not isinstance(settings, ServiceSettings)


@dataclass(frozen=True, slots=True)
class LinkPolicy:
    concurrency: int = 32  # requests in flight, all hosts together
    per_host: int = 2  # requests in flight to one host
    # Requests in flight to one IP address, all its names together (never fewer than
    # `per_host`: one host's own limit is not cut by it; see `address_limit`).
    per_address: int = 8
    min_interval: float = 0.05  # seconds between two request starts to one host
    connect_timeout: float = 10.0
    read_timeout: float = 15.0
    total_timeout: float = 15.0  # one request, headers and capped body included
    # One URL's whole chain: every hop, retry and Retry-After wait (None: six requests'
    # worth, `chain_time`). Eleven hops of three tries each waiting out Retry-After: 30
    # held one link for twenty minutes, past a chunk's time limit: one hostile link
    # failed the whole audit.
    max_chain_time: float | None = None
    # A whole run's link checks (None: no deadline, the CLI's). Past it a link not yet
    # answered is unverified, "out-of-time", and the phase says how many: in the
    # service a chunk's time limit failed the whole audit when 20 links to a tarpit
    # (or 600 to 600 slow hosts) outlasted it, and a watch batch lost every check.
    max_run_time: float | None = None
    max_redirects: int = 10
    max_retries: int = 2  # after the first attempt, for 429 / 503 / timeouts
    backoff: float = 1.0  # first retry waits this long, then doubles
    max_retry_after: float = 30.0  # a longer Retry-After is not waited for
    read_cap: int = 64 * 1024  # body bytes read for soft-404 and challenge detection
    method: Method = "GET"  # HEAD falls back to GET on 405/501/odd answers
    soft404: bool = True
    archive: bool = True  # ask the Wayback Machine for broken links
    exclude: tuple[str, ...] = ()  # regular expressions; a match is "excluded"
    allow_private_networks: bool = True
    # Where private networks are allowed, this machine's own addresses too (loopback,
    # our interfaces': `safety.is_own_machine`). An author's own machine (the CLI) says
    # yes; a service or a confined run no, unless the operator names this machine
    # (CITEAUDIT_ALLOW_OWN_MACHINE): with CITEAUDIT_ALLOW_PRIVATE_NETWORKS for an
    # intranet's links, an upload's ``http://127.0.0.1:6379/`` reached our own Redis.
    allow_own_machine: bool = True
    # The service's own Redis, broker, database and mail relay its settings name
    # (`links.backends`): refused on every hop whatever the two above say. The
    # environment's are refused in any case (`backends.service_backends`).
    backends: tuple[Backend, ...] = ()
    user_agent: str = field(default_factory=lambda: user_agent(None))
    probe_timeout: float = 5.0

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> LinkPolicy:
        values: dict[str, object] = {
            "concurrency": settings.link_concurrency,
            "per_host": settings.link_per_host,
            "per_address": settings.link_per_address,
            "min_interval": settings.link_interval,
            "connect_timeout": min(settings.link_timeout, 10.0),
            "read_timeout": settings.link_timeout,
            "total_timeout": settings.link_timeout,
            "allow_private_networks": settings.allow_private_networks,
            "allow_own_machine": own_machine_allowed(settings),
            "backends": backends_of(settings),
            "user_agent": user_agent(settings.mailto),
        }
        if isinstance(settings, ServiceSettings):
            # Well inside a network chunk's time limit: what follows the checks
            # (settling, storing the chunk) still has time to run.
            values["max_run_time"] = RUN_SHARE * settings.chunk_time_limit
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    @property
    def address_limit(self) -> int:
        """Requests in flight to one address: `per_address`, at least one host's."""
        return max(1, self.per_address, self.per_host)

    @property
    def chain_time(self) -> float:
        """Seconds one URL's redirect chain may take, retries and waits included."""
        return self.max_chain_time if self.max_chain_time is not None else 6 * self.total_timeout

    @property
    def retry(self) -> Backoff:
        """The retries of one request (`links/retry.py`): doubling from `backoff`."""
        return Backoff(
            attempts=self.max_retries + 1, base=self.backoff, max_retry_after=self.max_retry_after
        )

    def excluded_by(self, url: str) -> str | None:
        for pattern in self.exclude:
            if re.search(pattern, url):
                return pattern
        return None


class HostGate:
    """Per-host concurrency plus a minimum interval between request starts.

    A request first reserves a start time on its host (so waiting requests are spaced
    in order), then takes the shared slot (the global limit), which may take longer
    than the reservation; the interval is therefore checked again, against the last
    *actual* start on the host, once the shared slot is held. A request that would now
    start too close to another gives the shared slot back, waits out the rest of the
    interval and tries again (keeping its place: it does not reserve again).
    """

    _TOLERANCE = 0.001  # a timer may fire this early

    def __init__(
        self, per_host: int, min_interval: float, shared: SharedPacer | None = None
    ) -> None:
        self._per_host = max(1, per_host)
        self._min_interval = max(0.0, min_interval)
        self._shared = shared  # spaces starts across processes too (see shared_pacing)
        self._sems: dict[str, asyncio.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._last_start: dict[str, float] = {}

    def _sem(self, host: str) -> asyncio.Semaphore:
        sem = self._sems.get(host)
        if sem is None:
            sem = self._sems[host] = asyncio.Semaphore(self._per_host)
        return sem

    def slot(self, host: str, shared: asyncio.Semaphore | None = None) -> _HostSlot:
        """The host's slot; with `shared`, that slot too, held when the request starts.

        Keyed by the host in lower case without its final dot: ``victim.example.`` is
        the same server as ``victim.example``, and was a host with limits of its own
        (twice the requests in flight, twice the rate, to one server)."""
        return _HostSlot(self, host.lower().rstrip("."), shared)

    async def _pace(self, host: str) -> None:
        now = time.monotonic()
        start = max(now, self._next_start.get(host, now))
        self._next_start[host] = start + self._min_interval
        if start > now:
            await asyncio.sleep(start - now)

    def _begin(self, host: str) -> float:
        """Start now (0.0) if the last start on `host` is an interval ago; else how
        long until it is."""
        interval = self._min_interval
        if not interval:
            return 0.0
        now = time.monotonic()
        last = self._last_start.get(host)
        if last is not None and now - last < interval - self._TOLERANCE:
            return last + interval - now
        self._last_start[host] = now
        if self._next_start.get(host, now) < now + interval:
            self._next_start[host] = now + interval
        return 0.0


class _HostSlot:
    def __init__(self, gate: HostGate, host: str, shared: asyncio.Semaphore | None) -> None:
        self._gate = gate
        self._host = host
        self._sem = gate._sem(host)
        self._shared = shared

    async def __aenter__(self) -> None:
        gate, host, shared = self._gate, self._host, self._shared
        await self._sem.acquire()
        try:
            await gate._pace(host)
            if gate._shared is not None:
                await gate._shared.wait_turn(host)
            while True:
                if shared is not None:
                    await shared.acquire()
                wait = gate._begin(host)
                if not wait:
                    return
                # Another request on this host started late, after its own turn (it
                # waited for the shared slot): keep our place, wait out the interval
                # from that start without holding the shared slot.
                if shared is not None:
                    shared.release()
                await asyncio.sleep(wait)
        except BaseException:
            self._sem.release()
            raise

    async def __aexit__(self, *exc: object) -> None:
        if self._shared is not None:
            self._shared.release()
        self._sem.release()


def excluded_patterns(patterns: Sequence[str]) -> tuple[str, ...]:
    for p in patterns:
        re.compile(p)  # fail early on a bad pattern
    return tuple(patterns)
