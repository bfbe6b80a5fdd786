"""The service's own backends: never a link's destination, whatever else is allowed.

A deployment that checks its intranet's links sets CITEAUDIT_ALLOW_PRIVATE_NETWORKS.
Its own Redis, broker, database and mail relay live on that same private network
(``redis://redis:6379`` in a compose file, ``db.internal:5432``), so they counted as
"intranet" too: a manuscript's ``http://<redis host>:6379/`` was requested from the
worker, an SSRF into the service's own machinery. Every host the configured
``redis_url``, ``broker_url``, ``database_url`` and ``smtp_host`` name is therefore
looked up, and its addresses refused at the one address rule (`AddressRule.check`,
on every connection: the first request, each redirect hop, the registries' clients,
webhooks), private networks allowed or not.

A backend on another machine of our network is refused whole (every port: the
machine that runs the database runs its admin tools beside it); one on a public
address (a managed mail relay's front, shared with web sites) at its port. A backend
on this machine (loopback,
an address of ours: `safety.is_own_machine`) is refused by its port on every address
of this machine -- whether the rest of this machine may be reached is
``allow_own_machine``'s to say; a backend bound to 0.0.0.0 answers on each of them.

The deployment's other services are named by ``own_services``
(``CITEAUDIT_OWN_SERVICES``): its API (``api:8000`` in the compose file), a Celery
monitor (Flower), an exporter or an admin panel, which sit on the same private network
as the workers and were "intranet" like any page there. An entry is a host, a
``host:port`` (``[v6]:port``), a URL (its host and port), or a network
(``10.20.0.0/24``, ``fd00:1::/64``); one without a port is refused at every port
(`ANY_PORT`), wherever it is. Unlike ``CITEAUDIT_INTERNAL_NETWORKS`` (our site, refused
where private networks are), these stay refused where private networks are allowed.

The backends come from the environment the service reads its settings from
(`service_backends`: CITEAUDIT_REDIS_URL, ...), so every client of the process
judges by them whatever settings it was handed; a link check made from a settings
object adds that object's own (`LinkPolicy.backends`). Names are looked up again
after `ttl` seconds in a thread of their own (a backend's container may move);
until a name has an answer, its earlier one stands.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote

from citeaudit.links import lookups
from citeaudit.links.library_backends import library_settings

__all__ = [
    "ANY_PORT",
    "BACKEND_SETTINGS",
    "DEFAULT_BROKER_URL",
    "OWN_SERVICES",
    "Backend",
    "BackendAddresses",
    "backends_from_environ",
    "backends_of",
    "refuse_in_process",
    "refuse_listener",
    "service_backends",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# The settings that name a backend of ours, and the port each scheme defaults to.
BACKEND_SETTINGS = ("redis_url", "broker_url", "database_url", "smtp_host", "own_services")
OWN_SERVICES = "own_services"  # the deployment's other services, a list (`_services`)
ANY_PORT = 0  # a `Backend.port` that stands for every port of its host
_DEFAULT_PORTS = {
    "http": 80,
    "https": 443,
    "redis": 6379,
    "rediss": 6379,
    "valkey": 6379,
    "sentinel": 26379,
    "amqp": 5672,
    "amqps": 5671,
    "postgres": 5432,
    "postgresql": 5432,
    "mysql": 3306,
    "mariadb": 3306,
    "mssql": 1433,
    "oracle": 1521,
    "mongodb": 27017,
    "sqs": 443,
}
_LOOKUP_TIMEOUT = 2.0  # seconds one name's look-up may hold the caller, the first time


@dataclass(frozen=True, slots=True)
class Backend:
    """One host a setting names: `setting` (``redis_url``), `host`, `port`."""

    setting: str
    host: str  # a name, an address, or for `OWN_SERVICES` a network ("10.20.0.0/24")
    port: int  # `ANY_PORT`: every port


def _services(value: str) -> tuple[Backend, ...]:
    """The entries of ``own_services``: blank- or comma-separated hosts, ``host:port``,
    ``[v6]:port``, URLs and networks; a bare IPv6 address is a host without a port."""
    found: list[Backend] = []
    for entry in value.replace(",", " ").split():
        if "://" in entry:
            found += [Backend(OWN_SERVICES, b.host, b.port) for b in _parse("url", entry)]
            continue
        if "/" in entry:
            network = _service_network(entry)
            if network is not None:  # else no network: names nothing to refuse by it
                found.append(Backend(OWN_SERVICES, str(network[0]), network[1]))
            continue
        # an unreadable port: the whole host, rather than none of it
        host, port = _host_and_port(entry, ANY_PORT)
        if host:
            found.append(Backend(OWN_SERVICES, host.lower(), port))
    return tuple(found)


def _service_network(
    entry: str,
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, int] | None:
    """A network entry and its port: ``10.20.0.0/24`` (every port), ``10.20.0.0/24:8000``,
    ``[fd00:1::/64]:8000``; None when it names no network."""
    text, port = entry, ANY_PORT
    if entry.startswith("["):
        text, _, tail = entry[1:].partition("]")
        if tail.startswith(":") and tail[1:].isdigit():
            port = int(tail[1:])
    else:
        head, _, tail = entry.rpartition(":")
        if head and "/" in head and tail.isdigit() and "/" not in tail:
            text, port = head, int(tail)
    try:
        return ipaddress.ip_network(text, strict=False), port
    except ValueError:
        return None


def _host_and_port(part: str, default: int) -> tuple[str, int]:
    """``host``, ``host:port`` or ``[v6]:port`` split; `default` where no port, or
    no readable one, is written."""
    if part.startswith("["):
        host, _, tail = part[1:].partition("]")
        port_text = tail.removeprefix(":")
    elif part.count(":") == 1:
        host, _, port_text = part.partition(":")
    else:
        host, port_text = part, ""
    try:
        return host, int(port_text) if port_text else default
    except ValueError:
        return host, default


def _parse(setting: str, value: str, smtp_port: int = 25) -> tuple[Backend, ...]:
    """The hosts `value` names (a URL, or for ``smtp_host`` a bare host name).

    A URL may name several, and each is a backend: libpq's ``h1:5432,h2:5432``; a
    list of failover URLs, ``redis://r1:6379/0;redis://r2:6379/0`` (kombu, and so
    Celery, connects to each in turn); hosts in the query, as libpq and SQLAlchemy
    take them (``?host=db1:5433&host=db2``, ``?host=db1,db2&port=5433,5434``,
    ``?hostaddr=10.0.0.5``). Only the first URL's authority was read: a failover
    broker or a database named in the query was a link's to reach. Every reading
    counts (the value as one URL, and each ``;`` piece that opens as a URL): a password
    holding ``;`` still names its host, and what is no host (a piece of a password, a
    unix socket's folder) is dropped. Every piece that opens so, not only where all do:
    kombu splits on every ``;`` and connects to the first piece, so a list with one
    piece that is no URL (``redis://r1:6379;redis://r2:6379;x``, ``...;r2:6380``)
    still had a worker on r1 while nothing was refused (ssrf30)."""
    value = value.strip()
    if not value:
        return ()
    if setting == OWN_SERVICES:
        return _services(value)
    if setting == "smtp_host":
        host, port = value, smtp_port
        if not port:
            # smtplib's reading: with no port, "relay:2525" is a host and its port,
            # else port 25 (was: the whole "relay:2525" as a name, at every port --
            # a name with no answer refused nothing, and the relay was reachable).
            if host.count(":") == 1:
                host, _, text = host.partition(":")
                port = int(text) if text.isdigit() else 25
            else:
                port = 25
        return (Backend(setting, host.strip("[]").lower(), port),)
    pieces = [piece.strip() for piece in value.split(";") if piece.strip()]
    listed = [piece for piece in pieces if _SCHEME.match(piece)] if len(pieces) > 1 else []
    if _semicolon_in_password(value) and not all(_SCHEME.match(piece) for piece in pieces):
        listed = []  # "u:p;host=x@db": the pieces are halves of a password, no URLs
    found: list[Backend] = []
    for url in dict.fromkeys((value, *listed)):
        found += _url_hosts(setting, url)
    return tuple(dict.fromkeys(b for b in found if _hostlike(b.host)))


def _semicolon_in_password(url: str) -> bool:
    """`url`, read as one URL, has a ``;`` in its user information (before the
    authority's last ``@``): a password holding one, not a list."""
    _, sep, rest = url.partition("://")
    authority = rest.split("/", 1)[0].split("?", 1)[0]
    return bool(sep) and ";" in authority.rpartition("@")[0]


def _url_hosts(setting: str, url: str) -> list[Backend]:
    """The hosts one URL names: in its authority, and in its query (`_query_hosts`)."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return []
    scheme = scheme.lower().split("+", 1)[0]  # "postgresql+psycopg" is PostgreSQL
    authority = rest.split("/", 1)[0].split("?", 1)[0]
    authority = authority.rpartition("@")[2]  # the password may hold any character
    default = _DEFAULT_PORTS.get(scheme, 0)
    found: list[Backend] = []
    written_port: int | None = None
    for part in authority.split(","):  # "h1:5432,h2:5432" (libpq's several hosts)
        part = unquote(part.strip())
        if not part:
            continue
        host, port = _host_and_port(part, default)
        if port != default:
            written_port = port
        if host:
            found.append(Backend(setting, host.lower(), port))
    _, question, query = rest.partition("?")
    if question:
        found += _query_hosts(setting, query.split("#", 1)[0], written_port or default)
    return found


def _query_hosts(setting: str, query: str, default: int) -> list[Backend]:
    """The hosts a URL's query names (libpq's ``host``/``hostaddr``, each a list,
    paired with ``port`` by position or one port for all; SQLAlchemy's repeated
    ``host=h:port``)."""
    hosts: list[str] = []
    addrs: list[str] = []
    ports: list[int] = []
    for key, text in parse_qsl(query, keep_blank_values=False):
        items = [item.strip() for item in text.split(",") if item.strip()]
        key = key.strip().lower()
        if key == "host":
            hosts += items
        elif key == "hostaddr":
            addrs += items
        elif key == "port":
            ports += [int(p) for p in items if p.isdigit()]
    found: list[Backend] = []
    for named in (hosts, addrs):
        for i, item in enumerate(named):
            if item.startswith(("/", "@")):  # a unix socket's folder, an abstract one
                continue
            port = ports[i] if i < len(ports) else ports[0] if len(ports) == 1 else default
            host, port = _host_and_port(item, port)
            if host:
                found.append(Backend(setting, host.lower(), port))
    return found


# A URL's opening: a failover list is ";"-separated URLs, each opening so (a ";" in a
# password is followed by more of the password).
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,31}://")
# What no host holds: a reading that gives one (a piece of a password) names no backend.
_NOT_IN_HOST = frozenset(";@/?#\\ \t")


def _hostlike(host: str) -> bool:
    return bool(host) and not any(ch in _NOT_IN_HOST for ch in host)


# The broker a Celery worker uses when no broker URL is set (``workers/celery_app.py``):
# a backend of ours like any named one (`refuse_in_process`).
DEFAULT_BROKER_URL = "redis://127.0.0.1:6379/0"


def backends_of(settings: object) -> tuple[Backend, ...]:
    """The backends a settings object names (a setting it lacks names none; the
    default broker is the environment's, `backends_from_environ`)."""
    found: list[Backend] = []
    smtp_port = getattr(settings, "smtp_port", 25)
    for setting in BACKEND_SETTINGS:
        value = getattr(settings, setting, None)
        if isinstance(value, str):
            found += _parse(setting, value, smtp_port if isinstance(smtp_port, int) else 25)
    return tuple(dict.fromkeys(found))


def backends_from_environ(environ: Mapping[str, str]) -> tuple[Backend, ...]:
    """The backends the environment names (CITEAUDIT_REDIS_URL, ...): what the
    service's settings are read from, and what its libraries read themselves
    (`library_backends`: CELERY_BROKER_URL, PGHOST...). A backend a process uses that
    none of them names is added by that process (`refuse_in_process`).

    Our variables are read in any case, as the settings read them (pydantic-settings
    matches names case-insensitively): ``citeaudit_redis_url`` gave the service its
    Redis while only ``CITEAUDIT_REDIS_URL`` was refused, and every client judging by
    the environment alone (registries, webhooks) reached it (ssrf30). Each spelling's
    value counts: which one the settings take is the environment's order."""
    ours = _our_variables(environ)
    smtp_port = 25
    for text in ours.get("smtp_port", ()):
        with contextlib.suppress(ValueError):
            smtp_port = int(text)
    found: list[Backend] = []
    for setting in BACKEND_SETTINGS:
        for value in ours.get(setting, ()):
            if value:
                found += _parse(setting, value, smtp_port)
    # What Celery and libpq take from variables of their own (CELERY_BROKER_URL wins
    # over the broker a worker is given; PGHOST names a database its URL does not).
    for setting, value in library_settings(environ):
        found += _parse(setting, value, smtp_port)
    return tuple(dict.fromkeys(found))


def _our_variables(environ: Mapping[str, str]) -> dict[str, list[str]]:
    """The values of our variables by setting (``redis_url``), every spelling of
    ``CITEAUDIT_REDIS_URL`` in any case, the upper-case one first."""
    found: dict[str, list[str]] = {}
    for name, value in sorted(environ.items(), key=lambda item: item[0] != item[0].upper()):
        if name[:10].upper() == "CITEAUDIT_":
            found.setdefault(name[10:].lower(), []).append(value)
    return found


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return None


def _network(host: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    """The network an ``own_services`` entry names as a whole, or None for a host."""
    if "/" not in host:
        return None
    try:
        return ipaddress.ip_network(host, strict=False)
    except ValueError:
        return None


def _system_lookup(host: str, port: int) -> frozenset[IPAddress]:
    """The system resolver's addresses of `host` (`pinned.system_lookup`: a look-up,
    no connection)."""
    from citeaudit.links.pinned import system_lookup  # pinned -> safety -> here

    found: set[IPAddress] = set()
    for text in system_lookup(host, port):
        with contextlib.suppress(ValueError):
            found.add(ipaddress.ip_address(text.split("%", 1)[0]))
    return frozenset(found)


Lookup = Callable[[str, int], frozenset[IPAddress]]


def _plain(address: IPAddress) -> IPAddress:
    """`address` without its IPv6 zone, an IPv4-mapped one as its IPv4 address."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.scope_id:
            return ipaddress.IPv6Address(int(address))
    return address


@dataclass(eq=False)
class BackendAddresses:
    """The addresses of `backends`, looked up and kept `ttl` seconds."""

    backends: tuple[Backend, ...] = ()
    ttl: float = 30.0
    lookup: Lookup = _system_lookup
    _answers: dict[str, tuple[float, frozenset[IPAddress]]] = field(default_factory=dict)
    _refreshing: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def including(self, more: Iterable[Backend]) -> BackendAddresses:
        """These backends and `more` (a settings object's own); self when none is new."""
        added = tuple(b for b in dict.fromkeys(more) if b not in self.backends)
        if not added:
            return self
        return BackendAddresses(self.backends + added, self.ttl, self.lookup)

    def _addresses(self, backend: Backend) -> frozenset[IPAddress]:
        if _network(backend.host) is not None:
            return frozenset()  # judged as a network (`refusal`), never looked up
        literal = _literal(backend.host)
        if literal is not None:
            return frozenset({_plain(literal)})
        key = backend.host
        with self._lock:
            known = self._answers.get(key)
            stale = known is None or time.monotonic() >= known[0]
            start = stale and known is not None and key not in self._refreshing
            if start:
                self._refreshing.add(key)
        if known is None:
            # The first time the caller waits (bounded): a refusal may not wait.
            self._ask(backend)
            with self._lock:
                known = self._answers.get(key)
            return known[1] if known is not None else frozenset()
        if start:
            threading.Thread(target=self._ask, args=(backend, True), daemon=True).start()
        return known[1]

    def _ask(self, backend: Backend, refreshing: bool = False) -> None:
        try:
            found = lookups.within(lambda: self.lookup(backend.host, backend.port), _LOOKUP_TIMEOUT)
        except (OSError, UnicodeError, lookups.LookupTimedOut):
            found = None
        with self._lock:
            if refreshing:
                self._refreshing.discard(backend.host)
            if found:
                answer = frozenset(_plain(a) for a in found)
            else:  # the earlier answer stands a while longer (none: nothing known yet)
                answer = self._answers.get(backend.host, (0.0, frozenset()))[1]
            # Kept `ttl` seconds either way: a name with no answer is asked again in
            # the background, never again on a caller's thread.
            self._answers[backend.host] = (time.monotonic() + self.ttl, answer)

    def name_refusal(
        self,
        names: Iterable[str],
        port: int,
        own_machine: Callable[[IPAddress], bool],
        private: Callable[[IPAddress], bool] = lambda a: True,
    ) -> str | None:
        """The setting whose backend is named by one of `names` (a host's readings:
        lower case, no final dot) for a connection at `port`, or None.

        A backend is refused by its addresses (`refusal`), as its name answered when
        last looked up (kept `ttl` seconds); a link's look-up is fresh. Where the two
        differ -- the backend moved (a container restarted, a database failed over), or
        its look-up has no answer yet -- a link naming the backend itself reached it.
        So its name is refused as well, before any look-up: at its port (every port for
        ``own_services`` written without one), and at any port where its machine is
        another of our network (a private address that is not this machine's) or not
        known yet. The relay's own name at port 25 is left to the address rule: a
        recipient domain's mail exchanger may be our relay (`mail_exchangers`)."""
        wanted = frozenset(names)
        if not wanted:
            return None
        for backend in self.backends:
            if backend.host.rstrip(".") not in wanted:
                continue
            if _network(backend.host) is not None or _literal(backend.host) is not None:
                continue  # an address: judged by `refusal`
            if backend.setting == "smtp_host" and port == 25:
                continue
            if backend.port in (ANY_PORT, port):
                return backend.setting
            addresses = self._addresses(backend)
            if not addresses or any(private(a) and not own_machine(a) for a in addresses):
                return backend.setting
        return None

    def refusal(
        self,
        address: IPAddress,
        port: int,
        own_machine: Callable[[IPAddress], bool],
        private: Callable[[IPAddress], bool] = lambda a: True,
        only: Callable[[Backend], bool] = lambda b: True,
    ) -> str | None:
        """The setting whose backend a connection to `address`:`port` would reach, or
        None (among the backends `only` keeps: all by default). A backend's private
        address (`private`) on another machine is refused at any port. A backend's
        port is refused on each of its public addresses (a managed relay's or
        database's front shares them with web sites: only its port is the backend)
        and, for a backend on this machine (`own_machine`), on every address of this
        machine."""
        if not self.backends:
            return None
        address = _plain(address)
        mine: bool | None = None
        for backend in self.backends:
            if not only(backend):
                continue
            at_port = backend.port in (ANY_PORT, port)
            network = _network(backend.host)
            if network is not None:  # an ``own_services`` network: each address of it
                if at_port and address.version == network.version and address in network:
                    return backend.setting
                continue
            addresses = self._addresses(backend)
            if mine is None:
                mine = own_machine(address)
            if not addresses:
                # Its name has no answer yet (the first look-up failed or timed out):
                # its port is refused on this machine and on every private address
                # until it has one. Left open, the backend was a link's to reach for
                # the `ttl` its empty answer was kept.
                if backend.port != ANY_PORT and port == backend.port and (mine or private(address)):
                    return backend.setting
                continue
            if mine:
                if at_port and any(own_machine(a) for a in addresses):
                    return backend.setting
            elif address in addresses and (at_port or private(address)):
                return backend.setting
        return None


service_backends = BackendAddresses(backends_from_environ(os.environ))


def refuse_in_process(setting: str, value: str) -> None:
    """Refuse the backend `value` names (a URL, as `setting` would hold it) in every
    rule of this process from now on, as the environment's are (`service_backends`).

    For a backend a process uses that no setting names: a Celery worker with no
    broker URL connects to `DEFAULT_BROKER_URL`, this machine's Redis holding every
    queued task, which was refused only where CITEAUDIT_BROKER_URL named it -- with
    CITEAUDIT_ALLOW_OWN_MACHINE, a manuscript's ``http://127.0.0.1:6379/`` reached it.
    Only ever adds."""
    more = _parse(setting, value)
    with service_backends._lock:
        added = tuple(b for b in more if b not in service_backends.backends)
        service_backends.backends = service_backends.backends + added


def refuse_listener(host: str, port: int) -> None:
    """Refuse the port this process serves on (`host` as it is bound: an address, a
    name, ``0.0.0.0`` or ``::`` for every address) in every rule of this process, as
    one of the deployment's own services (`refuse_in_process`).

    ``citeaudit serve`` without a broker runs its audits in the API's own process:
    with this machine allowed (``CITEAUDIT_ALLOW_OWN_MACHINE``), a manuscript's
    ``http://127.0.0.1:8000/...`` was a request from the API to itself (ssrf30)."""
    bare = host.strip().strip("[]")
    refuse_in_process(OWN_SERVICES, f"[{bare}]:{port}" if ":" in bare else f"{bare}:{port}")
