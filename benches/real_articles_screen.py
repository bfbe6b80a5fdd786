"""Which corpus records are not published articles, and why: test fixtures.

Why this exists: the repositories the corpus is read from keep their tools' test
fixtures beside real articles (eLife's "kitchen sink", Texture's sample manuscript,
a parser fixture with lorem-ipsum paragraphs). Their xrefs point at arbitrary entries
and their text is filler, so the "truth" read from them scores the audit against
nonsense, and they are no manuscript an editor would receive. They are recognised by
what marks a fixture -- filler text, a placeholder DOI, a fixture's conventional name
-- never by their ids, so a fixture added later is caught too.
"""

from __future__ import annotations

import re
from typing import Any

# Filler text ("Lorem ipsum dolor sit amet, consectetur adipiscing elit"); a citation
# marker may stand between its words ("Lorem [1] ipsum [2] dolor sit amet").
_FILLER = re.compile(
    r"\b(?:lorem\s{1,3}ipsum|dolor\s{1,3}sit\s{1,3}amet|consectetur\s{1,3}adipiscing)\b",
    re.IGNORECASE,
)
# Crossref's test prefix, or a suffix counting up ("10.7554/eLife.1234567890").
_PLACEHOLDER_DOI = re.compile(r"^10\.5555/|0?123456789?")
# The name fixture files go by: one document that exercises every feature.
_FIXTURE_NAME = re.compile(r"kitchen[-_ ]?sink", re.IGNORECASE)


def not_an_article(record: dict[str, Any]) -> str | None:
    """Why the record is a test fixture rather than a published article, or None."""
    body = "\n".join(p.get("t", "") for p in record.get("paras", []))
    if _FILLER.search(body):
        return "filler text (lorem ipsum)"
    if _PLACEHOLDER_DOI.search(str(record.get("doi") or "")):
        return f"placeholder DOI {record.get('doi')}"
    source = record.get("source") or {}
    named = f"{record.get('title', '')}\n{source.get('path', '')}"
    if _FIXTURE_NAME.search(named):
        return "a test fixture by name (kitchen sink)"
    return None
