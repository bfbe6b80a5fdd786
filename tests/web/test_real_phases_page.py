"""The editors' page with the real network phases: the resolver and the link checker
themselves, inside the API's embedded workers, against the loopback stand-ins.

Every other web test runs offline or with `tests.web.demo_phases` (fake enrichers),
so the real phases never ran behind the page. Here an upload with both boxes ticked
must give what `citeaudit check` gives on the same file with the same settings, and
the page must show the registry's and the link checker's findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from tests.service.real_network import Outside, in_process, manuscript, network_settings, stand_ins
from tests.web.conftest import App
from tests.web.helpers import wait_done


@pytest.fixture(scope="module")
def outside() -> Iterator[Outside]:
    with stand_ins() as both:
        yield both


@pytest.fixture
def real_app(tmp_path: Path, outside: Outside) -> Iterator[App]:
    network = network_settings(outside)
    settings = ServiceSettings(
        **network,  # type: ignore[arg-type]
        database_url=f"sqlite:///{tmp_path / 'web.db'}",
        cache_dir=tmp_path / "cache",
        embedded_workers=1,
        redis_url=None,
    )
    application = create_app(settings)
    with TestClient(application, base_url="http://testserver") as client:
        repo = application.state.repo
        yield App(client, {"a": repo.create_token("web-a")})


def test_the_page_with_real_phases_equals_the_cli(
    real_app: App, outside: Outside, tmp_path: Path
) -> None:
    text = manuscript(outside[1])
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    expected = in_process(path, outside, tmp_path / "cli-cache")

    csrf = real_app.sign_in("a")
    response = real_app.client.post(
        "/web/audits",
        data={"csrf": csrf, "resolve": "on", "links": "on"},
        files=[("manuscript", ("paper.md", text.encode("utf-8"), "text/markdown"))],
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    audit_id = response.headers["location"].rsplit("/", 1)[1]
    assert wait_done(real_app.client, audit_id, timeout=180)["status"] == "done"
    served = real_app.client.get(f"/web/audits/{audit_id}/download/json").json()

    assert [(f["rule"], f.get("reference")) for f in served["findings"]] == [
        (f["rule"], f.get("reference")) for f in expected["findings"]
    ]
    assert [p["done"] for p in served["phases"]] == [True] * len(served["phases"])
    found = {f["rule"] for f in served["findings"]}
    assert {"doi-not-found", "broken-link", "uncited-reference"} <= found, found
    page = real_app.client.get(f"/web/audits/{audit_id}").text
    assert "REG001" in page and "LNK001" in page and "10.5555/unregistered.2019.77" in page
