"""Rules that look at the bibliography entries themselves."""

from __future__ import annotations

from citeaudit.rules.base import Rule

RULES: tuple[type[Rule], ...] = ()
