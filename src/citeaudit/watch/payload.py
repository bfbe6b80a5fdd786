"""What a notification says: the change, and the account's audits it concerns."""

from __future__ import annotations

from typing import Any

from citeaudit.report.printable import printable
from citeaudit.store.watching.records import Delivery


def build_payload(owed: Delivery) -> dict[str, Any]:
    change = owed.change
    return {
        "event_id": f"chg-{change.id}",
        "event": change.kind,
        "at": change.at.isoformat(),
        "account": owed.account_name,
        "link": change.data.get("url") if change.link_id is not None else None,
        "doi": change.doi,
        "detail": dict(change.data),
        "audits": [dict(a) for a in owed.audits],
        "delivery_id": str(owed.row_id),
    }


def mail_text(payload: dict[str, Any]) -> tuple[str, str]:
    """The e-mail's subject and body. Every line is `printable`: the URL, DOI, reasons,
    notice and collection names are a page's or an uploader's text, and a bidi
    override (``https://e.org/\\u202etxt.exe``) reordered what the mail client showed,
    a raw ESC or CR (a plain-text mail read in a terminal, ``mail``/``mutt``) moved
    the cursor or hid the line; shown as escapes, as the text report shows them."""
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
    subject = printable(f"[citeaudit] {title}: {what}")
    return subject, "\n".join(printable(line) for line in lines)
