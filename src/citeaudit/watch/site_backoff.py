"""Backing off a site that does not answer: one tarpit cannot keep holding workers.

A site (`site_quota.site_of`) that accepts connections and answers nothing, or drips
its bytes, holds a links worker for a batch's whole run each time its links are
taken. Keeping the batch's lease on what it had no time for made that once a lease
(15 minutes), for as long as the watch lasted. So a site whose links timed out in a
run -- or ran out of the run's time with none of them answered -- is not asked again
for `FIRST` (15 minutes), then twice as long each time it does so again, at most
`LONGEST` (a day); the wait ends for good when the site answers. Its due links wait
meanwhile, kept in the history as unverified ('site backing off until ...') and never
judged, so never broken; the other sites of the same list are checked when due.

A site that answers some links and times out on others backs off too (a tarpit
that answers one page fast would otherwise never wait); a large site that only ran
out of the run's time after answering neither waits nor is reset.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from citeaudit.links.errors import TIMEOUT
from citeaudit.links.network_state import OUT_OF_TIME, not_asked
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck
from citeaudit.store.repository import Repository
from citeaudit.store.watching.records import WAITING, DueLink
from citeaudit.store.watching.site_backoff import back_off, backing_off, forgive, record_waiting
from citeaudit.watch.site_quota import site_of_url

FIRST = timedelta(minutes=15)
LONGEST = timedelta(hours=24)


def hold_back(repo: Repository, links: Sequence[DueLink], now: datetime) -> list[DueLink]:
    """`links` less those whose site is backing off: those are recorded as waiting and
    leased until their site's wait ends."""
    ends = backing_off(repo, now)
    if not ends:
        return list(links)
    kept: list[DueLink] = []
    waiting: list[tuple[DueLink, LinkCheck, datetime]] = []
    for link in links:
        end = ends.get(site_of_url(link.url))
        if end is None:
            kept.append(link)
        else:
            reason = f"{WAITING} {end:%Y-%m-%dT%H:%MZ}"
            waiting.append((link, not_asked(target_for(link.url), reason), end))
    if waiting:
        record_waiting(repo, waiting, now)
    return kept


def learn(repo: Repository, pairs: Sequence[tuple[DueLink, LinkCheck]], now: datetime) -> None:
    """After a run: the sites that timed out (see the module's docstring) wait, the
    sites that answered without timing out are forgiven."""
    timed_out: set[str] = set()
    unasked: set[str] = set()
    answered: set[str] = set()
    for link, check in pairs:
        site = site_of_url(link.url)
        reason = check.reason or ""
        if reason == OUT_OF_TIME:
            unasked.add(site)
        elif reason.endswith(TIMEOUT):  # "timeout", "doi-target-timeout"
            timed_out.add(site)
        else:
            answered.add(site)
    slow = timed_out | (unasked - answered)
    back_off(repo, slow, now, FIRST, LONGEST)
    forgive(repo, answered - slow)
