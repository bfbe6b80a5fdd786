"""The resolver extension point. Nothing outside `resolve/` sees habanero or httpx.

Three answers, never two: a registry that was asked and answered says FOUND or
NOT_FOUND; a registry that could not be asked (down, unreachable, rate-limited past
our retries) says UNAVAILABLE, and nothing negative may be concluded from that.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from citeaudit.model.reference import Reference
from citeaudit.model.resolution import RegistryRecord, Resolution

__all__ = [
    "Answer",
    "DoiLookup",
    "Lookup",
    "ResolveRun",
    "Resolver",
    "Search",
    "WorkRegistry",
]


class Answer(StrEnum):
    FOUND = "found"
    NOT_FOUND = "not-found"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True, slots=True)
class Lookup:
    """One registry's answer about one DOI."""

    answer: Answer
    record: RegistryRecord | None = None
    reason: str | None = None  # why unavailable
    cached: bool = False


@dataclass(frozen=True, slots=True)
class DoiLookup:
    """doi.org's answer: is the DOI (or shortDOI) registered, and what it aliases."""

    answer: Answer
    alias: str | None = None  # the long DOI a shortDOI stands for
    reason: str | None = None
    cached: bool = False


@dataclass(frozen=True, slots=True)
class Search:
    """A bibliographic query's candidates, best first by the registry's own ranking."""

    answer: Answer  # FOUND even when there are no candidates: the registry answered
    candidates: tuple[RegistryRecord, ...] = ()
    reason: str | None = None
    cached: bool = False


class WorkRegistry(ABC):
    """A registry of metadata records (Crossref, DataCite)."""

    name: str

    @abstractmethod
    def works(self, dois: Sequence[str]) -> Mapping[str, Lookup]:
        """Look up many DOIs, as few requests as the registry allows; keyed by the DOI asked."""

    def search(self, ref: Reference, rows: int = 5) -> Search:
        """Candidates for an entry without a DOI. Registries without search say unavailable."""
        return Search(Answer.UNAVAILABLE, reason=f"{self.name} has no bibliographic search")


@dataclass(frozen=True, slots=True)
class ResolveRun:
    """All resolutions of one audit, and whether resolution could be done at all."""

    resolutions: Mapping[str, Resolution]
    done: bool
    reason: str | None = None  # why not done, or what was only partly done
    requests: Mapping[str, int] = field(default_factory=dict)


class Resolver(ABC):
    @abstractmethod
    def resolve(self, references: Sequence[Reference]) -> ResolveRun: ...
