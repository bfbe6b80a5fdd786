"""/web/audits/{id}/watch and /unwatch: the audit page's watch buttons (form posts)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse

from citeaudit.api.deps import RepoDep, SettingsDep
from citeaudit.store.watching.records import WatchLimitError
from citeaudit.web.context import VisitorDep
from citeaudit.web.render import render
from citeaudit.web.session import csrf_ok
from citeaudit.web.watching import set_watched

router = APIRouter()


def _set(
    audit_id: str,
    request: Request,
    repo: RepoDep,
    account: int,
    csrf: str,
    on: bool,
    name: str,
    max_links: int = 0,
) -> Response | None:
    """None when done; otherwise the error page to show."""
    if not csrf_ok(request, csrf):
        return render(
            "message.html",
            403,
            title="Not changed",
            message="This form has expired or came from another site. Reload the page.",
            user=None,
        )
    try:
        done = repo.get_audit(audit_id, account) is not None and set_watched(
            repo, account, audit_id, on, name.strip() or None, max_links=max_links
        )
    except WatchLimitError as exc:
        return render("message.html", 422, title="Not watched", message=str(exc), user=None)
    if not done:
        return render(
            "message.html",
            404,
            title="No such audit",
            message="There is no audit with that address in your account.",
            user=None,
        )
    return None


@router.post("/web/audits/{audit_id}/watch")
def watch(
    audit_id: str,
    request: Request,
    repo: RepoDep,
    settings: SettingsDep,
    who: VisitorDep,
    csrf: Annotated[str, Form(max_length=200)] = "",
    collection: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    ceiling = settings.max_watched_links_per_account
    failed = _set(audit_id, request, repo, who.account, csrf, True, collection, ceiling)
    return failed or RedirectResponse(f"/web/audits/{audit_id}#watch", 303)


@router.post("/web/audits/{audit_id}/unwatch")
def unwatch(
    audit_id: str,
    request: Request,
    repo: RepoDep,
    who: VisitorDep,
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    failed = _set(audit_id, request, repo, who.account, csrf, False, "")
    return failed or RedirectResponse(f"/web/audits/{audit_id}#watch", 303)
