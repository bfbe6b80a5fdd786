"""The pinned clients never fall back to an unguarded connection when the HTTP library's
insides change.

`pinned_client` and `pinned_client2` put `PinnedBackend` (resolve once, judge every
address, connect to the judged one) into httpx's transport through private attributes
(``HTTPTransport._pool._network_backend``). A release of httpx or httpcore that renamed
either, or that stopped reading it when it makes a connection, turned that assignment
into a stray attribute: the client was still made, every registry look-up and webhook
delivery connected through httpcore's own backend -- a second DNS look-up and no
address rule at all, on every hop. The pinning is now checked where it is made (the
attribute must be there to replace) and proved once per process (a connection through
a made transport must reach the backend put in): otherwise making the client fails,
loudly, instead of sending unguarded.

Simulated here by a connection pool that keeps its backend under another name, and
one that ignores it; a loopback server counts what reaches it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpcore
import httpcore2
import httpx
import httpx2
import pytest

from citeaudit.links import pinned
from citeaudit.links.safety import AddressRule
from tests.stand_ins.private_service import PrivateService

_SETTINGS = (
    "ssl_context", "keepalive_expiry", "http1", "http2", "retries", "local_address", "uds",
    "socket_options",
)  # fmt: skip


def _connection(core: Any, pool: Any, origin: Any, backend: Any) -> Any:
    return core.HTTPConnection(
        origin=origin,
        network_backend=backend,
        **{name: getattr(pool, f"_{name}") for name in _SETTINGS},
    )


def renamed_pool(core: Any) -> type:
    """A pool that keeps its network backend as ``_backend`` (a renamed attribute)."""

    class Renamed(core.ConnectionPool):  # type: ignore[misc,name-defined]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._backend = self._network_backend
            del self._network_backend

        def create_connection(self, origin: Any) -> Any:
            return _connection(core, self, origin, self._backend)

    return Renamed


def deaf_pool(core: Any) -> type:
    """A pool that keeps ``_network_backend`` but connects with a backend of its own."""

    class Deaf(core.ConnectionPool):  # type: ignore[misc,name-defined]
        def create_connection(self, origin: Any) -> Any:
            return _connection(core, self, origin, core.SyncBackend())

    return Deaf


@pytest.fixture
def private() -> Iterator[PrivateService]:
    service = PrivateService("127.0.0.1").start()
    yield service
    service.stop()


@pytest.fixture(autouse=True)
def _unproved() -> Iterator[None]:
    """Each test proves the pinning afresh (the proof is kept once per process)."""
    proof = getattr(pinned, "_pinning_proved", None)  # absent: nothing was ever proved
    if proof is not None:
        proof.cache_clear()
    yield
    if proof is not None:
        proof.cache_clear()


LIBRARIES = [
    pytest.param(httpx, httpcore, pinned.pinned_client, id="httpx"),
    pytest.param(httpx2, httpcore2, pinned.pinned_client2, id="httpx2"),
]


def _send(make: Any, url: str) -> None:
    """A GET through a pinned client refusing every non-public address."""
    with make(AddressRule(False), timeout=2.0) as client:
        client.get(url)


@pytest.mark.parametrize(("lib", "core", "make"), LIBRARIES)
@pytest.mark.parametrize("pool", [renamed_pool, deaf_pool], ids=["renamed", "deaf"])
def test_a_pool_that_does_not_use_the_pinned_backend_is_never_sent_through(
    lib: Any,
    core: Any,
    make: Any,
    pool: Any,
    private: PrivateService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(core, "ConnectionPool", pool(core))
    raised: BaseException | None = None
    try:
        _send(make, f"http://127.0.0.1:{private.port}/secret")
    except Exception as exc:
        raised = exc
    assert private.contacts == 0, "a request reached loopback past the address rule"
    assert type(raised).__name__ == "PinningUnavailable", raised


@pytest.mark.parametrize(("lib", "core", "make"), LIBRARIES)
def test_the_libraries_as_installed_are_pinned_and_refuse_loopback(
    lib: Any, core: Any, make: Any, private: PrivateService
) -> None:
    with pytest.raises(lib.ConnectError):
        _send(make, f"http://127.0.0.1:{private.port}/secret")
    assert private.contacts == 0
    assert pinned._pinning_proved.cache_info().currsize == 1


def test_the_proof_is_made_once_per_library() -> None:
    for _ in range(3):
        pinned.pinned_client(AddressRule(), timeout=1.0).close()
        pinned.pinned_client2(AddressRule(), timeout=1.0).close()
    info = pinned._pinning_proved.cache_info()
    assert (info.currsize, info.misses) == (2, 2)
