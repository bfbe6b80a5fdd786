"""What a notification says: the change, and the account's audits it concerns."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from citeaudit.store.tables import AuditLink, AuditReference, ResolutionRow
from citeaudit.store.watch_tables import Watch, WatchChange, WatchCollection
from citeaudit.watch.times import aware


def _audits(s: Session, change: WatchChange, account: int) -> list[dict[str, Any]]:
    refs: dict[str, list[str]] = {}
    if change.link_id is not None:
        for audit_id, ids in s.execute(
            select(AuditLink.audit_id, AuditLink.reference_ids).where(
                AuditLink.link_id == change.link_id
            )
        ).all():
            refs.setdefault(audit_id, []).extend(ids or [])
    elif change.doi is not None:
        for model in (ResolutionRow, AuditReference):
            for audit_id, ref_id in s.execute(
                select(model.audit_id, model.reference_id).where(model.doi == change.doi)
            ).all():
                if ref_id not in refs.setdefault(audit_id, []):
                    refs[audit_id].append(ref_id)
    out = []
    for audit_id, collection in s.execute(
        select(Watch.audit_id, WatchCollection.name)
        .outerjoin(WatchCollection, WatchCollection.id == Watch.collection_id)
        .where(Watch.account_id == account, Watch.audit_id.in_(list(refs)))
        .order_by(Watch.audit_id)
    ).all():
        out.append(
            {
                "audit_id": audit_id,
                "collection": collection,
                "reference_ids": sorted(set(refs[audit_id])),
                "url": f"/api/v1/audits/{audit_id}/changes",
            }
        )
    return out


def build_payload(
    s: Session, change: WatchChange, account: int, account_name: str
) -> dict[str, Any]:
    return {
        "event_id": f"chg-{change.id}",
        "event": change.kind,
        "at": aware(change.at).isoformat(),
        "account": account_name,
        "link": change.data.get("url") if change.link_id is not None else None,
        "doi": change.doi,
        "detail": dict(change.data),
        "audits": _audits(s, change, account),
    }


def mail_text(payload: dict[str, Any]) -> tuple[str, str]:
    what = payload["link"] or payload["doi"] or "?"
    title = {
        "newly_broken": "A watched link broke",
        "newly_retracted": "A cited work was retracted",
    }.get(str(payload["event"]), f"Change: {payload['event']}")
    lines = [f"{title}: {what}", ""]
    detail = payload["detail"]
    if detail.get("status") or detail.get("reason"):
        lines.append(f"Status: {detail.get('status')} ({detail.get('reason')})")
    if detail.get("since"):
        lines.append(f"Failing since: {detail['since']}")
    if detail.get("notice"):
        notice = detail["notice"]
        lines.append(
            f"Notice: {notice.get('kind')} {notice.get('doi') or ''} {notice.get('date') or ''}"
        )
    lines.append("")
    for audit in payload["audits"]:
        where = f" (collection {audit['collection']})" if audit["collection"] else ""
        refs = ", ".join(audit["reference_ids"])
        lines.append(f"Audit {audit['audit_id']}{where}: references {refs}")
    lines.append("")
    lines.append(f"Event {payload['event_id']}, delivery {payload.get('delivery_id', '')}")
    return f"[citeaudit] {title}: {what}", "\n".join(lines)
