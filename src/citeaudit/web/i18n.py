"""The page's language: English or Indonesian, from a gettext catalog per language.

Many of the journals the service is for publish in Indonesian, so the editors' page
speaks it. A language is a catalog (``web/locale/<code>/LC_MESSAGES/messages.po``), not
code: the next one is a translation. Catalogs are read from their ``.po`` text with
Babel (no compiled ``.mo`` in the repository, no build step).

The language of a request comes from the ``lang`` cookie the page's switch sets, else
from ``Accept-Language``; it is held in a context variable for the request, so the
one shared Jinja2 environment and the view code translate for whoever asked, with no
state shared between concurrent requests. What the audit itself says (findings'
messages, the user's own entries) is not translated: it is the same text the CLI and
the JSON report give.
"""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable, MutableMapping
from contextvars import ContextVar
from functools import lru_cache
from gettext import NullTranslations
from importlib import resources
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

__all__ = [
    "COOKIE",
    "LANGUAGES",
    "LanguageMiddleware",
    "choose_language",
    "current_language",
    "current_page",
    "gettext",
    "ngettext",
]

LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}  # code -> its own name
DEFAULT = "en"
COOKIE = "citeaudit_lang"
_MAX_HEADER = 1000  # Accept-Language longer than this is not parsed (hostile headers)

_language: ContextVar[str] = ContextVar("citeaudit_language", default=DEFAULT)
_here: ContextVar[str] = ContextVar("citeaudit_here", default="/web/audits")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


@lru_cache(maxsize=len(LANGUAGES))
def _catalog(code: str) -> NullTranslations:
    if code == DEFAULT:
        return NullTranslations()  # the templates' own text is English
    path = resources.files("citeaudit.web").joinpath("locale", code, "LC_MESSAGES", "messages.po")
    with path.open("rb") as po:
        catalog = read_po(po, locale=code)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def current_language() -> str:
    return _language.get()


def current_page() -> str:
    """The page being rendered (path and query): where the language switch returns."""
    return _here.get()


def gettext(message: str) -> str:
    return _catalog(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog(_language.get()).ngettext(singular, plural, n)


def choose_language(cookie: str | None, accept_language: str | None) -> str:
    """The cookie's language when it names one we have, else the best of Accept-Language
    ("id-ID,id;q=0.9,en;q=0.8" -> "id"), else English."""
    if cookie in LANGUAGES:
        return str(cookie)
    header = (accept_language or "")[:_MAX_HEADER]
    best, best_q = DEFAULT, 0.0
    for position, part in enumerate(header.split(",")[:50]):
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower().split("-", 1)[0]
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        q -= position * 1e-6  # equal weights: the first listed wins
        if code in LANGUAGES and q > best_q:
            best, best_q = code, q
    return best


def _cookie(headers: list[tuple[bytes, bytes]]) -> str | None:
    for name, value in headers:
        if name == b"cookie":
            for part in value.decode("latin-1")[:_MAX_HEADER].split(";"):
                key, _, text = part.strip().partition("=")
                if key == COOKIE:
                    return text.strip()
    return None


class LanguageMiddleware:
    """Sets the request's language for everything that renders it (pure ASGI, so the
    context variable reaches the endpoint, its thread pool and the templates)."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers: list[tuple[bytes, bytes]] = list(scope.get("headers") or ())
        accept = next((v.decode("latin-1") for k, v in headers if k == b"accept-language"), None)
        token = _language.set(choose_language(_cookie(headers), accept))
        query = bytes(scope.get("query_string") or b"").decode("latin-1")
        here = _here.set(str(scope.get("path") or "/") + (f"?{query}" if query else ""))
        try:
            await self.app(scope, receive, send)
        finally:
            _here.reset(here)
            _language.reset(token)
