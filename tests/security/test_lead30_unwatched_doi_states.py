"""lead30: a DOI's watch state outlived every watch of it, for good.

svc27 made sweeps ask only for DOIs a watched audit cites, but the state rows stayed
(`watch_doi_state`, one per DOI, with the notices known for it): an account that
watched audits of new DOIs and dropped them grew the table without end, read by
nobody, past every prune. Through the real re-check against the loopback registry
stand-in: rounds of 20 DOIs, each watched, checked and dropped (unwatched or deleted),
then the daily prune. Counted, not timed: rows left in the store.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from citeaudit.store import Repository
from citeaudit.store.watch_tables import WatchDoiState
from citeaudit.store.watching.retention import prune
from citeaudit.watch import account_by_name, recheck_now, unwatch_audit, watch_audit
from tests.security.test_svc27_unwatched_dois import DOIS, _resolutions
from tests.stand_ins.registry_server import RegistryStandIn
from tests.watch.conftest import stored_audit, watch_settings

ROUNDS = 3


def _states(repo: Repository) -> set[str]:
    with repo.session() as s:
        return set(s.scalars(select(WatchDoiState.doi)))


@pytest.mark.parametrize("delete", [False, True], ids=["unwatched", "deleted"])
def test_states_of_dropped_dois_are_forgotten(
    tmp_path: Path, repo: Repository, registry: RegistryStandIn, delete: bool
) -> None:
    settings = watch_settings(
        tmp_path, "http://127.0.0.1:9/", crossref_url=registry.url, datacite_url=registry.url
    )
    account = account_by_name(repo, "hostile")
    kept = stored_audit(repo, account, [], resolutions=_resolutions(registry, "kept"))
    watch_audit(repo, account, kept)
    for round_ in range(ROUNDS):
        audit_id = stored_audit(repo, account, [], resolutions=_resolutions(registry, f"{round_}"))
        watch_audit(repo, account, audit_id)
        recheck_now(repo, settings, deliver=False)
        assert unwatch_audit(repo, account, audit_id)
        if delete:
            assert repo.delete_audit(audit_id, account)
    assert len(_states(repo)) == DOIS * (ROUNDS + 1)
    pruned = prune(repo, settings)
    # before: all 80 states stayed, whatever the prune
    assert pruned.dois == DOIS * ROUNDS
    assert _states(repo) == {f"10.5555/svc27-kept-{i}" for i in range(DOIS)}


def test_a_dropped_doi_watched_again_is_checked(
    tmp_path: Path, repo: Repository, registry: RegistryStandIn
) -> None:
    """Guard (before and after): a state forgotten by the prune is seeded again when
    the audit is watched anew, and its DOIs are checked at the next sweep."""
    settings = watch_settings(
        tmp_path, "http://127.0.0.1:9/", crossref_url=registry.url, datacite_url=registry.url
    )
    account = account_by_name(repo, "journal")
    audit_id = stored_audit(repo, account, [], resolutions=_resolutions(registry, "again"))
    watch_audit(repo, account, audit_id)
    assert recheck_now(repo, settings, deliver=False)[0].dois_checked == DOIS
    assert unwatch_audit(repo, account, audit_id)
    prune(repo, settings)
    watch_audit(repo, account, audit_id)
    assert recheck_now(repo, settings, deliver=False)[0].dois_checked == DOIS
    with repo.session() as s:
        assert s.scalar(select(func.count()).select_from(WatchDoiState)) == DOIS
