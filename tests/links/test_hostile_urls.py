"""Malformed link targets and redirect locations are verdicts, never exceptions."""

from __future__ import annotations

import pytest

from citeaudit.links.targets import target_for, url_problem
from citeaudit.model.link import LinkOutcome
from tests.links.conftest import check
from tests.stand_ins.link_farm import BAD_LOCATIONS, Farm

MALFORMED = [
    "http://[::1",
    "http://127.0.0.2:99999/x",
    "http://" + "a" * 64 + ".example/",
    "https://" + ".".join(["abcdefgh"] * 30) + "/",
    "http://xn--/",
    "http://a..b/",
    "https://example.org/\ud800",
    "http://exa mple.org/",
    "http://a\x00b.example/",
]


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_urls_are_broken_without_a_request(farm: Farm, url: str) -> None:
    assert url_problem(url) is not None
    target = target_for(url)
    assert target.kind == "url"
    before = farm.link_requests()
    result = check(farm, [url])[0]
    assert (result.outcome, result.reason, result.attempts) == (
        LinkOutcome.BROKEN,
        "invalid-url",
        0,
    )
    assert farm.link_requests() == before


@pytest.mark.parametrize("path", sorted(BAD_LOCATIONS))
def test_a_malformed_redirect_location_ends_the_chain(farm: Farm, path: str) -> None:
    url = farm.url("site", path)
    results = check(farm, [url, farm.url("site", "/ok")])
    assert results[0].outcome is LinkOutcome.UNVERIFIED
    # httpx reads the Location itself when it cannot be parsed at all ("[::1",
    # "xn--"): then the answer is a protocol or URL error, still only unverified.
    assert results[0].reason in {"redirect-invalid", "protocol", "invalid-url"}
    assert results[1].outcome is LinkOutcome.OK  # the rest of the list is still checked


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a_b?x=1#f", "http://[::1]:8080/", "https://bücher.example/x"],
)
def test_wellformed_urls_pass(url: str) -> None:
    assert url_problem(url) is None
