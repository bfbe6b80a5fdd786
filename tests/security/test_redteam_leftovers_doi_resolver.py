"""A DOI's landing page is judged by the address the handle record came from.

With private networks allowed (the CLI), a landing page named by a resolver on a
public address is a hop from the Internet: never a private one. Whether the resolver
was public was decided once a run by a look-up of its own; a look-up that failed
(a name server's SERVFAIL, a timeout) said "not public", and every landing page of
the run was then followed into the private network. Now the address the answer
actually came from decides; where no address is known, the resolver counts as public.
"""

from __future__ import annotations

import asyncio

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkOutcome
from tests.security.test_redteam_ssrf_redirect_pivot import doi_check_naming
from tests.security.test_ssrf_hops import SERVICE
from tests.stand_ins.private_service import PrivateService


def test_a_failed_look_up_of_the_resolver_does_not_open_the_intranet(
    intranet: PrivateService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = PerHostTransport.addresses

    async def failed(self: PerHostTransport, host: str, port: int) -> list[str]:
        if host == "127.0.0.2":  # the resolver's name, as a name server that failed
            return []  # says it (`PerHostTransport.addresses`)
        return await original(self, host, port)

    monkeypatch.setattr(PerHostTransport, "addresses", failed)
    # 127.0.0.2 is public in these tests.
    check = doi_check_naming("127.0.0.2", intranet.url("/router/apply"))
    assert intranet.contacts == 0
    assert check.outcome is LinkOutcome.UNVERIFIED
    assert check.reason == "doi-target-private-address"


def test_an_answer_from_an_unknown_address_counts_as_public() -> None:
    async def go() -> tuple[bool, bool, bool]:
        async with LinkChecker(SERVICE, archive_url=None, probe_urls=()) as checker:
            return (
                checker._public_resolver(None),
                checker._public_resolver("not an address"),
                checker._public_resolver("127.0.0.1"),
            )

    assert asyncio.run(go()) == (True, True, False)
