"""Registry resolution: Crossref (habanero), doi.org's Handle API and DataCite (httpx).

Callers use `ResolutionEnricher` (the audit's network phase) or a `Resolver`; nothing
outside this package sees habanero or httpx. The clients are imported on first use,
so the rules (which only need `matching` and `classify`) and an offline run do not
pay for loading habanero and two HTTP stacks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citeaudit.resolve.interface import Answer, Resolver, ResolveRun

if TYPE_CHECKING:
    from citeaudit.resolve.enricher import ResolutionEnricher, build_resolver

__all__ = ["Answer", "ResolutionEnricher", "ResolveRun", "Resolver", "build_resolver"]


def __getattr__(name: str) -> Any:
    if name in ("ResolutionEnricher", "build_resolver"):
        from citeaudit.resolve import enricher

        return getattr(enricher, name)
    raise AttributeError(name)
