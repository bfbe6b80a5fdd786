"""Rules that cross-check in-text citations against the reference list."""

from __future__ import annotations

from citeaudit.rules.base import Rule
from citeaudit.rules.citations.ambiguous_citation import AmbiguousCitation
from citeaudit.rules.citations.citation_name_mismatch import CitationNameMismatch
from citeaudit.rules.citations.citation_year_mismatch import CitationYearMismatch
from citeaudit.rules.citations.citations_not_recognised import CitationsNotRecognised
from citeaudit.rules.citations.hidden_direction_control import HiddenDirectionControl
from citeaudit.rules.citations.input_problem import InputProblemRule
from citeaudit.rules.citations.missing_reference import MissingReference
from citeaudit.rules.citations.pandoc_citation_without_at import PandocCitationWithoutAt
from citeaudit.rules.citations.possible_missing_reference import PossibleMissingReference
from citeaudit.rules.citations.uncited_reference import UncitedReference

RULES: tuple[type[Rule], ...] = (
    UncitedReference,
    MissingReference,
    AmbiguousCitation,
    CitationYearMismatch,
    CitationNameMismatch,
    InputProblemRule,
    PossibleMissingReference,
    CitationsNotRecognised,
    PandocCitationWithoutAt,
    HiddenDirectionControl,
)
