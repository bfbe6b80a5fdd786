"""Red team, round 19: what an upload's text can make a terminal obey, on the service's
answers that earlier rounds did not print.

An entry's title holds the controls a terminal obeys or that reorder what it shows:
U+009B (a one-character CSI: ``\\x9b2J`` clears the screen on terminals that read C1),
DEL, the other C1 controls, a bidi override (U+202E) and the line and paragraph
separators. JSON escapes only U+0000..U+001F itself, so the report's JSON
(`printable.json_controls_escaped`) and every answer of the default response class
(``ensure_ascii``) write them as ``\\uXXXX``. Two answers did not:

* ``GET /api/v1/audits/{id}/findings`` was written by a plain ``JSONResponse``
  (``ensure_ascii=False``): ``curl`` of an audit's findings printed the entry's U+009B
  raw to the editor's terminal. Same JSON value once escaped; the fix is one response
  class, in api/routes (the lead's: /work/helpers/files-json-answers.diff).
* the editors' audit page: the HTML report writes every control as a numeric reference
  (`printable.html_controls_escaped`: ``cat report.html``, ``curl``), the page did not:
  ESC, BEL, U+009B and the overrides arrived raw in its source. Now every page is
  written as the report is (`web.render.render`); a browser reads the same text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.redteam.offline_service import signed_in
from tests.redteam.opens_watch import audited_through_api, scratch_server
from tests.web.helpers import wait_done

# What a terminal obeys or reorders by: C0 but tab and line ends, DEL, C1, overrides
# and isolates, the line and paragraph separators.
_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
TITLE = "Ok\x9b2J\x1b]0;owned\x07 \u202ecod.exe\u2028\x85\x7f title"
MD = "# Paper\n\nOkafor [@inside] and [@gone].\n"
SHOWN = TITLE.replace("\x1b", "").replace("\x07", "")  # C0 controls: a binary file
BIB = (
    "@article{inside, author={Okafor, N.}, title={" + SHOWN + "}, journal={J}, year={2018}}\n"
    "@article{spare, author={Okafor, N. and {" + SHOWN + "}}, title={T}, year={2019}}\n"
)
LIST = "Okafor, N. (2019). " + SHOWN + ". J, 1.\n"


@pytest.fixture
def audited(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str], str, list[str]]]:
    with scratch_server(tmp_path, "shown") as (client, auth):
        files = [
            ("manuscript", ("paper.md", MD.encode())),
            ("bibliography", ("refs.bib", BIB.encode())),
        ]
        _opened, shown = audited_through_api(client, auth, files)
        audit_id = json.loads(shown[0])["id"]
        yield client, auth, audit_id, shown


def _raw(text: str) -> list[str]:
    return sorted({repr(c) for c in _RAW.findall(text)})


def test_the_findings_answer_holds_no_raw_control(
    audited: tuple[TestClient, dict[str, str], str, list[str]],
) -> None:
    client, auth, audit_id, _shown = audited
    answer = client.get(f"/api/v1/audits/{audit_id}/findings", headers=auth)
    assert answer.status_code == 200
    assert "\\u009b2J" in answer.text  # the title is there, escaped
    assert _raw(answer.text) == []


def test_the_findings_answer_keeps_its_value(
    audited: tuple[TestClient, dict[str, str], str, list[str]],
) -> None:
    client, auth, audit_id, _shown = audited
    findings = client.get(f"/api/v1/audits/{audit_id}/findings", headers=auth).json()
    assert any("gone" in f["message"] for f in findings["findings"])


def test_the_other_json_answers_hold_no_raw_control(
    audited: tuple[TestClient, dict[str, str], str, list[str]],
) -> None:
    _client, _auth, _audit_id, shown = audited
    status, report = shown[0], shown[2]
    assert "\\u009b2J" in report
    assert _raw(status) == [] and _raw(report) == []


def test_the_audit_page_holds_no_raw_control(
    audited: tuple[TestClient, dict[str, str], str, list[str]],
) -> None:
    client, auth, audit_id, _shown = audited
    signed_in(client, auth["Authorization"].split()[1])
    page = client.get(f"/web/audits/{audit_id}")
    assert page.status_code == 200
    assert "&#x9b;2J" in page.text  # the entry is shown, its control as a reference
    assert _raw(page.text) == []


def test_a_pasted_list_s_controls_are_references_on_the_page(tmp_path: Path) -> None:
    with scratch_server(tmp_path, "shown") as (client, auth):
        csrf = signed_in(client, auth["Authorization"].split()[1])
        sent = client.post(
            "/web/audits",
            data={"csrf": csrf, "reference_list": LIST},  # no boxes ticked: offline
            files={"manuscript": ("paper.md", MD.encode(), "text/markdown")},
            follow_redirects=False,
        )
        assert sent.status_code == 303, sent.text
        audit_id = sent.headers["location"].rsplit("/", 1)[1]
        wait_done(client, audit_id, timeout=120)  # a hang guard only
        page = client.get(f"/web/audits/{audit_id}")
        assert "&#x9b;2J" in page.text
        assert _raw(page.text) == []
