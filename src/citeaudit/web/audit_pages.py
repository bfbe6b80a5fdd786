"""/web/audits/{id}: the audit page, its live status, downloads, delete and retry.

Another account's audit is exactly as absent as one that never existed: 404 on
every page, status and download.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request, Response
from fastapi.responses import RedirectResponse, StreamingResponse

from citeaudit.api.deps import DispatcherDep, RepoDep, SettingsDep
from citeaudit.api.disposition import attachment
from citeaudit.api.errors import SafeJSONResponse
from citeaudit.audit_data import AuditResult
from citeaudit.model.finding import Applicability
from citeaudit.service.admission import Refused, account_limits
from citeaudit.service.heavy import run_heavy
from citeaudit.service.reports import served_report
from citeaudit.service.submit import retry_audit
from citeaudit.store.repository import Repository
from citeaudit.store.views import AuditView
from citeaudit.web.context import Visitor, VisitorDep
from citeaudit.web.export import findings_csv
from citeaudit.web.render import render
from citeaudit.web.session import csrf_ok
from citeaudit.web.view import (
    SEVERITIES,
    SORTS,
    findings_view,
    known_rules,
    label,
    partial_view,
)
from citeaudit.web.watching import panel

router = APIRouter()

DOWNLOADS = {  # format -> (report format rendered from the result, file extension)
    "json": ("json", "json"),
    "html": ("html", "html"),
    "sarif": ("sarif", "sarif"),
    "csv": (None, "csv"),
}
REFRESH_SECONDS = 3
CSRF_MESSAGE = "This form has expired or came from another site. Reload the page and try again."


def _missing(who: Visitor) -> Response:
    return render(
        "message.html",
        404,
        title="No such audit",
        message="There is no audit with that address in your account.",
        user=who,
    )


def _result(repo: Repository, audit: AuditView) -> AuditResult | None:
    return repo.result(audit.id) if audit.status == "done" else None


def status_json(audit: AuditView) -> dict[str, Any]:
    """The audit's state, in the API's shape (GET /api/v1/audits/{id}), for the page's poll."""
    return {
        "id": audit.id,
        "status": audit.status,
        "phase": audit.phase,
        "progress": {"done": audit.progress_done, "total": audit.progress_total},
        "counts": audit.counts,
        "error": audit.error,
    }


