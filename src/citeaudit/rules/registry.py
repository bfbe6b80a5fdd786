"""The one explicit list of rules. Each phase's package lists its own rules."""

from __future__ import annotations

from citeaudit.rules.base import Rule
from citeaudit.rules.bibliography import RULES as BIBLIOGRAPHY_RULES
from citeaudit.rules.citations import RULES as CITATION_RULES
from citeaudit.rules.links import RULES as LINK_RULES
from citeaudit.rules.resolution import RULES as RESOLUTION_RULES

ALL_RULES: tuple[type[Rule], ...] = (
    *CITATION_RULES,
    *BIBLIOGRAPHY_RULES,
    *RESOLUTION_RULES,
    *LINK_RULES,
)


def rule_by_name(name: str) -> type[Rule]:
    for rule in ALL_RULES:
        if rule.name == name or rule.code == name:
            return rule
    raise KeyError(name)
