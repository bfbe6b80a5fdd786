"""The link checker has one address rule: the one its transport connects by.

`LinkChecker`, `check_links` and `LinkEnricher` each took a `forbidden=` address test
that existed only for tests (loopback standing in for the public web), beside the
transport's own. Two rules in one checker could disagree: what the archive is told,
which hops a DOI's landing page may take and the services' client followed one, the
connections the other. Now the checker reads its rule from the transport it sends
through; a test's stand-in goes into that transport (`judged_by`), and production
code has no address test to pass.
"""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
from urllib.parse import quote

from citeaudit.links.checker import LinkChecker
from citeaudit.links.enricher import LinkEnricher
from citeaudit.links.run import check_links
from citeaudit.links.targets import LinkTarget
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.ssrf_loopback import CLI
from tests.security.test_ssrf_hops import Hops, only_127_0_0_2_is_public
from tests.stand_ins.judged_transport import judged_by

SNAPSHOT = "https://web.archive.org/web/2020/https://example.org/a"


def test_no_checker_api_takes_an_address_test_of_its_own() -> None:
    for api in (LinkChecker, check_links, LinkEnricher):
        assert "forbidden" not in inspect.signature(api).parameters, api


def _dead_link(public: Hops, transport: PerHostTransport | None) -> LinkCheck:
    """A dead link on 127.0.0.2 checked with the CLI's rule, the archive asked."""

    async def go() -> LinkCheck:
        async with LinkChecker(
            dataclasses.replace(CLI, archive=True),
            doi_url=public.url,
            archive_url=f"{public.url}/archive/{quote(SNAPSHOT, safe='')}",
            probe_urls=(),
            transport=transport,
        ) as checker:
            return await checker.check(LinkTarget("url", public.url + "/gone"))

    return asyncio.run(go())


def test_what_the_archive_is_told_follows_the_transports_rule(public: Hops) -> None:
    """Where the transport calls 127.0.0.2 public, its dead link is offered a snapshot;
    where it does not (the real rule: loopback is the reader's network), the link is
    never told to the archive."""
    told = _dead_link(public, judged_by(only_127_0_0_2_is_public, CLI))
    assert told.outcome is LinkOutcome.BROKEN and told.archive_url == SNAPSHOT
    asked_before = [p for p in public.paths if p.startswith("/archive/")]
    assert len(asked_before) == 1

    kept = _dead_link(public, None)
    assert kept.outcome is LinkOutcome.BROKEN and kept.archive_url is None
    assert [p for p in public.paths if p.startswith("/archive/")] == asked_before