@router.get("/web/audits/{audit_id}")
async def audit_page(
    audit_id: str,
    repo: RepoDep,
    who: VisitorDep,
    severity: Annotated[str | None, Query(max_length=20)] = None,
    rule: Annotated[str | None, Query(max_length=60)] = None,
    sort: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    """Drawn a few at a time (`service.heavy`), as the reports and downloads are: the
    page decodes the stored result (a 10,000-reference audit: 4.3 s of CPU and 70 MB
    when it is not among the last few decoded) and ran on the shared thread pool, one
    per request, forty at once for an account that asked forty times."""
    return await run_heavy(
        lambda: _page(audit_id, repo, who, severity, rule, sort), owner=who.account
    )


def _page(
    audit_id: str,
    repo: Repository,
    who: Visitor,
    severity: str | None,
    rule: str | None,
    sort: str | None,
) -> Response:
    audit = repo.get_audit(audit_id, who.account)
    if audit is None:
        return _missing(who)
    chosen_severity = severity if severity in SEVERITIES else None
    known_rule = rule if rule in known_rules() else None
    result = _result(repo, audit)
    chosen_sort = sort if sort in SORTS else "severity"
    findings = (
        findings_view(result, severity=chosen_severity, rule=known_rule, sort=chosen_sort)
        if result
        else None
    )
    partial = partial_view(repo.typed_findings(audit.id)) if result is None else ()
    labels = {r.id: label(r) for r in result.data.references} if result else {}
    return render(
        "audit.html",
        audit=audit,
        status=status_json(audit),
        findings=findings,
        partial=partial,
        severity=chosen_severity,
        rule=known_rule,
        downloads=tuple(DOWNLOADS),
        fixable=_fixable(result, audit) if result else (),
        watch=panel(repo, who.account, audit.id, labels),
        refresh=REFRESH_SECONDS,
        csrf=who.csrf,
        user=who,
    )


@router.get("/web/audits/{audit_id}/status")
def audit_status(audit_id: str, repo: RepoDep, who: VisitorDep) -> Response:
    audit = repo.get_audit(audit_id, who.account)
    if audit is None:
        return SafeJSONResponse({"detail": "no such audit"}, 404)
    # ASCII-only JSON, as the API's: an error naming an odd file is escaped, never a 500
    return SafeJSONResponse(status_json(audit), headers={"Cache-Control": "no-store"})


@router.get("/web/audits/{audit_id}/download/{fmt}")
async def download(audit_id: str, fmt: str, repo: RepoDep, who: VisitorDep) -> Response:
    """A report rendered (or a CSV written) a few at a time, waiting without a thread."""
    return await run_heavy(lambda: _download(audit_id, fmt, repo, who), owner=who.account)


def _download(audit_id: str, fmt: str, repo: Repository, who: Visitor) -> Response:
    audit = repo.get_audit(audit_id, who.account)
    if audit is None or fmt not in DOWNLOADS:
        return _missing(who)
    stored_format, extension = DOWNLOADS[fmt]
    name = f"citeaudit-{audit.id[:12]}.{extension}"
    headers = {
        "Content-Disposition": f'attachment; filename="{name}"',
        "X-Content-Type-Options": "nosniff",
        # an HTML report opened from here runs nothing and reaches nothing
        "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'",
    }
    if stored_format is None:
        result = _result(repo, audit)
        body = (
            findings_csv(result.findings, result.data.references)
            if result
            else findings_csv(repo.typed_findings(audit.id))
        )
        return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
    stored = (
        served_report(repo, who.account, audit.id, stored_format)
        if audit.status == "done"
        else None
    )
    if stored is None:
        return render(
            "message.html",
            409,
            title="Report not ready",
            message=f"The audit is {audit.status}; its reports are ready when it is done.",
            user=who,
        )
    return StreamingResponse(stored.chunks(), media_type=stored.media_type, headers=headers)


def _fixable(result: AuditResult, audit: AuditView) -> tuple[str, ...]:
    """The uploaded files a safe fix would change: each offered fixed, as a download.

    From the result the page already holds and the files' names: reading every
    upload's bytes and the findings' rows again for it was most of a 2,000-reference
    page's time (0.8 of 1.7 s)."""
    files = set(audit.files)
    return tuple(
        sorted(
            {
                f.location.file
                for f in result.findings
                if f.fix is not None
                and f.fix.applicability is Applicability.SAFE
                and f.location.file in files
            }
        )
    )


@router.get("/web/audits/{audit_id}/fixed/{name}")
async def fixed(audit_id: str, name: str, repo: RepoDep, who: VisitorDep) -> Response:
    """An uploaded file with its safe fixes made: what `citeaudit fix` would write.
    Every upload is read again: a few at a time, waiting without a thread."""
    return await run_heavy(lambda: _fixed(audit_id, name, repo, who), owner=who.account)


def _fixed(audit_id: str, name: str, repo: Repository, who: Visitor) -> Response:
    from citeaudit.service.fixed import fixed_upload  # only this download needs the fixer

    audit = repo.get_audit(audit_id, who.account)
    if audit is None or audit.status != "done":
        return _missing(who)
    made = fixed_upload(repo.files(audit.id), repo.findings(audit.id), name)
    if made is None:
        return _missing(who)
    headers = {
        "Content-Disposition": attachment(made.name),  # the author's name, made inert
        "X-Content-Type-Options": "nosniff",
        "X-Citeaudit-Fixes": str(len(made.changes)),
    }
    return Response(made.content, media_type="application/octet-stream", headers=headers)


@router.post("/web/audits/{audit_id}/delete")
def delete(
    audit_id: str,
    request: Request,
    repo: RepoDep,
    who: VisitorDep,
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    if not csrf_ok(request, csrf):
        return render("message.html", 403, title="Not deleted", message=CSRF_MESSAGE, user=who)
    if not repo.delete_audit(audit_id, who.account):
        return _missing(who)
    return RedirectResponse("/web/audits", 303)


@router.post("/web/audits/{audit_id}/retry")
def retry(
    audit_id: str,
    request: Request,
    repo: RepoDep,
    dispatcher: DispatcherDep,
    settings: SettingsDep,
    who: VisitorDep,
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """The API's retry (`service.submit.retry_audit`): a retried audit is in flight
    again, so it counts against the account's limit here as there -- the page's own
    `repo.retry` let an editor requeue every failed audit past it."""
    if not csrf_ok(request, csrf):
        return render("message.html", 403, title="Not retried", message=CSRF_MESSAGE, user=who)
    audit = repo.get_audit(audit_id, who.account)
    if audit is None:
        return _missing(who)
    try:
        retry_audit(repo, dispatcher, audit.id, limits=account_limits(settings))
    except Refused as exc:
        page = render(
            "message.html", exc.status, title="Not retried", message=exc.message, user=who
        )
        page.headers.update(exc.headers)
        return page
    return RedirectResponse(f"/web/audits/{audit.id}", 303)
