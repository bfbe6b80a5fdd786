"""Watched audits whose links or registries were not checked at audit time.

Every URL and DOI of a watched audit's references is watched, whether the audit's
link and registry phases ran or not (turned off, our network down, a registry
unreachable); one never checked is due at once, and its first re-check is only its
baseline: a page dead from the start is newly broken after two failing checks the
gap apart, not at the first. Everything here talks to loopback only.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from citeaudit.cli import main as cli_main
from citeaudit.links.targets import target_for
from citeaudit.service.embedded import InProcessDispatcher
from citeaudit.service.jobs import Jobs
from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository, make_engine
from citeaudit.store.tables import AuditLink, Link
from citeaudit.store.views import NewFile
from citeaudit.watch import ChangeKind, account_by_name, changes_for_audit, recheck_now, watch_audit
from tests.stand_ins.registry_server import RegistryStandIn
from tests.watch.conftest import CLOSED, watch_settings
from tests.watch.site import Site

ROOT = Path(__file__).resolve().parents[2]
MANUSCRIPT = ROOT / "references" / "examples" / "apa-markdown" / "manuscript.md"
DOI = "10.1038/nature14539"  # a work the registry stand-in knows
DAY = 24 * 3600


def bibtex(page: str) -> bytes:
    return (
        "@misc{page2024, author={Doe, Jane}, title={A page on the site}, year={2024}, "
        f"url={{{page}}}}}\n"
        "@article{lecun2015, author={LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey}, "
        "title={Deep learning}, journal={Nature}, year={2015}, volume={521}, "
        f"pages={{436--444}}, doi={{{DOI}}}}}\n"
    ).encode()


def audit(
    repo: Repository, settings: ServiceSettings, account: int, page: str, options: dict[str, Any]
) -> str:
    """An audit of `bibtex(page)` run through the service's own steps, in this process."""
    files = [NewFile("bibliography", "refs.bib", "text", bibtex(page))]
    audit_id = repo.create_audit(account, files, options)
    InProcessDispatcher(Jobs(repo, settings), 1).run(audit_id)
    view = repo.get_audit(audit_id)
    assert view is not None and view.status == "done", view
    return audit_id


def audit_links(repo: Repository, audit_id: str) -> dict[str, tuple[int | None, list[str]]]:
    with repo.session() as s:
        return {
            url: (check_id, list(ids))
            for url, check_id, ids in s.execute(
                select(Link.url, AuditLink.check_id, AuditLink.reference_ids)
                .join(AuditLink, AuditLink.link_id == Link.id)
                .where(AuditLink.audit_id == audit_id)
            ).all()
        }


def test_links_and_resolution_off_still_watched_whole(
    tmp_path: Path, repo: Repository, site: Site, registry: RegistryStandIn
) -> None:
    settings = watch_settings(
        tmp_path,
        registry.url,  # doi.org's handle API and the reachability probe
        crossref_url=registry.url,
        datacite_url=registry.url,
        watch_max_age=DAY,
    )
    page = site.url(0, "/page/off")
    account = account_by_name(repo, "journal")
    audit_id = audit(repo, settings, account, page, {"resolve": False, "links": False})
    assert site.stats()["requests"] == 0 and registry.paths == []  # nothing checked
    links = audit_links(repo, audit_id)
    assert links == {
        page: (None, ["page2024"]),
        f"https://doi.org/{DOI}": (None, ["lecun2015"]),
    }
    watch_audit(repo, account, audit_id)

    summary, _ = recheck_now(repo, settings)
    assert (summary.links_checked, summary.dois_checked) == (2, 1)
    assert summary.changes == 0 and not summary.network_down
    assert site.stats()["requests"] >= 1
    assert any(p.startswith(f"/api/handles/{DOI}") for p in registry.paths)
    assert any("nature14539" in p and not p.startswith("/api/") for p in registry.paths)

    summary, _ = recheck_now(repo, settings)  # checked now: due again in a day
    assert (summary.links_checked, summary.dois_checked) == (0, 0)


def test_checked_at_audit_time_is_not_due_and_keeps_its_check(
    tmp_path: Path, repo: Repository, site: Site
) -> None:
    settings = watch_settings(tmp_path, site.url(1, "/"), watch_max_age=DAY)
    page = site.url(0, "/page/checked")
    account = account_by_name(repo, "journal")
    audit_id = audit(repo, settings, account, page, {"resolve": False, "links": True})
    links = audit_links(repo, audit_id)
    assert set(links) == {page, f"https://doi.org/{DOI}"}
    assert all(check_id is not None for check_id, _ in links.values())
    assert links[page][1] == ["page2024"]
    watch_audit(repo, account, audit_id)
    summary, _ = recheck_now(repo, settings)
    assert summary.links_checked == 0  # the audit's own check is recent


