"""Which network phases an audit runs, given the options, and why others do not."""

from __future__ import annotations

from dataclasses import dataclass

from citeaudit.audit_data import Phase
from citeaudit.enrichment import Enricher
from citeaudit.network_budget import DEFAULT_MAX_NETWORK_CHECKS
from citeaudit.settings import Settings


@dataclass(frozen=True, slots=True)
class PhaseOptions:
    offline: bool = False
    resolve: bool = True
    links: bool = True
    use_cache: bool = True
    # Whose link checks with redirects the cache keeps apart (the service's account):
    # a redirect chain is a site's answer to one request (`links.cache`).
    cache_scope: str = ""
    # When the whole run must have ended (`time.monotonic()`; None: no end): the CLI's
    # --time-limit. Each network phase takes a share of what is left when it starts
    # (`share_of_run`) and ends with what it has, its links and look-ups not done by
    # then "out-of-time", so the report still comes before the run is stopped.
    run_ends: float | None = None

    def skip_reasons(self) -> dict[Phase, str]:
        """Why each network phase does not run, for the report ("resolution: --offline")."""
        if self.offline:
            return {Phase.RESOLUTION: "--offline", Phase.LINKS: "--offline"}
        reasons = {}
        reasons[Phase.RESOLUTION] = "--no-resolve" if not self.resolve else "not available"
        reasons[Phase.LINKS] = "--no-links" if not self.links else "not available"
        return reasons


def default_enrichers(settings: Settings, options: PhaseOptions) -> list[Enricher]:
    """The enrichers to run, in order. `--offline` runs none."""
    enrichers: list[Enricher] = []
    if options.offline:
        return enrichers
    # Each network phase appends its enricher here when enabled.
    if options.resolve:
        from citeaudit.resolve.enricher import ResolutionEnricher

        enrichers.append(ResolutionEnricher.from_settings(settings, use_cache=options.use_cache))
    if options.links:
        from citeaudit.links.enricher import LinkEnricher

        enrichers.append(
            LinkEnricher(settings, use_cache=options.use_cache, cache_scope=options.cache_scope)
        )
    budget = max_network_checks(settings)
    for enricher in enrichers:
        enricher.max_checks = budget
        enricher.run_ends = options.run_ends
    return enrichers


# Of the run's time left when a phase starts: look-ups come first and leave the links
# most of what is left; the links leave a quarter of theirs to the rules and the report.
def max_network_checks(settings: Settings) -> int:
    """The per-audit budget of each network phase (CITEAUDIT_MAX_NETWORK_CHECKS); the
    default for a settings object made without the field (a subclass, a stand-in)."""
    value = getattr(settings, "max_network_checks", None)
    return value if isinstance(value, int) and value >= 0 else DEFAULT_MAX_NETWORK_CHECKS
