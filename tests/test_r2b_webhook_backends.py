"""A webhook, with private networks allowed for webhooks, never reaches our own backends.

The webhook rule is the operator's own (CITEAUDIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS,
..._OWN_MACHINE), but the service's Redis, broker, database and mail relay are no
receiver: the settings' backends are refused there as for links (`links.backends`).
Strict xfail until /work/helpers/r2b-webhook-backends.diff (watch/webhook_policy.py,
webhook.py, notify.py) is applied; the environment's backends are refused already
(`tests/test_r2b_backends_refused.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from citeaudit.links.pinned import pinned_client
from citeaudit.links.safety import is_refusal
from citeaudit.settings import ServiceSettings
from citeaudit.watch.webhook_policy import WebhookPolicy
from tests.test_r2b_backends_refused import Listener

_APPLIED = "backends" in WebhookPolicy.__dataclass_fields__


@pytest.fixture
def listeners() -> Iterator[tuple[Listener, Listener]]:
    backend, receiver = Listener(), Listener()
    yield backend, receiver
    backend.close()
    receiver.close()


@pytest.mark.xfail(
    not _APPLIED, reason="until /work/helpers/r2b-webhook-backends.diff", strict=True
)
def test_a_webhook_to_our_own_redis_is_refused_unconnected(
    listeners: tuple[Listener, Listener], tmp_path: Path
) -> None:
    backend, receiver = listeners
    settings = ServiceSettings(
        webhook_allow_private_networks=True,
        webhook_allow_own_machine=True,
        redis_url=f"redis://127.0.0.1:{backend.port}/0",
        data_dir=tmp_path,
    )
    rule = WebhookPolicy.from_settings(settings).rule()
    with pinned_client(rule, timeout=2.0) as client:
        assert client.post(receiver.url("/hook"), content=b"{}").status_code == 200
        with pytest.raises(httpx.ConnectError) as caught:
            client.post(backend.url("/"), content=b"{}")
    assert is_refusal(caught.value)
    assert backend.connections == 0
    assert receiver.connections >= 1
