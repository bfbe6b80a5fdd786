"""With private networks allowed, the service's own backends stay out of reach.

Red team: a deployment that checks its intranet's links (CITEAUDIT_ALLOW_PRIVATE_NETWORKS)
fetched a manuscript's ``http://<redis host>:6379/``: the addresses behind redis_url,
broker_url, database_url and smtp_host counted as "intranet". Here each backend is a
real loopback listener that counts the connections it accepts: a link to it, or a
redirect to it, must make none, and be reported refused (not "broken"); a private
listener that is no backend is still reached.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from citeaudit.links.backends import (
    Backend,
    BackendAddresses,
    backends_from_environ,
    backends_of,
    service_backends,
)
from citeaudit.links.checker import LinkChecker
from citeaudit.links.own_addresses import (
    OwnAddresses,
    parse_default_gateways,
    parse_ipv6_default_gateways,
)
from citeaudit.links.pinned import pinned_client
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import AddressRule, IPAddress, PrivateAddressRefused, is_refusal
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.settings import ServiceSettings, Settings

FAST: dict[str, Any] = {
    "per_host": 4,
    "min_interval": 0.0,
    "connect_timeout": 2.0,
    "read_timeout": 2.0,
    "total_timeout": 2.0,
    "max_retries": 0,
    "archive": False,
    "soft404": False,
}


class Listener:
    """A loopback HTTP server that counts the connections it accepts; `/hop` answers
    a redirect to `location`, anything else 200."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, 0))
        self.sock.listen(16)
        self.host = host
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.location = ""
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            if self._stop:
                conn.close()
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(2.0)
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    data += chunk
                if data.split(b" ", 2)[1].startswith(b"/hop"):
                    head = f"HTTP/1.1 302 Found\r\nLocation: {self.location}\r\n"
                    conn.sendall((head + "Content-Length: 0\r\nConnection: close\r\n\r\n").encode())
                else:
                    body = b"<html><body>An intranet page of made-up notes.</body></html>"
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
                        + f"Content-Length: {len(body)}\r\n\r\n".encode()
                        + body
                    )
            except OSError:
                return

    def close(self) -> None:
        self._stop = True
        self.sock.close()


@pytest.fixture
def backend() -> Iterator[Listener]:
    listener = Listener()
    yield listener
    listener.close()


@pytest.fixture
def intranet() -> Iterator[Listener]:
    listener = Listener()
    yield listener
    listener.close()


def _run(policy: LinkPolicy, urls: list[str], **kwargs: Any) -> list[LinkCheck]:
    async def go() -> list[LinkCheck]:
        async with LinkChecker(policy, probe_urls=[], dns_names=[], **kwargs) as checker:
            return await checker.check_all([target_for(u) for u in urls])

    return asyncio.run(go())


def _settings(setting: str, port: int, tmp_path: Path) -> Settings:
    values: dict[str, Any] = {
        "allow_private_networks": True,
        "allow_own_machine": True,  # even so: our own backends stay refused
        "cache_dir": tmp_path,
        "data_dir": tmp_path,
    }
    if setting == "redis_url":
        values["redis_url"] = f"redis://:made-up-secret@127.0.0.1:{port}/0"
    elif setting == "broker_url":
        values["broker_url"] = f"redis://localhost:{port}/1"
    elif setting == "database_url":
        values["database_url"] = f"postgresql+psycopg://audit:made-up@127.0.0.1:{port}/audits"
    else:
        values["smtp_host"] = "127.0.0.1"
        values["smtp_port"] = port
    return ServiceSettings(**values)


def _refused(result: LinkCheck) -> None:
    assert result.outcome is LinkOutcome.UNVERIFIED  # not "broken": refused by policy
    assert result.reason == "private-address"


@pytest.mark.parametrize("setting", ["redis_url", "broker_url", "database_url", "smtp_host"])
def test_a_link_to_our_own_backend_is_refused_unconnected(
    setting: str, backend: Listener, intranet: Listener, tmp_path: Path
) -> None:
    policy = LinkPolicy.from_settings(_settings(setting, backend.port, tmp_path), **FAST)
    assert policy.allow_private_networks and policy.allow_own_machine
    results = _run(policy, [backend.url("/"), backend.url("/keys"), intranet.url("/notes")])
    assert backend.connections == 0
    _refused(results[0])
    _refused(results[1])
    assert results[2].outcome is LinkOutcome.OK  # an intranet page is still checked
    assert intranet.connections >= 1


