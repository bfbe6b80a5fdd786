"""What an audit says of a reference list, in the short forms the citation tests compare.

Uncited entries by their key or the first `width` characters of their text, and
missing citations by their text: one reading for every test file that asks it.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult


def uncited_and_missing(
    result: AuditResult, width: int, *, keyed: bool = False
) -> tuple[set[str], set[str]]:
    """(uncited entries as their key when `keyed` and they have one, else their first
    `width` characters; missing citations' text)."""
    refs = {r.id: r for r in result.data.references}
    cits = {c.id: c for c in result.data.citations}
    uncited = {
        (refs[f.reference].key if keyed else None) or refs[f.reference].raw[:width]
        for f in result.findings
        if f.rule == "uncited-reference" and f.reference
    }
    missing = {cits[f.citation].text for f in result.findings if f.code == "CIT002" and f.citation}
    return uncited, missing


def markdown_verdict(tmp_path: Path, text: str, width: int) -> tuple[set[str], set[str]]:
    """`uncited_and_missing` of `text` audited as a Markdown manuscript."""
    md = tmp_path / "m.md"
    md.write_text(text, encoding="utf-8")
    return uncited_and_missing(audit(AuditInput.from_paths([md])), width)