def test_network_down_at_audit_time_dead_page_is_newly_broken_once(
    tmp_path: Path, repo: Repository, site: Site
) -> None:
    down = watch_settings(tmp_path, CLOSED)  # our network is down while auditing
    page = site.url(0, "/page/dead")
    site.dead.add("/page/dead")
    account = account_by_name(repo, "journal")
    audit_id = audit(repo, down, account, page, {"resolve": True, "links": True})
    assert site.stats()["requests"] == 0
    links = audit_links(repo, audit_id)
    assert page in links and links[page][0] is not None  # a network-down check
    watch_audit(repo, account, audit_id)

    up = watch_settings(tmp_path, site.url(1, "/"), watch_max_age=DAY, watch_newly_broken_gap=1)
    summary, _ = recheck_now(repo, up)  # never really checked: due at once
    assert summary.links_checked == 2 and not summary.network_down
    assert summary.changes == 0  # the first check is the baseline, not news
    assert changes_for_audit(repo, account, audit_id) == []

    time.sleep(1.1)
    again = watch_settings(tmp_path, site.url(1, "/"), watch_max_age=0, watch_newly_broken_gap=1)
    summary, _ = recheck_now(repo, again)
    assert summary.kinds == {"newly_broken": 1}
    changes = changes_for_audit(repo, account, audit_id)
    assert [(c.kind, c.url, c.reference_ids) for c in changes] == [
        (ChangeKind.NEWLY_BROKEN, page, ("page2024",))
    ]
    time.sleep(1.1)
    summary, _ = recheck_now(repo, again)
    assert summary.changes == 0


def loopback_manuscript(site: Site, dest: Path) -> Path:
    """The example manuscript with every web page moved to the loopback site.

    DOI links stay: they are checked at the DOI resolver, here the registry stand-in.
    """
    text = MANUSCRIPT.read_text("utf-8")
    pages: dict[str, str] = {}

    def move(match: re.Match[str]) -> str:
        url = match.group(0)
        if target_for(url).kind == "doi":
            return url
        return pages.setdefault(url, site.url(0, f"/page/moved{len(pages)}"))

    dest.write_text(re.sub(r"https?://[^\s<>()\[\]]+", move, text), "utf-8")
    assert len(pages) >= 3
    return dest


def test_cli_watch_add_with_everything_down_then_recheck(
    tmp_path: Path,
    site: Site,
    registry: RegistryStandIn,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in list(os.environ):
        if name.startswith("CITEAUDIT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("CITEAUDIT_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CITEAUDIT_ALLOW_PRIVATE_NETWORKS", "true")
    monkeypatch.setenv("CITEAUDIT_ALLOW_OWN_MACHINE", "true")  # the site: loopback
    for name in ("DOI_URL", "ARCHIVE_URL", "CROSSREF_URL", "DATACITE_URL"):
        monkeypatch.setenv(f"CITEAUDIT_{name}", CLOSED)  # every service down
    manuscript = loopback_manuscript(site, tmp_path / "manuscript.md")

    assert cli_main(["watch", "add", str(manuscript)]) == 0
    assert capsys.readouterr().out.strip().endswith("watched")
    assert site.stats()["requests"] == 0

    for name in ("DOI_URL", "CROSSREF_URL", "DATACITE_URL"):
        monkeypatch.setenv(f"CITEAUDIT_{name}", registry.url)
    monkeypatch.setenv("CITEAUDIT_ARCHIVE_URL", site.url(1, "/"))
    assert cli_main(["recheck", "--format", "json"]) == 0  # the default max age
    out = json.loads(capsys.readouterr().out)
    assert out["network_down"] is False
    assert out["links_checked"] >= 10 and out["dois_checked"] >= 7
    assert out["changes"] == {}
    assert site.stats()["requests"] >= 3

    # Nothing left the machine: every link was a loopback page or a DOI (asked at
    # the stand-in).
    repo = Repository(make_engine(f"sqlite:///{tmp_path / 'cli.db'}"))
    with repo.session() as s:
        urls = list(s.scalars(select(Link.url)))
    repo.engine.dispose()
    for url in urls:
        assert target_for(url).kind == "doi" or urlsplit(url).hostname in {
            urlsplit(b).hostname for b in site.base
        }, url

    assert cli_main(["recheck", "--format", "json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["links_checked"], again["dois_checked"]) == (0, 0)
