"""The report must not tell an uploader which internal names exist.

Where private networks are refused (the service), a link to ``http://redis:6379/``
was looked up: a name the service's own resolver knows (a compose service, a
Kubernetes service through the resolver's search list) resolved to a private
address and came back "private-address, not checked", while a name nobody knows came
back "its host name does not resolve" (broken). One upload of a thousand guesses
mapped the deployment's internal names; a webhook said the same in its delivery
error. A name no public name server can answer -- one label, a top-level domain
kept for local use (``.internal``, ``.local``, ``.lan``, ``.home.arpa``...), or one
that cannot be a top-level domain at all (``redis.myproject_default``) -- is now
refused before any look-up, with the one answer a private address gets, whether the
name exists or not. Dotted names are asked of the system resolver as absolute
names (``name.``): the search list never turns ``redis.prod`` into
``redis.prod.svc.cluster.local``.

With private networks allowed (the CLI) nothing changes: ``http://wiki/`` is your
intranet's, asked through your search list.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from citeaudit.links import pinned, safety
from citeaudit.links.checker import LinkChecker
from citeaudit.links.safety import AddressRule, is_local_name
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck
from citeaudit.watch.webhook import DeliveryError, post
from tests.security.ssrf_loopback import CLI
from tests.security.test_ssrf_hops import SERVICE, Hops, only_127_0_0_2_is_public
from tests.stand_ins.judged_transport import judged_by

LOCAL_NAMES = [
    "redis",
    "redis.",
    "REDIS",
    "postgres",
    "db.internal",
    "metadata.google.internal",
    "printer.local",
    "nas.lan",
    "router.home.arpa",
    "jenkins.corp",
    "wiki.intranet",
    "box.localdomain",
    "redis.myproject_default",  # a compose network: no top-level domain has "_"
    "x.1",
    "redis\u3002",  # an ideographic full stop
    "\uff52\uff45\uff44\uff49\uff53",  # full-width "redis"
    "re\u00addis",  # a soft hyphen IDNA drops
]

PUBLIC_NAMES = [
    "example.org",
    "doi.org",
    "www.xn--80ak6aa92e.com",
    "sub.example.co.uk",
    "home.example.org",  # "home" as a label, not the top-level domain
    "internal.example.com",
    "\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444",  # пример.рф
    "\u4f8b\u5b50.\u4e2d\u56fd",  # 例子.中国
    "xn--e1afmkfd.xn--p1ai",
]


@pytest.mark.parametrize("host", LOCAL_NAMES)
def test_names_only_a_local_resolver_answers_are_refused_where_private_is(host: str) -> None:
    assert is_local_name(host)
    url = f"http://{host}:6379/x"
    assert AddressRule().url_refusal(url) is not None
    assert AddressRule(allow_private=True).url_refusal(url) is None  # the CLI's intranet


@pytest.mark.parametrize("host", PUBLIC_NAMES)
def test_public_names_are_not_local(host: str) -> None:
    assert not is_local_name(host)
    assert AddressRule().url_refusal(f"https://{host}/a") is None


def test_a_configured_service_on_a_local_name_is_still_exempt() -> None:
    rule = AddressRule(allowed_origins=safety.allowed(["http://crossref-mirror:8080"]))
    assert rule.url_refusal("http://crossref-mirror:8080/works") is None
    assert rule.url_refusal("http://crossref-mirror:8081/works") is not None


# -- the same answer whether the name exists or not --------------------------------------


def _webhook_error(lookup: Any) -> str:
    with pytest.raises(DeliveryError) as caught:
        post(
            "http://redis:6379/hook",
            {},
            "s",
            event="e",
            delivery="1",
            timeout=2.0,
            allow_private=False,
            lookup=lookup,
        )
    assert caught.value.permanent
    return str(caught.value)


def test_a_webhook_on_an_internal_name_says_the_same_whether_it_exists() -> None:
    asked: list[str] = []

    def exists(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["10.0.0.5"]

    def unknown(host: str, port: int) -> list[str]:
        asked.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    assert _webhook_error(exists) == _webhook_error(unknown)
    assert asked == []  # never looked up


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every name handed to the system resolver; each answers loopback (private)."""
    asked: list[str] = []

    def fake(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        asked.append(str(host))
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", int(port or 0)))]

    monkeypatch.setattr(safety.socket, "getaddrinfo", fake)
    monkeypatch.setattr(pinned.socket, "getaddrinfo", fake)
    yield asked


def _service_checks(urls: list[str]) -> list[LinkCheck]:
    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            SERVICE,
            archive_url=None,
            probe_urls=(),
            transport=judged_by(only_127_0_0_2_is_public, SERVICE),
        ) as checker:
            return await checker.check_all([target_for(u) for u in urls])

    return asyncio.run(go())


def test_link_checks_of_internal_names_are_never_looked_up(lookups: list[str]) -> None:
    urls = [f"http://{h}:6379/x" for h in ("redis", "db.internal", "svc.proj_default")]
    checks = _service_checks([*urls, "http://10.0.0.5:6379/x"])
    assert {(c.outcome, c.reason) for c in checks} == {(checks[-1].outcome, "private-address")}
    assert lookups == []


def test_a_redirect_to_an_internal_name_is_refused_unasked(
    lookups: list[str], public: Hops
) -> None:
    check = _service_checks([public.to("http://redis:6379/x")])[0]
    assert public.paths
    assert check.reason == "private-address"
    assert lookups == []


# -- absolute names: no search list ------------------------------------------------------


def test_the_service_asks_dotted_names_as_absolute(lookups: list[str]) -> None:
    _service_checks(["http://redis.example:6379/x"])
    assert lookups == ["redis.example."]


def test_the_registry_and_webhook_clients_ask_absolute_names(lookups: list[str]) -> None:
    with pytest.raises(DeliveryError):
        post(
            "http://hooks.example/x",
            {},
            "s",
            event="e",
            delivery="1",
            timeout=2.0,
            allow_private=False,
        )
    assert lookups == ["hooks.example."]


def test_the_cli_keeps_its_search_list(lookups: list[str]) -> None:
    async def go() -> None:
        async with LinkChecker(CLI, archive_url=None, probe_urls=()) as checker:
            await checker.check_all([target_for("http://wiki.corp.example:1/x")])

    asyncio.run(go())
    assert "wiki.corp.example" in lookups
