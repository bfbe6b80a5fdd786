"""The spinner during network phases: shown at a terminal, never in CI or a pipe."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from citeaudit.audit_data import AuditData, Phase
from citeaudit.enrichment import Enricher
from citeaudit.progress import _Shown, wants_progress, with_progress


class Recording(Enricher):
    phase = Phase.LINKS

    def __init__(self) -> None:
        self.seen: list[int] = []
        self.resolver = "the resolver"

    def enrich(self, data: AuditData) -> AuditData:
        self.seen.append(len(data.references))
        return data


def test_quiet_in_ci_and_in_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert not wants_progress()
    inner = Recording()
    assert with_progress([inner]) == [inner]


def test_shown_enricher_runs_the_phase_and_says_so() -> None:
    inner = Recording()
    out = io.StringIO()
    shown = _Shown(inner, Console(file=out, force_terminal=True))
    data = AuditData(manuscripts=(), bibliographies=(), citations=(), matches=())
    assert shown.enrich(data) is data and inner.seen == [0]
    assert shown.resolver == "the resolver"  # what the CLI closes afterwards
    assert "links: checking the links of 0 references" in out.getvalue()
    assert [type(e) for e in with_progress([inner], show=True)] == [_Shown]
