"""Rules that look at the bibliography entries themselves."""

from __future__ import annotations

from citeaudit.rules.base import Rule
from citeaudit.rules.bibliography.deceptive_link import DeceptiveLink
from citeaudit.rules.bibliography.duplicate_reference import DuplicateReference
from citeaudit.rules.bibliography.malformed_doi import MalformedDoi
from citeaudit.rules.bibliography.uncertain_reference_list import UncertainReferenceList
from citeaudit.rules.bibliography.unparseable_reference import UnparseableReference

RULES: tuple[type[Rule], ...] = (
    DuplicateReference,
    UnparseableReference,
    MalformedDoi,
    UncertainReferenceList,
    DeceptiveLink,
)
