"""An uploaded PDF is opened as heavy work of the account that sends it.

Opening a PDF (in its own process) takes one of `service.heavy`'s places; one
account's work holds at most `HEAVY_PER_OWNER` of them. The report, findings and
fixed-file routes named their account, the upload paths did not: one account's flood
of PDF uploads through the API or the web page could still hold every place. The
check is made through the real form reader and the real heavy gate; only the owner
each heavy call is made for is recorded.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from starlette.datastructures import FormData, Headers, UploadFile

from citeaudit.api import uploads
from tests.security.pdf_objects import one_page_pdf


def _form(pdf: bytes) -> FormData:
    import io

    upload = UploadFile(
        io.BytesIO(pdf),
        filename="paper.pdf",
        headers=Headers({"content-type": "application/pdf"}),
    )
    return FormData([("manuscript", upload)])


def test_an_uploaded_pdf_is_heavy_work_of_its_account(monkeypatch: pytest.MonkeyPatch) -> None:
    owners: list[int | None] = []
    real = uploads.run_heavy

    async def recorded(work: Callable[[], Any], owner: int | None = None) -> Any:
        owners.append(owner)
        return await real(work, owner=owner)

    monkeypatch.setattr(uploads, "run_heavy", recorded)
    pdf = one_page_pdf(b"As Okafor (2002) found.")
    files = asyncio.run(uploads.checked_files(_form(pdf), max_expanded=10_000_000, owner=42))
    assert [f.name for f in files] == ["paper.pdf"]
    assert owners == [42]
