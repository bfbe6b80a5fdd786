"""What the API answers when a request goes wrong: always JSON `{"detail": "..."}`.

Responses are rendered ASCII-only (`\\uXXXX` escapes), so a string no encoder can
take -- a lone surrogate that came in through a file name or a finding -- is sent
escaped instead of failing the response. Validation errors are one readable
sentence and never echo the client's input back (it may be large, or hostile).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from citeaudit.report.printable import azure_inert, printable

log = logging.getLogger(__name__)


class SafeJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        # ASCII; and an Azure Pipelines command's "[" as \u005b (the same value): a
        # job printing the answer runs ##vso[ wherever it stands in a line (out30-3)
        text = json.dumps(content, ensure_ascii=True, separators=(",", ":"))
        return azure_inert(text, "\\u005b").encode("ascii")


def _where(loc: object) -> str:
    parts = [str(p) for p in loc if p != "body"] if isinstance(loc, list | tuple) else []
    return ".".join(parts)[:80] or "the request"


def validation_message(exc: RequestValidationError) -> str:
    reasons = []
    for error in exc.errors()[:5]:
        where = _where(error.get("loc"))
        reasons.append(f"{where}: {str(error.get('msg', 'invalid'))[:160]}")
    return "; ".join(reasons) or "the request is not valid"


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return SafeJSONResponse({"detail": validation_message(exc)}, 422)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # the path arrives decoded: a %0A in it would forge a line of the log
        path = printable(request.url.path)
        log.exception("unexpected error on %s %s", request.method, path)
        return SafeJSONResponse({"detail": "internal error; the request was not completed"}, 500)
