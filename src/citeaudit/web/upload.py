"""Reading the upload form: the form's CSRF token first, then the API's checks on every
file.

The token is judged before any file is: checking a file is work (a PDF is opened by
the engine in a child process that may take a minute and a gigabyte), and a post that
is not the editor's own -- a page of a sibling site, which a SameSite cookie does not
stop -- must cost no more than its drain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request

from citeaudit.api.form import read_form
from citeaudit.api.uploads import checked_files
from citeaudit.settings import ServiceSettings
from citeaudit.store.views import NewFile
from citeaudit.web.session import csrf_ok


@dataclass(frozen=True, slots=True)
class Upload:
    files: list[NewFile]
    options: dict[str, Any]
    csrf_ok: bool  # False: nothing of the form was checked, nothing may be done


async def read_upload(request: Request, settings: ServiceSettings, account: int) -> Upload:
    form = await read_form(request, limit=settings.max_upload_bytes, max_files=settings.max_files)
    try:
        if not csrf_ok(request, form.get("csrf")):
            return Upload([], {}, csrf_ok=False)
        files = await checked_files(
            form, max_expanded=settings.max_expanded_bytes, skip_empty=True, owner=account
        )
        resolve = form.get("resolve") == "on"
        links = form.get("links") == "on"
        options = {"offline": not (resolve or links), "resolve": resolve, "links": links}
        return Upload(files, options, csrf_ok=True)
    finally:
        await form.close()
