"""Scheduled re-checks are bounded per site over time, not per sweep.

Every watched link is due again once its check is older than `watch_max_age`; with
nothing counting across sweeps, a server named by thousands of watched links was
asked all of them at every sweep, for as long as the watches lasted.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.store import Repository
from citeaudit.store.watching.records import DueLink
from citeaudit.watch import account_by_name, recheck_now, sweep, watch_audit
from citeaudit.watch.site_quota import site_of, within_quota
from tests.watch.conftest import stored_audit, watch_settings
from tests.watch.site import Site

VICTIM, OTHER = 30, 3
QUOTA = 40  # the audit's own 30 checks of the victim count: 10 re-checks are left


def _host(site: Site, n: int) -> str:
    return site.base[n].split("//")[1].split(":")[0]


def test_sweeps_share_one_days_quota_per_site(tmp_path: Path, repo: Repository) -> None:
    site = Site(hosts=3).start()
    try:
        settings = watch_settings(tmp_path, site.url(2, "/"))  # watch_max_age 0: always due
        account = account_by_name(repo, "journal")
        urls = [site.url(0, f"/page/v{i}") for i in range(VICTIM)]
        urls += [site.url(1, f"/page/o{i}") for i in range(OTHER)]
        watch_audit(repo, account, stored_audit(repo, account, urls))
        checked = [
            recheck_now(repo, settings, deliver=False, quota=QUOTA)[0].links_checked
            for _ in range(3)
        ]
        # the other site is re-checked at every sweep; the victim's 10 are spent at once
        assert checked == [10 + OTHER, OTHER, OTHER]
        assert site.requests[_host(site, 0)] == QUOTA - VICTIM
        assert site.requests[_host(site, 1)] == 3 * OTHER
        # the beat's sweep counts the same history: nothing of the victim's is planned
        planned = {n for batch in sweep(repo, settings, quota=QUOTA).link_batches for n in batch}
        assert len(planned) == OTHER
    finally:
        site.stop()


def test_links_leased_to_running_tasks_count() -> None:
    links = [DueLink(i, f"https://a.victim.example/{i}") for i in range(5)]
    used = [("https://b.victim.example/x", 2), ("https://victim.example/leased", 1)]
    taken, back = within_quota(links, used, 4)
    assert [link.link_id for link in taken] == [0]
    assert [link.link_id for link in back] == [1, 2, 3, 4]


def test_sites() -> None:
    assert site_of("1.victim.example") == site_of("victim.example.") == "victim.example"
    assert site_of("www.bbc.co.uk") == "bbc.co.uk"
    assert site_of("127.0.2.1") == "127.0.2.1"
    assert site_of("[::1]") == site_of("::1") == "::1"
    assert site_of("journals.plos.org") == "plos.org"
