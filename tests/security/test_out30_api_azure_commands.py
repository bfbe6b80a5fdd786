"""Red team out30: the API's JSON answers run no Azure Pipelines command either.

A pipeline that audits through the service prints what it gets (``curl
.../findings``): the Azure Pipelines agent runs ``##vso[`` wherever it stands in a
line of the job's log. The reports the API serves (``/report?format=...``) go through
the reports' escapers (out30: ``\\u005b`` / ``&#91;``); the API's own JSON answers
(the findings, an audit's status) are written by `SafeJSONResponse`, which wrote the
entry's DOI ``x ##vso[task.setvariable variable=PWN]1`` as it stands (out30-3.diff:
the same value with its ``[`` as ``\\u005b``).
"""

from __future__ import annotations

from tests.web.conftest import App
from tests.web.conftest import app as app  # the in-process web app, a fixture
from tests.web.helpers import upload, wait_done

COMMAND = "x ##vso[task.setvariable variable=PWN]1"
BIB = (
    "@article{k1,\n  author = {Doe, Jane},\n  title = {A title},\n  journal = {J},\n"
    "  year = {2020},\n  doi = {" + COMMAND + "},\n}\n"
)


def _audit(app: App) -> tuple[str, dict[str, str]]:
    audit_id = upload(app.client, app.sign_in("a"), "# T\n\nAs [@k1].\n", bibliography=BIB)
    assert wait_done(app.client, audit_id)["status"] == "done"
    return audit_id, {"Authorization": f"Bearer {app.tokens['a']}"}


def test_the_reports_the_api_serves_run_no_command(app: App) -> None:
    audit_id, bearer = _audit(app)
    for fmt in ("json", "sarif", "html"):
        body = app.client.get(f"/api/v1/audits/{audit_id}/report?format={fmt}", headers=bearer)
        assert body.status_code == 200, (fmt, body.text[:200])
        assert "##vso[" not in body.text.lower(), fmt
        assert "task.setvariable variable=PWN" in body.text, fmt


def test_the_findings_answer_runs_no_command_and_keeps_the_value(app: App) -> None:
    audit_id, bearer = _audit(app)
    answer = app.client.get(f"/api/v1/audits/{audit_id}/findings", headers=bearer)
    assert answer.status_code == 200
    assert "##vso[" not in answer.text.lower()
    assert any(COMMAND in f["message"] for f in answer.json()["findings"])
