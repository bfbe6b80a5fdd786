"""Re-checking watched links: check, judge each check, keep it in the history.

The checks go through the ordinary link checker (`check_links`) with its per-host
limits and no cache; the archive is not asked. When our own network is down nothing
is recorded and the links are given back, due again at the next sweep; links the
run's time ran out on before they were asked (`OUT_OF_TIME`) are due again when the
batch's lease runs out (`watch_lease`), not at the next sweep; a site that timed out
backs off (`site_backoff`). What a check means
for its link is the diff's (`judge`); the store records it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import timedelta

from citeaudit.links.checker import OUT_OF_TIME
from citeaudit.links.policy import RUN_SHARE, LinkPolicy
from citeaudit.links.run import check_links
from citeaudit.links.targets import target_for
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.watching.due import release_links
from citeaudit.store.watching.link_log import Decide, record_link_checks
from citeaudit.store.watching.records import UNKNOWN, DueLink, Event, LinkState, Observation
from citeaudit.store.watching.times import utcnow
from citeaudit.watch.diff import baseline, step
from citeaudit.watch.model import RecheckSummary
from citeaudit.watch.site_backoff import learn

RECORD_CHUNK = 200


def recheck_links(
    repo: Repository,
    settings: ServiceSettings,
    links: Sequence[DueLink],
    *,
    probe_urls: Sequence[str] | None = None,
) -> RecheckSummary:
    if not links:
        return RecheckSummary()
    targets = [target_for(link.url) for link in links]
    # The batch is its own task, under the watch's time limit (an audit's chunk has
    # its own): the run ends at the same share of it.
    run_time = RUN_SHARE * settings.watch_time_limit
    policy = LinkPolicy.from_settings(settings, archive=False, max_run_time=run_time)
    checks, network_up = check_links(
        targets, settings, policy=policy, use_cache=False, probe_urls=probe_urls
    )
    if not network_up:
        release_links(repo, [link.link_id for link in links])
        return RecheckSummary(network_down=True)
    by_key = dict(zip(dict.fromkeys(t.key for t in targets), checks, strict=True))
    pairs = [(link, by_key[t.key]) for link, t in zip(links, targets, strict=True)]
    learn(repo, pairs, utcnow())  # a site that timed out waits before it is asked again
    # Never asked: no check to record. They keep the lease this batch took, and are
    # due again when it runs out: given back at once, a tarpit's links were taken by
    # the next sweep (a minute on) and held a worker for a whole run, sweep after
    # sweep, for as long as the watch lasted.
    pairs = [(link, check) for link, check in pairs if check.reason != OUT_OF_TIME]
    decide = judge(timedelta(seconds=settings.watch_newly_broken_gap))
    kinds: Counter[str] = Counter()
    for start in range(0, len(pairs), RECORD_CHUNK):
        part = pairs[start : start + RECORD_CHUNK]
        kinds.update(record_link_checks(repo, settings, part, decide))
    return RecheckSummary(links_checked=len(pairs), changes=sum(kinds.values()), kinds=dict(kinds))


def judge(gap: timedelta) -> Decide:
    """The diff as the store asks it: a link never judged starts from the audit's own
    check of it (the check before this one)."""

    def decide(
        link_id: int,
        state: LinkState,
        prior: Callable[[], Observation | None],
        observation: Observation,
    ) -> tuple[LinkState, Event | None]:
        if state.state == UNKNOWN:
            state = baseline(prior())
        return step(link_id, state, observation, gap)

    return decide
