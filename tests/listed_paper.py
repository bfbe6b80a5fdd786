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


OTHER_ABNT_ENTRY = "ZUBERI, A. Um livro qualquer. Recife: Editora Mar, 1999."


def abnt_codes(
    tmp_path: Path, sentence: str, *entries: str, opening: str = "No litoral"
) -> list[str]:
    """The CIT codes of a Portuguese ABNT paper citing `sentence` beside a second work
    (ZUBERI 1999, cited and listed: the list is never one entry, which reads otherwise)."""
    path = tmp_path / "paper.md"
    listed = "\n\n".join((*entries, OTHER_ABNT_ENTRY))
    path.write_text(
        f"# Estudo\n\n{opening}, {sentence}, e outros (ZUBERI, 1999).\n\n"
        f"## Referências\n\n{listed}\n",
        encoding="utf-8",
    )
    findings = audit(AuditInput(manuscripts=(path,))).findings
    return sorted(f.code for f in findings if f.code.startswith("CIT"))
