"""Everything an audit knows, handed to the rules and the reports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from citeaudit.bibliography.interface import Bibliography, ParseProblem
from citeaudit.manuscript.document import Document
from citeaudit.manuscript.list_origin import ListOrigin
from citeaudit.model.citation import Citation, CitationMatch
from citeaudit.model.finding import Finding
from citeaudit.model.link import LinkCheck
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import Resolution


class Phase(StrEnum):
    """What a rule needs; the service shows offline findings first, the rest later."""

    OFFLINE = "offline"
    RESOLUTION = "resolution"
    LINKS = "links"


@dataclass(frozen=True, slots=True)
class PhaseStatus:
    phase: Phase
    done: bool
    reason: str | None = None  # why not done: "--offline", "registry unreachable", ...


@dataclass(frozen=True)
class AuditData:
    manuscripts: tuple[Document, ...]
    bibliographies: tuple[Bibliography, ...]
    citations: tuple[Citation, ...]
    matches: tuple[CitationMatch, ...]
    resolutions: Mapping[str, Resolution] = field(default_factory=dict)
    links: tuple[LinkCheck, ...] = ()
    phases: tuple[PhaseStatus, ...] = ()
    input_problems: tuple[ParseProblem, ...] = ()  # manuscript trouble: a missing included file
    # how each list read from a manuscript (or a file that is only a list) was found and
    # cut: the reports' summary says it, so a count an editor doubts can be checked
    list_origins: tuple[ListOrigin, ...] = ()

    @property
    def references(self) -> tuple[Reference, ...]:
        return tuple(r for b in self.bibliographies for r in b.references)

    def phase_done(self, phase: Phase) -> bool:
        if phase is Phase.OFFLINE:
            return True
        return any(p.phase is phase and p.done for p in self.phases)


@dataclass(frozen=True)
class NetworkResults:
    """What the network phases found for some of the references: one chunk's share of
    an audit, kept in the store between the worker that found it and the one that
    assembles the audit."""

    resolutions: Mapping[str, Resolution] = field(default_factory=dict)
    links: tuple[LinkCheck, ...] = ()
    phases: tuple[PhaseStatus, ...] = ()


@dataclass(frozen=True)
class AuditResult:
    data: AuditData
    findings: tuple[Finding, ...]
    # findings held back by the project's configuration, comments or baseline, each
    # with its reason: counted in every report, never dropped silently
    suppressed: tuple[tuple[Finding, str], ...] = ()
