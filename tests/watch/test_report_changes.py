"""A watched audit's served HTML report shows what changed since the audit.

A real audit (in-process, links checked on the loopback site) of four references:
one page dies after the audit (newly broken), one was dead at the audit and still is
(still broken since the audit's check), one was dead and comes back (recovered), and
one cited work gets a retraction notice (newly retracted). The HTML report the API
serves shows them grouped, with dates, links and the citing references; an audit
that is not watched, and the other formats, are served as stored.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from fastapi.testclient import TestClient

from citeaudit.report.formats import get_reporter
from citeaudit.report.html import HtmlReporter
from citeaudit.server import create_app
from citeaudit.service.embedded import InProcessDispatcher
from citeaudit.service.jobs import Jobs
from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository
from citeaudit.store.views import NewFile
from citeaudit.watch import recheck_now, watch_audit
from tests.report.test_html import parse
from tests.stand_ins.registry_server import RegistryStandIn
from tests.watch.conftest import watch_settings
from tests.watch.site import Site

DOI = "10.1038/nature14539"  # a work the registry stand-in knows
RETRACTION = {
    "updated": {"date-parts": [[2030, 1, 2]]},
    "DOI": "10.1038/retraction<1>",
    "type": "retraction",
    "source": "publisher",
}


def retract(registry: RegistryStandIn) -> None:
    registry.works[DOI] = {**copy.deepcopy(registry.works[DOI]), "updated-by": [RETRACTION]}


def settings_for(tmp_path: Path, site: Site, registry: RegistryStandIn) -> ServiceSettings:
    return watch_settings(
        tmp_path,
        site.url(1, "/"),
        watch_newly_broken_gap=0,
        crossref_url=registry.url,
        datacite_url=registry.url,
    )


def bibliography(site: Site) -> bytes:
    entries = [
        ("dies2021", "A page that dies", site.url(0, "/page/dies?a=1&b=<2>")),
        ("down2022", "A page that was down", site.url(0, "/page/down")),
        ("back2023", "A page that comes back", site.url(0, "/page/back")),
    ]
    text = "".join(
        f"@misc{{{key}, author={{Doe, Jane}}, title={{{title}}}, year={{2024}}, url={{{url}}}}}\n"
        for key, title, url in entries
    )
    text += (
        "@article{gone2020, author={Roe, Rick}, title={A retracted study}, "
        f"journal={{J}}, year={{2020}}, doi={{{DOI}}}}}\n"
    )
    return text.encode()


def audit(repo: Repository, settings: ServiceSettings, account: int, site: Site) -> str:
    audit_id = repo.create_audit(
        account,
        [NewFile("bibliography", "refs.bib", "text", bibliography(site))],
        {"offline": False, "resolve": False, "links": True},
    )
    InProcessDispatcher(Jobs(repo, settings), 1).run(audit_id)
    view = repo.get_audit(audit_id)
    assert view is not None and view.status == "done", view
    return audit_id


def section(page: str) -> str:
    match = re.search(r'<section id="changes".*?</section>', page, re.S)
    assert match is not None, "no changes section"
    return match.group(0)


def group(html: str, heading: str) -> str:
    """The table under the group's heading."""
    match = re.search(re.escape(heading) + r" \(\d+\)</h3>.*?</table>", html, re.S)
    assert match is not None, f"no group {heading!r}"
    return match.group(0)


