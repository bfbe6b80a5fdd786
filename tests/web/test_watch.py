"""The audit page's watch panel: watch, unwatch, the change history; never another's."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.web.conftest import App
from tests.web.helpers import upload, wait_done

watch = pytest.importorskip("citeaudit.watch")

PAPER = (
    "# T\n\nAs found (Ret, 2019).\n\n## References\n\n"
    "- Ret, R. (2019). A work later retracted. *Journal*, 1, 1-2. https://doi.org/10.5555/ret.1\n"
)


def _record_retraction(app: App, doi: str) -> None:
    from citeaudit.store.watching.change_log import record_change
    from citeaudit.store.watching.records import ChangeKind

    state = app.client.app.state  # type: ignore[attr-defined]
    with state.repo.session() as s, s.begin():
        record_change(
            s,
            state.settings,
            key=f"test:{doi}",
            kind=ChangeKind.NEWLY_RETRACTED,
            at=datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
            data={"notice": {"kind": "retraction", "date": "2026-01-01"}},
            doi=doi,
        )


def test_watch_unwatch_and_changes(app: App) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, PAPER)
    assert wait_done(app.client, audit_id)["status"] == "done"
    page = app.client.get(f"/web/audits/{audit_id}").text
    assert "Watch this audit" in page and "No changes recorded" in page

    response = app.client.post(
        f"/web/audits/{audit_id}/watch",
        data={"csrf": csrf, "collection": "Issue <7>"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = app.client.get(f"/web/audits/{audit_id}").text
    assert "Stop watching" in page and "Issue &lt;7&gt;" in page

    _record_retraction(app, "10.5555/ret.1")
    page = app.client.get(f"/web/audits/{audit_id}").text
    assert "Newly retracted" in page and "10.5555/ret.1" in page and "Ret, 2019" in page

    forged = app.client.post(f"/web/audits/{audit_id}/unwatch", data={"csrf": "forged"})
    assert forged.status_code == 403
    response = app.client.post(
        f"/web/audits/{audit_id}/unwatch", data={"csrf": csrf}, follow_redirects=False
    )
    assert response.status_code == 303
    assert "Watch this audit" in app.client.get(f"/web/audits/{audit_id}").text


def test_another_account_cannot_watch_or_see_changes(app: App) -> None:
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, PAPER)
    wait_done(app.client, audit_id)
    csrf_b = app.sign_in("b")
    for action in ("watch", "unwatch"):
        response = app.client.post(f"/web/audits/{audit_id}/{action}", data={"csrf": csrf_b})
        assert response.status_code == 404, action
    app.sign_in("a")
    assert "Watch this audit" in app.client.get(f"/web/audits/{audit_id}").text


def test_the_change_history_speaks_the_pages_language(app: App) -> None:
    """The panel's words are the page's: a change's kind and details were English
    strings built beside the catalog (not gettext calls), so an Indonesian page said
    'Newly retracted' and 'retraction' under 'Perubahan dari pemeriksaan ulang'."""
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, PAPER)
    assert wait_done(app.client, audit_id)["status"] == "done"
    app.client.post(f"/web/audits/{audit_id}/watch", data={"csrf": csrf}, follow_redirects=False)
    _record_retraction(app, "10.5555/ret.1")
    page = f"/web/audits/{audit_id}"
    english = app.client.get(page, headers={"Accept-Language": "en"}).text
    assert "Newly retracted" in english and "retraction (2026-01-01)" in english
    indonesian = app.client.get(page, headers={"Accept-Language": "id"}).text
    assert "Baru ditarik" in indonesian and "penarikan (2026-01-01)" in indonesian
    assert "Newly retracted" not in indonesian and "retraction (" not in indonesian
    assert "10.5555/ret.1" in indonesian  # the user's own data is the same in every language


def test_the_apis_changes_page_is_the_reports_changes_section(app: App) -> None:
    """GET .../changes?format=html was a table of its own, spliced from f-strings: no
    notice, no link, words of its own ('newly retracted' where the report says 'Newly
    retracted works'). It is now the report's changes section, rendered from the typed
    changes, as a watched audit's HTML report shows it."""
    csrf = app.sign_in("a")
    audit_id = upload(app.client, csrf, PAPER)
    assert wait_done(app.client, audit_id)["status"] == "done"
    app.client.post(f"/web/audits/{audit_id}/watch", data={"csrf": csrf}, follow_redirects=False)
    _record_retraction(app, "10.5555/ret.1")
    bearer = {"Authorization": f"Bearer {app.tokens['a']}"}
    page = app.client.get(f"/api/v1/audits/{audit_id}/changes?format=html", headers=bearer)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<section id="changes"' in page.text
    assert "Newly retracted works (1)" in page.text  # the report's group title
    assert "retraction" in page.text and "2026-01-01" in page.text  # the notice, in words
    assert 'href="https://doi.org/10.5555/ret.1"' in page.text
