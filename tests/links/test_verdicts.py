"""One test per behaviour of the farm: each gets the right verdict.

Nothing alive or merely unverifiable is ever called broken.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import time
import tracemalloc

import pytest

from citeaudit.links.policy import LinkPolicy
from citeaudit.model.link import Hop, LinkOutcome
from tests.links.conftest import FAST, LOOPBACK_IS_PUBLIC, check, check_one
from tests.stand_ins.link_farm import Farm

OK, REDIRECTED, BROKEN, UNVERIFIED = (
    LinkOutcome.OK,
    LinkOutcome.REDIRECTED,
    LinkOutcome.BROKEN,
    LinkOutcome.UNVERIFIED,
)


def site(farm: Farm, path: str) -> str:
    return farm.url("site", path)


def test_ok(farm: Farm) -> None:
    result = check_one(farm, site(farm, "/ok"))
    assert (result.outcome, result.status, result.reason, result.attempts) == (OK, 200, None, 1)
    assert result.checked_at is not None


@pytest.mark.parametrize("path", ["/moved", "/moved308"])
def test_permanent_redirect_gives_final_url_as_fix(farm: Farm, path: str) -> None:
    result = check_one(farm, site(farm, path))
    assert result.outcome is REDIRECTED
    assert result.final_url == site(farm, "/new")
    assert result.hops == (Hop(site(farm, path), 301 if path == "/moved" else 308),)


def test_permanent_then_temporary_fix_is_where_the_permanent_move_ends(farm: Farm) -> None:
    result = check_one(farm, site(farm, "/chain"))
    assert result.outcome is REDIRECTED
    assert result.final_url == site(farm, "/chain2")
    assert [h.status for h in result.hops] == [301, 302]


def test_temporary_redirect_is_ok(farm: Farm) -> None:
    result = check_one(farm, site(farm, "/temp"))
    assert result.outcome is OK
    assert result.hops == (Hop(site(farm, "/temp"), 302),)
    assert result.final_url == site(farm, "/ok")


def test_redirect_loop_is_detected_and_unverified(farm: Farm) -> None:
    result = check_one(farm, site(farm, "/loop-a"))
    assert (result.outcome, result.reason) == (UNVERIFIED, "redirect-loop")
    assert len(result.hops) == 2


def test_redirect_chain_is_capped(farm: Farm) -> None:
    policy = dataclasses.replace(FAST, max_redirects=5)
    result = check_one(farm, site(farm, "/forever-redirect"), policy)
    assert (result.outcome, result.reason) == (UNVERIFIED, "too-many-redirects")
    assert len(result.hops) == 6


def test_cookie_setting_redirect_to_itself_is_not_a_loop(farm: Farm) -> None:
    assert check_one(farm, site(farm, "/cookie-gate")).outcome is OK


def test_permanent_redirect_to_home_page_is_broken(farm: Farm) -> None:
    result = check_one(farm, site(farm, "/old-article"))
    assert (result.outcome, result.reason) == (BROKEN, "redirect-to-home")


def test_permanent_redirect_to_login_page_is_broken(farm: Farm) -> None:
    result = check_one(farm, site(farm, "/members"))
    assert (result.outcome, result.reason) == (BROKEN, "redirect-to-login")


def test_temporary_redirect_to_login_is_only_unverified(farm: Farm) -> None:
    result = check_one(farm, site(farm, "/paywalled"))
    assert (result.outcome, result.reason) == (UNVERIFIED, "login-required")


@pytest.mark.parametrize("status", [404, 410])
def test_gone_is_broken_with_archive_suggestion(farm: Farm, status: int) -> None:
    url = site(farm, f"/gone{status}")
    # The archive hears only of public links: the farm plays the public web here.
    result = check_one(farm, url, forbidden=LOOPBACK_IS_PUBLIC)
    assert (result.outcome, result.reason, result.status) == (BROKEN, f"status-{status}", status)
    assert result.archive_url == f"https://web.archive.org/web/20200101000000/{url}"


def test_broken_without_snapshot_has_no_archive_url(farm: Farm) -> None:
    result = check_one(farm, site(farm, "/never-existed"))
    assert result.outcome is BROKEN and result.archive_url is None


def test_soft_404_is_broken(farm: Farm) -> None:
    result = check_one(farm, farm.url("soft", "/articles/missing-article"))
    assert (result.outcome, result.reason, result.status) == (BROKEN, "soft-404", 200)


def test_real_page_on_a_soft_404_host_is_ok(farm: Farm) -> None:
    assert check_one(farm, farm.url("soft", "/real")).outcome is OK


def _absent_probes(farm: Farm, directory: str) -> int:
    prefix = f"{directory}/citeaudit-absent-"
    return sum(n for (host, path), n in farm.counts.items() if path.startswith(prefix))


def test_live_page_costs_no_absent_page_probe(farm: Farm) -> None:
    # A page neither redirected nor worded "not found" is alive whatever the host
    # says for a missing page: the host is asked once, for the page itself.
    assert check_one(farm, farm.url("soft", "/live/only-page")).outcome is OK
    assert farm.counts[("soft", "/live/only-page")] == 1
    assert _absent_probes(farm, "/live") == 0


def test_not_found_wording_is_compared_with_an_absent_page(farm: Farm) -> None:
    result = check_one(farm, farm.url("soft", "/gone-dir/paper"))
    assert (result.outcome, result.reason) == (BROKEN, "soft-404")
    assert _absent_probes(farm, "/gone-dir") == 1


def test_single_page_app_shell_is_not_a_soft_404(farm: Farm) -> None:
    assert check_one(farm, farm.url("spa", "/some/route")).outcome is OK


def test_bot_wall_with_cf_mitigated_header_is_unverified(farm: Farm) -> None:
    result = check_one(farm, farm.url("wall", "/cf"))
    assert (result.outcome, result.reason, result.status) == (UNVERIFIED, "bot-wall", 403)


def test_bot_wall_with_challenge_body_is_unverified(farm: Farm) -> None:
    result = check_one(farm, farm.url("wall", "/challenge"))
    assert (result.outcome, result.reason) == (UNVERIFIED, "bot-wall")


def test_401_is_unverified(farm: Farm) -> None:
    result = check_one(farm, farm.url("wall", "/auth"))
    assert (result.outcome, result.reason, result.status) == (UNVERIFIED, "auth-required", 401)


def test_429_with_retry_after_then_ok(farm: Farm) -> None:
    start = time.monotonic()
    result = check_one(farm, site(farm, "/retry-after?case=429-then-ok"))
    assert (result.outcome, result.attempts) == (OK, 2)
    assert time.monotonic() - start >= 0.9  # Retry-After: 1 was honoured


def test_429_forever_is_unverified_after_bounded_retries(farm: Farm) -> None:
    policy = dataclasses.replace(FAST, max_retries=2)
    result = check_one(farm, site(farm, "/limited"), policy)
    assert (result.outcome, result.reason, result.attempts) == (UNVERIFIED, "rate-limited", 3)


def test_retry_after_beyond_the_bound_is_not_waited_for(farm: Farm) -> None:
    start = time.monotonic()
    result = check_one(farm, site(farm, "/limited-long"))
    assert (result.outcome, result.attempts) == (UNVERIFIED, 1)
    assert time.monotonic() - start < 5


def test_503_then_ok(farm: Farm) -> None:
    result = check_one(farm, site(farm, "/busy?case=503-then-ok"))
    assert (result.outcome, result.attempts) == (OK, 2)


def test_server_that_never_answers_times_out_unverified(farm: Farm) -> None:
    start = time.monotonic()
    result = check_one(farm, site(farm, "/slow"))
    assert (result.outcome, result.reason, result.attempts) == (UNVERIFIED, "timeout", 2)
    assert time.monotonic() - start < 5


def test_connection_reset_is_unverified(farm: Farm) -> None:
    result = check_one(farm, site(farm, "/reset"))
    assert (result.outcome, result.reason) == (UNVERIFIED, "connection-reset")


def test_connection_refused_is_broken(farm: Farm) -> None:
    result = check_one(farm, farm.url("closed", "/paper"))
    assert (result.outcome, result.reason) == (BROKEN, "connection-refused")


def test_huge_body_is_capped(farm: Farm) -> None:
    tracemalloc.start()
    start = time.monotonic()
    result = check_one(farm, site(farm, "/huge"))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.outcome is OK
    assert time.monotonic() - start < 3
    assert peak < 16 * 1024 * 1024


def test_gzip_bomb_is_not_decompressed_past_the_cap(farm: Farm) -> None:
    tracemalloc.start()
    result = check_one(farm, site(farm, "/bomb"))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.outcome is OK
    assert peak < 16 * 1024 * 1024  # the body inflates to 200 MiB


def test_head_405_falls_back_to_get(farm: Farm) -> None:
    policy = dataclasses.replace(FAST, method="HEAD")
    before = farm.counts[("site", "/head405")]
    result = check_one(farm, site(farm, "/head405"), policy)
    assert result.outcome is OK
    assert farm.counts[("site", "/head405")] == before + 2  # HEAD (405), then GET


def test_get_mode_needs_one_request_for_a_head405_page(farm: Farm) -> None:
    before = farm.counts[("site", "/head405")]
    assert check_one(farm, site(farm, "/head405")).outcome is OK
    assert farm.counts[("site", "/head405")] == before + 1


def test_unresolvable_name_is_broken_when_other_names_resolve(farm: Farm) -> None:
    result = check_one(farm, "http://no-such-host.invalid/paper")
    assert (result.outcome, result.reason) == (BROKEN, "dns")


def test_unresolvable_name_is_unverified_when_no_name_resolves(farm: Farm) -> None:
    result = check_one(farm, "http://no-such-host.invalid/paper", dns_names=["also-no.invalid"])
    assert (result.outcome, result.reason) == (UNVERIFIED, "dns")


def test_private_address_is_refused(farm: Farm) -> None:
    policy = dataclasses.replace(FAST, allow_private_networks=False)
    before = farm.link_requests()
    results = check(farm, [site(farm, "/ok"), "http://localhost:9/x"], policy)
    assert [(r.outcome, r.reason) for r in results] == [(UNVERIFIED, "private-address")] * 2
    assert farm.link_requests() == before  # no request reached the farm


def test_private_address_is_refused_on_a_redirect_hop(farm: Farm) -> None:
    # Pretend only the "wall" host (127.0.0.4) is private: the first hop is allowed,
    # the redirect to 127.0.0.4 must be refused.
    policy = dataclasses.replace(FAST, allow_private_networks=False)
    wall = ipaddress.ip_address("127.0.0.4")
    before = farm.counts[("wall", "/cf")]
    result = check_one(farm, site(farm, "/to/wall/cf"), policy, forbidden=lambda ip: ip == wall)
    assert (result.outcome, result.reason) == (UNVERIFIED, "private-address")
    assert result.hops == (Hop(site(farm, "/to/wall/cf"), 302),)
    assert farm.counts[("wall", "/cf")] == before


def test_user_agent_names_the_tool_and_contact(farm: Farm) -> None:
    policy = LinkPolicy.from_settings(
        __import__("citeaudit.settings", fromlist=["Settings"]).Settings(mailto="ed@example.org")
    )
    assert "citeaudit/" in policy.user_agent and "mailto:ed@example.org" in policy.user_agent
    check_one(farm, site(farm, "/ok"))
    assert FAST.user_agent in farm.user_agents


ALIVE_OR_UNVERIFIABLE = [
    "/ok",
    "/moved",
    "/moved308",
    "/chain",
    "/temp",
    "/loop-a",
    "/paywalled",
    "/retry-after?case=all",
    "/limited",
    "/busy?case=all",
    "/slow",
    "/reset",
    "/huge",
    "/bomb",
    "/head405",
    "/cookie-gate",
    "/to/wall/cf",
]


def test_nothing_alive_or_unverifiable_is_called_broken(farm: Farm) -> None:
    urls = [site(farm, p) for p in ALIVE_OR_UNVERIFIABLE] + [
        farm.url("soft", "/real"),
        farm.url("spa", "/deep/link"),
        farm.url("wall", "/cf"),
        farm.url("wall", "/challenge"),
        farm.url("wall", "/auth"),
    ]
    results = check(farm, urls)
    assert [r.url for r in results if r.outcome is BROKEN] == []


def test_bodies_of_404s_and_redirects_are_read_so_the_connection_is_reused(farm: Farm) -> None:
    policy = dataclasses.replace(FAST, concurrency=1, per_host=1)
    urls = [site(farm, f"/gone404?reuse={i}") for i in range(4)] + [site(farm, "/moved?reuse")]
    before = farm.connections["site"]
    results = check(farm, urls, policy)
    assert [r.outcome for r in results] == [BROKEN] * 4 + [REDIRECTED]
    assert farm.connections["site"] - before == 1  # one connection for all six requests
