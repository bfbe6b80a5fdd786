"""The one retry rule (links/retry.py) the link checker and the registries share."""

from __future__ import annotations

from citeaudit.links.policy import LinkPolicy
from citeaudit.links.retry import Backoff, parse_retry_after, retry_after
from citeaudit.resolve.channel import RetryPolicy


def test_backoff_doubles_and_is_capped() -> None:
    rule = Backoff(attempts=5, base=0.5, cap=3.0)
    assert [rule.delay(n) for n in range(4)] == [0.5, 1.0, 2.0, 3.0]
    assert Backoff(base=1.0).delay(6) == 64.0  # no cap


def test_full_jitter_stays_under_the_backoff() -> None:
    rule = Backoff(base=1.0, cap=4.0, jitter=True)
    waits = [rule.delay(5) for _ in range(200)]
    assert all(0.0 <= w <= 4.0 for w in waits)
    assert len(set(waits)) > 1


def test_retry_after_is_waited_for_unless_too_long() -> None:
    rule = Backoff(base=1.0, max_retry_after=30.0)
    assert rule.wait(0, 7.0) == 7.0
    assert rule.wait(0, 30.0) == 30.0
    assert rule.wait(0, 31.0) is None  # give up rather than hang
    assert rule.wait(2, None) == 4.0  # no header: the backoff


def test_one_parser_for_both_sides() -> None:
    assert parse_retry_after(" 12 ") == 12.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470) == 10.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490) == 0.0
    assert parse_retry_after("-3") is None and parse_retry_after("") is None
    assert retry_after({"retry-after": "5"}) == 5.0
    assert retry_after({"Retry-After": "5"}) == 5.0


def test_links_and_registries_use_it() -> None:
    links = LinkPolicy(max_retries=2, backoff=0.25, max_retry_after=9.0).retry
    assert links == Backoff(attempts=3, base=0.25, max_retry_after=9.0)
    registries = RetryPolicy()
    assert isinstance(registries, Backoff) and registries.jitter and registries.cap == 8.0


def test_retry_after_and_content_length_in_other_digits_or_absurd_lengths_are_ignored() -> None:
    from citeaudit.links.body import small_body

    assert parse_retry_after("²") is None
    assert parse_retry_after("9" * 5000) is None
    assert parse_retry_after("120") == 120.0
    assert small_body({"content-length": "²"}) is False
    assert small_body({"content-length": "9" * 5000}) is False
    assert small_body({"content-length": "12"}) is True
