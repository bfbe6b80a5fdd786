"""With private networks allowed (the CLI), a public hop never sends us into them,
nor does the DOI resolver.

"Your intranet is yours": a link the manuscript names may be private, and so may a
hop an intranet page redirects to. But a public page answering 302 to
``http://192.168.1.1/apply?...`` is a request the author never wrote, sent from the
reader's machine into their own network (a reviewer auditing a stranger's manuscript,
a shortener whose target changed). Here 127.0.0.2 plays the public web (the rule's
injected `forbidden`), 127.0.0.1 and 127.0.0.3 the reader's network.
"""

from __future__ import annotations

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.safety import NameLookupFailed
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.ssrf_loopback import CLI, cli_checker
from tests.security.test_ssrf_hops import Hops, only_127_0_0_2_is_public
from tests.stand_ins.judged_transport import judged_by
from tests.stand_ins.private_service import SECRET, PrivateService


@pytest.fixture
def intranet_redirector(intranet_site: Hops) -> Hops:
    """A site of the reader's network that redirects (127.0.0.3)."""
    return intranet_site


def cli_check(urls: list[str]) -> list[LinkCheck]:
    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            CLI, archive_url=None, probe_urls=(), transport=judged_by(only_127_0_0_2_is_public, CLI)
        ) as checker:
            return await checker.check_all([target_for(u) for u in urls])

    return asyncio.run(go())


def test_a_public_redirect_into_the_private_network_is_refused(
    intranet: PrivateService, public: Hops
) -> None:
    check = cli_check([public.to(intranet.url("/router/apply?dns=evil"))])[0]
    assert public.paths, "the public hop was asked"
    assert intranet.contacts == 0
    assert check.outcome is not LinkOutcome.OK
    assert check.reason == "private-address"
    assert SECRET not in repr(check)


def test_a_public_redirect_back_and_forth_is_refused_at_its_private_hop(
    intranet: PrivateService, public: Hops, intranet_redirector: Hops
) -> None:
    """Private, then public, then private again: the public hop ends the private part."""
    inner = public.to(intranet.url("/admin"))
    check = cli_check([intranet_redirector.to(inner)])[0]
    assert intranet_redirector.paths and public.paths
    assert intranet.contacts == 0
    assert check.reason == "private-address"


def test_the_authors_own_intranet_links_and_their_redirects_are_still_checked(
    intranet: PrivateService, intranet_redirector: Hops
) -> None:
    direct, redirected = cli_check(
        [intranet.url("/wiki"), intranet_redirector.to(intranet.url("/docs/handbook"))]
    )
    assert direct.outcome is LinkOutcome.OK
    assert redirected.outcome in (LinkOutcome.OK, LinkOutcome.REDIRECTED)
    assert intranet.contacts >= 2


def test_private_to_public_redirects_are_followed(public: Hops, intranet_redirector: Hops) -> None:
    check = cli_check([intranet_redirector.to(public.url + "/page")])[0]
    assert check.outcome in (LinkOutcome.OK, LinkOutcome.REDIRECTED)
    assert any(p.startswith("/page") for p in public.paths)


class _Handles:
    """A Handle API on `host` naming `landing` as every DOI's URL."""

    def __init__(self, host: str, landing: str) -> None:
        body = json.dumps(
            {"responseCode": 1, "values": [{"type": "URL", "data": {"value": landing}}]}
        ).encode()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_HEAD = do_GET

        self._server = ThreadingHTTPServer((host, 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def doi_check_naming(resolver_host: str, landing: str) -> LinkCheck:
    """The CLI's check of a DOI whose Handle API, on `resolver_host`, names `landing`."""
    handles = _Handles(resolver_host, landing)
    try:
        return _doi_check(handles.url)
    finally:
        handles.stop()


def _doi_check(resolver: str) -> LinkCheck:
    async def go() -> LinkCheck:
        async with LinkChecker(
            CLI,
            doi_url=resolver,
            archive_url=None,
            probe_urls=(),
            transport=judged_by(only_127_0_0_2_is_public, CLI),
        ) as checker:
            return (await checker.check_all([target_for("10.1234/alive")]))[0]

    return asyncio.run(go())


def test_a_public_resolvers_landing_page_in_the_private_network_is_refused(
    intranet: PrivateService,
) -> None:
    """A resolver on a public address names the landing page: a hop from the Internet."""
    check = doi_check_naming("127.0.0.2", intranet.url("/router/apply"))
    assert intranet.contacts == 0
    assert check.outcome is LinkOutcome.UNVERIFIED
    assert check.reason == "doi-target-private-address"


def test_a_local_resolver_mirror_may_name_local_landing_pages(intranet: PrivateService) -> None:
    check = doi_check_naming("127.0.0.3", intranet.url("/repository/item"))
    assert check.outcome is LinkOutcome.OK
    assert intranet.contacts >= 1


def test_a_name_that_fails_once_and_then_names_the_intranet_is_not_followed(
    intranet: PrivateService, public: Hops
) -> None:
    """The hop's look-up fails, the connection's own would name a private address."""
    asked: list[str] = []

    async def dns(host: str, port: int) -> list[str]:
        asked.append(host)
        if len(asked) == 1:
            raise NameLookupFailed(f"{host}: SERVFAIL")
        return ["127.0.0.1"]

    async def go() -> LinkCheck:
        async with cli_checker(dns) as checker:
            url = public.to(f"http://flaky.test:{intranet.port}/admin")
            return (await checker.check_all([target_for(url)]))[0]

    check = asyncio.run(go())
    assert asked and public.paths
    assert intranet.contacts == 0
    assert check.outcome is not LinkOutcome.OK
