"""Which network phases an audit runs, given the options."""

from __future__ import annotations

from dataclasses import dataclass

from citeaudit.enrichment import Enricher
from citeaudit.settings import Settings


@dataclass(frozen=True, slots=True)
class PhaseOptions:
    offline: bool = False
    resolve: bool = True
    links: bool = True
    use_cache: bool = True


def default_enrichers(settings: Settings, options: PhaseOptions) -> list[Enricher]:
    """The enrichers to run, in order. `--offline` runs none."""
    enrichers: list[Enricher] = []
    if options.offline:
        return enrichers
    # Each network phase appends its enricher here when enabled.
    return enrichers
