"""Beat's re-checks of stored links go through the same address rule as the audit did.

A watched audit's links are stored once and re-checked daily by a worker, long after
the upload: the rule that holds then is the worker's settings' of that day, not
whatever held when the links were stored. A link stored while private networks were
allowed (or one whose name resolved publicly then) must not be requested from the
worker once they are refused: each is judged again on every re-check, in every
spelling, and nothing reaches the private service (a loopback listener counting what
it accepts). The control re-checks the same stored links with private networks
allowed, and reaches it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.store import Repository
from citeaudit.watch import account_by_name, recheck_now, watch_audit
from tests.stand_ins.private_service import PrivateService
from tests.watch.conftest import repo, site, stored_audit, watch_settings  # noqa: F401
from tests.watch.site import Site


@pytest.fixture
def private() -> Iterator[PrivateService]:
    service = PrivateService("127.0.0.1").start()
    yield service
    service.stop()


def _spellings(port: int) -> list[str]:
    return [
        f"http://127.0.0.1:{port}/latest/meta-data/",
        f"http://0177.0.0.1:{port}/a",
        f"http://0x7f.1:{port}/b",
        f"http://2130706433:{port}/c",
        f"http://127.0.0.1.:{port}/d",
        f"http://localhost.:{port}/e",
        f"http://[::ffff:127.0.0.1]:{port}/f",
        f"http://%31%32%37.0.0.1:{port}/g",
    ]


@pytest.mark.parametrize("allowed", [False, True], ids=["refused", "control"])
def test_stored_links_are_judged_again_at_every_recheck(
    allowed: bool,
    tmp_path: Path,
    repo: Repository,  # noqa: F811
    site: Site,  # noqa: F811
    private: PrivateService,
) -> None:
    account = account_by_name(repo, "journal")
    links = _spellings(private.port)
    audit_id = stored_audit(repo, account, links)
    watch_audit(repo, account, audit_id)
    settings = watch_settings(
        tmp_path,
        site.url(1, "/"),  # the reachability probe: a configured service, exempt
        allow_private_networks=allowed,
        allow_own_machine=allowed,
    )
    summary, _ = recheck_now(repo, settings, deliver=False)
    assert summary.links_checked == len(links)  # checked, not put off as "network down"
    if allowed:
        assert private.contacts >= 1  # the control: the same links do reach it
    else:
        assert private.contacts == 0, private.requests
