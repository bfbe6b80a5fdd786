"""DOIs at the resolver, our network down, the cache."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from pathlib import Path

from citeaudit.links.cache import LinkCache
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.links.conftest import FAST, LOOPBACK_IS_PUBLIC, check, check_one, make_checker
from tests.stand_ins.link_farm import Farm


def test_registered_doi_is_ok_with_its_target(farm: Farm) -> None:
    result = check_one(farm, "10.1234/ALIVE")
    assert result.outcome is LinkOutcome.OK
    assert result.url == "https://doi.org/10.1234/alive"
    assert result.final_url == farm.url("site", "/ok")


def test_unknown_doi_is_broken(farm: Farm) -> None:
    result = check_one(farm, "https://doi.org/10.1234/no-such-doi")
    assert (result.outcome, result.reason) == (LinkOutcome.BROKEN, "doi-not-found")


def test_registered_doi_with_dead_target_is_broken(farm: Farm) -> None:
    result = check_one(farm, "doi:10.1234/dead-target", forbidden=LOOPBACK_IS_PUBLIC)
    assert (result.outcome, result.reason) == (LinkOutcome.BROKEN, "doi-target-status-404")
    assert result.final_url == farm.url("site", "/gone404")
    assert result.archive_url is not None


def test_registered_doi_behind_a_bot_wall_is_ok(farm: Farm) -> None:
    # The resolver says the DOI exists; the publisher's wall says nothing against it.
    assert check_one(farm, "10.1234/walled-target").outcome is LinkOutcome.OK


def test_resolver_error_is_unverified(farm: Farm) -> None:
    result = check_one(farm, "10.1234/flaky")
    assert result.outcome is LinkOutcome.UNVERIFIED
    assert result.reason == "resolver-status-500"


def test_doi_like_string_is_never_a_host_name(farm: Farm) -> None:
    target = target_for("10.1007/978-3-319-69790-1_7")
    assert (target.kind, target.value) == ("doi", "10.1007/978-3-319-69790-1_7")
    before = farm.counts[("svc", "/api/handles/10.1007/978-3-319-69790-1_7")]
    result = check_one(farm, "10.1007/978-3-319-69790-1_7")
    assert result.reason == "doi-not-found"  # asked at the resolver, not at "10.1007"
    assert farm.counts[("svc", "/api/handles/10.1007/978-3-319-69790-1_7")] == before + 1
    assert target_for("www.example.org/page").kind == "other"


def test_network_down_every_link_is_unverified(farm: Farm) -> None:
    urls = [
        farm.url("site", "/ok"),
        farm.url("site", "/gone404"),
        farm.url("site", "/moved"),
        farm.url("soft", "/missing"),
        farm.url("closed", "/x"),
        "http://no-such-host.invalid/",
        "10.1234/no-such-doi",
        "10.1234/alive",
    ]
    before = farm.link_requests()
    results = check(farm, urls, probe_urls=[farm.url("dead", "/")])
    assert {(r.outcome, r.reason) for r in results} == {(LinkOutcome.UNVERIFIED, "network-down")}
    assert farm.link_requests() == before  # said at once, no request sent


def test_network_lost_during_the_run_turns_refusals_into_unverified(farm: Farm) -> None:
    async def go() -> list[LinkCheck]:
        async with make_checker(farm) as checker:
            assert checker.reachability is not None
            await checker.reachability.up()  # the preflight probe succeeds ...
            checker.reachability._urls = (farm.url("dead", "/"),)  # ... then the net goes:
            # the run's own preflight takes the answer above (younger than its 30 s),
            # the check at the end asks again (older than the second it keeps).
            checker.reachability._checked_at = time.monotonic() - 2
            targets = [target_for(farm.url("closed", "/x")), target_for("http://x.invalid/")]
            return await checker.check_all(targets)

    results = asyncio.run(go())
    assert [(r.outcome, r.reason) for r in results] == [
        (LinkOutcome.UNVERIFIED, "network-down")
    ] * 2


def test_second_run_within_max_age_only_rechecks_failures(farm: Farm, tmp_path: Path) -> None:
    paths = ["/ok", "/moved", "/gone404", "/limited", "/article/alive"]
    urls = [farm.url("site", f"{p}?cache-test=1") for p in paths]
    policy = dataclasses.replace(FAST, max_retries=0)

    def run() -> tuple[list[LinkCheck], dict[str, int]]:
        before = {p: farm.counts[("site", p)] for p in [*paths, "/new"]}
        results = check(farm, urls, policy, cache=LinkCache(tmp_path, max_age=3600))
        after = {p: farm.counts[("site", p)] - before[p] for p in before}
        return results, after

    first, sent_first = run()
    assert [r.outcome.value for r in first] == ["ok", "redirected", "broken", "unverified", "ok"]
    assert all(sent_first[p] >= 1 for p in paths)
    second, sent_second = run()
    assert [r.outcome for r in second] == [r.outcome for r in first]
    assert sent_second == {
        "/ok": 0,
        "/moved": 0,
        "/gone404": 1,
        "/limited": 1,
        "/article/alive": 0,
        "/new": 0,
    }


def test_cache_entries_expire(tmp_path: Path) -> None:
    cache = LinkCache(tmp_path, max_age=10)
    ok = LinkCheck(url="https://a.org/", outcome=LinkOutcome.OK)
    bad = LinkCheck(url="https://b.org/", outcome=LinkOutcome.BROKEN)
    cache.put_many([("url:a", ok), ("url:b", bad)], now=1000)
    assert set(cache.get_many(["url:a", "url:b"], now=1005)) == {"url:a"}
    assert cache.get_many(["url:a"], now=1011) == {}
    cache.put_many([("url:a", bad)], now=1006)  # a fresh failure forgets the success
    assert cache.get_many(["url:a"], now=1007) == {}


def test_resolver_gets_the_per_host_limit_not_every_doi_at_once(farm: Farm) -> None:
    dois = [f"10.1234/absent-{i}" for i in range(10)]
    policy = dataclasses.replace(FAST, per_host=2, concurrency=16)
    farm.host_peak["svc"] = 0
    results = check(farm, dois, policy, doi_url=farm.url("svc", "/slow"))
    assert {r.reason for r in results} == {"doi-not-found"}
    assert farm.host_peak["svc"] == 2  # used, and never more than the host's limit


def test_archive_lookups_get_the_per_host_limit(farm: Farm) -> None:
    urls = [farm.url("site", f"/gone404?copy={i}") for i in range(8)]
    policy = dataclasses.replace(FAST, per_host=2, concurrency=16)
    farm.host_peak["svc"] = 0
    slow = farm.url("svc", "/slow/wayback/available")
    results = check(farm, urls, policy, archive_url=slow, forbidden=LOOPBACK_IS_PUBLIC)
    assert {r.outcome for r in results} == {LinkOutcome.BROKEN}
    assert farm.host_peak["svc"] == 2
