"""/api/v1/rules and /healthz."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from citeaudit.api.deps import RepoDep
from citeaudit.api.schemas import Health, RuleInfo
from citeaudit.rules.registry import ALL_RULES

router = APIRouter()


@router.get("/api/v1/rules", response_model=list[RuleInfo], tags=["rules"])
def list_rules() -> list[RuleInfo]:
    return [
        RuleInfo(
            code=r.code,
            name=r.name,
            severity=r.severity.value,
            phase=r.phase.value,
            summary=r.summary,
        )
        for r in ALL_RULES
    ]


@router.get("/healthz", response_model=Health, tags=["health"])
def healthz(request: Request, repo: RepoDep) -> Health:
    try:
        with repo.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        raise HTTPException(503, f"database unavailable: {type(exc).__name__}") from None
    return Health(status="ok", mode=request.app.state.mode, database="ok")
