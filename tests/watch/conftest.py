"""Fixtures for the watch tests: a store on SQLite, the loopback site, the receivers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from citeaudit.audit_data import AuditData, AuditResult
from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.views import NewFile
from citeaudit.store.watch_tables import WatchLinkState, WatchOutbox
from citeaudit.watch.webhook_policy import WebhookPolicy
from tests.watch.receiver import Receiver
from tests.watch.site import Site

CLOSED = "http://127.0.0.1:9"
# The receivers are plain http on loopback: what the default policy refuses.
LOOPBACK_HOOKS = WebhookPolicy(allow_private=True, allow_http=True, allow_own_machine=True)
HOUR = 3600


def hours_pass(repo: Repository, hours: int) -> None:
    """Time passing, as the store sees it: every failure streak started and every
    pending delivery fell due `hours` earlier. Tests with gaps and backoffs of a
    second and real sleeps failed on a busy machine, where one re-check or delivery
    run took longer than the gap they meant to stay inside."""
    shift = timedelta(hours=hours)
    with repo.session() as s, s.begin():
        for link in s.scalars(
            select(WatchLinkState).where(WatchLinkState.streak_started_at.is_not(None))
        ):
            assert link.streak_started_at is not None
            link.streak_started_at -= shift
        for row in s.scalars(select(WatchOutbox)):
            row.next_attempt_at -= shift


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site(hosts=2).start()
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    try:
        yield r
    finally:
        r.stop()


def watch_settings(tmp: Path, probe: str, **extra: Any) -> ServiceSettings:
    values: dict[str, Any] = {
        "database_url": f"sqlite:///{tmp / 'watch.db'}",
        "cache_dir": tmp / "cache",
        "allow_private_networks": True,
        "allow_own_machine": True,  # the sites are on this machine's loopback
        # the receivers are plain http on loopback: allowed here, refused by default
        "webhook_allow_private_networks": True,
        "webhook_allow_own_machine": True,
        "webhook_allow_http": True,
        "doi_url": probe,  # the reachability probe answers here
        "archive_url": probe,
        "crossref_url": CLOSED,
        "datacite_url": CLOSED,
        "watch_max_age": 0,
        "watch_newly_broken_gap": 1,
        "webhook_backoff": 0.05,
        "link_timeout": 5.0,
    }
    values.update(extra)
    return ServiceSettings(**values)


@pytest.fixture
def repo(tmp_path: Path, migrated_sqlite: Callable[[Path], str]) -> Iterator[Repository]:
    engine = make_engine(migrated_sqlite(tmp_path / "watch.db"))
    upgrade(engine)  # nothing left to do: as the service does when it starts
    try:
        yield Repository(engine)
    finally:
        engine.dispose()


def stored_audit(
    repo: Repository,
    account: int,
    links: list[str],
    *,
    outcome: str = "ok",
    resolutions: list[dict[str, Any]] | None = None,
) -> str:
    """A finished audit in the store whose references cite `links` (one each)."""
    audit_id = repo.create_audit(
        account, [NewFile("bibliography", "refs.bib", "text", b"@misc{x}")], {}
    )
    repo.save_final(
        audit_id,
        findings=[],
        resolutions=resolutions or [],
        links=[
            {"url": url, "outcome": outcome, "status": 200, "reference_ids": [f"ref{i}"]}
            for i, url in enumerate(links)
        ],
        result=AuditResult(AuditData((), (), (), ()), ()),
    )
    return audit_id
