"""One site is one quota for the watch, however a URL spells its host name.

Before: the quota's key (`site_quota.site_of_url`) was the host as ``urlsplit`` reads
it, lower-cased, while our link client sends what httpx makes of it: the host in
IDNA, full-width and ideographic full stops read as dots. So ``bücher.example`` and
``xn--bcher-kva.example``, and ``example.org``, ``example。org``, ``example．org``
and ``example｡org``, were each a site with a day's quota of its own (2,000 re-checks),
all sent to one server: a watched audit naming a victim in each spelling multiplied
the requests the quota allows it. Now the key is read from the host as it goes on the
wire (the same reading as the link client's per-host limits).
"""

from __future__ import annotations

import pytest

from citeaudit.links.targets import sendable_url
from citeaudit.store.watching.records import DueLink
from citeaudit.watch.site_quota import site_of_url, within_quota

SPELLINGS = {
    "example.org": [
        "https://example.org/a",
        "https://example。org/a",
        "https://example．org/a",
        "https://example｡org/a",
        "https://www.example。org/a",
        "https://EXAMPLE.org./a",
    ],
    "xn--bcher-kva.example": [
        "https://bücher.example/a",
        "https://xn--bcher-kva.example/a",
        "https://BÜCHER.example/a",
        "https://buch.bücher。example/a",
    ],
}


@pytest.mark.parametrize("site", list(SPELLINGS))
def test_the_spellings_are_one_host_on_the_wire(site: str) -> None:
    """What the link client sends to: each spelling reaches one registered name."""
    hosts = {
        sendable_url(url).raw_host.decode("ascii").lower().rstrip(".") for url in SPELLINGS[site]
    }
    assert {h.split(".", 1)[-1] if h.count(".") > 1 else h for h in hosts} == {site}


@pytest.mark.parametrize("site", list(SPELLINGS))
def test_every_spelling_of_a_site_is_that_site(site: str) -> None:
    assert {site_of_url(url) for url in SPELLINGS[site]} == {site}


def test_the_quota_holds_across_spellings() -> None:
    urls = SPELLINGS["example.org"] + SPELLINGS["xn--bcher-kva.example"]
    links = [DueLink(link_id=i, url=url) for i, url in enumerate(urls)]
    taken, back = within_quota(links, [], quota=2)
    assert len(taken) == 4 and len(back) == len(urls) - 4


def test_a_url_the_client_cannot_send_still_has_a_site() -> None:
    assert site_of_url("https://exa\u00admple.org/") != ""
    assert site_of_url("not a url") == ""
