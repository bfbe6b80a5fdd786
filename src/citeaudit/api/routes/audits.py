"""/api/v1/audits: submit, list, inspect, fetch findings and reports, delete, retry."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from citeaudit.api.admission import admitted_upload
from citeaudit.api.deps import AccountDep, DispatcherDep, RepoDep, SettingsDep
from citeaudit.api.disposition import attachment
from citeaudit.api.errors import SafeJSONResponse
from citeaudit.api.form import read_form
from citeaudit.api.schemas import (
    AuditCreated,
    AuditPage,
    AuditStatus,
    Counts,
    ErrorMessage,
    Findings,
    Progress,
)
from citeaudit.api.uploads import UploadRejected, checked_files
from citeaudit.service.admission import Refused, account_limits
from citeaudit.service.heavy import run_heavy
from citeaudit.service.reports import served_report
from citeaudit.service.submit import retry_audit as retry
from citeaudit.service.submit import submit_audit
from citeaudit.store.views import AuditView, NewFile

router = APIRouter(prefix="/api/v1/audits", tags=["audits"])

NOT_FOUND = "no such audit"
MAX_PAGE = 100_000  # pages past this hold nothing for anyone; larger numbers overflow SQL
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorMessage, "description": "missing or invalid token"},
    404: {"model": ErrorMessage, "description": "no such audit (or another account's)"},
}
_UPLOAD_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "manuscript": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "Markdown, LaTeX, plain text, DOCX or PDF",
                        },
                        "bibliography": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "BibTeX, RIS, CSL-JSON or CSL-YAML",
                        },
                        "reference_list": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": (
                                "only a reference list, pasted as text or sent as a file "
                                "(one entry per line or paragraph): every entry is "
                                "checked, none is called uncited; as --reference-list"
                            ),
                        },
                        "offline": {"type": "boolean", "default": False},
                        "resolve": {"type": "boolean", "default": True},
                        "links": {"type": "boolean", "default": True},
                        "cache": {
                            "type": "boolean",
                            "default": True,
                            "description": "false: ask registries and sites again (--no-cache)",
                        },
                    },
                }
            }
        },
    }
}
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _status(audit: AuditView) -> AuditStatus:
    return AuditStatus(
        id=audit.id,
        status=audit.status,  # type: ignore[arg-type]
        phase=audit.phase,
        progress=Progress(done=audit.progress_done, total=audit.progress_total),
        counts=Counts(**audit.counts) if audit.counts is not None else None,
        error=audit.error,
        options=audit.options,
        files=list(audit.files),
        created_at=audit.created_at,
        updated_at=audit.updated_at,
        finished_at=audit.finished_at,
    )


def _flag(value: object, name: str, default: bool) -> bool:
    if value is None:
        return default
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise UploadRejected(422, f"option {name!r} must be true or false, not {text[:40]!r}")


async def _files(
    request: Request, settings: SettingsDep, account: int
) -> tuple[list[NewFile], dict[str, Any]]:
    form = await read_form(request, limit=settings.max_upload_bytes, max_files=settings.max_files)
    try:
        files = await checked_files(form, max_expanded=settings.max_expanded_bytes, owner=account)
        unknown = set(form.keys()) - {
            "manuscript",
            "bibliography",
            "reference_list",
            "offline",
            "resolve",
            "links",
            "cache",
        }
        if unknown:
            raise UploadRejected(422, f"unknown form fields: {', '.join(sorted(unknown))}")
        if not files:
            raise UploadRejected(
                422, "send at least one 'manuscript' or 'bibliography' file, or a 'reference_list'"
            )
        options = {
            name: _flag(form.get(name), name, default)
            for name, default in (
                ("offline", False),
                ("resolve", True),
                ("links", True),
                ("cache", True),
            )
        }
        return files, options
    finally:
        await form.close()


@router.post(
    "",
    status_code=202,
    response_model=AuditCreated,
    responses={
        **_ERRORS,
        413: {"model": ErrorMessage},
        415: {"model": ErrorMessage},
        422: {"model": ErrorMessage},
        429: {"model": ErrorMessage, "description": "the account's limits (Retry-After)"},
        503: {"model": ErrorMessage, "description": "uploads at capacity (Retry-After)"},
    },
    openapi_extra=_UPLOAD_SCHEMA,
    summary="Submit files for an audit",
)
async def create_audit(
    request: Request,
    account: AccountDep,
    repo: RepoDep,
    settings: SettingsDep,
    dispatcher: DispatcherDep,
) -> AuditCreated:
    """Offline findings are available as soon as parsing is done; the rest follows.

    The audit is stored and dispatched in a worker thread: it waits for the account's
    lock in the store (or SQLite's one write lock), writes the upload's bytes and
    talks to the broker, and on the event loop every other request of the process
    waited with it (svc31)."""
    try:
        async with admitted_upload(request, account):  # the account's limits
            files, options = await _files(request, settings, account)
            limits = account_limits(settings)
            audit_id = await run_in_threadpool(
                submit_audit, repo, dispatcher, account, files, options, limits=limits
            )
    except UploadRejected as exc:
        raise HTTPException(exc.status, exc.message) from None
    except Refused as exc:
        raise HTTPException(exc.status, exc.message, exc.headers) from None
    return AuditCreated(id=audit_id, status="queued", url=f"/api/v1/audits/{audit_id}")


@router.get("", response_model=AuditPage, responses=_ERRORS, summary="The caller's audits")
def list_audits(
    account: AccountDep,
    repo: RepoDep,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
) -> AuditPage:
    audits, total = repo.list_audits(account, offset=(page - 1) * per_page, limit=per_page)
    return AuditPage(items=[_status(a) for a in audits], page=page, per_page=per_page, total=total)


def _own(repo: RepoDep, account: int, audit_id: str) -> AuditView:
    audit = repo.get_audit(audit_id, account)
    if audit is None:
        raise HTTPException(404, NOT_FOUND)
    return audit


@router.get("/{audit_id}", response_model=AuditStatus, responses=_ERRORS)
def get_audit(audit_id: str, account: AccountDep, repo: RepoDep) -> AuditStatus:
    return _status(_own(repo, account, audit_id))


@router.get("/{audit_id}/findings", response_model=Findings, responses=_ERRORS)
async def get_findings(
    audit_id: str,
    account: AccountDep,
    repo: RepoDep,
    rule: Annotated[str | None, Query(max_length=80, description="rule name or code")] = None,
    severity: Literal["error", "warning", "info"] | None = None,
) -> Response:
    """Every finding of the audit, read and written to JSON a few at a time
    (`service.heavy`): a hostile upload keeps 25,000 findings of each rule (50,000
    findings: a 20 MB answer, a second of CPU and some hundreds of MB each), and forty
    requests for them ran forty at once on the pool every plain route waits on. The
    JSON is made in the heavy place too, never on the event loop."""
    audit = await run_in_threadpool(_own, repo, account, audit_id)

    def answer() -> SafeJSONResponse:
        findings = Findings(
            audit_id=audit.id,
            status=audit.status,  # type: ignore[arg-type]
            final=audit.status == "done",
            findings=repo.findings(audit.id, rule=rule, severity=severity),
        )
        return SafeJSONResponse(findings.model_dump(mode="json"))

    return await run_heavy(answer, owner=account)


@router.get(
    "/{audit_id}/report",
    responses={**_ERRORS, 409: {"model": ErrorMessage, "description": "not finished yet"}},
    summary="The same report as `citeaudit check --format`",
    description="A watched audit's HTML report also shows the changes since the audit.",
)
async def get_report(
    audit_id: str,
    account: AccountDep,
    repo: RepoDep,
    format: Literal["json", "html", "sarif", "text"] = "json",
) -> Response:
    """Rendered from the stored result a few at a time (`service.heavy`): a large
    audit's report costs seconds of CPU, and waiting requests hold no thread."""
    audit = await run_in_threadpool(_own, repo, account, audit_id)
    if audit.status != "done":
        raise HTTPException(409, f"audit is {audit.status}; the report is ready when it is done")
    report = await run_heavy(lambda: served_report(repo, account, audit.id, format), owner=account)
    if report is None:
        raise HTTPException(404, f"no {format} report for this audit")
    return StreamingResponse(report.chunks(), media_type=report.media_type)


@router.get(
    "/{audit_id}/fixed/{name}",
    responses={**_ERRORS, 409: {"model": ErrorMessage, "description": "not finished yet"}},
    summary="An uploaded bibliography or manuscript with the safe fixes made",
    description=(
        "What `citeaudit fix` would write: the uploaded file `name` with the fixes its "
        "findings carry, the rest byte for byte. `unsafe=true` adds the unsafe ones. "
        "The header X-Citeaudit-Fixes counts the changes."
    ),
)
async def get_fixed_file(
    audit_id: str, name: str, account: AccountDep, repo: RepoDep, unsafe: bool = False
) -> Response:
    """Every upload is read again to make the fix, a few at a time (`service.heavy`)."""
    from citeaudit.service.fixed import fixed_upload  # only this route needs the fixer

    audit = await run_in_threadpool(_own, repo, account, audit_id)
    if audit.status != "done":
        raise HTTPException(409, f"audit is {audit.status}; fixes are ready when it is done")
    fixed = await run_heavy(
        lambda: fixed_upload(repo.files(audit.id), repo.findings(audit.id), name, unsafe=unsafe),
        owner=account,
    )
    if fixed is None:
        raise HTTPException(404, f"no uploaded file named {name!r} in this audit")
    return Response(
        content=fixed.content,
        media_type="application/octet-stream",
        headers={
            # the author's name, beyond Latin-1 too (filename*)
            "Content-Disposition": attachment(fixed.name),
            "X-Citeaudit-Fixes": str(len(fixed.changes)),
        },
    )


@router.delete("/{audit_id}", status_code=204, responses=_ERRORS)
def delete_audit(audit_id: str, account: AccountDep, repo: RepoDep) -> Response:
    if not repo.delete_audit(audit_id, account):
        raise HTTPException(404, NOT_FOUND)
    return Response(status_code=204)


@router.post(
    "/{audit_id}/retry",
    status_code=202,
    response_model=AuditCreated,
    responses={**_ERRORS, 409: {"model": ErrorMessage}, 429: {"model": ErrorMessage}},
    summary="Run a failed audit again (finished chunks are kept)",
)
def retry_audit(
    audit_id: str,
    account: AccountDep,
    repo: RepoDep,
    dispatcher: DispatcherDep,
    settings: SettingsDep,
) -> AuditCreated:
    audit = _own(repo, account, audit_id)
    try:
        retried = retry(repo, dispatcher, audit.id, limits=account_limits(settings))
    except Refused as exc:
        raise HTTPException(exc.status, exc.message, exc.headers) from None
    if not retried:
        raise HTTPException(409, f"audit is {audit.status}; only a failed audit can be retried")
    return AuditCreated(id=audit.id, status="queued", url=f"/api/v1/audits/{audit.id}")
