"""A runtime's name for the machine it runs on is judged by its shape, not a list.

net23 refused the names container runtimes give their host (``host.docker.internal``,
``host.containers.internal``, ...) as this machine, wherever private networks are
allowed and this machine is not -- by a list of nine. Docker Desktop answers for its
whole zone (``vm.docker.internal``, and its older ``docker.for.mac.host.internal`` and
``docker.for.win.http.internal``, its proxy on the host), and other runtimes name the
host ``host.<runtime>.internal`` (Rancher Desktop's ``host.rancher-desktop.internal``,
Colima's): each was an intranet page, and a manuscript's link to one of its ports
reached the host's services. Now ``*.docker.internal``, ``docker.*.internal`` and a
``host`` label under ``.internal`` are the host machine (`safety._host_machine_name`);
an intranet's own ``.internal`` names stay intranet pages.

Stand-ins: net23's (a name server giving every name 127.0.0.3, where a listener plays
the host machine; 127.0.0.1 alone plays this machine).
"""

from __future__ import annotations

import pytest

from citeaudit.links.safety import AddressRule
from citeaudit.model.link import LinkOutcome
from tests.security.test_net23_host_machine_names import _check, host_machine
from tests.test_r2b_backends_refused import Listener

__all__ = ["host_machine"]  # the fixture, used by name

SHAPES = [
    "docker.for.mac.host.internal",
    "docker.for.win.http.internal",
    "vm.docker.internal",
    "host.rancher-desktop.internal",
    "HOST.Colima.Internal.",
]


@pytest.mark.parametrize("name", SHAPES)
def test_a_runtimes_other_names_for_its_host_are_this_machine(
    name: str, host_machine: Listener
) -> None:
    check = _check(f"http://{name}:{host_machine.port}/keys", allow_own_machine=False)
    assert host_machine.connections == 0, name
    assert check.outcome is LinkOutcome.UNVERIFIED
    assert check.reason == "private-address"


@pytest.mark.parametrize("name", ["db.corp.internal", "dbhost.internal", "wiki.internal"])
def test_an_intranets_own_internal_names_are_intranet_pages(name: str) -> None:
    assert AddressRule(allow_private=True, allow_own_machine=False).host_refusal(name, 80) is None
