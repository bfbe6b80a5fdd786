"""Headers that keep the service's own answers from running an upload's text.

The API serves what uploads hold: an audit's HTML report (titles, file names and
addresses of the author's choosing), the watch changes as HTML, fixed files, JSON
with the entries' text. Opened in a browser at the service's address, such an answer
ran with the origin of the editors' pages (their cookies, their CSRF tokens) unless
every one of them was escaped perfectly. So every answer that does not set its own
policy (the editors' pages do, `web.render`) is a sandbox: no script, no plugin, no
form, no framing, a unique origin; inline style only, so the HTML report still reads.
``nosniff`` keeps a browser from reading a text or JSON answer as HTML. The API
documentation pages (Swagger UI, ReDoc) run the bundled scripts they are made of and
only get ``frame-ancestors 'none'``.

What an answer holds is one account's (an audit's report, findings, a fixed file), so
an answer that does not state its own caching is ``Cache-Control: no-store``: the
reports' downloads and every API answer said nothing, and a browser kept a
confidential manuscript's report on disk after sign-out, or a shared cache in front of
the service kept a cookie-authenticated download. ``Referrer-Policy: no-referrer``
keeps a link followed out of a report from naming the audit's address. An answer the
browser had over https (behind the TLS proxy too, `api.forwarded`) says
``Strict-Transport-Security``, so the next visit does not start on plain http.

A pure ASGI middleware: streamed answers stay streamed. It wraps the whole
application (`install`), outside Starlette's last-resort error middleware (a plain
500) and every middleware of ours (the body limits' 413), so no answer the
application gives goes out without it.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from citeaudit.api.forwarded import browser_on_https

__all__ = ["HSTS", "SANDBOX_POLICY", "SecurityHeaders", "install"]

HSTS = b"max-age=31536000"  # a year; subdomains are the operator's, not ours to pin

SANDBOX_POLICY = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'"
)
_DOCS_POLICY = "frame-ancestors 'none'"
_DOCS = ("/docs", "/redoc", "/static-offline-docs/")


class SecurityHeaders:
    """Adds ``X-Content-Type-Options: nosniff``, a sandboxing policy, ``no-store`` and
    ``no-referrer`` to every HTTP answer that does not state its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        docs = path.startswith(_DOCS)  # the bundled documentation's assets may be cached
        policy = _DOCS_POLICY if docs else SANDBOX_POLICY
        request_headers = {
            bytes(k).decode("latin-1").lower(): bytes(v).decode("latin-1")
            for k, v in scope.get("headers", ())
            if bytes(k).lower() in (b"x-forwarded-proto", b"forwarded")
        }
        https = browser_on_https(str(scope.get("scheme", "http")), request_headers)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                names = {bytes(name).lower() for name, _ in headers}
                if b"x-content-type-options" not in names:
                    headers.append((b"x-content-type-options", b"nosniff"))
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", policy.encode("ascii")))
                if b"cache-control" not in names and not docs:
                    headers.append((b"cache-control", b"no-store"))
                if b"referrer-policy" not in names:
                    headers.append((b"referrer-policy", b"no-referrer"))
                if https and b"strict-transport-security" not in names:
                    headers.append((b"strict-transport-security", HSTS))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def install(app: Starlette) -> None:
    """`SecurityHeaders` around `app`'s whole middleware stack.

    `add_middleware` puts a middleware inside Starlette's ServerErrorMiddleware (which
    answers an unhandled exception's 500 itself) and inside any middleware added
    after it (`BodyLimits` answers 413 before the request reaches the rest): those
    answers had neither header. The stack is built on the first request; this wraps
    what it builds."""
    build = app.build_middleware_stack

    def build_with_headers() -> ASGIApp:
        return SecurityHeaders(build())

    app.build_middleware_stack = build_with_headers  # type: ignore[method-assign]
