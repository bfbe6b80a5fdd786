"""Signing in with a token: the session cookie, CSRF tokens and same-origin checks.

The session cookie holds the API token itself (HttpOnly, SameSite=Strict), so a page
is exactly as authorised as an API call with that token. Form posts carry a CSRF
token: after sign-in an HMAC of the session token (no server secret to manage, and
useless without the cookie's value); before sign-in a random value that must match a
second cookie (double submit). A post whose Origin names another site is refused too.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import Request, Response

from citeaudit.store.repository import Repository

SESSION_COOKIE = "citeaudit_session"
PRESESSION_COOKIE = "citeaudit_csrf"
_CSRF_CONTEXT = b"citeaudit-web-csrf-v1"


def session_token(request: Request) -> str | None:
    return request.cookies.get(SESSION_COOKIE) or None


def signed_in_account(request: Request, repo: Repository) -> int | None:
    token = session_token(request)
    return repo.account_for_token(token) if token else None


def csrf_for(token: str) -> str:
    return hmac.new(token.encode("utf-8"), _CSRF_CONTEXT, hashlib.sha256).hexdigest()


def new_presession() -> str:
    return secrets.token_urlsafe(24)


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def set_session(response: Response, request: Request, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
        path="/",
    )
    response.delete_cookie(PRESESSION_COOKIE, path="/web/")


def set_presession(response: Response, request: Request, value: str) -> None:
    response.set_cookie(
        PRESESSION_COOKIE,
        value,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
        path="/web/",
    )


def clear_session(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")


def same_origin(request: Request) -> bool:
    """False when the browser says the post comes from another site."""
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()


def csrf_ok(request: Request, submitted: object, *, before_sign_in: bool = False) -> bool:
    """The form's token matches the session's (or, signing in, the pre-session's)."""
    if not isinstance(submitted, str) or not submitted or not same_origin(request):
        return False
    expected = (
        request.cookies.get(PRESESSION_COOKIE)
        if before_sign_in
        else (csrf_for(t) if (t := session_token(request)) else None)
    )
    return bool(expected) and hmac.compare_digest(submitted, expected or "")


def safe_next(target: str | None) -> str:
    """Where to go after sign-in: only a path of these pages, never another site."""
    if target and target.startswith("/web/") and not target.startswith("//"):
        return target
    return "/web/audits"
