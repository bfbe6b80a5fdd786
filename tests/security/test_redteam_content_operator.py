"""Red team: an account's own words reaching the operator's terminal.

An account holder names a watch collection through the API (any text up to 200
characters). The operator lists the watches with ``citeaudit watch list``: a
collection named ``\\x1b]0;...\\x07\\x1b[2J`` would clear the operator's screen, retitle the
window or forge a hyperlink, and a U+202E would reorder the line. Shown as escapes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.cli import main
from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from tests.watch.conftest import stored_audit

OBEYED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
COLLECTION = "Issue 1\x1b]0;pwned\x07\x1b[2J\x9b1A\u202e3 eussI"


def test_watch_list_shows_a_hostile_collection_name_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = f"sqlite:///{tmp_path / 'w.db'}"
    settings = ServiceSettings(database_url=database, cache_dir=tmp_path / "cache")
    with TestClient(create_app(settings)) as client:
        repo = client.app.state.repo  # type: ignore[attr-defined]
        token = repo.create_token("local")
        account = repo.account_for_token(token)
        audit_id = stored_audit(repo, account, ["https://example.org/p"])
        answer = client.post(
            f"/api/v1/audits/{audit_id}/watch",
            headers={"Authorization": f"Bearer {token}"},
            json={"collection": COLLECTION},
        )
        assert answer.status_code == 200, answer.text
    monkeypatch.setenv("CITEAUDIT_DATABASE_URL", database)
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["watch", "list", "--account", "local"]) == 0
    out = capsys.readouterr().out
    assert audit_id in out and "Issue 1" in out
    assert OBEYED.search(out) is None, repr(out)
    assert "\\x1b]0;pwned\\x07" in out and "\\u202e" in out
