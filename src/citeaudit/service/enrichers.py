"""Which network phases the service runs: the core's defaults, or a configured factory.

CITEAUDIT_ENRICHERS="package.module:function" replaces `default_enrichers` with a
function of the same signature -- for deployments adding their own phases, and for
tests that need slow, deterministic phases without the internet.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import cast

from citeaudit.enrichment import Enricher
from citeaudit.errors import ConfigurationError
from citeaudit.phases import PhaseOptions, default_enrichers
from citeaudit.settings import ServiceSettings

Factory = Callable[[ServiceSettings, PhaseOptions], Sequence[Enricher]]


def enrichers_for(settings: ServiceSettings, options: PhaseOptions) -> list[Enricher]:
    if options.offline:
        return []
    if not settings.enrichers:
        return default_enrichers(settings, options)
    module_name, _, attr = settings.enrichers.partition(":")
    try:
        factory = cast(Factory, getattr(importlib.import_module(module_name), attr))
    except (ImportError, AttributeError, ValueError) as exc:
        raise ConfigurationError(f"CITEAUDIT_ENRICHERS={settings.enrichers}: {exc}") from exc
    return list(factory(settings, options))


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
