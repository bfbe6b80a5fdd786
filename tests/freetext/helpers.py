"""Shared helper: parse one entry the way the bibliography reader does."""

from __future__ import annotations

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference


def parse(text: str) -> Reference:
    return parse_reference(text, id="ref-1", index=1, location=Location("refs.md", 1))


def families(ref: Reference) -> list[str]:
    return [a.family for a in ref.authors]
