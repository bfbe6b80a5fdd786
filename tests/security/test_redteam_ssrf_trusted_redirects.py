"""A redirect of the link checker's own services (the DOI resolver, the archive) to a
Location with a scheme and no host is that hop's error, never a crash of the check.

The registries' clients judged such a Location before httpx read it (another scheme
is unsupported); the link checker's trusted client, which follows the resolver's and
the archive's redirects, judged only its address. httpx then gave
``javascript:alert(1)``, ``mailto:a@b``, ``data:,x`` or ``http:page`` the request's
host and raised `InvalidURL` -- not an HTTP error -- so a resolver answering 302 to
one ended the whole link phase with a traceback, every other link unchecked; a
webhook receiver's 302 to one raised `InvalidURL` out of `post`, which promises
`DeliveryError` alone. Now
every client that follows redirects judges them with one function
(`links.redirect_judge`). Here 127.0.0.2 plays the public resolver and archive.
"""

from __future__ import annotations

import asyncio
import dataclasses
from urllib.parse import quote

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.targets import LinkTarget, target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.watch.webhook import DeliveryError, post
from tests.security.ssrf_loopback import CLI
from tests.security.test_ssrf_hops import SERVICE, Hops, only_127_0_0_2_is_public
from tests.stand_ins.judged_transport import judged_by
from tests.stand_ins.private_service import PrivateService

HOSTLESS = [
    "javascript:alert(1)",
    "mailto:editor@example.org",
    "data:,hello",
    "about:blank",
    "urn:isbn:0451450523",
    "http:page",
    "https:page/2",
]


@pytest.mark.parametrize("location", HOSTLESS)
@pytest.mark.parametrize("policy", [SERVICE, CLI], ids=["service", "cli"])
def test_a_resolver_redirecting_to_a_hostless_location_is_a_resolver_error(
    public: Hops, intranet: PrivateService, location: str, policy: LinkPolicy
) -> None:
    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            policy,
            doi_url=public.to(location),
            archive_url=None,
            probe_urls=(),
            transport=judged_by(only_127_0_0_2_is_public, policy),
        ) as checker:
            return await checker.check_all(
                [target_for("10.1234/alive"), target_for(f"{public.url}/page")]
            )

    doi, page = asyncio.run(go())
    assert doi.outcome is LinkOutcome.UNVERIFIED
    assert doi.reason is not None and doi.reason.startswith("resolver-"), doi
    assert page.outcome is LinkOutcome.OK  # the other links are still checked
    assert intranet.contacts == 0


@pytest.mark.parametrize("location", HOSTLESS)
def test_an_archive_redirecting_to_a_hostless_location_suggests_nothing(
    public: Hops, location: str
) -> None:
    check = _dead_link_archived(public, archive_url=public.to(location))
    assert check.outcome is LinkOutcome.BROKEN
    assert check.archive_url is None


def test_the_archive_is_still_asked_and_its_snapshot_taken(public: Hops) -> None:
    snapshot = "https://web.archive.org/web/2020/https://example.org/a"
    answer = f"{public.url}/archive/{quote(snapshot, safe='')}"
    assert _dead_link_archived(public, archive_url=public.to(answer)).archive_url == snapshot


def _dead_link_archived(public: Hops, *, archive_url: str) -> LinkCheck:
    """A dead public link checked with the archive at `archive_url`."""

    async def go() -> LinkCheck:
        async with LinkChecker(
            dataclasses.replace(SERVICE, archive=True),
            doi_url=public.url,
            archive_url=archive_url,
            probe_urls=(),
            transport=judged_by(
                only_127_0_0_2_is_public, dataclasses.replace(SERVICE, archive=True)
            ),
        ) as checker:
            return await checker.check(LinkTarget("url", public.url + "/gone"))

    return asyncio.run(go())


@pytest.mark.parametrize("location", HOSTLESS)
def test_a_webhook_receivers_redirect_to_a_hostless_location_is_a_delivery_error(
    public: Hops, location: str
) -> None:
    """`post` raises `DeliveryError` and nothing else: httpx reads a redirect's
    Location even where it does not follow it, and raised `InvalidURL` for these."""
    with pytest.raises(DeliveryError):
        post(
            public.to(location),
            {},
            "s",
            event="e",
            delivery="1",
            timeout=2.0,
            allow_private=False,
            forbidden=only_127_0_0_2_is_public,
        )
