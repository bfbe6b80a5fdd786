"""Which network phases the service runs, and the options an audit runs them with.

The phases are always the core's (`default_enrichers`): no setting names other code
to run instead, so the service's configuration can never make it import a module.
Tests that need slow, failing or deterministic phases replace `default_enrichers`
in their own processes (tests/service/fake_phases_launcher.py, pytest's monkeypatch).
"""

from __future__ import annotations

from citeaudit.enrichment import Enricher
from citeaudit.phases import PhaseOptions, default_enrichers
from citeaudit.settings import ServiceSettings


def enrichers_for(settings: ServiceSettings, options: PhaseOptions) -> list[Enricher]:
    """The audit's network phases: none offline, else the core's."""
    if options.offline:
        return []
    return list(default_enrichers(settings, options))


def phase_options(options: dict[str, object], account: int | None = None) -> PhaseOptions:
    """The audit's options; `account`, whose audit it is: the link cache keeps its
    redirect chains for that account alone."""
    return PhaseOptions(
        offline=bool(options.get("offline", False)),
        resolve=bool(options.get("resolve", True)),
        links=bool(options.get("links", True)),
        use_cache=bool(options.get("cache", True)),
        cache_scope=f"account:{account}" if account is not None else "",
    )
