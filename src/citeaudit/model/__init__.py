"""Domain data: frozen, typed, free of I/O."""

from citeaudit.model.citation import Citation, CitationKind, CitationMatch
from citeaudit.model.finding import Applicability, Finding, Fix, Severity
from citeaudit.model.link import Hop, LinkCheck, LinkOutcome
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import (
    Notice,
    RegistryRecord,
    Resolution,
    ResolutionState,
)

__all__ = [
    "Applicability",
    "Citation",
    "CitationKind",
    "CitationMatch",
    "Finding",
    "Fix",
    "Hop",
    "LinkCheck",
    "LinkOutcome",
    "Location",
    "Notice",
    "Person",
    "Reference",
    "RegistryRecord",
    "Resolution",
    "ResolutionState",
    "Severity",
]
