"""No setting names code for the service to run (issue 14): CITEAUDIT_ENRICHERS is gone.

It once replaced the service's network phases by "package.module:function": a setting
that existed so tests could inject fake phases, and in production a way to make the
server import whatever module its configuration named. Tests now install their fakes
in their own processes (tests/service/fake_phases_launcher.py). Here a planted module
records its own import: set in the variable, the real server must never load it.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from citeaudit.enrichment import Enricher
from citeaudit.phases import PhaseOptions, default_enrichers
from citeaudit.service.enrichers import enrichers_for
from citeaudit.settings import ServiceSettings
from tests.service.helpers import wait_done
from tests.service.processes import (
    CLOSED,
    Proc,
    base_env,
    command,
    create_token,
    free_port,
    wait_http,
)

PLANTED = "h10_planted_phases"
# One entry without a DOI or URL: the real resolver asks the closed registry and gives up.
MANUSCRIPT = (
    b"# Orchards\n\nGrafting spread late (Moreau, 2011).\n\n## References\n\n"
    b"Moreau, L. (2011). Greffes et vergers. Revue fictive, 4, 10-19.\n"
)


def _plant(folder: Path) -> Path:
    """A module that leaves a file behind when it is imported, and one when asked
    for phases; the file it leaves on import, not there yet."""
    marker = folder / "imported"
    (folder / f"{PLANTED}.py").write_text(
        textwrap.dedent(
            f"""
            from pathlib import Path
            Path({str(marker)!r}).write_text("imported")

            def enrichers(settings, options):
                Path({str(folder / "called")!r}).write_text("called")
                return []
            """
        )
    )
    return marker


@pytest.fixture
def planted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    marker = _plant(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("CITEAUDIT_ENRICHERS", f"{PLANTED}:enrichers")
    yield marker
    sys.modules.pop(PLANTED, None)


def test_the_service_settings_hold_no_phases_setting(planted: Path) -> None:
    assert "enrichers" not in ServiceSettings.model_fields
    from_env = ServiceSettings(database_url="sqlite://")
    passed = ServiceSettings(database_url="sqlite://", enrichers=f"{PLANTED}:enrichers")  # type: ignore[call-arg]
    for settings in (from_env, passed):
        assert "enrichers" not in settings.model_dump()
        assert not hasattr(settings, "enrichers")


def _kinds(enrichers: list[Enricher]) -> list[type[Enricher]]:
    try:
        return [type(e) for e in enrichers]
    finally:
        Enricher.close_all(enrichers)


def test_the_phases_are_the_cores_whatever_the_environment_names(planted: Path) -> None:
    settings = ServiceSettings(
        database_url="sqlite://", crossref_url=CLOSED, doi_url=CLOSED, datacite_url=CLOSED
    )
    options = PhaseOptions()
    built = _kinds(enrichers_for(settings, options))
    assert built == _kinds(default_enrichers(settings, options))
    assert len(built) == 2  # resolution and links
    assert PLANTED not in sys.modules
    assert not planted.exists()
    assert enrichers_for(settings, PhaseOptions(offline=True)) == []


def test_a_server_started_with_the_variable_imports_nothing_from_it(tmp_path: Path) -> None:
    planted = tmp_path / "planted"
    planted.mkdir()
    marker = _plant(planted)
    env = base_env(
        tmp_path,
        CITEAUDIT_DATABASE_URL=f"sqlite:///{tmp_path / 'citeaudit.db'}",
        CITEAUDIT_ENRICHERS=f"{PLANTED}:enrichers",
    )
    env["PYTHONPATH"] = f"{planted}:{env['PYTHONPATH']}"  # importable, were it asked for
    token = create_token(env, "h10")
    port = free_port()
    proc = Proc("api", command("api", env, port), env, tmp_path / "api.log")
    try:
        url = f"http://127.0.0.1:{port}"
        wait_http(f"{url}/healthz", proc)
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
            answer = client.post(
                "/api/v1/audits",
                files=[("manuscript", ("orchards.md", MANUSCRIPT, "text/markdown"))],
                data={"offline": "false", "resolve": "true", "links": "true"},
            )
            assert answer.status_code == 202, answer.text
            status = wait_done(client, answer.json()["id"], timeout=60)
            report = client.get(f"/api/v1/audits/{answer.json()['id']}/report").json()
    finally:
        proc.stop()
    assert status["status"] == "done", status
    assert not marker.exists(), proc.output()
    assert not (planted / "called").exists()
    ran = {p["phase"]: p for p in report["phases"]}
    # The real resolver ran: it asked the (closed) registry.
    assert "Crossref unreachable" in (ran["resolution"]["reason"] or ""), ran
    assert ran["links"]["done"], ran
