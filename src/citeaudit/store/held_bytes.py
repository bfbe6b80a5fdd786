"""How many bytes an audit's own rows keep in the store, besides its uploads.

The stored-bytes quota (`store.quotas`) summed the uploaded files alone. What an audit
keeps beside them is made from the upload and far larger: a 27 KB bibliography of
2,000 bare entries beside a one-line manuscript kept 3.5 MB of references, findings
and typed result (130 times), so one account could fill some hundred times its quota
(svc31). The rows are measured in SQL where they are stored, in the transaction that
stores them: the text and JSON columns' bytes (PostgreSQL's `octet_length` of the
text, SQLite's length of the UTF-8 blob), never the rows read back into Python.

The figure is a measure of what the account caused to be kept, not the disk's exact
use (indexes and page slack are left out, alike for every account).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, LargeBinary, Text, cast, func, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from citeaudit.store.tables import (
    Audit,
    AuditCitation,
    AuditLink,
    AuditReference,
    AuditResultRow,
    Chunk,
    FindingRow,
    Link,
    LinkCheckRow,
    ResolutionRow,
)


def _octets(s: Session, column: InstrumentedAttribute[object]) -> ColumnElement[int]:
    """The column's bytes as stored text (0 for NULL)."""
    if s.get_bind().dialect.name == "postgresql":
        size = func.octet_length(cast(column, Text))
    else:  # SQLite: a text cast to a blob is its UTF-8 bytes
        size = func.length(cast(column, LargeBinary))
    return func.coalesce(func.sum(size), 0)


# Each of the audit's tables with the columns whose size grows with the upload.
_MEASURED: tuple[tuple[type[object], tuple[str, ...]], ...] = (
    (AuditReference, ("raw", "title", "reference_id")),
    (AuditCitation, ("text", "citation_id", "file")),
    (FindingRow, ("message", "data")),
    (ResolutionRow, ("data",)),
    (Chunk, ("reference_ids", "result")),
    (AuditLink, ("reference_ids",)),
    (AuditResultRow, ("data",)),
)


def measure(s: Session, audit_id: str) -> int:
    """The bytes the audit's own rows hold now (its uploads not included): a query a
    table, each summing its growing columns."""
    total = 0
    for table, columns in _MEASURED:
        sizes = [_octets(s, getattr(table, name)) for name in columns]
        row = s.execute(select(*sizes).where(table.audit_id == audit_id)).one()  # type: ignore[attr-defined]
        total += sum(int(v or 0) for v in row)
    # The audit's own link checks, kept in the links' shared history; and its links'
    # addresses (shared rows, each counted for every audit that cites it).
    checks = select(AuditLink.check_id).where(
        AuditLink.audit_id == audit_id, AuditLink.check_id.is_not(None)
    )
    total += int(
        s.scalar(select(_octets(s, LinkCheckRow.data)).where(LinkCheckRow.id.in_(checks))) or 0
    )
    cited = select(AuditLink.link_id).where(AuditLink.audit_id == audit_id)
    total += int(s.scalar(select(_octets(s, Link.url)).where(Link.id.in_(cited))) or 0)
    return total


def chunk_bytes(s: Session, chunk_id: int) -> int:
    """The bytes one chunk's stored result holds: added to its audit's figure as each
    chunk ends, so an audit failed in its network phase (whose final measure never
    comes) still counts the results it keeps for a retry."""
    return int(s.scalar(select(_octets(s, Chunk.result)).where(Chunk.id == chunk_id)) or 0)


def record(s: Session, audit_id: str) -> int:
    """Measures the audit's rows and keeps the figure on the audit; the figure."""
    s.flush()
    held = measure(s, audit_id)
    s.execute(update(Audit).where(Audit.id == audit_id).values(held_bytes=held))
    return held
