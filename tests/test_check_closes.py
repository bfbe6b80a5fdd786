"""`citeaudit check` with the registry phase leaves no connection open behind it: every
enricher is closed once the audit is done (a CLI run inside a longer process, a test
suite or an editor's script, kept the registry's keep-alive sockets)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from citeaudit.cli import main
from tests.stand_ins.registry_server import RegistryStandIn


@pytest.fixture
def registry() -> Iterator[RegistryStandIn]:
    server = RegistryStandIn().start()
    yield server
    server.stop()


def test_check_with_the_registry_closes_its_clients(
    registry: RegistryStandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("CROSSREF_URL", "DOI_URL", "DATACITE_URL"):
        monkeypatch.setenv(f"CITEAUDIT_{name}", registry.url)
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    paper = tmp_path / "paper.md"
    paper.write_text(
        "As LeCun (2015) shows.\n\n## References\n\n"
        "LeCun, Y. (2015). Deep learning. *Nature*. https://doi.org/10.1038/nature14539\n",
        encoding="utf-8",
    )
    code = main(
        ["check", str(paper), "--no-links", "--format", "json", "-o", str(tmp_path / "r.json")]
    )
    assert code in (0, 1)
    assert registry.paths, "the registry was asked"
    port = urlsplit(registry.url).port
    assert _connections_to(port) == 0


def _connections_to(port: int | None) -> int:
    """This process's established TCP connections to `port` (Linux /proc)."""
    mine = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            mine.add(target[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            remote_port = int(fields[2].rsplit(":", 1)[1], 16)
            if remote_port == port and fields[3] == "01" and fields[9] in mine:
                count += 1
    return count
