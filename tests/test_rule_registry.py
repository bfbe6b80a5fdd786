"""The rule registry: stable, unique, documented rules."""

from __future__ import annotations

import inspect
import re

from citeaudit.audit_data import Phase
from citeaudit.rules.registry import ALL_RULES, rule_by_name


def test_codes_and_names_are_unique() -> None:
    codes = [r.code for r in ALL_RULES]
    names = [r.name for r in ALL_RULES]
    assert len(codes) == len(set(codes)), codes
    assert len(names) == len(set(names)), names


def test_names_are_kebab_case_and_codes_have_a_prefix_and_number() -> None:
    for rule in ALL_RULES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name
        assert re.fullmatch(r"[A-Z]{3}\d{3}", rule.code), rule.code


def test_every_rule_is_documented_with_why_and_fix() -> None:
    for rule in ALL_RULES:
        doc = inspect.getdoc(rule) or ""
        assert "Why" in doc and "Fix" in doc and "Example" in doc, rule.name
        assert rule.summary and isinstance(rule.phase, Phase)


def test_offline_rules_of_the_foundation_are_registered() -> None:
    for name in (
        "uncited-reference",
        "missing-reference",
        "ambiguous-citation",
        "citation-year-mismatch",
        "unreadable-input",
    ):
        assert rule_by_name(name).name == name
