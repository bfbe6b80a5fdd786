"""What another account's watch saw of a link is never shown to an account.

Links are one row each, whoever cites them, and a watched link's re-checks, state and
changes are kept once for all the audits that cite it. An account's changes were read
from that shared history with no regard to when the account itself began to watch:
an account that guessed a private preprint's address and cited it in an audit read,
in that audit's changes (watched or not: the route asked only that the audit be the
account's), that the link had been watched, when it broke and since when -- another
account's watch, dated. A notification said "failing since" a time before the
account watched, the start of another account's streak of failures.

An account now sees a link's history only from the moment its audit was watched: no
change before it, "broken since" and "failing since" no earlier than it, and nothing
for an audit it does not watch. Through the real API and a real webhook.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.watch.runner import recheck_now
from tests.redteam.offline_service import offline_settings
from tests.watch.receiver import Receiver
from tests.watch.site import Site

GAP = 1  # seconds between two failures that make a link newly broken


@dataclass
class Service:
    client: TestClient
    repo: Repository
    settings: ServiceSettings
    tokens: dict[str, str]
    site: Site

    def auth(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def audit(self, who: str, urls: list[str]) -> str:
        bib = "".join(
            f"@misc{{r{i}, title={{Draft {i}}}, year={{2026}}, url={{{url}}}}}\n"
            for i, url in enumerate(urls)
        ).encode()
        made = self.client.post(
            "/api/v1/audits",
            headers=self.auth(who),
            data={"resolve": "false", "cache": "false"},
            files=[("bibliography", ("refs.bib", bib, "text/plain"))],
        )
        assert made.status_code == 202, made.text
        audit_id: str = made.json()["id"]
        for _ in range(400):
            status = self.client.get(f"/api/v1/audits/{audit_id}", headers=self.auth(who))
            if status.json()["status"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert status.json()["status"] == "done", status.text
        return audit_id

    def watch(self, who: str, audit_id: str) -> datetime:
        answer = self.client.post(f"/api/v1/audits/{audit_id}/watch", headers=self.auth(who))
        assert answer.status_code == 200, answer.text
        return datetime.fromisoformat(answer.json()["watched_since"])

    def changes(self, who: str, audit_id: str) -> list[dict[str, Any]]:
        answer = self.client.get(f"/api/v1/audits/{audit_id}/changes", headers=self.auth(who))
        assert answer.status_code == 200, answer.text
        changes: list[dict[str, Any]] = answer.json()["changes"]
        return changes

    def sweep(self) -> None:
        recheck_now(self.repo, self.settings)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    site = Site(hosts=1).start()
    try:
        settings = offline_settings(
            tmp_path_factory.mktemp("watch-history"),
            embedded_workers=1,
            allow_private_networks=True,  # the loopback site stands in for the web
            allow_own_machine=True,  # the site is on this machine's loopback
            webhook_allow_private_networks=True,  # ...and for the account's receiver
            webhook_allow_own_machine=True,
            webhook_allow_http=True,
            doi_url=site.url(0, "/"),  # the reachability probe answers there
            archive_url=site.url(0, "/"),
            watch_max_age=0,
            watch_newly_broken_gap=GAP,
            link_timeout=5.0,
        )
        app = create_app(settings)
        with TestClient(app, base_url="http://testserver") as client:
            repo: Repository = app.state.repo
            tokens = {who: repo.create_token(f"history-{who}") for who in ("a", "b")}
            yield Service(client, repo, settings, tokens, site)
    finally:
        site.stop()


def _at(value: str | None) -> datetime:
    assert value is not None
    return datetime.fromisoformat(value)


def test_an_account_sees_no_history_from_before_it_watched(service: Service) -> None:
    site = service.site
    first, second = "/page/r11-preprint-first", "/page/r11-preprint-second"
    urls = [site.url(0, first), site.url(0, second)]
    # Account a watches both; the first link breaks, then the second starts failing.
    theirs = service.audit("a", urls)
    service.watch("a", theirs)
    site.dead.add(first)
    service.sweep()
    time.sleep(GAP + 0.2)
    service.sweep()  # the first is newly broken for a
    site.dead.add(second)
    service.sweep()  # the second failed once: a's streak has begun
    assert [c["kind"] for c in service.changes("a", theirs)] == ["newly_broken"]

    # Account b guesses both addresses and cites them.
    time.sleep(1.1)  # times are kept to the second: b's start is after a's history
    mine = service.audit("b", urls)
    assert service.changes("b", mine) == []  # not watched: no changes at all

    receiver = Receiver().start()
    try:
        hooked = service.client.put(
            "/api/v1/watch/settings", headers=service.auth("b"), json={"webhook_url": receiver.url}
        )
        assert hooked.status_code == 200, hooked.text
        receiver.secret = hooked.json()["secret"]
        watched = service.watch("b", mine)
        assert service.changes("b", mine) == []  # nothing re-checked since b watched

        time.sleep(GAP + 0.2)
        service.sweep()  # the second is newly broken now; the first still is
        seen = service.changes("b", mine)
        assert sorted(c["kind"] for c in seen) == ["newly_broken", "still_broken"], seen
        for change in seen:
            assert _at(change["at"]) >= watched
            assert _at(change["since"]) >= watched, change  # not a's streak
        (sent,) = receiver.deliveries
        assert sent["link"] == urls[1]
        assert _at(sent["detail"]["since"]) >= watched, sent  # "failing since"
    finally:
        receiver.stop()
    # a's own history is a's, as it was
    kinds = sorted(c["kind"] for c in service.changes("a", theirs))
    assert kinds == ["newly_broken", "newly_broken"]
    assert min(_at(c["since"]) for c in service.changes("a", theirs)) < watched
