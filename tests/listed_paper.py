"""A made-up Markdown paper with its own reference list, audited: the matching tests'
one way to ask what a body and a list give."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult


def audit_listed(tmp_path: Path, body: str, entries: list[str]) -> AuditResult:
    md = tmp_path / "paper.md"
    md.write_text(
        "# Intro\n\n" + body + "\n\n# References\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    return audit(AuditInput.from_paths([md]))


def citation_codes(result: AuditResult) -> list[str]:
    return sorted(f.code for f in result.findings if f.code.startswith("CIT"))
