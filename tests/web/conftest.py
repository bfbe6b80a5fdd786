"""Web page fixtures: the app in-process (TestClient), or a real `citeaudit serve` process.

In-process tests run audits offline only, so nothing leaves the machine; the served
process checks links against the loopback link farm and takes its registry answers
from `tests.web.demo_phases`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from tests.service.processes import (
    CLOSED,
    Proc,
    base_env,
    command,
    create_token,
    fake_phases,
    free_port,
    wait_http,
)
from tests.stand_ins.link_farm import Farm
from tests.web.browser import chromium

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output" / "web"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class App:
    client: TestClient
    tokens: dict[str, str]

    def sign_in(self, account: str) -> str:
        """Signs `account` in through the form; returns the page's CSRF token."""
        self.client.cookies.clear()
        page = self.client.get("/web/sign-in")
        csrf = csrf_of(page.text)
        response = self.client.post(
            "/web/sign-in",
            data={"token": self.tokens[account], "csrf": csrf, "next": "/web/audits"},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        return csrf_of(self.client.get("/web/audits").text)


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF field on the page"
    return found.group(1)


@pytest.fixture
def app(tmp_path: Path, migrated_sqlite: Callable[[Path], str]) -> Iterator[App]:
    settings = ServiceSettings(
        database_url=migrated_sqlite(tmp_path / "web.db"),
        cache_dir=tmp_path / "cache",
        crossref_url=CLOSED,
        doi_url=CLOSED,
        datacite_url=CLOSED,
        archive_url=CLOSED,
        embedded_workers=1,
    )
    application = create_app(settings)
    with TestClient(application, base_url="http://testserver") as client:
        repo = application.state.repo
        tokens = {name: repo.create_token(f"web-{name}") for name in ("a", "b")}
        yield App(client, tokens)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium for a module's page tests (each opens its own context: its own
    cookies, storage and downloads). Ask for it before `served`: without Chromium
    the test skips before a server is started for it."""
    with chromium() as launched:
        yield launched


@dataclass
class Served:
    url: str
    tokens: dict[str, str]
    farm: Farm


@pytest.fixture(scope="module")
def farm() -> Iterator[Farm]:
    f = Farm().start()
    yield f
    f.stop()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, farm: Farm) -> Iterator[Served]:
    """`citeaudit serve` (embedded executor, SQLite) checking links on the farm."""
    tmp = tmp_path_factory.mktemp("web-served")
    env = base_env(
        tmp,
        CITEAUDIT_DATABASE_URL=f"sqlite:///{tmp / 'citeaudit.db'}",
        **fake_phases("tests.web.demo_phases:enrichers"),
        CITEAUDIT_DOI_URL=farm.url("svc", ""),
        CITEAUDIT_ARCHIVE_URL=farm.url("svc", "/wayback/available"),
        CITEAUDIT_ALLOW_PRIVATE_NETWORKS="true",
        CITEAUDIT_ALLOW_OWN_MACHINE="true",  # the farm is on this machine's loopback
        CITEAUDIT_LINK_TIMEOUT="3",
        CITEAUDIT_CHUNK_SIZE="5",
        CITEAUDIT_TEST_DELAY="0.15",
    )
    tokens = {name: create_token(env, f"web-{name}") for name in ("a", "b")}
    port = free_port()
    proc = Proc("api", command("api", env, port), env, tmp / "api.log")
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", proc)
        yield Served(f"http://127.0.0.1:{port}", tokens, farm)
    finally:
        proc.stop()
