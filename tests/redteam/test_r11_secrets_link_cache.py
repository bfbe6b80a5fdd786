"""One account cannot tell from its own report that another account checked a link.

The link cache is shared by every account of the service (a link is public, and a
journal's editors cite the same pages): a success is kept for
CITEAUDIT_LINK_CACHE_MAX_AGE and served to the next audit citing that link, without a
request. The check served was the other account's, dated when that account's audit
made it and saying how many tries it took: an account that guessed a private preprint's
address and cited it read in its own report that someone had checked it, and when.
A check served from the cache is now the verdict alone, dated when it is served and
said as a first try: what a check made for this audit at that moment would say.

Through the real API (the embedded service, a loopback site standing in for the web).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from citeaudit.links.cache import LinkCache
from citeaudit.model.link import Hop, LinkCheck, LinkOutcome
from citeaudit.server import create_app
from citeaudit.store.repository import Repository
from tests.redteam.offline_service import offline_settings
from tests.stand_ins.link_farm import Farm


@dataclass
class Service:
    client: TestClient
    tokens: dict[str, str]
    farm: Farm

    def audit(self, who: str, url: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """`who`'s audit of a bibliography citing `url`: (its status, its JSON report)."""
        auth = {"Authorization": f"Bearer {self.tokens[who]}"}
        bib = f"@misc{{draft, title={{A draft}}, year={{2026}}, url={{{url}}}}}\n".encode()
        made = self.client.post(
            "/api/v1/audits",
            headers=auth,
            data={"resolve": "false"},
            files=[("bibliography", ("refs.bib", bib, "text/plain"))],
        )
        assert made.status_code == 202, made.text
        audit_id = made.json()["id"]
        for _ in range(400):
            status = self.client.get(f"/api/v1/audits/{audit_id}", headers=auth).json()
            if status["status"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert status["status"] == "done", status
        report = self.client.get(f"/api/v1/audits/{audit_id}/report", headers=auth)
        assert report.status_code == 200, report.text
        return status, report.json()


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    farm = Farm().start()
    try:
        settings = offline_settings(
            tmp_path_factory.mktemp("link-cache"),
            embedded_workers=1,
            allow_private_networks=True,  # the loopback farm stands in for the web
            allow_own_machine=True,  # ... on this machine, named as the operator would
            doi_url=farm.url("svc", ""),
            archive_url=farm.url("svc", "/wayback/available"),
            link_timeout=5.0,
        )
        app = create_app(settings)
        with TestClient(app, base_url="http://testserver") as client:
            repo: Repository = app.state.repo
            tokens = {who: repo.create_token(f"cache-{who}") for who in ("a", "b")}
            yield Service(client, tokens, farm)
    finally:
        farm.stop()


def _check(report: dict[str, Any]) -> dict[str, Any]:
    (ref,) = report["references"]
    (link,) = ref["links"]
    assert isinstance(link, dict)
    return link


def _requests(farm: Farm, path: str) -> int:
    return sum(n for (host, p), n in farm.counts.items() if host == "site" and p == path)


def test_a_cached_check_is_dated_when_it_is_served(service: Service) -> None:
    url = service.farm.url("site", "/ok?draft=r11-private-preprint-7f3a")
    _, first = service.audit("a", url)
    assert _check(first)["outcome"] == "ok"
    asked = _requests(service.farm, "/ok")
    time.sleep(1.2)  # checks are dated to the second: let the clock move on
    status, second = service.audit("b", url)
    served = _check(second)
    assert served["outcome"] == "ok"
    assert _requests(service.farm, "/ok") == asked  # the verdict is still shared
    # ...but dated for b's audit, not when a's audit checked it
    assert served["checked_at"] != _check(first)["checked_at"]
    created = datetime.fromisoformat(status["created_at"]).replace(microsecond=0)
    assert datetime.fromisoformat(served["checked_at"]) >= created


def test_a_cached_check_does_not_tell_how_many_tries_it_took(service: Service) -> None:
    """A site that was busy for the first account's check (503, then 200 on the retry)."""
    url = service.farm.url("site", "/busy?draft=r11-private-preprint-91c2")
    _, first = service.audit("a", url)
    assert _check(first)["outcome"] == "ok" and _check(first)["attempts"] == 2
    _, second = service.audit("b", url)
    served = _check(second)
    assert served["outcome"] == "ok"
    assert served["attempts"] == 1  # what a first try of the site answers now
    assert {k: v for k, v in served.items() if k not in ("checked_at", "attempts")} == {
        k: v for k, v in _check(first).items() if k not in ("checked_at", "attempts")
    }


class _SigningSite:
    """A site whose links move to a signed address made for each request (as storage
    services sign a download: a token, an expiry), the first request's token 1."""

    def __init__(self) -> None:
        self.issued = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _answer(self, body: bool) -> None:
                if self.path.startswith("/preprint/"):
                    with lock:
                        outer.issued += 1
                        token = outer.issued
                    self.send_response(301)
                    self.send_header("Location", f"/signed/file.pdf?token={token}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                found = self.path.startswith("/signed/file.pdf?token=")
                text = b"<html><body>The preprint, with many words in it.</body></html>"
                self.send_response(200 if found else 404)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(text)))
                self.end_headers()
                if body:
                    self.wfile.write(text)

            def do_GET(self) -> None:
                self._answer(True)

            def do_HEAD(self) -> None:
                self._answer(False)

        lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"


def test_a_redirect_chain_made_for_one_account_is_never_served_to_another(
    service: Service,
) -> None:
    """The chain a site answers is its answer to one request: served from the cache, b
    read a's token (and, in a real signature, a's time) where its own check gets its
    own. Kept for the account whose audit made it; another account's audit asks."""
    site = _SigningSite()
    try:
        url = site.url("/preprint/r11-private-3d9e")
        _, first = service.audit("a", url)
        theirs = _check(first)
        assert theirs["outcome"] == "redirected", theirs
        assert str(theirs["final_url"]).endswith("token=1")
        _, second = service.audit("b", url)
        mine = _check(second)
        assert mine["outcome"] == "redirected"
        assert not str(mine["final_url"]).endswith("token=1"), mine  # b's own answer
        issued = site.issued
        _, again = service.audit("a", url)  # a's own chain is still a's cache
        assert _check(again)["final_url"] == theirs["final_url"]
        assert site.issued == issued
    finally:
        site.server.shutdown()
        site.server.server_close()


def test_what_every_requester_is_told_stays_shared(tmp_path: Path) -> None:
    """A direct answer, and a DOI's landing page named by the registry (no hop: the
    same public record for everyone), are still served to every account; a chain is
    served to its own account only."""
    first, second = (LinkCache(tmp_path, 3600, scope=f"account:{n}") for n in (1, 2))
    doi = LinkCheck(
        "https://doi.org/10.5555/r11",
        LinkOutcome.OK,
        status=200,
        final_url="https://publisher.example/article/r11",
    )
    page = LinkCheck("https://site.example/r11", LinkOutcome.OK, status=200)
    chain = LinkCheck(
        "https://site.example/moved",
        LinkOutcome.REDIRECTED,
        status=200,
        final_url="https://site.example/new?token=1",
        hops=(Hop("https://site.example/moved", 301),),
    )
    first.put_many([("doi", doi), ("page", page), ("chain", chain)], now=0)
    assert set(second.get_many(["doi", "page", "chain"], now=1)) == {"doi", "page"}
    assert set(first.get_many(["doi", "page", "chain"], now=1)) == {"doi", "page", "chain"}
