"""One address is one site for the watch's daily quota, however its URL spells it.

Scheduled re-checks reach one site at most `SITE_CHECKS_PER_DAY` times a day
(`watch/site_quota.py`), a site being a host's registered domain "or the address".
But the address was keyed as written: ``0x7f000002``, ``0x07f000002``,
``0x007f000002`` ... (any number of leading zeros) and ``0x7f.0.0.0x2`` are each a
site of their own, and each is a URL our link client sends to 127.0.0.2 (checked
here against a loopback server). A watched audit naming one victim address in 5,000
spellings had it re-checked 5,000 times as many times a day as the quota says. The
fix belongs in `watch/site_quota.site_of` (not this helper's file): key a host that
names an address in any spelling (`safety.literal_address`) by that address.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from citeaudit.links.safety import literal_address
from citeaudit.watch.site_quota import site_of, within_quota
from tests.security.ssrf_loopback import CLI, cli_checker
from tests.stand_ins.private_service import PrivateService

# Spellings of 127.0.0.1 our link client sends to 127.0.0.1 (hex, any leading zeros).
SPELLINGS = ["127.0.0.1", "0x7f000001", "0x07f000001", "0x007f000001", "0x7f.0.0.0x1"]


def test_the_spellings_reach_one_server() -> None:
    """Each spelling is a request to the one server (the CLI's rule: loopback is the
    reader's own network, so nothing stands in for the public web)."""
    server = PrivateService("127.0.0.1").start()
    try:

        async def dns(host: str, port: int) -> list[str]:
            return ["127.0.0.1"]  # never asked: every host here is an address

        async def go() -> None:
            async with cli_checker(dns, CLI) as checker:
                for spelling in SPELLINGS:
                    await checker.fetch(f"http://{spelling}:{server.port}/page")

        asyncio.run(go())
    finally:
        server.stop()
    assert server.requests == ["GET /page"] * len(SPELLINGS)


def test_one_address_is_one_site_in_every_spelling() -> None:
    for spelling in SPELLINGS:
        assert literal_address(spelling) is not None
    assert {site_of(s) for s in SPELLINGS} == {site_of("127.0.0.1")}


def test_the_quota_holds_across_spellings() -> None:
    from citeaudit.store.watching.records import DueLink

    links = [DueLink(link_id=i, url=f"http://0x{'0' * i}7f000001/p") for i in range(10)]
    used = [("http://127.0.0.1/p", 2)]  # two checks already today
    taken, back = within_quota(links, used, quota=3)
    assert len(taken) == 1 and len(back) == 9
    assert {site_of(urlsplit(link.url).hostname or "") for link in taken} == {"127.0.0.1"}
