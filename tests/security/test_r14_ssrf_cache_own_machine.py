"""A check made where this machine was allowed is never served where it is refused.

The link cache keeps checks made with private networks allowed apart from the strict
rule's (`LinkCache`'s "link+private"), but not apart by the rule's other half: whether
this machine itself (loopback, our own addresses) may be reached. The CLI on an
author's machine allows it; a confined run (``--confine``, a fork's pull request)
told ``CITEAUDIT_ALLOW_PRIVATE_NETWORKS`` by its runner refuses it, and so does the
service with private networks allowed. Both read the same namespace: a link whose name
answers this machine, checked once by an unconfined run on the runner (a push to the
main branch, the author's own CLI), was served to the confined run as "ok", with its
redirect chain and final URL -- what the runner's own admin port answered, in the
stranger's annotation -- where the run itself refuses to connect ("private-address").

127.0.0.1 plays this machine's admin port; a stand-in name server answers
``devbox.test`` with it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.links.policy import LinkPolicy
from citeaudit.links.run import check_links
from citeaudit.links.safety import Resolver
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkOutcome
from citeaudit.settings import Settings
from tests.security.ssrf_loopback import CLI
from tests.stand_ins.private_service import PrivateService


@pytest.fixture
def admin_port() -> Iterator[PrivateService]:
    service = PrivateService("127.0.0.1").start()
    yield service
    service.stop()


async def _this_machine(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


def _check(url: str, policy: LinkPolicy, cache_dir: Path) -> tuple[LinkOutcome, str | None]:
    transport = PerHostTransport(
        per_host=2,
        allow_private=policy.allow_private_networks,
        allow_own_machine=policy.allow_own_machine,
        resolver=Resolver(ttl=0, lookup=_this_machine),
    )
    checks, _ = check_links(
        [target_for(url)],
        Settings(cache_dir=cache_dir),
        policy=policy,
        probe_urls=(),
        transport=transport,
    )
    return checks[0].outcome, checks[0].reason


def test_a_check_of_this_machine_is_not_served_where_this_machine_is_refused(
    admin_port: PrivateService, tmp_path: Path
) -> None:
    url = f"http://devbox.test:{admin_port.port}/version"
    # The author's own CLI: private networks and this machine allowed; the check is kept.
    outcome, _ = _check(url, CLI, tmp_path)
    assert outcome is LinkOutcome.OK
    assert admin_port.contacts == 1
    # A confined run on the same machine (private networks allowed, this machine not).
    confined = dataclasses.replace(CLI, allow_own_machine=False)
    outcome, reason = _check(url, confined, tmp_path)
    assert admin_port.contacts == 1
    assert outcome is not LinkOutcome.OK
    assert reason == "private-address"


def test_the_clis_own_check_is_served_to_its_next_run(
    admin_port: PrivateService, tmp_path: Path
) -> None:
    """The namespaces still keep what they should: the CLI's own check is served to
    the CLI's next run, which does not ask again."""
    url = f"http://devbox.test:{admin_port.port}/version"
    assert _check(url, CLI, tmp_path)[0] is LinkOutcome.OK
    assert _check(url, CLI, tmp_path)[0] is LinkOutcome.OK
    assert admin_port.contacts == 1
