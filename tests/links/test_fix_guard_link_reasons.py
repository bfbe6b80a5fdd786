"""Every reason a link is given before anything is sent has words for the reader:
the unverified-link finding says why, never the internal key."""

from __future__ import annotations

import pytest

from citeaudit.links.fetch import INVALID_URL
from citeaudit.links.precheck import HOST_NOT_SUPPORTED, MALFORMED_DOI
from citeaudit.rules.links._common import REASONS, describe


@pytest.mark.parametrize("reason", [HOST_NOT_SUPPORTED, MALFORMED_DOI, INVALID_URL])
def test_a_precheck_reason_is_worded(reason: str) -> None:
    assert reason in REASONS
    assert describe(reason) != reason


def test_a_host_our_client_cannot_encode_is_said_so() -> None:
    words = describe(HOST_NOT_SUPPORTED)
    assert "cannot encode" in words and "not checked" in words
