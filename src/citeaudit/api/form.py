"""Reading a multipart upload within the size cap, whatever the client sends.

The cap is enforced on the bytes as they arrive (and on Content-Length before any),
so a 50 MB body costs nothing but the drain; the drain lets the client finish
sending and read the 413 instead of seeing a reset connection. The drain is bounded
in bytes and seconds (`api.limits.drain`): a client that stops sending holds nothing.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

from fastapi import Request
from starlette.datastructures import FormData
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import ClientDisconnect

from citeaudit.api.limits import DRAIN_MAX_BYTES, drain
from citeaudit.api.uploads import UploadRejected


class _TooLarge(Exception):
    pass


async def _limited(stream: AsyncGenerator[bytes, None], limit: int) -> AsyncGenerator[bytes, None]:
    total = 0
    async for chunk in stream:
        total += len(chunk)
        if total > limit:
            raise _TooLarge
        yield chunk


async def _drain(request: Request) -> None:
    await drain(request.receive, DRAIN_MAX_BYTES)


async def read_form(request: Request, *, limit: int, max_files: int) -> FormData:
    too_large = UploadRejected(413, f"the upload is larger than the limit of {limit} bytes")
    content_type = request.headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/form-data"):
        await _drain(request)
        raise UploadRejected(
            415,
            f"send multipart/form-data with 'manuscript' and/or 'bibliography' files "
            f"(or a 'reference_list'), "
            f"not {content_type or 'no content type'!r}",
        )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        await _drain(request)
        raise too_large
    # A text field may be as large as the upload: a reference list pasted into the
    # page's box is one (5,000 entries are over a megabyte). Starlette's default of
    # 1 MB a field refused it as a "malformed multipart body"; the whole body is
    # capped at `limit` all the same, and a field grows linearly in one buffer.
    parser = MultiPartParser(
        request.headers,
        _limited(request.stream(), limit),
        max_files=max_files,
        max_fields=20,
        max_part_size=limit,
    )
    try:
        return await parser.parse()
    except _TooLarge:
        await _drain(request)
        raise too_large from None
    except MultiPartException as exc:
        raise UploadRejected(400, f"malformed multipart body: {exc.message}") from None
    except ClientDisconnect:  # no one is left to read an answer; not a server error
        raise UploadRejected(400, "the client left before the upload was whole") from None
