"""Watching audits: watch/unwatch, what changed since, collections, notification settings."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Response
from pydantic import BaseModel, Field

from citeaudit.api.deps import AccountDep, RepoDep, SettingsDep
from citeaudit.api.errors import SafeJSONResponse
from citeaudit.api.schemas import ErrorMessage
from citeaudit.model.codec import to_data
from citeaudit.service.heavy import run_heavy
from citeaudit.store.watching.records import WatchNotReady
from citeaudit.store.watching.times import in_utc
from citeaudit.watch import (
    Change,
    WatchError,
    changes_for_audit,
    changes_for_collection,
    get_notify_settings,
    list_collections,
    list_watches,
    rotate_secret,
    set_notify_settings,
    unwatch_audit,
    watch_audit,
)
from citeaudit.watch.report_section import page
from citeaudit.watch.webhook_policy import WebhookPolicy

router = APIRouter(prefix="/api/v1", tags=["watch"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorMessage, "description": "missing or invalid token"},
    404: {"model": ErrorMessage, "description": "no such audit (or another account's)"},
}


class WatchRequest(BaseModel):
    collection: str | None = Field(None, min_length=1, max_length=200)


class WatchOut(BaseModel):
    audit_id: str
    collection: str | None
    watched_since: datetime


class WatchList(BaseModel):
    items: list[WatchOut]


class CollectionOut(BaseModel):
    name: str
    audits: int
    created_at: datetime


class ChangeOut(BaseModel):
    kind: Literal["newly_broken", "recovered", "still_broken", "newly_retracted", "new_notice"]
    at: datetime
    audit_id: str
    reference_ids: list[str]
    url: str | None = None
    doi: str | None = None
    since: datetime | None = None
    status: int | None = None
    reason: str | None = None
    final_url: str | None = None
    notice: dict[str, Any] | None = None


class Changes(BaseModel):
    since: datetime | None
    changes: list[ChangeOut]


class NotifySettingsIn(BaseModel):
    webhook_url: str | None = Field(None, max_length=2000)
    email: str | None = Field(None, max_length=320)


class NotifySettingsOut(BaseModel):
    webhook_url: str | None
    email: str | None
    has_secret: bool
    secret: str | None = Field(None, description="a new webhook secret: shown once")


def _change(c: Change) -> ChangeOut:
    return ChangeOut(
        kind=c.kind.value,
        at=c.at,
        audit_id=c.audit_id,
        reference_ids=list(c.reference_ids),
        url=c.url,
        doi=c.doi,
        since=c.since,
        status=c.status,
        reason=c.reason,
        final_url=c.final_url,
        notice=to_data(c.notice) if c.notice is not None else None,
    )


def _html(title: str, changes: list[Change], since: datetime | None) -> Response:
    return Response(page(title, changes, since), media_type="text/html; charset=utf-8")


def _changes_answer(
    title: str, changes: list[Change], since: datetime | None, format: str
) -> Response:
    """The changes as HTML or JSON, made where they were read: a watched audit holds up
    to 5,000 links and a collection any number of audits, each one's still-broken links
    listed on every request. On the shared thread pool, one at a time per request, a
    flood of them held every plain route (like an audit's report or findings)."""
    if since is not None:  # shown as UTC: a time past the calendar's end once in UTC is at it
        since = in_utc(since)
    if format == "html":
        return _html(title, changes, since)
    body = Changes(since=since, changes=[_change(c) for c in changes])
    return SafeJSONResponse(body.model_dump(mode="json"))


@router.post(
    "/audits/{audit_id}/watch",
    response_model=WatchOut,
    responses={**_ERRORS, 409: {"model": ErrorMessage, "description": "not finished yet"}},
)
def watch(
    audit_id: str,
    account: AccountDep,
    repo: RepoDep,
    settings: SettingsDep,
    body: WatchRequest | None = None,
) -> WatchOut:
    """Re-check this audit's links and cited works on the schedule (idempotent)."""
    try:
        view = watch_audit(
            repo,
            account,
            audit_id,
            body.collection if body else None,
            max_links=settings.max_watched_links_per_account,
        )
    except WatchNotReady as exc:
        raise HTTPException(409, str(exc)) from None
    except WatchError as exc:
        raise HTTPException(404 if "no such" in str(exc) else 422, str(exc)) from None
    return WatchOut(
        audit_id=view.audit_id, collection=view.collection, watched_since=view.created_at
    )


@router.delete("/audits/{audit_id}/watch", status_code=204, responses=_ERRORS)
def unwatch(audit_id: str, account: AccountDep, repo: RepoDep) -> Response:
    if not unwatch_audit(repo, account, audit_id):
        raise HTTPException(404, "this audit is not watched")
    return Response(status_code=204)


@router.get("/audits/{audit_id}/changes", response_model=Changes, responses=_ERRORS)
async def audit_changes(
    audit_id: str,
    account: AccountDep,
    repo: RepoDep,
    since: Annotated[datetime | None, Query(description="ISO 8601; default: all")] = None,
    format: Literal["json", "html"] = "json",
) -> Response:
    """Newly broken, recovered, newly retracted, new notices since `since`; still broken.
    Read and written in a place of `service.heavy` (`_changes_answer`)."""

    def answer() -> Response:
        try:
            changes = changes_for_audit(repo, account, audit_id, since)
        except WatchError as exc:
            raise HTTPException(404, str(exc)) from None
        return _changes_answer(f"Changes in audit {audit_id}", changes, since, format)

    return await run_heavy(answer, owner=account)


@router.get("/watch", response_model=WatchList, responses=_ERRORS)
def watched(account: AccountDep, repo: RepoDep, collection: str | None = None) -> WatchList:
    return WatchList(
        items=[
            WatchOut(audit_id=w.audit_id, collection=w.collection, watched_since=w.created_at)
            for w in list_watches(repo, account, collection)
        ]
    )


@router.get("/watch/collections", response_model=list[CollectionOut], responses=_ERRORS)
def collections(account: AccountDep, repo: RepoDep) -> list[CollectionOut]:
    return [
        CollectionOut(name=c.name, audits=c.audits, created_at=c.created_at)
        for c in list_collections(repo, account)
    ]


@router.get("/watch/collections/{name}/changes", response_model=Changes, responses=_ERRORS)
async def collection_changes(
    name: str,
    account: AccountDep,
    repo: RepoDep,
    since: datetime | None = None,
    format: Literal["json", "html"] = "json",
) -> Response:
    """The changes of every audit in the collection, in a place of `service.heavy`."""

    def answer() -> Response:
        try:
            changes = changes_for_collection(repo, account, name, since)
        except WatchError as exc:
            raise HTTPException(404, str(exc)) from None
        return _changes_answer(f"Changes in {name}", changes, since, format)

    return await run_heavy(answer, owner=account)


@router.get("/watch/settings", response_model=NotifySettingsOut, responses=_ERRORS)
def notify_settings(account: AccountDep, repo: RepoDep) -> NotifySettingsOut:
    view = get_notify_settings(repo, account)
    return NotifySettingsOut(
        webhook_url=view.webhook_url, email=view.email_to, has_secret=view.has_secret, secret=None
    )


@router.put("/watch/settings", response_model=NotifySettingsOut, responses=_ERRORS)
def put_notify_settings(
    body: NotifySettingsIn, account: AccountDep, repo: RepoDep, settings: SettingsDep
) -> NotifySettingsOut:
    """Set the webhook URL and e-mail address (null clears); a first webhook gets a secret."""
    given = body.model_fields_set
    kwargs: dict[str, Any] = {}
    if "webhook_url" in given:
        kwargs["webhook_url"] = body.webhook_url
    if "email" in given:
        kwargs["email_to"] = body.email
    try:
        policy = WebhookPolicy.from_settings(settings)
        view, secret = set_notify_settings(repo, account, policy=policy, **kwargs)
    except WatchError as exc:
        raise HTTPException(422, str(exc)) from None
    return NotifySettingsOut(
        webhook_url=view.webhook_url, email=view.email_to, has_secret=view.has_secret, secret=secret
    )


@router.post("/watch/settings/secret", response_model=NotifySettingsOut, responses=_ERRORS)
def new_secret(account: AccountDep, repo: RepoDep) -> NotifySettingsOut:
    """A new webhook signing secret (HMAC-SHA256 of the body); the old one stops at once."""
    secret = rotate_secret(repo, account)
    view = get_notify_settings(repo, account)
    return NotifySettingsOut(
        webhook_url=view.webhook_url, email=view.email_to, has_secret=True, secret=secret
    )
