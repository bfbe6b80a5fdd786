"""A day's re-checks per site: scheduled sweeps cannot become a steady flood.

Every link of a watched audit (up to `CITEAUDIT_MAX_NETWORK_CHECKS`, 5,000, per
audit) is re-checked once its last check is older than `watch_max_age`. Without a
bound over time, an account that watched many audits whose links all name one
server had that server asked every link of every audit at every sweep, for as long
as the watches lasted. So the links of one site are re-checked at most
`SITE_CHECKS_PER_DAY` (2,000) times in any 24 hours, counted from the check history
(the audit's own checks and every sweep's, on any worker) plus the links leased to
tasks now. A due link past its site's quota is given back, due again at the next
sweep: re-checked later, never dropped. Each check is at most 4 requests (3
attempts, `max_retries` 2, and one not-found probe), so at most 8,000 requests a day
reach one site from the watch.

A site is the host name's last two labels (three under a two-letter country code
whose second label is short: ``bbc.co.uk``), an address as written: wildcard names
(``1.victim.example`` ... ``N.victim.example``) share their domain's quota. Sites
under a shared suffix (``github.io``) share one quota: their links wait longer, they
are not lost. Names under different registered domains that all point at one
address each have their own quota (the address is known only when asked); what
holds them is the per-address limit in flight (`CITEAUDIT_LINK_PER_ADDRESS`).
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import httpx

from citeaudit.links.safety import literal_address
from citeaudit.links.targets import sendable_url
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.watching.due import release_links, take_due_links
from citeaudit.store.watching.recent_checks import recent_requests
from citeaudit.store.watching.records import DueLink

log = logging.getLogger(__name__)

SITE_CHECKS_PER_DAY = 2000
PERIOD = timedelta(days=1)


@functools.lru_cache(maxsize=65536)
def site_of(host: str) -> str:
    """The quota's key for a host name or address (see the module's docstring).

    Kept per host: a sweep asks it of every due link and every URL of the day's
    history, a few thousand hosts for hundreds of thousands of URLs (wk31)."""
    host = host.lower().rstrip(".")
    # An address in any spelling a client sends to it ("0x007f000002", "0x7f.0.0.0x2"):
    # keyed as written, each spelling was a site with a quota of its own.
    address = literal_address(host)
    if address is not None:
        return str(address)
    labels = host.split(".")
    keep = 3 if len(labels[-1]) == 2 and len(labels) > 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])


def site_of_url(url: str) -> str:
    """The site of a URL's host ("" for a URL with none), read as the link client
    sends it (`sendable_url`: IDNA, full-width and ideographic full stops as dots).

    Read by ``urlsplit`` alone, ``bücher.example`` and ``xn--bcher-kva.example``, or
    ``example.org`` and ``example。org``, were sites of their own, each with a day's
    quota, all sent to one server. An ASCII host is sent as written (in lower case),
    so only another is read by httpx (three times slower: a sweep reads every URL of
    the day's history). A URL the client cannot send keeps ``urlsplit``'s reading
    (it is never asked anyway)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    if not host.isascii():
        with contextlib.suppress(httpx.InvalidURL, ValueError, UnicodeError):
            host = sendable_url(url).raw_host.decode("ascii")
    return site_of(host)


def within_quota(
    links: Sequence[DueLink], used: Iterable[tuple[str, int]], quota: int
) -> tuple[list[DueLink], list[DueLink]]:
    """`links` (oldest check first) cut to what each site's quota has left: (taken,
    given back). `used`: (URL, requests) already counted in the period."""
    counts: Counter[str] = Counter()
    for url, n in used:
        counts[site_of_url(url)] += n
    taken: list[DueLink] = []
    back: list[DueLink] = []
    for link in links:
        site = site_of_url(link.url)
        if counts[site] < quota:
            counts[site] += 1
            taken.append(link)
        else:
            back.append(link)
    return taken, back


def take_links(
    repo: Repository, settings: ServiceSettings, now: datetime, quota: int = SITE_CHECKS_PER_DAY
) -> list[DueLink]:
    """The due links a sweep may re-check now, leased; those past their site's quota
    are given back (due at the next sweep)."""
    used = recent_requests(repo, now - PERIOD, now)  # before taking: ours are leased next
    due = take_due_links(repo, settings, now)
    try:
        taken, back = within_quota(due, used, quota)
    except BaseException:  # leased and never sent: due again at once (wk31)
        release_links(repo, [link.link_id for link in due])
        raise
    if back:
        release_links(repo, [link.link_id for link in back])
        log.info("%d due links wait: their sites had %d checks in 24 hours", len(back), quota)
    return taken
