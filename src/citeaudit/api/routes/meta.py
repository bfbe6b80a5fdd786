"""/api/v1/rules and /healthz."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from citeaudit.api.deps import RepoDep
from citeaudit.api.schemas import Health, RuleInfo
from citeaudit.rules.registry import ALL_RULES
from citeaudit.store.db import unavailable

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
    problem = unavailable(repo.engine)
    if problem is not None:
        raise HTTPException(503, f"database unavailable: {problem}")
    return Health(status="ok", mode=request.app.state.mode, database="ok")
