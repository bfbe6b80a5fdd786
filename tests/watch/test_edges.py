"""The thin edges: the HTTP routes (in-process app) and the cron-friendly CLI (its
`main`, in this process: the commands are under test, not the interpreter's start)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.store import Repository
from tests.in_process_cli import run_cli
from tests.watch.conftest import stored_audit, watch_settings
from tests.watch.site import Site


def test_routes_watch_changes_collections_settings(tmp_path: Path, site: Site) -> None:
    settings = watch_settings(tmp_path, site.url(1, "/"), watch_newly_broken_gap=0)
    with TestClient(create_app(settings)) as client:
        repo: Repository = client.app.state.repo  # type: ignore[attr-defined]
        token_a, token_b = repo.create_token("a"), repo.create_token("b")
        a = {"Authorization": f"Bearer {token_a}"}
        b = {"Authorization": f"Bearer {token_b}"}
        account = repo.account_for_token(token_a)
        assert account is not None
        audit_id = stored_audit(repo, account, [site.url(0, "/page/p")])

        assert client.post(f"/api/v1/audits/{audit_id}/watch").status_code == 401
        assert client.post(f"/api/v1/audits/{audit_id}/watch", headers=b).status_code == 404
        r = client.post(f"/api/v1/audits/{audit_id}/watch", headers=a, json={"collection": "V1"})
        assert r.status_code == 200 and r.json()["collection"] == "V1"
        assert [w["audit_id"] for w in client.get("/api/v1/watch", headers=a).json()["items"]] == [
            audit_id
        ]
        assert client.get("/api/v1/watch/collections", headers=a).json()[0]["audits"] == 1

        r = client.put(
            "/api/v1/watch/settings", headers=a, json={"webhook_url": "http://127.0.0.1:9/x"}
        )
        assert r.status_code == 200 and r.json()["secret"] and r.json()["has_secret"]
        assert client.get("/api/v1/watch/settings", headers=a).json()["secret"] is None
        bad = client.put("/api/v1/watch/settings", headers=a, json={"email": "nope"})
        assert bad.status_code == 422

        from citeaudit.watch import recheck_now

        site.dead.add("/page/p")
        recheck_now(repo, settings, deliver=False)
        recheck_now(repo, settings, deliver=False)
        r = client.get(f"/api/v1/audits/{audit_id}/changes", headers=a)
        assert [c["kind"] for c in r.json()["changes"]] == ["newly_broken"]
        later = "2999-01-01T00:00:00Z"
        r = client.get(f"/api/v1/audits/{audit_id}/changes?since={later}", headers=a)
        assert [c["kind"] for c in r.json()["changes"]] == ["still_broken"]
        assert client.get(f"/api/v1/audits/{audit_id}/changes", headers=b).status_code == 404
        html = client.get(f"/api/v1/audits/{audit_id}/changes?format=html", headers=a)
        assert "newly broken" in html.text and html.headers["content-type"].startswith("text/html")
        r = client.get("/api/v1/watch/collections/V1/changes", headers=a)
        assert [c["kind"] for c in r.json()["changes"]] == ["newly_broken"]

        assert client.delete(f"/api/v1/audits/{audit_id}/watch", headers=a).status_code == 204
        assert client.delete(f"/api/v1/audits/{audit_id}/watch", headers=a).status_code == 404


def test_cli_watch_add_recheck_changes(tmp_path: Path, site: Site) -> None:
    env = dict(
        CITEAUDIT_DATABASE_URL=f"sqlite:///{tmp_path / 'cli.db'}",
        CITEAUDIT_CACHE_DIR=str(tmp_path / "cache"),
        CITEAUDIT_ALLOW_PRIVATE_NETWORKS="true",
        CITEAUDIT_ALLOW_OWN_MACHINE="true",  # the site is on this machine's loopback
        CITEAUDIT_DOI_URL=site.url(1, "/"),
        CITEAUDIT_ARCHIVE_URL=site.url(1, "/"),
        CITEAUDIT_CROSSREF_URL="http://127.0.0.1:9",
        CITEAUDIT_DATACITE_URL="http://127.0.0.1:9",
        CITEAUDIT_WATCH_MAX_AGE="0",
        CITEAUDIT_WATCH_NEWLY_BROKEN_GAP="1",
    )
    page = site.url(0, "/page/cli")
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@misc{site2024, author={Doe, Jane}, title={A page on the site}, year={2024}, "
        f"howpublished={{\\url{{{page}}}}}, url={{{page}}}}}\n"
    )
    added = run_cli(env, "watch", "add", str(bib), "--no-resolve", "--collection", "Issue 1")
    assert added.returncode == 0, added.stderr
    audit_id = added.stdout.split()[0]
    listed = run_cli(env, "watch", "list")
    assert audit_id in listed.stdout and "Issue 1" in listed.stdout

    site.dead.add("/page/cli")
    first = run_cli(env, "recheck", "--format", "json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["links_checked"] == 1
    time.sleep(1.1)
    second = json.loads(run_cli(env, "recheck", "--format", "json").stdout)
    assert second["changes"] == {"newly_broken": 1}
    out = run_cli(env, "changes", audit_id)
    assert "newly_broken" in out.stdout and page in out.stdout and "site2024" in out.stdout
    out = run_cli(env, "changes", "--collection", "Issue 1", "--format", "json")
    assert [c["kind"] for c in json.loads(out.stdout)] == ["newly_broken"]
    assert run_cli(env, "changes", "no-such-audit").returncode == 2
