"""Registry resolution: Crossref (habanero), doi.org's Handle API and DataCite (httpx).

Callers use `ResolutionEnricher` (the audit's network phase) or a `Resolver`; nothing
outside this package sees habanero or httpx.
"""

from citeaudit.resolve.enricher import ResolutionEnricher, build_resolver
from citeaudit.resolve.interface import Answer, Resolver, ResolveRun

__all__ = ["Answer", "ResolutionEnricher", "ResolveRun", "Resolver", "build_resolver"]
