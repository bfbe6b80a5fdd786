"""The schema as SQLAlchemy 2 declarative models (the migrations create the same).

Child rows of an audit are deleted with it (ON DELETE CASCADE); links are shared by
every audit that cites them and keep their whole check history.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from citeaudit.store.watching.times import utcnow


class Base(DeclarativeBase):
    pass


_AUDIT_FK = "audits.id"
_CASCADE = "CASCADE"


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiToken(Base):
    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete=_CASCADE))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    hint: Mapped[str | None] = mapped_column(String(16), nullable=True)  # its first characters
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class WebSession(Base):
    """A signed-in browser: a random cookie value (stored hashed) bound to one token.

    It ends when it expires, on sign-out, or when its token is revoked or expires.
    """

    __tablename__ = "web_sessions"
    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete=_CASCADE))
    token_id: Mapped[int] = mapped_column(
        ForeignKey("api_tokens.id", ondelete=_CASCADE), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class Audit(Base):
    __tablename__ = "audits"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete=_CASCADE), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default="queued")
    phase: Mapped[str] = mapped_column(String(16), default="queued")
    progress_done: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int] = mapped_column(Integer, default=0)
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    counts: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Submitted while the broker was unreachable: the sweeper sends it when it can.
    undispatched: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Bytes the audit's own rows keep besides its uploads (references, citations,
    # findings, chunk results, the typed result): measured when they are stored, and
    # counted by the stored-bytes quota with the uploads (`store.held_bytes`).
    held_bytes: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AuditFile(Base):
    __tablename__ = "audit_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    audit_id: Mapped[str] = mapped_column(ForeignKey(_AUDIT_FK, ondelete=_CASCADE), index=True)
    role: Mapped[str] = mapped_column(String(16))  # "manuscript" | "bibliography"
    name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(16))  # sniffed: "text" | "docx"
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class AuditReference(Base):
    __tablename__ = "audit_references"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    audit_id: Mapped[str] = mapped_column(ForeignKey(_AUDIT_FK, ondelete=_CASCADE), index=True)
    reference_id: Mapped[str] = mapped_column(String(255))
    position: Mapped[int] = mapped_column(Integer)
    raw: Mapped[str] = mapped_column(Text)
    doi: Mapped[str | None] = mapped_column(String(512), nullable=True)
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)


class AuditCitation(Base):
    __tablename__ = "audit_citations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    audit_id: Mapped[str] = mapped_column(ForeignKey(_AUDIT_FK, ondelete=_CASCADE), index=True)
    citation_id: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    file: Mapped[str] = mapped_column(String(255))
    line: Mapped[int | None] = mapped_column(Integer, nullable=True)
    column: Mapped[int | None] = mapped_column(Integer, nullable=True)


class FindingRow(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    audit_id: Mapped[str] = mapped_column(ForeignKey(_AUDIT_FK, ondelete=_CASCADE), index=True)
    position: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # the JSON report's finding object


class ResolutionRow(Base):
    __tablename__ = "resolutions"
    __table_args__ = (UniqueConstraint("audit_id", "reference_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    audit_id: Mapped[str] = mapped_column(ForeignKey(_AUDIT_FK, ondelete=_CASCADE), index=True)
    reference_id: Mapped[str] = mapped_column(String(255))
    state: Mapped[str] = mapped_column(String(16))
    doi: Mapped[str | None] = mapped_column(String(512), nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class Link(Base):
    """One URL, once, whoever cites it."""

    __tablename__ = "links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str] = mapped_column(Text)


class LinkCheckRow(Base):
    """Every check of a link: its history."""

    __tablename__ = "link_checks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("links.id", ondelete=_CASCADE), index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(64), nullable=True)
    status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class AuditLink(Base):
    __tablename__ = "audit_links"
    audit_id: Mapped[str] = mapped_column(
        ForeignKey(_AUDIT_FK, ondelete=_CASCADE), primary_key=True
    )
    link_id: Mapped[int] = mapped_column(
        ForeignKey("links.id", ondelete=_CASCADE), primary_key=True
    )
    check_id: Mapped[int | None] = mapped_column(
        ForeignKey("link_checks.id", ondelete="SET NULL"), nullable=True
    )
    reference_ids: Mapped[list[str]] = mapped_column(JSON, default=list)


class Chunk(Base):
    """A slice of an audit's references for one network phase: the unit of worker work."""

    __tablename__ = "chunks"
    __table_args__ = (UniqueConstraint("audit_id", "phase", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    audit_id: Mapped[str] = mapped_column(ForeignKey(_AUDIT_FK, ondelete=_CASCADE), index=True)
    phase: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    reference_ids: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    worker: Mapped[str | None] = mapped_column(String(255), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StepDelivery(Base):
    """How often a step of an audit was started: bounds a poison input's redeliveries."""

    __tablename__ = "step_deliveries"
    audit_id: Mapped[str] = mapped_column(
        ForeignKey(_AUDIT_FK, ondelete=_CASCADE), primary_key=True
    )
    step: Mapped[str] = mapped_column(String(64), primary_key=True)  # parse, chunk:<id>, ...
    count: Mapped[int] = mapped_column(Integer, default=0)


class AuditResultRow(Base):
    """A finished audit as the model's codec writes an `AuditResult`: every report and
    page is rendered from it when asked, so a report always has today's layout and a
    watched audit's report its changes."""

    __tablename__ = "audit_results"
    audit_id: Mapped[str] = mapped_column(
        ForeignKey(_AUDIT_FK, ondelete=_CASCADE), primary_key=True
    )
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