def test_a_name_for_our_backend_is_refused_too(backend: Listener, tmp_path: Path) -> None:
    policy = LinkPolicy.from_settings(_settings("redis_url", backend.port, tmp_path), **FAST)
    (result,) = _run(policy, [f"http://localhost:{backend.port}/"])
    assert backend.connections == 0
    _refused(result)


def test_a_redirect_to_our_backend_is_refused(
    backend: Listener, intranet: Listener, tmp_path: Path
) -> None:
    intranet.location = backend.url("/")
    policy = LinkPolicy.from_settings(_settings("redis_url", backend.port, tmp_path), **FAST)
    (result,) = _run(policy, [intranet.url("/hop")])
    assert intranet.connections >= 1
    assert backend.connections == 0
    _refused(result)


def test_without_the_backend_setting_the_same_listener_is_reached(
    backend: Listener, tmp_path: Path
) -> None:
    # The control: what refuses the link above is the setting, nothing else.
    settings = Settings(allow_private_networks=True, allow_own_machine=True, cache_dir=tmp_path)
    (result,) = _run(LinkPolicy.from_settings(settings, **FAST), [backend.url("/")])
    assert result.outcome is LinkOutcome.OK
    assert backend.connections >= 1


def test_a_backend_on_another_machine_is_refused_on_every_port(tmp_path: Path) -> None:
    """Only 127.0.0.1 is "this machine" here: 127.0.0.3 plays the database's host on
    the intranet, 127.0.0.2 an intranet web server."""
    db, db_admin, web = Listener("127.0.0.3"), Listener("127.0.0.3"), Listener("127.0.0.2")

    def own_machine(ip: IPAddress) -> bool:
        return ip == ipaddress.ip_address("127.0.0.1")

    try:
        settings = ServiceSettings(
            allow_private_networks=True,
            database_url=f"postgresql://audit:made-up@127.0.0.3:{db.port}/audits",
            cache_dir=tmp_path,
            data_dir=tmp_path,
        )
        policy = LinkPolicy.from_settings(settings, **FAST)
        transport = PerHostTransport(
            per_host=4, allow_private=True, allow_own_machine=False, own_machine=own_machine
        )
        results = _run(policy, [db.url("/"), db_admin.url("/"), web.url("/")], transport=transport)
        assert (db.connections, db_admin.connections) == (0, 0)
        _refused(results[0])
        _refused(results[1])
        assert results[2].outcome is LinkOutcome.OK
        assert web.connections >= 1
    finally:
        for listener in (db, db_admin, web):
            listener.close()


