"""The embedded default end to end: a real `citeaudit serve` process, no broker."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.report.serialize import to_dict
from tests.in_process_cli import run_cli
from tests.service.conftest import EXAMPLES, Server
from tests.service.helpers import submit, wait_done
from tests.service.processes import ROOT, _citeaudit
from tests.service.slow_phases import SlowLinks, SlowResolver

pytestmark = [pytest.mark.services, pytest.mark.slow]

MANUSCRIPT = EXAMPLES / "apa-markdown" / "manuscript.md"


def _cli_report(path: Path, env: dict[str, str]) -> dict[str, object]:
    """`citeaudit check FILE --offline --format json`, run next to the file (its main,
    in this process, with the server's settings: the report is under test here)."""
    args = ("check", path.name, "--offline", "--format", "json", "--fail-on", "never")
    out = run_cli(env, *args, cwd=path.parent)
    assert out.returncode == 0, out.stderr
    report: dict[str, object] = json.loads(out.stdout)
    return report


def test_offline_audit_matches_cli(embedded: Server) -> None:
    with embedded.client() as client:
        audit_id = submit(client, [MANUSCRIPT], offline="true")
        status = wait_done(client, audit_id)
        assert status["status"] == "done", status
        report = client.get(f"/api/v1/audits/{audit_id}/report", params={"format": "json"})
        assert report.status_code == 200
        assert report.headers["content-type"].startswith("application/json")
        served = report.json()
    expected = _cli_report(MANUSCRIPT, embedded.env)
    assert served["findings"], "the example manuscript has known problems"
    assert served["findings"] == expected["findings"]
    assert served["phases"] == expected["phases"]
    counts = {
        s: sum(f["severity"] == s for f in served["findings"]) for s in ("error", "warning", "info")
    }
    assert {k: v for k, v in status["counts"].items()} == counts


def test_network_phases_match_in_process_audit(
    embedded: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunked phases in the service give what one in-process run gives."""
    bib = EXAMPLES / "latex-natbib" / "refs.bib"
    with embedded.client() as client:
        audit_id = submit(client, [], [bib])
        status = wait_done(client, audit_id)
        assert status["status"] == "done", status
        assert status["progress"]["total"] > 2  # several chunks per phase
        assert status["progress"]["done"] == status["progress"]["total"]
        served = client.get(f"/api/v1/audits/{audit_id}/report").json()
        findings = client.get(f"/api/v1/audits/{audit_id}/findings").json()
    monkeypatch.chdir(bib.parent)
    expected = to_dict(audit(AuditInput((), (Path(bib.name),)), [SlowResolver(), SlowLinks()]))
    assert served["findings"] == expected["findings"]
    assert served["references"] == expected["references"]
    assert served["phases"] == expected["phases"]
    assert findings["final"] is True
    assert findings["findings"] == expected["findings"]


def test_findings_filters_and_formats(embedded: Server) -> None:
    with embedded.client() as client:
        audit_id = submit(client, [MANUSCRIPT], offline="true")
        assert wait_done(client, audit_id)["status"] == "done"
        every = client.get(f"/api/v1/audits/{audit_id}/findings").json()["findings"]
        errors = client.get(
            f"/api/v1/audits/{audit_id}/findings", params={"severity": "error"}
        ).json()["findings"]
        assert errors == [f for f in every if f["severity"] == "error"]
        code = every[0]["code"]
        by_rule = client.get(f"/api/v1/audits/{audit_id}/findings", params={"rule": code})
        assert by_rule.json()["findings"] == [f for f in every if f["code"] == code]
        bad = client.get(f"/api/v1/audits/{audit_id}/findings", params={"severity": "fatal"})
        assert bad.status_code == 422
        for fmt, media in (("html", "text/html"), ("sarif", "json")):
            response = client.get(f"/api/v1/audits/{audit_id}/report", params={"format": fmt})
            assert response.status_code == 200, (fmt, response.text[:200])
            assert media in response.headers["content-type"]
        rules = client.get("/api/v1/rules").json()
        assert {"CIT002", "BIB003"} <= {r["code"] for r in rules}
        assert client.get("/openapi.json").json()["paths"]["/api/v1/audits"]["post"]


def test_accounts_are_isolated(embedded: Server) -> None:
    with embedded.client("a") as a, embedded.client("b") as b, embedded.client(None) as anon:
        audit_id = submit(a, [MANUSCRIPT], offline="true")
        mine = a.get("/api/v1/audits", params={"per_page": 100}).json()
        assert audit_id in {item["id"] for item in mine["items"]}
        assert audit_id not in {item["id"] for item in b.get("/api/v1/audits").json()["items"]}
        for path in ("", "/findings", "/report"):
            assert b.get(f"/api/v1/audits/{audit_id}{path}").status_code == 404
        assert b.delete(f"/api/v1/audits/{audit_id}").status_code == 404
        assert b.post(f"/api/v1/audits/{audit_id}/retry").status_code == 404
        assert anon.get("/api/v1/audits").status_code == 401
        assert anon.get(f"/api/v1/audits/{audit_id}").status_code == 401
        assert anon.post("/api/v1/audits", files={"manuscript": ("m.md", b"x")}).status_code == 401
        bad = {"Authorization": "Bearer cit_not-a-token"}
        assert anon.get("/api/v1/audits", headers=bad).status_code == 401
        assert anon.delete(f"/api/v1/audits/{audit_id}", headers=bad).status_code == 401
        assert a.get(f"/api/v1/audits/{audit_id}").status_code == 200
        wait_done(a, audit_id)
        assert a.delete(f"/api/v1/audits/{audit_id}").status_code == 204
        assert a.get(f"/api/v1/audits/{audit_id}").status_code == 404
        assert anon.get("/healthz").json()["mode"] == "embedded"


def test_service_commands_run(embedded: Server) -> None:
    """The token command prints a token that works once, and nothing stores it in clear."""
    out = subprocess.run(
        [*_citeaudit(), "tokens", "create", "account-c"],
        env=embedded.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    token = out.stdout.strip()
    assert token.startswith("cit_")
    db = embedded.env["CITEAUDIT_DATABASE_URL"].removeprefix("sqlite:///")
    assert token.encode() not in Path(db).read_bytes()
    with embedded.client(None) as anon:
        ok = anon.get("/api/v1/audits", headers={"Authorization": f"Bearer {token}"})
        assert ok.status_code == 200 and ok.json()["total"] == 0


def test_pasted_reference_list_is_audited_on_its_own(embedded: Server) -> None:
    """An editor with only the bibliography pastes it: entries checked, none 'uncited'."""
    pasted = (
        "Lindqvist, A. (2019). Salt on northern roads. Nordic Transport Review, 12(3), 45-67. "
        "https://doi.org/10.5555/ntr.2019.12.3\n\n"
        "Moreau, C., & Haas, P. (2017). Chloride in small lakes. Journal of Lake Chemistry, "
        "8, 101-119. https://doi.org/10.5555jlc.8.101\n\n"
        "Moreau, C., & Haas, P. (2017). Chloride in small lakes. Journal of Lake Chemistry, "
        "8, 101-119. https://doi.org/10.5555jlc.8.101\n"
    )
    with embedded.client() as client:
        # a text part of a multipart form, as a browser sends a textarea
        created = client.post(
            "/api/v1/audits", files={"reference_list": (None, pasted), "offline": (None, "true")}
        )
        assert created.status_code in (201, 202), created.text
        audit_id = created.json()["id"]
        status = wait_done(client, audit_id)
        assert status["status"] == "done", status
        served = client.get(f"/api/v1/audits/{audit_id}/report").json()
    rules = sorted(f["rule"] for f in served["findings"])
    assert len(served["references"]) == 3
    assert "uncited-reference" not in rules
    assert "malformed-doi" in rules and "duplicate-reference" in rules


def test_empty_paste_and_no_file_is_refused(embedded: Server) -> None:
    with embedded.client() as client:
        refused = client.post("/api/v1/audits", files={"reference_list": (None, "   ")})
    assert refused.status_code == 422
    assert "reference_list" in refused.json()["detail"]
