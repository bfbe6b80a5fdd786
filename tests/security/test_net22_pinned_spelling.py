"""A request connects to the addresses its own look-up checked, however its host ends.

The link checker looks a hop's host up once (for its per-address limit and, where
private networks are allowed, the public-to-private rule), then pins the connection to
those addresses (`transport.pinned`). The pin is keyed by the host as httpx writes it;
aiohttp asks its resolver for the host with repeated final dots made one
(``rebind.example..`` -> ``rebind.example.``). The two names differed, the pin was
missed, and the connection looked the other name up afresh: a name server answering
the written name with a public address and the other with an intranet one had a public
page's redirect reach the reader's network (and, in the service, a request connect to
an address whose slot it never held). A host with an empty label is not one DNS can
carry: such a URL is invalid, never sent; and the pin is matched on the name the
connector resolves.

127.0.0.2 plays the public web (`only_127_0_0_2_is_public`), 127.0.0.1 the reader's
network (the `intranet` fixture).
"""

from __future__ import annotations

import asyncio

import pytest

from citeaudit.links.safety import Resolver
from citeaudit.links.targets import LinkTarget, url_problem
from citeaudit.links.transport import CheckedResolver, pinned
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.ssrf_loopback import cli_checker, cli_transport
from tests.security.test_ssrf_hops import Hops
from tests.stand_ins.private_service import SECRET, PrivateService

WRITTEN = "rebind.example.."


async def _two_faced(host: str, port: int) -> list[str]:
    """The written name is public; any other spelling of it is the intranet."""
    return ["127.0.0.2"] if host == WRITTEN else ["127.0.0.1"]


def _check(url: str) -> LinkCheck:
    async def go() -> LinkCheck:
        async with cli_checker(_two_faced) as checker:
            return await checker.check(LinkTarget("url", url))

    return asyncio.run(go())


def test_a_public_redirect_to_a_double_dotted_name_never_reaches_the_intranet(
    intranet: PrivateService, public: Hops
) -> None:
    check = _check(public.to(f"http://{WRITTEN}:{intranet.port}/admin"))
    assert public.paths, "the public hop was asked"
    assert intranet.contacts == 0
    assert check.outcome is not LinkOutcome.OK
    assert SECRET not in repr(check)


def test_a_double_dotted_link_is_not_sent(intranet: PrivateService) -> None:
    check = _check(f"http://{WRITTEN}:{intranet.port}/admin")
    assert intranet.contacts == 0
    assert check.outcome is LinkOutcome.BROKEN
    assert check.reason == "invalid-url"


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org../",
        "http://example.org.../a",
        "https://a..example.org/",
        "http://.example.org/",
    ],
)
def test_a_host_with_an_empty_label_is_no_url_to_request(url: str) -> None:
    assert url_problem(url) is not None


@pytest.mark.parametrize("url", ["http://example.org./", "http://example.org/"])
def test_one_final_dot_is_still_a_url(url: str) -> None:
    assert url_problem(url) is None


def test_the_pin_is_matched_on_the_name_the_connector_resolves() -> None:
    """aiohttp hands its resolver ``name.`` for ``name..``: the pinned addresses are
    used for it, never a second look-up's."""
    asked: list[str] = []

    async def dns(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    async def go() -> list[str]:
        transport = cli_transport(dns)
        resolver = CheckedResolver(transport.rule, Resolver(ttl=0, lookup=dns))
        with pinned(WRITTEN, ["127.0.0.2"]):
            answer = await resolver.resolve("rebind.example.", 80)
        await transport.aclose()
        return [a["host"] for a in answer]

    assert asyncio.run(go()) == ["127.0.0.2"]
    assert asked == []