def test_served_html_report_shows_the_changes_of_a_watched_audit(
    tmp_path: Path, site: Site, registry: RegistryStandIn
) -> None:
    settings = settings_for(tmp_path, site, registry)
    with TestClient(create_app(settings)) as client:
        repo: Repository = client.app.state.repo  # type: ignore[attr-defined]
        token = repo.create_token("journal")
        account = repo.account_for_token(token)
        assert account is not None
        auth = {"Authorization": f"Bearer {token}"}

        site.dead.update({"/page/down", "/page/back"})
        watched = audit(repo, settings, account, site)
        unwatched = audit(repo, settings, account, site)
        record = repo.result(watched)  # the audit as stored: typed, rendered when asked
        assert record is not None
        stored = {f: get_reporter(f).render(record) for f in ("html", "json", "text", "sarif")}
        watch_audit(repo, account, watched, collection="Vol 2")

        def served(audit_id: str, fmt: str = "html") -> str:
            r = client.get(f"/api/v1/audits/{audit_id}/report?format={fmt}", headers=auth)
            assert r.status_code == 200, r.text
            return r.text

        # Watched, nothing re-checked yet: the section says so; the rest is the record.
        page = served(watched)
        assert "Changes since the audit" in section(page)
        assert "No changes" in section(page)
        assert page.replace(section(page) + "\n\n", "") == stored["html"]

        site.dead.add("/page/dies")
        site.dead.discard("/page/back")
        recheck_now(repo, settings, deliver=False)  # dies: first failure; back: recovered
        retract(registry)
        recheck_now(repo, settings, deliver=False)  # dies: newly broken; DOI: retracted

        page = served(watched)
        doc = parse(page)
        assert doc.errors == [] and doc.stack == []
        changes = section(page)
        assert "<script" not in changes and "<2>" not in changes
        assert page.index('id="changes"') < page.index('id="findings"')
        headings = re.findall(r"<h3 id=\"changes-[a-z-]+\">([^<(]+) \(", changes)
        assert headings == [
            "Newly broken links",
            "Still broken",
            "Recovered links",
            "Newly retracted works",
        ]

        broken = group(changes, "Newly broken links")
        dies = site.url(0, "/page/dies?a=1&amp;b=&lt;2&gt;")
        assert f'<a href="{dies}">{dies}</a>' in broken
        assert "HTTP 404" in broken and "broken since 20" in broken and "dies2021" in broken
        assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", broken)

        still = group(changes, "Still broken")
        assert site.url(0, "/page/down") in still and "down2022" in still
        assert re.search(r"since \d{4}-\d\d-\d\d \d\d:\d\d UTC", still)
        assert "/page/dies" not in still and "/page/back" not in still

        back = group(changes, "Recovered links")
        assert site.url(0, "/page/back") in back and "back2023" in back
        assert "was broken since" in back

        retracted = group(changes, "Newly retracted works")
        assert f'<a href="https://doi.org/{DOI}">{DOI}</a>' in retracted
        assert "retraction 10.1038/retraction&lt;1&gt; (publisher), dated 2030-01-02" in retracted
        assert "gone2020" in retracted

        # The rest of the page is still the stored report of record.
        assert page.replace(changes + "\n\n", "") == stored["html"]
        for fmt in ("json", "text", "sarif"):
            assert served(watched, fmt) == stored[fmt]

        # An audit nobody watches (its links broke too) is served as stored.
        other = served(unwatched)
        assert 'id="changes"' not in other and "Changes since the audit" not in other
        unwatched_record = repo.result(unwatched)
        assert unwatched_record is not None
        assert other == HtmlReporter().render(unwatched_record)

        # Unwatched again: the report is the record alone.
        assert client.delete(f"/api/v1/audits/{watched}/watch", headers=auth).status_code == 204
        assert served(watched) == stored["html"]


def test_cli_changes_text_is_grouped_with_details(
    tmp_path: Path, site: Site, registry: RegistryStandIn
) -> None:
    from citeaudit.cli.watch import changes_text
    from citeaudit.watch import changes_for_audit

    settings = settings_for(tmp_path, site, registry)
    with TestClient(create_app(settings)) as client:
        repo: Repository = client.app.state.repo  # type: ignore[attr-defined]
        account = repo.account_for_token(repo.create_token("j"))
        assert account is not None
        site.dead.add("/page/down")
        audit_id = audit(repo, settings, account, site)
        watch_audit(repo, account, audit_id)
        assert changes_text(changes_for_audit(repo, account, audit_id)) == ["no changes"]
        site.dead.add("/page/dies")
        recheck_now(repo, settings, deliver=False)
        retract(registry)
        recheck_now(repo, settings, deliver=False)
        lines = changes_text(changes_for_audit(repo, account, audit_id))
    titles = [line.split(" (")[0] for line in lines if not line.startswith(" ")]
    assert titles == ["Newly broken links", "Still broken", "Newly retracted works"]
    text = "\n".join(lines)
    assert re.search(
        r"UTC  newly_broken +http://\S+/page/dies\S*  HTTP 404[^;\n]*; broken since \d{4}-", text
    )
    assert "[dies2021]" in text and "[down2022]" in text and "[gone2020]" in text
    assert f"newly_retracted  {DOI}  retraction 10.1038/retraction<1> (publisher)" in text
