"""svc27: every DOI an audit was ever watched with was asked again every sweep, for good.

A watched DOI gets a state row (`watch_doi_state`) the first time a sweep sees it, and
the sweep took due DOIs by that row alone (`store.watching.due.take_due_dois`), where
links are taken only while a watched audit cites them. Unwatching the audit, or
deleting it, left the row: the DOI was re-checked in the registries at every sweep
(`watch_max_age`, 20 h) for ever. An account that watched audits of new DOIs and
unwatched them (the watched-links ceiling counts links, not DOIs) grew every later
sweep's registry requests -- the workers' time and the shared registry budget every
account's audits draw on -- without end. Here, through the real re-check
(`recheck_now`) against the loopback registry stand-in: three rounds of 20 DOIs,
each watched, checked, unwatched and deleted -- the sweeps checked 20, 40, 60 DOIs, and
with nothing watched any more a sweep still asked for all 60.

With /work/helpers/svc27-3.diff a DOI is due only while a watched audit cites it (its
reference's DOI or its resolution's), as links are. Counted, not timed.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from citeaudit.store import Repository
from citeaudit.store.watching.records import WatchLimitError
from citeaudit.watch import account_by_name, recheck_now, unwatch_audit, watch_audit
from tests.stand_ins.registry_server import RegistryStandIn
from tests.watch.conftest import stored_audit, watch_settings

ROUNDS = 3
DOIS = 20


def _resolutions(registry: RegistryStandIn, tag: str) -> list[dict[str, Any]]:
    """`DOIS` new DOIs the registry knows, as an audit's resolutions."""
    model = next(iter(registry.works.values()))
    out = []
    for i in range(DOIS):
        doi = f"10.5555/svc27-{tag}-{i}"
        registry.works[doi] = {**copy.deepcopy(model), "DOI": doi}
        registry.registered.add(doi)
        out.append({"reference_id": f"r{i}", "state": "resolved", "doi": doi, "record": {}})
    return out


@pytest.mark.parametrize("delete", [False, True], ids=["unwatched", "deleted"])
def test_a_dropped_watch_stops_its_doi_checks(
    tmp_path: Path, repo: Repository, registry: RegistryStandIn, delete: bool
) -> None:
    settings = watch_settings(
        tmp_path, "http://127.0.0.1:9/", crossref_url=registry.url, datacite_url=registry.url
    )
    account = account_by_name(repo, "hostile")
    checked = []
    for round_ in range(ROUNDS):
        audit_id = stored_audit(repo, account, [], resolutions=_resolutions(registry, f"{round_}"))
        watch_audit(repo, account, audit_id)
        summary, _ = recheck_now(repo, settings, deliver=False)
        checked.append(summary.dois_checked)
        assert unwatch_audit(repo, account, audit_id)
        if delete:
            assert repo.delete_audit(audit_id, account)
    registry.reset_counts()
    summary, _ = recheck_now(repo, settings, deliver=False)
    # before: [20, 40, 60], then 60 DOIs asked with nothing watched
    assert checked == [DOIS] * ROUNDS
    assert summary.dois_checked == 0
    assert sum(registry.counts.values()) == 0


def test_a_watched_doi_is_still_checked_every_sweep(
    tmp_path: Path, repo: Repository, registry: RegistryStandIn
) -> None:
    """Guard (before and after the diff): a watched audit's DOIs are asked again at
    each due sweep, and again after a watch is dropped and taken up anew."""
    settings = watch_settings(
        tmp_path, "http://127.0.0.1:9/", crossref_url=registry.url, datacite_url=registry.url
    )
    account = account_by_name(repo, "journal")
    audit_id = stored_audit(repo, account, [], resolutions=_resolutions(registry, "kept"))
    watch_audit(repo, account, audit_id)
    for _ in range(2):
        summary, _ = recheck_now(repo, settings, deliver=False)
        assert summary.dois_checked == DOIS
    assert unwatch_audit(repo, account, audit_id)
    watch_audit(repo, account, audit_id)
    summary, _ = recheck_now(repo, settings, deliver=False)
    assert summary.dois_checked == DOIS


CEILING = 5


def _dois(tag: str, n: int) -> list[dict[str, Any]]:
    return [
        {"reference_id": f"r{i}", "state": "resolved", "doi": f"10.5555/{tag}-{i}", "record": {}}
        for i in range(n)
    ]


def test_the_watch_ceiling_counts_dois(repo: Repository) -> None:
    """The watched-links ceiling counted links only: an audit of DOIs and no link was
    watched whatever it held -- each DOI a registry look-up every sweep. After
    svc27-4.diff the ceiling counts a sweep's re-checks, links and DOIs."""
    account = account_by_name(repo, "hostile")
    audit_id = stored_audit(repo, account, [], resolutions=_dois("many", CEILING + 1))
    with pytest.raises(WatchLimitError, match="6 DOIs"):
        watch_audit(repo, account, audit_id, max_links=CEILING)


def test_links_and_dois_within_the_ceiling_are_watched(repo: Repository) -> None:
    """Guard (before and after): 1 link and 4 DOIs under a ceiling of 5 is watched; a
    DOI two audits share (in any case) is one re-check."""
    account = account_by_name(repo, "journal")
    first = stored_audit(repo, account, ["http://127.0.0.1:9/x"], resolutions=_dois("a", 4))
    same = [{**r, "doi": str(r["doi"]).upper()} for r in _dois("a", 4)]
    second = stored_audit(repo, account, [], resolutions=same)
    for audit_id in (first, second):
        assert watch_audit(repo, account, audit_id, max_links=CEILING).audit_id == audit_id
