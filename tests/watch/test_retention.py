"""Pruning the history: old checks and finished deliveries go, what is needed stays.

See `citeaudit.store.watching.retention` for what is kept whatever its age: each link's
latest check, the checks audits point at, the first failing check of a current
streak, every change, and notifications still owed. A link nothing points at (no audit
cites it, no change names it, no check the cache would serve) goes with its history.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from citeaudit.store import Repository
from citeaudit.store.tables import AuditLink, Link, LinkCheckRow
from citeaudit.store.watch_tables import WatchChange, WatchLinkState, WatchOutbox
from citeaudit.store.watching.times import utcnow
from citeaudit.watch import account_by_name, prune, watch_audit
from tests.watch.conftest import CLOSED, stored_audit, watch_settings


def test_prune_keeps_what_is_needed(tmp_path: Path, repo: Repository) -> None:
    settings = watch_settings(tmp_path, CLOSED, watch_retention_days=30)
    now = utcnow()
    old, older, recent = (
        now - timedelta(days=400),
        now - timedelta(days=401),
        now - timedelta(days=5),
    )
    account = account_by_name(repo, "journal")
    audit_id = stored_audit(repo, account, ["https://a.example/x", "https://b.example/y"])
    watch_audit(repo, account, audit_id)

    def check(s: Session, link_id: int, at: datetime, outcome: str = "broken") -> int:
        row = LinkCheckRow(
            link_id=link_id, outcome=outcome, status=404, checked_at=at, data={"url": "?"}
        )
        s.add(row)
        s.flush()
        return row.id

    with repo.session() as s, s.begin():
        link_a, link_b = sorted(
            s.scalars(select(AuditLink.link_id).where(AuditLink.audit_id == audit_id))
        )
        pinned = set(s.scalars(select(AuditLink.check_id)))
        # Link a: old history, a streak that started long ago, a recent check last.
        gone_a = check(s, link_a, older, "ok")
        streak = check(s, link_a, old)
        gone_a2 = check(s, link_a, old)
        kept_recent = check(s, link_a, recent)
        s.add(WatchLinkState(link_id=link_a, state="broken", streak_check_id=streak))
        # Link b: its own old checks after the audit's; the latest of them stays.
        gone_b = check(s, link_b, older)
        latest_b = check(s, link_b, old)
        # A link no audit cites any more and no change names: it goes, checks and all.
        lone = Link(url_hash="h" * 64, url="https://c.example/z")
        s.add(lone)
        s.flush()
        gone_c = check(s, lone.id, older)
        latest_c = check(s, lone.id, old)

        first = WatchChange(key="k1", kind="newly_broken", at=old, link_id=link_a, data={})
        second = WatchChange(key="k2", kind="newly_broken", at=old, link_id=link_b, data={})
        s.add_all([first, second])
        s.flush()
        outbox = {
            name: WatchOutbox(
                account_id=account,
                change_id=change.id,
                channel=channel,
                status=status,
                next_attempt_at=at,
                created_at=at,
            )
            for name, change, channel, status, at in (
                ("old_sent", first, "webhook", "sent", old),
                ("old_failed", first, "email", "failed", old),
                ("old_pending", second, "webhook", "pending", old),  # still owed
                ("new_sent", second, "email", "sent", recent),
            )
        }
        s.add_all(outbox.values())
        s.flush()
        box_ids = {name: row.id for name, row in outbox.items()}

    pruned = prune(repo, settings, now=now)

    with repo.session() as s:
        left = set(s.scalars(select(LinkCheckRow.id)))
        boxes = set(s.scalars(select(WatchOutbox.id)))
        changes = list(s.scalars(select(WatchChange.key)))
        links = set(s.scalars(select(Link.id)))
    assert left.isdisjoint({gone_a, gone_a2, gone_b, gone_c, latest_c})
    assert {streak, kept_recent, latest_b} <= left
    assert pinned - {None} <= left  # the audit's own checks (now, and pinned)
    assert pruned.checks == 4
    assert boxes == {box_ids["old_pending"], box_ids["new_sent"]} and pruned.deliveries == 2
    assert sorted(changes) == ["k1", "k2"] and {link_a, link_b} <= links
    assert lone.id not in links and pruned.links == 1

    # Nothing more to do; and with a longer retention nothing would have gone.
    assert prune(repo, settings, now=now) == type(pruned)(0, 0)


def test_prune_respects_the_configured_retention(tmp_path: Path, repo: Repository) -> None:
    account = account_by_name(repo, "journal")
    audit_id = stored_audit(repo, account, ["https://a.example/x"])
    now = utcnow()
    with repo.session() as s, s.begin():
        link = s.scalar(select(AuditLink.link_id).where(AuditLink.audit_id == audit_id))
        assert link is not None
        ids = []
        for days in (100, 50, 10, 1):
            row = LinkCheckRow(
                link_id=link, outcome="ok", checked_at=now - timedelta(days=days), data={}
            )
            s.add(row)
            s.flush()
            ids.append(row.id)
    long = watch_settings(tmp_path, CLOSED, watch_retention_days=365)
    assert prune(repo, long, now=now).checks == 0
    short = watch_settings(tmp_path, CLOSED, watch_retention_days=30)
    assert prune(repo, short, now=now).checks == 2  # 100 and 50 days old
    with repo.session() as s:
        left = set(s.scalars(select(LinkCheckRow.id).where(LinkCheckRow.link_id == link)))
    assert left.isdisjoint(ids[:2]) and set(ids[2:]) <= left
