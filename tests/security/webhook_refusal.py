"""One assertion the address-class tests share: a webhook whose name resolves to
`address` is refused before anything is sent, permanently, as a private address."""

from __future__ import annotations

import pytest

from citeaudit.watch.webhook import DeliveryError, post


def assert_webhook_refused(address: str, *, allow_private: bool) -> None:
    with pytest.raises(DeliveryError) as caught:
        post(
            "http://hooks.test/x",
            {},
            "s",
            event="e",
            delivery="1",
            timeout=2.0,
            allow_private=allow_private,
            lookup=lambda host, port: [address],
        )
    assert caught.value.permanent
    assert "private address" in str(caught.value)
