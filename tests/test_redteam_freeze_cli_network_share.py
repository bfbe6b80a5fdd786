"""Red team (freeze): under `check --time-limit`, the network phases end in their share
of the run and the report still comes.

The run deadline (test_redteam_freeze_cli_deadline.py) stops a run that outlasts it,
with nothing reported. Registries and links that all lead to a tarpit, each request
allowed ten minutes, held the run to that stop: the look-ups and link checks had no
end of their own in the CLI (the service's chunks had theirs), and the network probes
after the checks ran outside any budget. Now each network phase takes a share of the
run's time left when it starts (`run_share.share_of_run`), what is not done by then is
"out-of-time", no probe is sent past the deadline, and the offline findings are
reported. Asserted: a report, the phases' reasons, the tarpit reached -- not seconds.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.in_process_cli import run_cli
from tests.stand_ins.tarpit import silent_server

LIMIT = 20  # seconds: the run's; its phases take 40% and 60% of what is left


@pytest.fixture
def tarpit() -> Iterator[tuple[str, list[socket.socket]]]:
    """A loopback server that accepts every connection and never answers."""
    with silent_server() as served:
        yield served


def test_a_tarpit_network_leaves_a_report_with_its_checks_out_of_time(
    tmp_path: Path, tarpit: tuple[str, list[socket.socket]]
) -> None:
    url, held = tarpit
    paper = tmp_path / "paper.md"
    paper.write_text(
        "Shown before (Okafor, 2018) and (Mensah, 2019).\n\n# References\n\n"
        f"Okafor, N. (2018). Tides. Press. https://doi.org/10.5555/tides {url}/data\n\n"
        f"Mensah, K. (2019). Rain. Press. {url}/rain\n\n"
        "Osei, A. (2020). Never cited. Press.\n",
        encoding="utf-8",
    )
    env = {
        **{f"CITEAUDIT_{n}": url for n in ("CROSSREF_URL", "DOI_URL", "DATACITE_URL")},
        "CITEAUDIT_ARCHIVE_URL": url,
        "CITEAUDIT_REGISTRY_TIMEOUT": "600",
        "CITEAUDIT_LINK_TIMEOUT": "600",
        "CITEAUDIT_CACHE_DIR": str(tmp_path / "cache"),
    }
    ran = run_cli(
        env, "check", str(paper), "--no-cache", "--format", "json", "--time-limit", str(LIMIT)
    )
    assert "passed its time limit" not in ran.stderr, ran.stderr
    assert ran.returncode in (0, 1), (ran.returncode, ran.stderr)
    report = json.loads(ran.stdout)
    assert any(f["rule"] == "uncited-reference" for f in report["findings"])  # offline kept
    phases = {p["phase"]: p for p in report["phases"]}
    assert phases["links"]["done"] is False, phases
    assert held  # the tarpit was asked
