"""Reading the upload form: the API's checks on every file, plus the form's CSRF token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request

from citeaudit.api.form import read_form
from citeaudit.api.uploads import checked_files
from citeaudit.settings import ServiceSettings
from citeaudit.store.views import NewFile


@dataclass(frozen=True, slots=True)
class Upload:
    files: list[NewFile]
    options: dict[str, Any]
    csrf: object


async def read_upload(request: Request, settings: ServiceSettings) -> Upload:
    form = await read_form(request, limit=settings.max_upload_bytes, max_files=settings.max_files)
    try:
        files = await checked_files(form, max_expanded=settings.max_expanded_bytes, skip_empty=True)
        resolve = form.get("resolve") == "on"
        links = form.get("links") == "on"
        options = {"offline": not (resolve or links), "resolve": resolve, "links": links}
        return Upload(files, options, form.get("csrf"))
    finally:
        await form.close()
