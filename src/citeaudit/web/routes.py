"""/web: sign in and out, the account's audits and the upload form, static files."""

from __future__ import annotations

from datetime import timedelta
from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from citeaudit.api.admission import admitted_upload
from citeaudit.api.deps import DispatcherDep, RepoDep, SettingsDep
from citeaudit.api.limits import DRAIN_MAX_BYTES, drain
from citeaudit.api.uploads import UploadRejected
from citeaudit.service.admission import Refused, account_limits
from citeaudit.service.submit import submit_audit
from citeaudit.store.views import AuditView
from citeaudit.web import audit_pages, watch_pages
from citeaudit.web.context import Visitor, VisitorDep
from citeaudit.web.i18n import COOKIE, LANGUAGES
from citeaudit.web.render import render
from citeaudit.web.session import (
    clear_session,
    csrf_ok,
    new_presession,
    on_https,
    safe_next,
    same_origin,
    session_token,
    set_presession,
    set_session,
    signed_in_account,
)
from citeaudit.web.upload import read_upload

router = APIRouter(include_in_schema=False)
router.include_router(audit_pages.router)
router.include_router(watch_pages.router)

PER_PAGE = 20
STATIC = {"style.css": "text/css", "app.js": "text/javascript"}
BAD_TOKEN = "That token is not valid. Check it and try again."
CSRF_MESSAGE = "This form has expired or came from another site. Reload the page and try again."


@router.get("/")
@router.get("/web")
@router.get("/web/")
def root() -> RedirectResponse:
    """The README's address for the page (/web/) and the bare host both lead to it."""
    return RedirectResponse("/web/audits", 303)


@router.get("/web/language/{code}")
def language(request: Request, code: str, next: str | None = None) -> Response:
    """The page's language switch: a cookie, then back where the editor was.

    No script reads the cookie, so it is HttpOnly, and Secure on an https page
    (behind a TLS proxy too: `session.on_https`)."""
    response = RedirectResponse(safe_next(next), 303)
    if code in LANGUAGES:
        response.set_cookie(
            COOKIE,
            code,
            max_age=365 * 24 * 3600,
            samesite="strict",
            httponly=True,
            secure=on_https(request),
        )
    return response


@router.get("/web/static/{name}")
def static(name: str) -> Response:
    if name not in STATIC:
        return Response("not found", 404, media_type="text/plain")
    body = resources.files("citeaudit.web").joinpath("static", name).read_bytes()
    return Response(
        body,
        media_type=STATIC[name],
        headers={"Cache-Control": "max-age=300", "X-Content-Type-Options": "nosniff"},
    )


def _sign_in_page(
    request: Request, next_url: str, error: str | None = None, status: int = 200
) -> Response:
    value = new_presession()
    response = render("sign_in.html", status, csrf=value, next=next_url, error=error, user=None)
    set_presession(response, request, value)
    return response


@router.get("/web/sign-in")
def sign_in_form(request: Request, repo: RepoDep, next: str | None = None) -> Response:
    if signed_in_account(request, repo) is not None:
        return RedirectResponse(safe_next(next), 303)
    return _sign_in_page(request, safe_next(next))


@router.post("/web/sign-in")
def sign_in(
    request: Request,
    repo: RepoDep,
    settings: SettingsDep,
    token: Annotated[str, Form(max_length=200)] = "",
    csrf: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    target = safe_next(next)
    if not csrf_ok(request, csrf, before_sign_in=True):
        return _sign_in_page(request, target, CSRF_MESSAGE, 403)
    token = token.strip()
    auth = repo.token_auth(token) if token else None
    if auth is None:
        return _sign_in_page(request, target, BAD_TOKEN, 401)
    value = repo.create_session(auth, timedelta(seconds=settings.session_max_age))
    response = RedirectResponse(target, 303)
    set_session(response, request, value, settings.session_max_age)
    return response


@router.post("/web/sign-out")
def sign_out(
    request: Request, repo: RepoDep, csrf: Annotated[str, Form(max_length=200)] = ""
) -> Response:
    if not csrf_ok(request, csrf):
        return render("message.html", 403, title="Not signed out", message=CSRF_MESSAGE, user=None)
    value = session_token(request)
    if value:
        repo.end_session(value)
    response = RedirectResponse("/web/sign-in", 303)
    clear_session(response)
    return response


def _with_files(repo: RepoDep, audits: list[AuditView], account: int) -> list[AuditView]:
    return [repo.get_audit(a.id, account) or a for a in audits]


def _list_page(
    repo: RepoDep, who: Visitor, page: int, error: str | None = None, status: int = 200
) -> Response:
    audits, total = repo.list_audits(who.account, offset=(page - 1) * PER_PAGE, limit=PER_PAGE)
    pages = max(1, -(-total // PER_PAGE))
    return render(
        "audits.html",
        status,
        audits=_with_files(repo, audits, who.account),
        total=total,
        page=page,
        pages=pages,
        csrf=who.csrf,
        error=error,
        user=who,
    )


@router.get("/web/audits")
def audits(
    repo: RepoDep, who: VisitorDep, page: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> Response:
    return _list_page(repo, who, page)


@router.post("/web/audits")
async def upload(
    request: Request,
    repo: RepoDep,
    settings: SettingsDep,
    dispatcher: DispatcherDep,
    who: VisitorDep,
) -> Response:
    """The store is asked in worker threads: storing the audit waits for the account's
    lock (or SQLite's one write lock) and writes the upload, and on the event loop
    every other request of the process waited with it (svc31)."""
    if not same_origin(request):  # another site's post: refused before its body is read
        await drain(request.receive, DRAIN_MAX_BYTES)
        return await run_in_threadpool(_list_page, repo, who, 1, CSRF_MESSAGE, 403)
    try:
        async with admitted_upload(request, who.account):  # the account's limits
            sent = await read_upload(request, settings, who.account)
            if not sent.csrf_ok:
                return await run_in_threadpool(_list_page, repo, who, 1, CSRF_MESSAGE, 403)
            if not sent.files:
                message = "Choose a manuscript or a bibliography to upload."
                return await run_in_threadpool(_list_page, repo, who, 1, message, 422)
            limits = account_limits(settings)
            audit_id = await run_in_threadpool(
                submit_audit, repo, dispatcher, who.account, sent.files, sent.options, limits=limits
            )
    except UploadRejected as exc:
        return await run_in_threadpool(_list_page, repo, who, 1, exc.message, exc.status)
    except Refused as exc:
        page = await run_in_threadpool(_list_page, repo, who, 1, exc.message, exc.status)
        page.headers.update(exc.headers)
        return page
    return RedirectResponse(f"/web/audits/{audit_id}", 303)
