"""What every page needs: the signed-in account (or a trip to sign-in) and its CSRF token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request

from citeaudit.api.deps import RepoDep
from citeaudit.web.session import csrf_for, session_token, signed_in_account


@dataclass(frozen=True, slots=True)
class Visitor:
    account: int
    csrf: str


def visitor(request: Request, repo: RepoDep) -> Visitor:
    """The signed-in account; anyone else is sent to sign in (303), then back here."""
    account = signed_in_account(request, repo)
    token = session_token(request)
    if account is None or token is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise HTTPException(
            303,
            "sign in first",
            headers={"Location": f"/web/sign-in?next={quote(target, safe='/')}"},
        )
    return Visitor(account, csrf_for(token))


VisitorDep = Annotated[Visitor, Depends(visitor)]
