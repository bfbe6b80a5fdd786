"""Rules that cross-check in-text citations against the reference list."""

from __future__ import annotations

from citeaudit.rules.base import Rule

RULES: tuple[type[Rule], ...] = ()
