"""Beat's re-check of a stored audit's links is held to the service's network rule.

An audit is stored with the links its upload listed; watching it re-checks them every
day, long after the upload was judged. A link whose name now points at this machine or
the private network around it (DNS changed, or the audit's own check was made where
such addresses were allowed) must be refused at the re-check too: the re-check sends
nothing to it. The service's defaults (no private networks, not its own machine) are
tested against the loopback site that counts every request it gets; the control shows
the same re-check does reach the site where the settings allow it, so the count can
see a request.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.store import Repository
from citeaudit.store.watching.watches import watch_audit
from citeaudit.watch import recheck_now
from tests.watch.conftest import repo as repo
from tests.watch.conftest import site as site
from tests.watch.conftest import stored_audit, watch_settings
from tests.watch.site import Site


@pytest.mark.parametrize("allowed", [False, True], ids=["service-defaults", "control"])
def test_a_stored_link_to_this_machine_is_not_asked_at_re_check(
    tmp_path: Path,
    repo: Repository,
    site: Site,
    allowed: bool,
) -> None:
    account = repo.account_for_token(repo.create_token("editor"))
    assert account is not None
    audit_id = stored_audit(repo, account, [site.url(0, "/page/a"), site.url(1, "/page/b")])
    watch_audit(repo, account, audit_id)
    probe = Site(hosts=1, prefix="127.0.3.").start()  # "is our network up?" answers here
    try:
        settings = watch_settings(
            tmp_path,
            probe.url(0, "/"),
            allow_private_networks=allowed,
            allow_own_machine=allowed,
        )
        first, _ = recheck_now(repo, settings, deliver=False)
        recheck_now(repo, settings, deliver=False)
    finally:
        probe.stop()
    print(first)
    assert not first.network_down and first.links_checked == 2, first
    asked = site.stats()["requests"]
    assert (asked > 0) if allowed else (asked == 0), site.stats()
