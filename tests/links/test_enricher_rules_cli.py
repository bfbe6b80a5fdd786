"""The links phase end to end: enricher, rules LNK001-LNK003, `citeaudit links`."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

import pytest

from citeaudit.audit_data import AuditData, Phase
from citeaudit.bibliography.interface import Bibliography
from citeaudit.links.enricher import LinkEnricher
from citeaudit.model.finding import Severity
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.phases import PhaseOptions, default_enrichers
from citeaudit.rules.base import Rule
from citeaudit.rules.links import RULES
from citeaudit.rules.links.broken_link import BrokenLink
from citeaudit.rules.links.redirected_link import RedirectedLink
from citeaudit.rules.links.unverified_link import UnverifiedLink
from citeaudit.settings import Settings
from tests.links.conftest import FAST
from tests.stand_ins.link_farm import Farm


def settings_for(farm: Farm, tmp_path: Path) -> Settings:
    return Settings(
        doi_url=farm.url("svc", ""),
        archive_url=farm.url("svc", "/wayback/available"),
        cache_dir=tmp_path,
        allow_private_networks=True,
    )


def ref(i: int, urls: tuple[str, ...] = (), doi: str | None = None) -> Reference:
    return Reference(
        id=f"ref-{i}", index=i, location=Location("refs.bib", i * 3), raw="...", urls=urls, doi=doi
    )


def data_with(*refs: Reference) -> AuditData:
    bib = Bibliography(source="refs.bib", format="bibtex", references=refs)
    return AuditData(manuscripts=(), bibliographies=(bib,), citations=(), matches=())


def test_enricher_checks_urls_and_dois_of_every_reference(farm: Farm, tmp_path: Path) -> None:
    data = data_with(
        ref(1, (farm.url("site", "/ok"),), doi="10.1234/alive"),
        ref(2, (farm.url("site", "/gone404"), farm.url("site", "/ok"))),
        ref(3, ("https://doi.org/10.1234/alive",)),
        ref(4, ("10.1007/978-3-319-69790-1_7",)),
    )
    enricher = LinkEnricher(
        settings_for(farm, tmp_path),
        policy=FAST,
        dns_names=["localhost"],
        probe_urls=[farm.url("svc", "/")],
    )
    out = enricher.enrich(data)
    by_url = {c.url: c for c in out.links}
    assert by_url[farm.url("site", "/ok")].reference_ids == ("ref-1", "ref-2")
    assert by_url["https://doi.org/10.1234/alive"].reference_ids == ("ref-1", "ref-3")
    assert by_url[farm.url("site", "/gone404")].outcome is LinkOutcome.BROKEN
    assert by_url["https://doi.org/10.1007/978-3-319-69790-1_7"].reason == "doi-not-found"
    assert out.phase_done(Phase.LINKS)
    assert out.phases[-1].phase is Phase.LINKS


def test_enricher_with_network_down_marks_phase_not_done(farm: Farm, tmp_path: Path) -> None:
    data = data_with(ref(1, (farm.url("site", "/gone404"),)))
    enricher = LinkEnricher(
        settings_for(farm, tmp_path), policy=FAST, probe_urls=[farm.url("dead", "/")]
    )
    out = enricher.enrich(data)
    assert [c.outcome for c in out.links] == [LinkOutcome.UNVERIFIED]
    status = out.phases[-1]
    assert (status.phase, status.done) == (Phase.LINKS, False)
    assert status.reason and "network" in status.reason


def test_enricher_without_links_is_done() -> None:
    out = LinkEnricher(Settings()).enrich(data_with(ref(1)))
    assert out.links == () and out.phase_done(Phase.LINKS)


def test_default_enrichers_include_links_unless_disabled() -> None:
    assert any(isinstance(e, LinkEnricher) for e in default_enrichers(Settings(), PhaseOptions()))
    assert not any(
        isinstance(e, LinkEnricher)
        for e in default_enrichers(Settings(), PhaseOptions(links=False))
    )


def _rule_data() -> AuditData:
    checks = (
        LinkCheck(
            "https://a.org/x",
            LinkOutcome.BROKEN,
            reason="status-404",
            archive_url="https://web.archive.org/web/2020/https://a.org/x",
            reference_ids=("ref-1",),
        ),
        LinkCheck(
            "http://b.org/y",
            LinkOutcome.REDIRECTED,
            reason="moved-permanently",
            final_url="https://b.org/y",
            reference_ids=("ref-2",),
        ),
        LinkCheck(
            "https://c.org/z",
            LinkOutcome.UNVERIFIED,
            reason="bot-wall",
            reference_ids=("ref-1", "ref-2"),
        ),
        LinkCheck("https://d.org/", LinkOutcome.OK, reference_ids=("ref-1",)),
    )
    return dataclasses.replace(data_with(ref(1), ref(2)), links=checks)


def test_rules_are_registered_and_documented() -> None:
    assert [(r.name, r.code, r.severity) for r in RULES] == [
        ("broken-link", "LNK001", Severity.ERROR),
        ("redirected-link", "LNK002", Severity.INFO),
        ("unverified-link", "LNK003", Severity.INFO),
    ]
    for rule in RULES:
        assert rule.phase is Phase.LINKS
        doc = rule.__doc__ or ""
        assert "Why:" in doc and "Example:" in doc and "Fix:" in doc


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (BrokenLink, [("ref-1", "https://web.archive.org/web/2020/https://a.org/x")]),
        (RedirectedLink, [("ref-2", "https://b.org/y")]),
        (UnverifiedLink, [("ref-1", None), ("ref-2", None)]),
    ],
)
def test_rule_findings(rule: type[Rule], expected: list[tuple[str, str | None]]) -> None:
    findings = list(rule().check(_rule_data()))
    assert [(f.reference, f.fix.replacement if f.fix else None) for f in findings] == expected
    for f in findings:
        assert f.location.file == "refs.bib" and f.url


def test_messages_say_why() -> None:
    [broken] = BrokenLink().check(_rule_data())
    assert "404" in broken.message
    unverified = list(UnverifiedLink().check(_rule_data()))
    assert "bot challenge" in unverified[0].message


def _cli(argv: list[str]) -> argparse.Namespace:
    from citeaudit.cli import links as cli_links

    parser = argparse.ArgumentParser()
    cli_links.add_parser(parser.add_subparsers())
    return parser.parse_args(["links", *argv])


def test_cli_json_and_exit_code(
    farm: Farm, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from citeaudit.cli import links as cli_links
    from citeaudit.links import run as run_module

    doc = tmp_path / "paper.md"
    doc.write_text(
        f"# Paper\nSee [this]({farm.url('site', '/ok')}) and\n"
        f"{farm.url('site', '/gone404')}, also doi:10.1234/alive.\n"
    )
    monkeypatch.setattr(run_module, "default_probe_urls", lambda s: (farm.url("svc", "/"),))
    args = _cli(
        [str(doc), "--format", "json", "--concurrency", "4", "--per-host", "2", "--timeout", "2"]
    )
    code = cli_links.run(args, settings_for(farm, tmp_path))
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(x["outcome"], x["location"]["line"]) for x in report["links"]] == [
        ("ok", 2),
        ("broken", 3),
        ("ok", 3),
    ]
    assert report["summary"]["broken"] == 1 and report["network_up"] is True


def test_cli_text_no_broken_exits_zero(
    farm: Farm, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from citeaudit.cli import links as cli_links
    from citeaudit.links import run as run_module

    listing = tmp_path / "urls.txt"
    listing.write_text(f"{farm.url('site', '/ok')}\n{farm.url('wall', '/cf')}\n")
    monkeypatch.setattr(run_module, "default_probe_urls", lambda s: (farm.url("svc", "/"),))
    code = cli_links.run(_cli([str(listing), "--no-cache"]), settings_for(farm, tmp_path))
    out = capsys.readouterr().out
    assert code == 0
    assert "urls.txt:2:1: unverified" in out and "bot challenge" in out
    assert "2 distinct links: 1 ok, 1 unverified" in out


def test_cli_pacing_options_and_settings_reach_the_policy(tmp_path: Path) -> None:
    from citeaudit.cli import links as cli_links

    settings = Settings(cache_dir=tmp_path, link_interval=1.5, link_per_host=3)
    policy = cli_links._policy(_cli(["x.md"]), settings)
    assert (policy.min_interval, policy.per_host) == (1.5, 3)
    policy = cli_links._policy(_cli(["x.md", "--interval", "0", "--per-host", "1"]), settings)
    assert (policy.min_interval, policy.per_host) == (0.0, 1)


def test_cli_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    from citeaudit.cli import links as cli_links
    from citeaudit.errors import InputError

    with pytest.raises(InputError):
        cli_links.run(_cli([str(tmp_path / "missing.md")]), Settings(cache_dir=tmp_path))


def test_check_twice_within_max_age_asks_again_only_for_what_failed(
    farm: Farm, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from citeaudit.cli import main

    paths = ["/ok?twice=1", "/moved?twice=1", "/gone404?twice=1"]
    manuscript = tmp_path / "paper.md"
    manuscript.write_text(
        "# Paper\n\nAs Adams (2020), Baker (2021) and Clark (2019) show.\n\n## References\n\n"
        f"Adams, A. (2020). Alive page. Journal. {farm.url('site', paths[0])}\n\n"
        f"Baker, B. (2021). Moved page. Journal. {farm.url('site', paths[1])}\n\n"
        f"Clark, C. (2019). Dead page. Journal. {farm.url('site', paths[2])}\n"
    )
    for name, value in {
        "DOI_URL": farm.url("svc", ""),
        "ARCHIVE_URL": farm.url("svc", "/wayback/available"),
        "CACHE_DIR": str(tmp_path / "cache"),
        "ALLOW_PRIVATE_NETWORKS": "true",
        "LINK_INTERVAL": "0",
    }.items():
        monkeypatch.setenv(f"CITEAUDIT_{name}", value)

    def run() -> tuple[dict[str, str], dict[str, int]]:
        before = dict(farm.counts)
        main(["check", str(manuscript), "--no-resolve", "--format", "json"])
        report = json.loads(capsys.readouterr().out)
        outcomes = {
            link["url"].rsplit("/", 1)[-1]: link["outcome"]
            for ref in report["references"]
            for link in ref["links"]
        }
        sent = {
            path.split("?")[0]: farm.counts[("site", path.split("?")[0])]
            - before.get(("site", path.split("?")[0]), 0)
            for path in paths
        }
        return outcomes, sent

    first, sent_first = run()
    assert first == {
        "ok?twice=1": "ok",
        "moved?twice=1": "redirected",
        "gone404?twice=1": "broken",
    }
    assert sent_first == {"/ok": 1, "/moved": 1, "/gone404": 1}
    second, sent_second = run()
    assert second == first
    assert sent_second == {"/ok": 0, "/moved": 0, "/gone404": 1}
