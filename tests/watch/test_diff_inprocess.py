"""In-process re-checks on SQLite: a page dies and comes back (spec point 1).

The page's first failure makes no change; a second failure at least the gap later
makes exactly one "newly broken" change and one signed webhook delivery; the
page's recovery makes a "recovered" change and no delivery.

The gap is an hour, and an hour passing is the stored failure streak moved an hour
back: with a gap of a second and real sleeps, a busy machine took longer than the
gap between two re-checks and the "less than the gap later" step made news.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.store import Repository
from citeaudit.watch import (
    ChangeKind,
    account_by_name,
    changes_for_audit,
    recheck_now,
    set_notify_settings,
    watch_audit,
)
from tests.watch.conftest import HOUR, LOOPBACK_HOOKS, hours_pass, stored_audit, watch_settings
from tests.watch.receiver import Receiver
from tests.watch.site import Site


def kinds(repo: Repository, account: int, audit_id: str) -> list[str]:
    return [c.kind.value for c in changes_for_audit(repo, account, audit_id)]


def test_page_dies_then_recovers(
    tmp_path: Path, repo: Repository, site: Site, receiver: Receiver
) -> None:
    settings = watch_settings(tmp_path, site.url(1, "/"), watch_newly_broken_gap=HOUR)
    account = account_by_name(repo, "journal")
    _, secret = set_notify_settings(repo, account, webhook_url=receiver.url, policy=LOOPBACK_HOOKS)
    assert secret is not None
    receiver.secret = secret
    page, other = site.url(0, "/page/a"), site.url(0, "/page/b")
    audit_id = stored_audit(repo, account, [page, other])
    watch_audit(repo, account, audit_id, collection="Vol 1")

    summary, _ = recheck_now(repo, settings)
    assert summary.links_checked == 2 and summary.changes == 0

    site.dead.add("/page/a")
    summary, _ = recheck_now(repo, settings)  # first failure: not news yet
    assert summary.links_checked == 2
    assert kinds(repo, account, audit_id) == []
    summary, _ = recheck_now(repo, settings)  # again, at once: less than the gap later
    assert kinds(repo, account, audit_id) == []
    assert receiver.deliveries == []

    hours_pass(repo, 1)
    summary, stats = recheck_now(repo, settings)
    assert summary.kinds == {"newly_broken": 1}
    assert stats.sent == 1
    changes = changes_for_audit(repo, account, audit_id)
    assert [(c.kind, c.url, c.reference_ids) for c in changes] == [
        (ChangeKind.NEWLY_BROKEN, page, ("ref0",))
    ]
    assert changes[0].status == 404
    assert len(receiver.deliveries) == 1 and receiver.bad_signatures == 0
    delivery = receiver.deliveries[0]
    assert delivery["event"] == "newly_broken" and delivery["link"] == page
    assert delivery["audits"][0]["audit_id"] == audit_id
    assert delivery["audits"][0]["collection"] == "Vol 1"

    hours_pass(repo, 1)
    summary, stats = recheck_now(repo, settings)  # still broken: nothing new
    assert summary.changes == 0 and stats.sent == 0
    assert kinds(repo, account, audit_id) == ["newly_broken"]

    site.dead.discard("/page/a")
    summary, stats = recheck_now(repo, settings)
    assert summary.kinds == {"recovered": 1} and stats.sent == 0
    assert kinds(repo, account, audit_id) == ["newly_broken", "recovered"]
    assert len(receiver.deliveries) == 1


def test_a_blip_is_not_news(tmp_path: Path, repo: Repository, site: Site) -> None:
    settings = watch_settings(tmp_path, site.url(1, "/"), watch_newly_broken_gap=HOUR)
    account = account_by_name(repo, "journal")
    audit_id = stored_audit(repo, account, [site.url(0, "/page/blip")])
    watch_audit(repo, account, audit_id)
    site.dead.add("/page/blip")
    recheck_now(repo, settings)
    hours_pass(repo, 1)  # the streak is an hour old when the page answers again
    site.dead.discard("/page/blip")
    recheck_now(repo, settings)
    site.dead.add("/page/blip")
    recheck_now(repo, settings)  # a new streak starts here: not an hour old
    assert kinds(repo, account, audit_id) == []
    changes = changes_for_audit(repo, account, audit_id)
    assert changes == []
