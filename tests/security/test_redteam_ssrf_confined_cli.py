"""``citeaudit check --confine``: a stranger's checkout reaches no private network and
cannot loosen the network bounds from its own ``citeaudit.toml``.

``--confine .`` is the CI job on a fork's pull request. Before, its files stayed in the
checkout but its links did not: the CLI's default "private networks allowed" sent a
fork's ``url = {http://127.0.0.1:.../admin}`` from the runner into its owner's network,
and the checkout's ``[network]`` table could set ``link-timeout = 100000`` (one silent
server held the job for a day) or ``link-per-host = 5000``. The settings the command
builds are captured here, and used for a real link check of a loopback service.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from citeaudit.cli import check as cli_check
from citeaudit.cli import main
from citeaudit.links.checker import LinkChecker
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkOutcome
from citeaudit.settings import Settings
from tests.stand_ins.private_service import SECRET, PrivateService

LOOSE = (
    "[network]\nlink-timeout = 100000.0\nregistry-timeout = 100000.0\n"
    "link-per-host = 5000\nlink-concurrency = 5000\n"
)


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, intranet: PrivateService) -> Path:
    (tmp_path / "paper.md").write_text("As shown [@a].\n", "utf-8")
    (tmp_path / "refs.bib").write_text(
        f"@article{{a, author={{Smith, A.}}, title={{A}}, journal={{J}}, year=2001, "
        f"url={{{intranet.url('/admin?token=1')}}}}}\n",
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CITEAUDIT_ALLOW_PRIVATE_NETWORKS", raising=False)
    for name in ("LINK_TIMEOUT", "REGISTRY_TIMEOUT", "LINK_PER_HOST", "LINK_CONCURRENCY"):
        monkeypatch.delenv(f"CITEAUDIT_{name}", raising=False)
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(tmp_path / ".cache"))
    return tmp_path


def _settings(monkeypatch: pytest.MonkeyPatch, *extra: str) -> Settings:
    """The settings `citeaudit check` builds for the checkout (run offline)."""
    built: list[Settings] = []
    real = cli_check.settings_for

    def capture(overrides: dict[str, object]) -> Settings:
        built.append(real(overrides))
        return built[-1]

    monkeypatch.setattr(cli_check, "settings_for", capture)
    main(["check", "paper.md", "--bib", "refs.bib", "--offline", "--format", "json", *extra])
    assert len(built) == 1
    return built[0]


def _policy(settings: Settings) -> LinkPolicy:
    return LinkPolicy.from_settings(settings, min_interval=0.0, max_retries=0)


def _checked(settings: Settings, url: str) -> LinkOutcome:
    async def go() -> LinkOutcome:
        async with LinkChecker(_policy(settings), archive_url=None, probe_urls=()) as checker:
            return (await checker.check_all([target_for(url)]))[0].outcome

    return asyncio.run(go())


def test_a_confined_run_refuses_the_private_network(
    checkout: Path, intranet: PrivateService, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(monkeypatch, "--confine", ".")
    assert settings.allow_private_networks is False
    outcome = _checked(settings, intranet.url("/admin?token=1"))
    assert intranet.contacts == 0, "the fork's link reached the runner's network"
    assert outcome is not LinkOutcome.OK


def test_the_authors_own_run_still_checks_the_intranet(
    checkout: Path, intranet: PrivateService, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(monkeypatch)
    assert settings.allow_private_networks is True
    assert _checked(settings, intranet.url("/wiki")) is LinkOutcome.OK
    assert intranet.contacts >= 1


def test_the_runners_owner_may_allow_the_private_network(
    checkout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITEAUDIT_ALLOW_PRIVATE_NETWORKS", "true")
    assert _settings(monkeypatch, "--confine", ".").allow_private_networks is True


def test_a_confined_checkouts_configuration_cannot_loosen_the_bounds(
    checkout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (checkout / "citeaudit.toml").write_text(LOOSE, "utf-8")
    settings = _settings(monkeypatch, "--confine", ".")
    defaults = Settings()
    assert settings.link_timeout == defaults.link_timeout
    assert settings.registry_timeout == defaults.registry_timeout
    assert settings.link_per_host == defaults.link_per_host
    assert settings.link_concurrency == defaults.link_concurrency


def test_a_confined_checkout_may_still_tighten_them(
    checkout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (checkout / "citeaudit.toml").write_text("[network]\nlink-timeout = 5.0\n", "utf-8")
    assert _settings(monkeypatch, "--confine", ".").link_timeout == 5.0


def test_the_authors_own_configuration_is_honoured(
    checkout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (checkout / "citeaudit.toml").write_text(LOOSE, "utf-8")
    settings = _settings(monkeypatch)
    assert settings.link_timeout == 100000.0 and settings.link_per_host == 5000


def test_nothing_private_is_shown(checkout: Path, intranet: PrivateService) -> None:
    """The refusal does not echo the private service's answer (it was never asked)."""
    settings = Settings(allow_private_networks=False)

    async def go() -> str:
        async with LinkChecker(_policy(settings), archive_url=None, probe_urls=()) as checker:
            return repr(await checker.check_all([target_for(intranet.url("/x"))]))

    assert SECRET not in asyncio.run(go())
