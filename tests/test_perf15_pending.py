"""Issue 15's start-up changes in modules perf15 does not own: each test passes once its
diff (/work/helpers/perf15-N.diff) is applied; until then it is a strict xfail.

Import-graph tests (which modules a fresh interpreter holds after importing the link
checker), never timed: `benches/startup.py` measures the time.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid

import pytest


def _loaded(module: str, watched: tuple[str, ...]) -> list[str]:
    """Which of `watched` a fresh interpreter holds after importing `module`."""
    probe = (
        f"import json, sys, {module}\n"
        f"print(json.dumps([m for m in {watched!r} if m in sys.modules]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120
    )
    assert run.returncode == 0, run.stderr
    loaded: list[str] = json.loads(run.stdout.strip().splitlines()[-1])
    return loaded


def test_the_link_checker_loads_dnspython_only_to_ask_a_chain() -> None:
    assert _loaded("citeaudit.links.run", ("dns", "dns.resolver")) == []


def test_the_link_checker_loads_no_httpx2() -> None:
    assert _loaded("citeaudit.links.run", ("httpx2",)) == []


def test_the_link_checker_loads_rapidfuzz_only_to_compare_two_pages() -> None:
    assert _loaded("citeaudit.links.run", ("rapidfuzz",)) == []


def test_the_link_targets_load_no_audit_data_model() -> None:
    watched = ("citeaudit.audit_data", "citeaudit.manuscript.document", "lxml")
    assert _loaded("citeaudit.links.run", watched) == []


def test_the_errors_of_httpx2_are_still_read_once_it_is_loaded() -> None:
    # What perf15-2 keeps: an httpx2 failure (a registry client's) is judged as before.
    import httpx2

    from citeaudit.links import errors

    assert errors.is_request_error(httpx2.ConnectError("refused"))
    assert errors.is_timeout(httpx2.ReadTimeout("slow"))


_PRINT_A_FAILED_LINK = """
import io
from types import SimpleNamespace
from citeaudit.cli import links
from citeaudit.model.link import LinkCheck, LinkOutcome
check = LinkCheck(url="http://a.test/x", outcome=LinkOutcome.BROKEN, reason="status-404")
link = SimpleNamespace(target=SimpleNamespace(key="k"), line=1, column=1)
out = io.StringIO()
links._print_text([("f.txt", link)], {"k": check}, True, out)
assert "404 Not Found" in out.getvalue(), out.getvalue()
"""


def test_printing_a_failed_link_loads_no_rule_or_audit_data_model() -> None:
    watched = ("citeaudit.rules", "citeaudit.audit_data", "lxml")
    probe = _PRINT_A_FAILED_LINK + (
        f"import json, sys\nprint(json.dumps([m for m in {watched!r} if m in sys.modules]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.strip().splitlines()[-1]) == []


def test_a_url_judged_twice_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # A link is judged when it is prechecked and again as its request is made.
    from citeaudit.links import safety

    read: list[str] = []
    real = safety._httpx_host

    def counted(url: str) -> str | None:
        read.append(url)
        return real(url)

    monkeypatch.setattr(safety, "_httpx_host", counted)
    url = f"http://twice-{uuid.uuid4().hex}.example/page"
    rule = safety.AddressRule()
    assert rule.url_refusal(url) is None
    assert rule.url_refusal(url) is None
    assert read == [url]


def test_each_rule_decides_afresh_from_the_readings() -> None:
    # What perf15-6 keeps: only the URL's readings are remembered, never a verdict.
    from citeaudit.links.safety import AddressRule

    url = f"http://127.0.0.1:9/{uuid.uuid4().hex}"
    assert AddressRule(allow_private=True).url_refusal(url) is None
    assert AddressRule(allow_private=False).url_refusal(url) is not None
    assert AddressRule(allow_private=True).url_refusal(url) is None


def test_a_long_url_is_read_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from citeaudit.links import safety

    read: list[str] = []
    real = safety._httpx_host

    def counted(url: str) -> str | None:
        read.append(url)
        return real(url)

    monkeypatch.setattr(safety, "_httpx_host", counted)
    url = "http://long.example/" + "a" * 5000
    rule = safety.AddressRule()
    rule.url_refusal(url)
    rule.url_refusal(url)
    assert len(read) == 2
