"""A dead intranet link is never sent to the archive.

The CLI checks your intranet links (private networks allowed). One of them that is
broken -- ``http://10.1.2.3/reports/q3?token=...``, ``http://wiki/Salaries`` or a
name your resolver gives a private address -- was then handed to the Wayback
Machine's availability API as ``?url=...``: our request told a third party an
internal address, path and query, for a snapshot no public archive can hold. The
archive is asked only about links whose host is public as far as the run knows:
no private address in any spelling, no name only a local resolver answers, no name
that resolved to a private address in this run.

Here 127.0.0.2 plays the public web and the archive; 127.0.0.3 the intranet.
"""

from __future__ import annotations

import asyncio
import dataclasses

import pytest

from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.ssrf_loopback import CLI, cli_checker
from tests.security.test_ssrf_hops import Hops

ARCHIVING = dataclasses.replace(CLI, archive=True)


@pytest.fixture
def intranet(intranet_site: Hops) -> Hops:
    """Here the intranet is a web site of the reader's network (127.0.0.3)."""
    return intranet_site


def _check(url: str, public: Hops) -> LinkCheck:
    async def lookup(host: str, port: int) -> list[str]:
        return ["127.0.0.3"] if "corp" in host else ["127.0.0.2"]

    async def go() -> LinkCheck:
        async with cli_checker(
            lookup,
            ARCHIVING,
            archive_url=f"{public.url}/archive/https%3A%2F%2Fweb.archive.org%2Fweb%2F1%2Fx",
        ) as checker:
            return await checker.check(target_for(url))

    return asyncio.run(go())


def _archive_questions(public: Hops) -> list[str]:
    return [p for p in public.paths if p.startswith("/archive/")]


def test_a_dead_link_on_a_private_address_is_not_sent_to_the_archive(
    public: Hops, intranet: Hops
) -> None:
    check = _check(f"{intranet.url}/gone?token=s3cret", public)
    assert intranet.paths  # checked: your intranet is yours
    assert check.outcome is LinkOutcome.BROKEN
    assert _archive_questions(public) == []
    assert check.archive_url is None


def test_a_dead_link_whose_name_resolves_privately_is_not_sent_to_the_archive(
    public: Hops, intranet: Hops
) -> None:
    port = intranet.url.rsplit(":", 1)[1]
    check = _check(f"http://wiki.corp.example:{port}/gone", public)
    assert check.outcome is LinkOutcome.BROKEN
    assert _archive_questions(public) == []


def test_a_dead_link_on_a_local_name_is_not_sent_to_the_archive(public: Hops) -> None:
    check = _check("http://wiki.internal:1/Salaries", public)
    assert check.outcome is not LinkOutcome.OK
    assert _archive_questions(public) == []


def test_a_dead_public_link_still_gets_its_snapshot(public: Hops) -> None:
    check = _check(f"{public.url}/gone", public)
    assert check.outcome is LinkOutcome.BROKEN
    assert len(_archive_questions(public)) == 1
    assert check.archive_url == "https://web.archive.org/web/1/x"
