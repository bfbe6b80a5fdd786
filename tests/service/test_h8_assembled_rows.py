"""The assembled audit's rows are the JSON report's: each reference's resolution, and each
link once (where the report first lists it), stored from the typed result itself.

The assembly once built the whole JSON report only to pick these out of it; the rows
the API filters and the watch follows must stay exactly the report's objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from citeaudit.report.serialize import to_dict
from citeaudit.service.jobs import Jobs
from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.tables import AuditLink, Link, LinkCheckRow, ResolutionRow
from citeaudit.store.views import NewFile
from tests.service.fake_phases_launcher import use_fake_phases

# Two entries share one page (its link is one row), one has a DOI, one has nothing.
MANUSCRIPT = b"""# Rice

Seed banks keep the varieties (Sari, 2019; Wibowo, 2020; Lestari, 2018; Tan, 2017).

## References

Lestari, D. (2018). Padi lokal. *Jurnal Tani*, 2, 1-9. https://doi.org/10.5555/padi.2018

Sari, N. (2019). Bank benih. Retrieved from https://benih.example.org/bank

Tan, K. (2017). A note without any address. *Notes*, 1, 2-3.

Wibowo, A. (2020). Bank benih kedua. Retrieved from https://benih.example.org/bank
"""


@pytest.fixture
def jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Jobs]:
    engine = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    upgrade(engine)
    use_fake_phases(monkeypatch, "tests.service.slow_phases:enrichers")  # links 200, DOIs
    settings = ServiceSettings(database_url=f"sqlite:///{tmp_path / 'store.db'}")
    try:
        yield Jobs(Repository(engine), settings)
    finally:
        engine.dispose()


def test_assembled_rows_are_the_reports_resolutions_and_links(jobs: Jobs) -> None:
    repo = jobs.repo
    account = repo.account_for_token(repo.create_token("rice"))
    assert account is not None
    audit_id = repo.create_audit(account, [NewFile("manuscript", "rice.md", "md", MANUSCRIPT)], {})
    step = jobs.parse(audit_id)
    for chunk in step.chunks:
        jobs.run_chunk(chunk.id)
    assert jobs.assemble(audit_id)
    result = repo.result(audit_id)
    assert result is not None
    report = to_dict(result)

    expected_links: dict[str, dict[str, Any]] = {}
    for ref in report["references"]:
        for link in ref["links"]:
            expected_links.setdefault(link["url"], link)
    assert "https://benih.example.org/bank" in expected_links  # cited by two entries
    with repo.session() as s:
        resolutions = s.scalars(
            select(ResolutionRow.data)
            .where(ResolutionRow.audit_id == audit_id)
            .order_by(ResolutionRow.id)
        ).all()
        checks = s.execute(
            select(Link.url, LinkCheckRow.data)
            .join(AuditLink, AuditLink.link_id == Link.id)
            .join(LinkCheckRow, LinkCheckRow.id == AuditLink.check_id)
            .where(AuditLink.audit_id == audit_id)
        ).all()
    assert list(resolutions) == [r["resolution"] for r in report["references"] if r["resolution"]]
    assert len(resolutions) == 4
    assert {url: data for url, data in checks} == expected_links
