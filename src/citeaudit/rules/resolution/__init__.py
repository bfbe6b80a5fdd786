"""Rules of the resolution phase: what the registries say about each entry."""

from __future__ import annotations

from citeaudit.rules.base import Rule
from citeaudit.rules.resolution.doi_mismatch import DoiMismatch
from citeaudit.rules.resolution.doi_not_found import DoiNotFound
from citeaudit.rules.resolution.editorial_notice import EditorialNotice
from citeaudit.rules.resolution.metadata_mismatch import MetadataMismatch
from citeaudit.rules.resolution.missing_doi import MissingDoi
from citeaudit.rules.resolution.retracted_reference import RetractedReference
from citeaudit.rules.resolution.unresolved_reference import UnresolvedReference
from citeaudit.rules.resolution.year_mismatch import YearMismatch

RULES: tuple[type[Rule], ...] = (
    DoiNotFound,
    DoiMismatch,
    YearMismatch,
    MetadataMismatch,
    MissingDoi,
    UnresolvedReference,
    RetractedReference,
    EditorialNotice,
)
