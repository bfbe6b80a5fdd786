"""The service honours "cache": false as the CLI honours --no-cache (it used to drop it)."""

from __future__ import annotations

import pytest

from citeaudit.service.enrichers import phase_options
from tests.service.conftest import EXAMPLES, Server

pytestmark = [pytest.mark.services]


def test_cache_option_reaches_the_network_phases(embedded: Server) -> None:
    manuscript = EXAMPLES / "apa-markdown" / "manuscript.md"
    with embedded.client() as client:
        stored = []
        for value in ("false", "true", None):
            data = {"offline": "true"} | ({"cache": value} if value else {})
            response = client.post(
                "/api/v1/audits",
                files=[("manuscript", (manuscript.name, manuscript.read_bytes()))],
                data=data,
            )
            assert response.status_code == 202, response.text
            status = client.get(f"/api/v1/audits/{response.json()['id']}").json()
            stored.append(status["options"])
        refused = client.post(
            "/api/v1/audits",
            files=[("manuscript", (manuscript.name, manuscript.read_bytes()))],
            data={"cache": "sometimes"},
        )
    assert [phase_options(options).use_cache for options in stored] == [False, True, True]
    assert refused.status_code == 422 and "cache" in refused.json()["detail"]
