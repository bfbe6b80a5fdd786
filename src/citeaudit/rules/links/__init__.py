"""Rules of the links phase."""

from __future__ import annotations

from citeaudit.rules.base import Rule

RULES: tuple[type[Rule], ...] = ()
