"""svc27: a link outlived every audit that cited it, for good.

Every URL an audit's links phase checks becomes a `links` row and a `link_checks` row,
shared by whichever audits cite it. Deleting an audit deleted its `audit_links` rows,
never the links, and the daily prune (`store.watching.retention.prune`) kept every
link and each one's newest check whatever their age. So an account could upload a
list of distinct URLs (a 20 MB upload holds 20 MB of them; one URL of 30,000
characters was stored as sent), let them be checked, delete the audit -- freeing its
place in the stored-bytes quota, which counts uploads held -- and do it again: each
round left its URLs, twice over (the URL and the check's data), in the store for ever,
read by nobody. Through the real API (embedded service, loopback link farm): three
audits of 50 links of 1 KB URLs, deleted, left 150 links, 150 checks and 155,520 bytes
of URL; a prune dated 10,000 days later removed none.

With /work/helpers/svc27-2.diff the prune forgets a link nothing points at -- no audit
cites it, no change names it, no check of it younger than the link cache's age (so the
cache would not serve it) -- with its checks, in steps of `ORPHAN_BATCH`.

Counted, not timed: rows left in the store.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.tables import Link, LinkCheckRow
from citeaudit.store.watching.retention import prune
from citeaudit.store.watching.times import utcnow
from tests.redteam.offline_service import offline_settings
from tests.stand_ins.link_farm import Farm

LINKS = 30
ROUNDS = 2
PAD = "a" * 1000  # a long URL is stored as sent


@dataclass
class Service:
    client: TestClient
    repo: Repository
    settings: ServiceSettings
    auth: dict[str, str]
    farm: Farm

    def audit(self, urls: list[str]) -> str:
        """A finished audit of a bibliography citing `urls`; its id."""
        bib = "".join(
            f"@misc{{r{i}, title={{Page {i}}}, year={{2020}}, url={{{url}}}}}\n"
            for i, url in enumerate(urls)
        ).encode()
        made = self.client.post(
            "/api/v1/audits",
            headers=self.auth,
            data={"resolve": "false"},
            files=[("bibliography", ("refs.bib", bib, "text/plain"))],
        )
        assert made.status_code == 202, made.text
        audit_id = str(made.json()["id"])
        status: dict[str, Any] = {}
        for _ in range(3000):
            status = self.client.get(f"/api/v1/audits/{audit_id}", headers=self.auth).json()
            if status["status"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert status["status"] == "done", status
        return audit_id

    def rows(self) -> tuple[int, int]:
        with self.repo.session() as s:
            return (
                int(s.scalar(select(func.count(Link.id))) or 0),
                int(s.scalar(select(func.count(LinkCheckRow.id))) or 0),
            )

    def urls(self) -> set[str]:
        with self.repo.session() as s:
            return set(s.scalars(select(Link.url)))


@pytest.fixture
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    farm = Farm().start()
    try:
        settings = offline_settings(
            tmp_path_factory.mktemp("svc27-links"),
            embedded_workers=1,
            allow_private_networks=True,  # the loopback farm stands in for the web
            allow_own_machine=True,
            doi_url=farm.url("svc", ""),
            archive_url=farm.url("svc", "/wayback/available"),
            link_timeout=5.0,
        )
        app = create_app(settings)
        with TestClient(app, base_url="http://testserver") as client:
            repo: Repository = app.state.repo
            token = repo.create_token("svc27-links")
            auth = {"Authorization": f"Bearer {token}"}
            yield Service(client, repo, settings, auth, farm)
    finally:
        farm.stop()


def _url(service: Service, tag: str) -> str:
    return service.farm.url("site", f"/ok?svc27={tag}&p={PAD}")


def _flood_and_delete(service: Service) -> None:
    for round_ in range(ROUNDS):
        audit_id = service.audit([_url(service, f"{round_}-{i}") for i in range(LINKS)])
        deleted = service.client.delete(f"/api/v1/audits/{audit_id}", headers=service.auth)
        assert deleted.status_code == 204


def _later(service: Service) -> timedelta:
    """Past the link cache's age and the orphans' grace."""
    return timedelta(seconds=service.settings.link_cache_max_age) + timedelta(days=3)


def test_links_of_deleted_audits_are_forgotten(service: Service) -> None:
    kept = _url(service, "kept")
    service.audit([kept])  # an audit that stays: its link must stay too
    _flood_and_delete(service)
    assert service.rows() == (ROUNDS * LINKS + 1, ROUNDS * LINKS + 1)
    prune(service.repo, service.settings, now=utcnow() + _later(service))
    # before: every one of the 61 links and checks stays, for ever
    assert service.urls() == {kept}
    assert service.rows() == (1, 1)


def test_a_fresh_or_cited_link_is_kept(service: Service) -> None:
    """Guard: a prune now forgets nothing the cache could still serve, and a link an
    audit cites keeps its newest check however old (before and after the diff)."""
    kept = _url(service, "kept")
    service.audit([kept])
    _flood_and_delete(service)
    prune(service.repo, service.settings)
    assert service.rows() == (ROUNDS * LINKS + 1, ROUNDS * LINKS + 1)
    prune(service.repo, service.settings, now=utcnow() + timedelta(days=10_000))
    assert kept in service.urls()
    with service.repo.session() as s:
        (link_id,) = s.scalars(select(Link.id).where(Link.url == kept))
        assert s.scalar(select(func.count()).where(LinkCheckRow.link_id == link_id)) == 1
