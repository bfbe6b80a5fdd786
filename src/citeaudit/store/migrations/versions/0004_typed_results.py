"""typed results: a finished audit is kept as the codec's AuditResult, reports rendered on asking

Before, every finished audit kept its reports rendered once (json, html, sarif, text) in
`reports`. Now it keeps the typed result (`audit_results`), and each report and page is
rendered from it when asked. Existing audits are carried over from their JSON report
(schema_version 1), which holds what every report shows: inputs, phases, references
with their resolutions and link checks, citations with their targets, findings. What
the JSON report never held is filled with the model's defaults (a reference's volume
and pages, a citation's parsed names; a citation's kind is told from its text).

This conversion is plain dicts to plain dicts, written here once: a migration must
keep working whatever the model becomes.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import json
import re
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# blanks read once (possessive): two `\s*` shared a run of blanks every way before the
# missing digit failed (n^2 on a citation text of blanks)
_NUMERIC = re.compile(r"^\s*+[\[(]?\s*+\d")


def upgrade() -> None:
    op.create_table(
        "audit_results",
        sa.Column("audit_id", sa.String(length=32), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["audit_id"], ["audits.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("audit_id"),
    )
    bind = op.get_bind()
    results = sa.table("audit_results", sa.column("audit_id"), sa.column("data", sa.JSON()))
    ids = bind.execute(sa.text("SELECT audit_id FROM reports WHERE format = 'json'")).scalars()
    for audit_id in list(ids):
        body = bind.execute(
            sa.text("SELECT body FROM reports WHERE audit_id = :a AND format = 'json'"),
            {"a": audit_id},
        ).scalar_one()
        bind.execute(results.insert(), [{"audit_id": audit_id, "data": result(json.loads(body))}])
    op.drop_table("reports")


def downgrade() -> None:
    """The reports table comes back empty: the old version shows finished audits
    without their downloads (the findings and everything else stay)."""
    op.create_table(
        "reports",
        sa.Column("audit_id", sa.String(length=32), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["audit_id"], ["audits.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("audit_id", "format"),
    )
    op.drop_table("audit_results")


def result(report: dict[str, Any]) -> dict[str, Any]:
    """A JSON report (schema_version 1) as the codec's `AuditResult` data."""
    references = report.get("references") or []
    sources = report.get("inputs", {}).get("bibliographies") or []
    return {
        "data": {
            "manuscripts": [
                {"path": path, "format": _format(path), "lines": []}
                for path in report.get("inputs", {}).get("manuscripts") or []
            ],
            "bibliographies": _bibliographies(sources, [_reference(r) for r in references]),
            "citations": [_citation(c) for c in report.get("citations") or []],
            "matches": [
                {"citation_id": c["id"], "targets": c.get("targets") or []}
                for c in report.get("citations") or []
            ],
            "resolutions": {r["id"]: r["resolution"] for r in references if r.get("resolution")},
            "links": _links(references),
            "phases": report.get("phases") or [],
        },
        "findings": report.get("findings") or [],
    }


def _format(path: str) -> str:
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    known = {"md": "markdown", "tex": "latex", "docx": "docx", "pdf": "pdf"}
    return known.get(suffix, "text")


def _reference(ref: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "index", "key", "location", "raw", "authors", "year", "year_suffix")
    out = {k: ref.get(k) for k in keys}
    out.update(title=ref.get("title"), container=ref.get("container"), doi=ref.get("doi"))
    out["urls"] = ref.get("urls") or []
    out["authors"] = out["authors"] or []
    return out


def _bibliographies(
    sources: list[dict[str, Any]], references: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each reference to the input its location names (the first input otherwise)."""
    if not sources:
        sources = [{"source": "", "format": ""}] if references else []
    out = [{"source": s["source"], "format": s["format"], "references": []} for s in sources]
    by_source = {b["source"]: b for b in out}
    for ref in references:
        home = by_source.get((ref.get("location") or {}).get("file"), out[0] if out else None)
        if home is not None:
            home["references"].append(ref)
    return out


def _citation(cit: dict[str, Any]) -> dict[str, Any]:
    text = str(cit.get("text") or "")
    kind = "key" if text.startswith(("\\", "[@", "@")) else "author-year"
    if _NUMERIC.match(text):
        kind = "numeric"
    return {
        "id": cit["id"],
        "text": text,
        "location": cit["location"],
        "kind": kind,
        "item": cit.get("item") or "",
    }


def _links(references: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each checked URL once, as the audit's link phase listed them."""
    seen: dict[str, dict[str, Any]] = {}
    for ref in references:
        for link in ref.get("links") or []:
            seen.setdefault(str(link["url"]), link)
    return list(seen.values())
