"""Reading the upload form: the API's checks on every file, plus the form's CSRF token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile

from citeaudit.api.form import read_form
from citeaudit.api.uploads import UploadRejected, check_upload, unique_names
from citeaudit.service.config import ServiceSettings
from citeaudit.store.views import NewFile


@dataclass(frozen=True, slots=True)
class Upload:
    files: list[NewFile]
    options: dict[str, Any]
    csrf: object


async def read_upload(request: Request, settings: ServiceSettings) -> Upload:
    form = await read_form(request, limit=settings.max_upload_bytes, max_files=settings.max_files)
    try:
        files: list[NewFile] = []
        for role in ("manuscript", "bibliography"):
            for item in form.getlist(role):
                if not isinstance(item, UploadFile):
                    raise UploadRejected(422, f"{role!r} must be a file")
                if not item.filename and not item.size:
                    continue  # the browser's empty file input
                data = await item.read()
                files.append(
                    check_upload(
                        role,
                        item.filename,
                        item.content_type,
                        data,
                        max_expanded=settings.max_expanded_bytes,
                    )
                )
        resolve = form.get("resolve") == "on"
        links = form.get("links") == "on"
        options = {"offline": not (resolve or links), "resolve": resolve, "links": links}
        return Upload(unique_names(files), options, form.get("csrf"))
    finally:
        await form.close()
