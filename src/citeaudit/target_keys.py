"""How the links phase names a target, for the per-audit budget (`network_budget`).

Its own module, below both: `links.targets` defines the link checker's keys without
importing the budget, and with it the audit's data model (`citeaudit links` on a few
URLs needs none of it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["TargetKeys"]


@dataclass(frozen=True, slots=True)
class TargetKeys:
    """How the links phase names a target, so the budget counts what it would check.

    Given by the enricher (the links package knows its own normalisation); this module
    stays below `links` in the import order."""

    doi: Callable[[str], str | None]  # a DOI's key, None when it is no DOI
    url: Callable[[str], str]  # a URL's key
