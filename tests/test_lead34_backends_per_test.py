"""A test's refused backends end with the test (`conftest._process_backends_restored`).

`citeaudit serve` run in-process refuses its own (ephemeral) port on every address of
this machine for the rest of the process. In CI a later test's loopback site bound
the same port number on 127.0.2.N and all its links were refused without a request
(tests/watch/test_scale.py: 49 hosts of 50 asked). The two tests below run in order
in one process: the second fails if the first's refusal outlives it.
"""

from __future__ import annotations

from citeaudit.links import backends
from citeaudit.links.backends import Backend, service_backends
from citeaudit.links.safety import AddressRule

PORT = 47_123  # an ephemeral-range port, as `free_port()` hands out


def test_serve_in_process_refuses_its_port() -> None:
    backends.refuse_listener("127.0.0.1", PORT)
    assert Backend("own_services", "127.0.0.1", PORT) in service_backends.backends
    rule = AddressRule(allow_private=True, allow_own_machine=True)
    assert rule.url_refusal(f"http://127.0.2.7:{PORT}/page") is not None


def test_the_next_test_may_use_that_port_on_loopback() -> None:
    assert all(b.port != PORT for b in service_backends.backends)
    rule = AddressRule(allow_private=True, allow_own_machine=True)
    assert rule.url_refusal(f"http://127.0.2.7:{PORT}/page") is None
