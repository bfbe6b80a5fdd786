"""Signing in with a token: the session cookie, CSRF tokens and same-origin checks.

Signing in with an API token starts a server-side session: the cookie holds a random
value of its own (HttpOnly, SameSite=Strict, Max-Age), never the token, and the store
keeps only its hash, when it expires, and which token it came from. So a stolen
cookie is not a token, it stops working when it expires, on sign-out, or when its
token is revoked or expires -- and there is no signing secret to generate, keep or
rotate. Form posts carry a CSRF token: after sign-in an HMAC of the session value
(useless without the cookie's value); before sign-in a random value that must match a
second cookie (double submit). A post whose Origin names another site is refused too.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import Request, Response

from citeaudit.api.forwarded import browser_on_https
from citeaudit.store.repository import Repository

SESSION_COOKIE = "citeaudit_session"
PRESESSION_COOKIE = "citeaudit_csrf"
_CSRF_CONTEXT = b"citeaudit-web-csrf-v1"


def session_token(request: Request) -> str | None:
    return request.cookies.get(SESSION_COOKIE) or None


def signed_in_account(request: Request, repo: Repository) -> int | None:
    value = session_token(request)
    return repo.session_account(value) if value else None


def csrf_for(token: str) -> str:
    return hmac.new(token.encode("utf-8"), _CSRF_CONTEXT, hashlib.sha256).hexdigest()


def new_presession() -> str:
    return secrets.token_urlsafe(24)


def on_https(request: Request) -> bool:
    """True when the browser reached us over https, behind the TLS proxy too: taken
    from the scheme alone, the README's deployment sent the session cookie without
    ``Secure`` (`api.forwarded`)."""
    return browser_on_https(request.url.scheme, request.headers)


_secure = on_https


def set_session(response: Response, request: Request, value: str, max_age: int) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        value,
        max_age=max_age,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
        path="/",
    )
    response.delete_cookie(PRESESSION_COOKIE, path="/web/", httponly=True, samesite="strict")


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
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")


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
