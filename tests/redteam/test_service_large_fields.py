"""Through the real app: a reference list pasted into the page's box (a text field, not
a file) is bounded by the upload limit like a file, and what goes to the broker for
any upload is the audit's id, never its bytes.

Starlette caps a form's text field at 1 MB unless told otherwise: a pasted list of a
few thousand entries was refused as a "malformed multipart body" (400) on the page and
the API alike, while the same list as a file was accepted. A field past the upload
limit is still a 413.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.service.dispatch import send_next
from citeaudit.service.jobs import Next
from tests.redteam.offline_service import offline_settings

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
ENTRY = "Okafor, N. ({year}). A study of things number {n}. Journal of Tests, 1(2), 3-4.\n"
LIMIT = 4 * 1024 * 1024


@dataclass
class Broker:
    """A Celery app's `send_task` as the API's dispatcher calls it: records each message."""

    messages: list[tuple[str, Any, dict[str, Any]]] = field(default_factory=list)

    def send_task(self, name: str, args: Any = (), **options: Any) -> None:
        self.messages.append((name, args, options))


@dataclass
class RecordingDispatcher:
    """`CeleryDispatcher` with the broker replaced: the same `send_next` call."""

    broker: Broker = field(default_factory=Broker)

    def submit(self, audit_id: str) -> None:
        send_next(self.broker, audit_id, Next(parse=True))

    def close(self) -> None:
        return None


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[TestClient, FastAPI, RecordingDispatcher]]:
    settings = offline_settings(tmp_path, max_upload_bytes=LIMIT)
    dispatcher = RecordingDispatcher()
    app = create_app(settings, dispatcher=dispatcher)  # type: ignore[arg-type]
    with TestClient(app) as client:
        yield client, app, dispatcher


def _pasted(size: int) -> str:
    lines = []
    total = n = 0
    while total < size:
        line = ENTRY.format(year=1950 + n % 70, n=n)
        lines.append(line)
        total += len(line)
        n += 1
    return "".join(lines)


def test_a_pasted_list_over_a_megabyte_is_audited_through_the_api(
    served: tuple[TestClient, FastAPI, RecordingDispatcher],
) -> None:
    client, app, dispatcher = served
    auth = {"Authorization": f"Bearer {app.state.repo.create_token('paster')}"}
    text = _pasted(int(1.5 * 1024 * 1024))
    made = client.post(
        "/api/v1/audits",
        headers=auth,
        data={"offline": "true"},
        files=[("reference_list", (None, text))],  # a text field of a multipart form
    )
    assert made.status_code == 202, made.text[:300]
    audit_id = made.json()["id"]
    stored = app.state.repo.files(audit_id)
    assert [(f.role, f.size) for f in stored] == [("reference-list", len(text.encode()))]
    # the broker got the id and nothing of the 1.5 MB
    ((name, args, _),) = dispatcher.broker.messages
    assert name == "citeaudit.parse_audit" and args == [audit_id]


def test_a_pasted_list_over_a_megabyte_is_audited_through_the_page(
    served: tuple[TestClient, FastAPI, RecordingDispatcher],
) -> None:
    client, app, _ = served
    token = app.state.repo.create_token("editor")
    page = client.get("/web/sign-in")
    found = CSRF.search(page.text)
    assert found
    signed = client.post(
        "/web/sign-in", data={"token": token, "csrf": found.group(1)}, follow_redirects=False
    )
    assert signed.status_code == 303
    form = CSRF.search(client.get("/web/audits").text)
    assert form
    text = _pasted(int(1.5 * 1024 * 1024))
    sent = client.post(
        "/web/audits",
        data={"csrf": form.group(1)},
        files=[("reference_list", (None, text))],  # the page's text box
        follow_redirects=False,
    )
    assert sent.status_code == 303, sent.text[:300]
    assert sent.headers["location"].startswith("/web/audits/")


def test_a_field_past_the_upload_limit_is_still_refused(
    served: tuple[TestClient, FastAPI, RecordingDispatcher],
) -> None:
    client, app, dispatcher = served
    auth = {"Authorization": f"Bearer {app.state.repo.create_token('flooder')}"}
    answer = client.post(
        "/api/v1/audits", headers=auth, files=[("reference_list", (None, _pasted(LIMIT + 1024)))]
    )
    assert answer.status_code == 413, answer.text[:200]
    assert dispatcher.broker.messages == []


def test_a_large_upload_sends_the_broker_only_ids(
    served: tuple[TestClient, FastAPI, RecordingDispatcher],
) -> None:
    client, app, dispatcher = served
    auth = {"Authorization": f"Bearer {app.state.repo.create_token('big')}"}
    big = ("@misc{k%d, title={T}}\n" * 100_000).encode()[: LIMIT - 64 * 1024]
    made = client.post(
        "/api/v1/audits",
        headers=auth,
        files=[("bibliography", ("big.bib", big, "text/plain"))],
    )
    assert made.status_code == 202, made.text[:300]
    for _, args, _ in dispatcher.broker.messages:
        assert len(repr(args)) < 100, args
