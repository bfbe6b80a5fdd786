"""Rules of the links phase."""

from __future__ import annotations

from citeaudit.rules.base import Rule
from citeaudit.rules.links.broken_link import BrokenLink
from citeaudit.rules.links.redirected_link import RedirectedLink
from citeaudit.rules.links.unverified_link import UnverifiedLink

RULES: tuple[type[Rule], ...] = (BrokenLink, RedirectedLink, UnverifiedLink)
