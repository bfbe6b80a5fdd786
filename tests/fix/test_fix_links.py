"""Link fixes against the loopback link farm: a permanent redirect's final URL is a
safe fix; a dead page's archived copy waits for --unsafe-fixes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from citeaudit.fix import plan_fixes
from citeaudit.links.enricher import LinkEnricher
from citeaudit.settings import Settings
from tests.links.conftest import FAST
from tests.stand_ins.judged_transport import judged_by
from tests.stand_ins.link_farm import Farm

PAPER = """# Links

As shown before (Doe, 2020; Roe, 2019).

## References

- Doe, J. (2020). *A moved page*. Example Site. {site}/moved
- Roe, R. (2019). *A dead page*. Example Site. [{site}/gone404]({site}/gone404)
"""


@pytest.fixture(scope="module")
def farm() -> Iterator[Farm]:
    server = Farm().start()
    yield server
    server.stop()


def _audit(farm: Farm, paper: Path, tmp_path: Path) -> AuditResult:
    settings = Settings(
        doi_url=farm.url("svc", ""),
        archive_url=farm.url("svc", "/wayback/available"),
        cache_dir=tmp_path / "cache",
    )
    enricher = LinkEnricher(
        settings,
        use_cache=False,
        policy=FAST,
        probe_urls=[farm.url("svc", "/")],
        dns_names=["localhost"],
        transport=judged_by(lambda ip: False, FAST),  # the farm plays the public web: archived
    )
    return audit(AuditInput.from_paths([paper]), [enricher])


def test_redirect_is_safe_archive_copy_is_unsafe(farm: Farm, tmp_path: Path) -> None:
    site = farm.url("site", "")
    paper = tmp_path / "paper.md"
    paper.write_text(PAPER.format(site=site), "utf-8")

    plan = plan_fixes(_audit(farm, paper, tmp_path))
    assert [c.code for c in plan.changes] == ["LNK002"]
    assert plan.unsafe_available == 1
    plan.write()
    text = paper.read_text("utf-8")
    assert f"Example Site. {site}/new\n" in text
    assert f"{site}/moved" not in text
    assert [c.code for c in plan_fixes(_audit(farm, paper, tmp_path)).changes] == []

    plan = plan_fixes(_audit(farm, paper, tmp_path), unsafe=True)
    assert [c.code for c in plan.changes] == ["LNK001"]
    plan.write()
    archived = f"https://web.archive.org/web/20200101000000/{site}/gone404"  # made https
    assert paper.read_text("utf-8") == PAPER.format(site=site).replace(
        f"{site}/moved", f"{site}/new"
    ).replace(f"[{site}/gone404]({site}/gone404)", f"[{archived}]({archived})")
