"""Fuzz: what a registry's answer decides for us, and the RIS folding, stay in bounds.

Properties: rate-limit headers of any text never raise and never teach a window past
`MAX_INTERVAL`, a count past `MAX_COUNT` or a concurrency past `MAX_CONCURRENCY`; and
the RIS reader's parser, which joins continuation lines once (linear time), reads
every record exactly as rispy's own parser does.
"""

from __future__ import annotations

import rispy
from hypothesis import given
from hypothesis import strategies as st

from citeaudit.bibliography.ris import _RIS
from citeaudit.resolve.limiter import (
    MAX_CONCURRENCY,
    MAX_COUNT,
    MAX_INTERVAL,
    LocalLimiter,
    parse_limits,
)
from tests.fuzz import strategies as s
from tests.fuzz.harness import example

NUMBERISH = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"\A\s*[0-9]{1,30}(\.[0-9]{1,30})?\s*(ms|s|m|h)?\s*\Z"),
    st.sampled_from(["\xb2", "\u0662", "1e308", "nan", "inf", "-1", "0", "9" * 5000]),
)


@given(NUMBERISH, NUMBERISH, NUMBERISH)
def test_rate_limit_headers(limit: str, interval: str, concurrency: str) -> None:
    headers = {
        "x-rate-limit-limit": limit,
        "x-rate-limit-interval": interval,
        "x-concurrency-limit": concurrency,
    }
    with example("headers", headers):
        limits = parse_limits(headers)
        assert limits.interval is None or 0 < limits.interval <= MAX_INTERVAL
        assert limits.count is None or 1 <= limits.count <= MAX_COUNT
        assert limits.concurrency is None or 1 <= limits.concurrency <= MAX_CONCURRENCY
        limiter = LocalLimiter(10, 3)
        limiter.observe(headers)
        count, width = limiter.window
        assert count >= 1 and width <= MAX_INTERVAL + limiter.margin


RIS_LINE = st.sampled_from(
    ["TI  - ", "AB  - ", "AU  - ", "T2  - ", "UR  - ", "ZZ  - ", "KW  - ", "PY  - ", ""]
)


@given(st.lists(st.tuples(RIS_LINE, st.text(alphabet=" abc-;\t", max_size=8)), max_size=30))
def test_ris_joins_read_as_rispy(lines: list[tuple[str, str]]) -> None:
    body = "TY  - JOUR\n" + "\n".join(tag + text for tag, text in lines) + "\nER  - \n"
    with example("ris", body):
        assert _RIS.parse(body) == rispy.loads(body)


@given(s.ris_text)
def test_ris_joins_on_any_text(text: str) -> None:
    with example("ris-any", text):
        assert _RIS.parse(text) == rispy.loads(text)
