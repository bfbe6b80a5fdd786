"""Spec point 3 at suite scale: 1,000 watched URLs on 50 hosts, re-checked through the
schedule's batches by two workers at once, never more than the per-host limit in
flight to any host (the servers count). benches/recheck.py runs 10,000 on 200."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from citeaudit.store import Repository
from citeaudit.watch import account_by_name, recheck_now, run_link_batch, sweep, watch_audit
from tests.watch.conftest import stored_audit, watch_settings
from tests.watch.site import Site

pytestmark = pytest.mark.slow

URLS, HOSTS, PER_HOST = 1000, 50, 2


@pytest.fixture
def farm() -> Iterator[Site]:
    # Slower answers than the 50 ms per-host spacing, so two requests to a host can
    # overlap: the per-host limit, not the spacing, is what the assertions test.
    site = Site(hosts=HOSTS + 1, latency=0.12).start()
    try:
        yield site
    finally:
        site.stop()


def test_thousand_urls_fifty_hosts_two_workers(
    tmp_path: Path, repo: Repository, farm: Site
) -> None:
    settings = watch_settings(
        tmp_path,
        farm.url(HOSTS, "/"),
        link_per_host=PER_HOST,
        link_concurrency=64,
        watch_batch_size=100,
    )
    account = account_by_name(repo, "journal")
    urls = [farm.url(i % HOSTS, f"/page/{i}") for i in range(URLS)]
    for start in range(0, URLS, 250):
        watch_audit(repo, account, stored_audit(repo, account, urls[start : start + 250]))

    plan = sweep(repo, settings)
    assert sum(len(b) for b in plan.link_batches) == URLS
    hosts_of = [{farm_host(u) for u in batch_urls(repo, b)} for b in plan.link_batches]
    for i, a in enumerate(hosts_of):  # no host in two batches
        for b in hosts_of[i + 1 :]:
            assert not a & b
    assert sweep(repo, settings).link_batches == ()  # leased: not handed out twice

    farm.reset()
    with ThreadPoolExecutor(2) as workers:
        summaries = list(
            workers.map(lambda b: run_link_batch(repo, settings, b), plan.link_batches)
        )
    assert sum(s.links_checked for s in summaries) == URLS
    stats = farm.stats(skip=HOSTS)
    assert stats["hosts"] == HOSTS
    assert stats["max_in_flight_per_host"] == PER_HOST  # reached, never exceeded
    assert stats["requests"] >= URLS

    # A repeated task (a redelivery) finds its links checked since and does nothing.
    daily = settings.model_copy(update={"watch_max_age": 3600})
    assert run_link_batch(repo, daily, plan.link_batches[0]).links_checked == 0


def test_in_process_recheck_keeps_the_per_host_limit(
    tmp_path: Path, repo: Repository, farm: Site
) -> None:
    settings = watch_settings(
        tmp_path, farm.url(HOSTS, "/"), link_per_host=PER_HOST, link_concurrency=64
    )
    account = account_by_name(repo, "journal")
    urls = [farm.url(i % HOSTS, f"/page/{i}") for i in range(URLS // 2)]
    watch_audit(repo, account, stored_audit(repo, account, urls))
    farm.reset()
    summary, _ = recheck_now(repo, settings)
    assert summary.links_checked == URLS // 2
    assert farm.stats(skip=HOSTS)["max_in_flight_per_host"] == PER_HOST


def farm_host(url: str) -> str:
    return url.split("/")[2]


def batch_urls(repo: Repository, link_ids: tuple[int, ...]) -> list[str]:
    from sqlalchemy import select

    from citeaudit.store.tables import Link

    with repo.session() as s:
        return list(s.scalars(select(Link.url).where(Link.id.in_(link_ids))))
