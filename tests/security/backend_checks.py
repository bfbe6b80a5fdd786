"""Shared checks of the SSRF modules that name a backend through the environment
(ssrf28: the libraries' own variables; ssrf30: files and platforms): the link policy
an environment gives, a link to the backend refused beside a reachable intranet page,
and the synchronous clients (webhooks, registries) refusing it too."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from citeaudit.links.backends import BackendAddresses, backends_from_environ
from citeaudit.links.pinned import pinned_client
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import AddressRule, is_refusal
from citeaudit.model.link import LinkOutcome
from citeaudit.settings import ServiceSettings
from tests.test_r2b_backends_refused import FAST, Listener, _run


def environ_policy(tmp_path: Path, environ: dict[str, str]) -> LinkPolicy:
    """Private networks and this machine allowed; the backends as `environ` names them
    (`service_backends` reads the process's environment the same way)."""
    settings = ServiceSettings(
        allow_private_networks=True, allow_own_machine=True, cache_dir=tmp_path, data_dir=tmp_path
    )
    policy = LinkPolicy.from_settings(settings, **FAST)
    assert policy.allow_private_networks and policy.allow_own_machine
    return dataclasses.replace(policy, backends=backends_from_environ(environ))


def assert_refused_beside_the_intranet(
    policy: LinkPolicy, backend: Listener, intranet: Listener, path: str, name: str
) -> None:
    results = _run(policy, [backend.url(path), intranet.url("/notes")])
    assert backend.connections == 0, name
    assert results[0].outcome is LinkOutcome.UNVERIFIED
    assert results[0].reason == "private-address"
    assert results[1].outcome is LinkOutcome.OK  # the control: an intranet page


def assert_webhook_refused(environ: dict[str, str], backend: Listener, what: str) -> None:
    """The synchronous clients (webhooks, registries) judge by the same backends."""
    rule = AddressRule(
        allow_private=True, backends=BackendAddresses(backends_from_environ(environ))
    )
    with pinned_client(rule, timeout=2.0) as client:
        try:
            client.post(backend.url("/hook"), content=b"{}")
        except Exception as exc:  # the refusal, as httpx's ConnectError
            assert is_refusal(exc)
        else:
            pytest.fail(f"the webhook reached the {what}")
    assert backend.connections == 0
