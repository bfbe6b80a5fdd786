"""The API's request and response shapes (pydantic lives only at this edge)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

Status = Literal["queued", "running", "done", "failed"]


class ErrorMessage(BaseModel):
    detail: str


class Progress(BaseModel):
    done: int = Field(description="network-phase chunks finished")
    total: int = Field(description="network-phase chunks in all")


class Counts(BaseModel):
    error: int = 0
    warning: int = 0
    info: int = 0


class AuditCreated(BaseModel):
    id: str
    status: Status
    url: str


class AuditStatus(BaseModel):
    id: str
    status: Status
    phase: str = Field(description="queued, offline, network, assembling or done")
    progress: Progress
    counts: Counts | None = Field(description="findings by severity; offline ones until done")
    error: str | None = Field(description="why a failed audit failed")
    options: dict[str, Any]
    files: list[str]
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None


class AuditPage(BaseModel):
    items: list[AuditStatus]
    page: int
    per_page: int
    total: int


class Findings(BaseModel):
    audit_id: str
    status: Status
    final: bool = Field(description="false while only the offline findings are known")
    findings: list[dict[str, Any]]


class RuleInfo(BaseModel):
    code: str
    name: str
    severity: str
    phase: str
    summary: str


class Health(BaseModel):
    status: str
    mode: Literal["embedded", "celery"]
    database: str