def test_the_environment_backends_are_refused_by_every_default_rule(
    backend: Listener, intranet: Listener, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The registries' clients and webhooks build their rule with no settings at hand:
    the backends of the environment the service reads its settings from hold there."""
    environ = {"CITEAUDIT_REDIS_URL": f"redis://127.0.0.1:{backend.port}/0"}
    monkeypatch.setattr(service_backends, "backends", backends_from_environ(environ))
    rule = AddressRule(allow_private=True, allow_own_machine=True)  # a webhook's, allowed
    with pinned_client(rule, timeout=2.0) as client:
        with pytest.raises(httpx.ConnectError) as caught:
            client.get(backend.url("/"))
        assert is_refusal(caught.value)
        assert client.get(intranet.url("/")).status_code == 200
    with pytest.raises(PrivateAddressRefused):
        rule.check("127.0.0.1", backend.port, ["127.0.0.1"])
    assert backend.connections == 0


def test_backends_named_by_settings() -> None:
    settings = ServiceSettings(
        redis_url="rediss://:pw@Redis.Internal:6380/0",
        broker_url="amqp://guest:p@ss:w0rd@rabbit/",
        database_url="postgresql+psycopg://u:p@db1:5433,db2/audits",
        smtp_host="[2001:db8::25]",
        smtp_port=587,
    )
    assert set(backends_of(settings)) == {
        Backend("redis_url", "redis.internal", 6380),
        Backend("broker_url", "rabbit", 5672),
        Backend("database_url", "db1", 5433),
        Backend("database_url", "db2", 5432),
        Backend("smtp_host", "2001:db8::25", 587),
    }
    # The embedded SQLite database is a file, no host.
    assert backends_of(Settings()) == ()


def test_a_name_that_does_not_answer_never_holds_a_connection_again() -> None:
    asked: list[str] = []

    def lookup(host: str, port: int) -> frozenset[IPAddress]:
        asked.append(host)
        raise OSError("no answer")

    refused = BackendAddresses((Backend("redis_url", "redis.invalid", 6379),), lookup=lookup)
    ip = ipaddress.ip_address("10.1.2.3")
    # Not known where it is: its port refused on private addresses meanwhile (r5s),
    # other ports and public addresses not.
    assert refused.refusal(ip, 6379, lambda a: False) == "redis_url"
    assert refused.refusal(ip, 80, lambda a: False) is None
    assert refused.refusal(ip, 6379, lambda a: False, lambda a: False) is None
    assert asked == ["redis.invalid"]  # asked once; again only after the ttl, in the background


def test_a_backend_whose_name_answers_is_refused_by_its_address() -> None:
    def lookup(host: str, port: int) -> frozenset[IPAddress]:
        return frozenset({ipaddress.ip_address("10.1.2.3")})

    refused = BackendAddresses((Backend("redis_url", "redis", 6379),), lookup=lookup)
    for port in (6379, 80, 8001):  # another machine: every port of it
        assert refused.refusal(ipaddress.ip_address("10.1.2.3"), port, lambda a: False)
    assert refused.refusal(ipaddress.ip_address("::ffff:10.1.2.3"), 80, lambda a: False)
    assert refused.refusal(ipaddress.ip_address("10.1.2.4"), 6379, lambda a: False) is None

    # A public address (a managed relay's front, shared with web sites): its port only.
    def public(a: IPAddress) -> bool:
        return False

    address = ipaddress.ip_address("10.1.2.3")
    assert refused.refusal(address, 6379, lambda a: False, public) == "redis_url"
    assert refused.refusal(address, 443, lambda a: False, public) is None
    rule = AddressRule(allow_private=True, backends=refused)
    assert rule.backend_refusal(ipaddress.ip_address("64:ff9b::a01:203"), 80)  # NAT64
    assert rule.backend_refusal(ipaddress.ip_address("2002:a01:203::1"), 80)  # 6to4
    assert rule.backend_refusal(ipaddress.ip_address("10.1.2.4"), 80) is None


# -- the default gateway: in a container, the machine it runs on ------------------------

_ROUTE = (
    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
    "eth0\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\t0\t0\t0\n"
    "eth0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n"
)
_IPV6_ROUTE = (
    "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
    "fd000000000000000000000000000001 00000400 00000001 00000000 00000003 eth0\n"
)


def test_default_gateways_are_read_from_the_route_tables() -> None:
    import sys

    if sys.byteorder != "little":
        pytest.skip("the table above is written in a little-endian machine's order")
    assert parse_default_gateways(_ROUTE) == {ipaddress.ip_address("172.17.0.1")}
    assert parse_ipv6_default_gateways(_IPV6_ROUTE) == {ipaddress.ip_address("fd00::1")}


def test_the_default_gateway_is_refused_as_this_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    if sys.byteorder != "little":
        pytest.skip("the table above is written in a little-endian machine's order")
    from citeaudit.links import safety

    (tmp_path / "route").write_text(_ROUTE)
    (tmp_path / "ipv6_route").write_text(_IPV6_ROUTE)
    tables = OwnAddresses(
        fib_trie=tmp_path / "none",
        if_inet6=tmp_path / "none",
        ipv6_route=tmp_path / "ipv6_route",
        route=tmp_path / "route",
    )
    monkeypatch.setattr(safety, "own_addresses", tables)
    intranet = AddressRule(allow_private=True, allow_own_machine=False)
    docker_host = ipaddress.ip_address("172.17.0.1")
    assert intranet.refuses(docker_host)
    assert intranet.refuses(ipaddress.ip_address("fd00::1"))
    assert not intranet.refuses(ipaddress.ip_address("172.17.0.5"))  # a neighbour container
    # The author's own machine (the CLI): its router is theirs to check.
    assert not AddressRule(allow_private=True, allow_own_machine=True).refuses(docker_host)
