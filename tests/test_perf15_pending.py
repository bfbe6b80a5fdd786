"""Issue 15's start-up changes in modules perf15 does not own: each test passes once its
diff (/work/helpers/perf15-N.diff) is applied; until then it is a strict xfail.

Import-graph tests (which modules a fresh interpreter holds after importing the link
checker), never timed: `benches/startup.py` measures the time.
"""

from __future__ import annotations

import json
import subprocess
import sys

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


@pytest.mark.xfail(strict=True, reason="perf15-1.diff: name_chain imports dnspython when asked")
def test_the_link_checker_loads_dnspython_only_to_ask_a_chain() -> None:
    assert _loaded("citeaudit.links.run", ("dns", "dns.resolver")) == []


@pytest.mark.xfail(strict=True, reason="perf15-2.diff: errors asks httpx2 only once loaded")
def test_the_link_checker_loads_no_httpx2() -> None:
    assert _loaded("citeaudit.links.run", ("httpx2",)) == []


@pytest.mark.xfail(strict=True, reason="perf15-3.diff: soft404 imports rapidfuzz to compare")
def test_the_link_checker_loads_rapidfuzz_only_to_compare_two_pages() -> None:
    assert _loaded("citeaudit.links.run", ("rapidfuzz",)) == []


@pytest.mark.xfail(strict=True, reason="perf15-4.diff: TargetKeys in its own module")
def test_the_link_targets_load_no_audit_data_model() -> None:
    watched = ("citeaudit.audit_data", "citeaudit.manuscript.document", "lxml")
    assert _loaded("citeaudit.links.run", watched) == []


def test_the_errors_of_httpx2_are_still_read_once_it_is_loaded() -> None:
    # What perf15-2 keeps: an httpx2 failure (a registry client's) is judged as before.
    import httpx2

    from citeaudit.links import errors

    assert errors.is_request_error(httpx2.ConnectError("refused"))
    assert errors.is_timeout(httpx2.ReadTimeout("slow"))
