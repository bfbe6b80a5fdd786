"""100 bad uploads, each a 4xx with a message; the service keeps serving.

And what is not bad: text that is not valid UTF-8 is audited as the CLI audits it (one
decoding policy, `citeaudit.text_decoding`), with a warning naming the file and line.
"""

from __future__ import annotations

import functools
import io
import json
import os
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest

from tests.service.conftest import EXAMPLES, Server
from tests.service.helpers import submit

pytestmark = [pytest.mark.services, pytest.mark.slow]

Case = tuple[str, dict[str, Any]]  # (what, keyword arguments for client.post)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _file(role: str, name: str, data: bytes, media: str | None = None) -> dict[str, Any]:
    part = (name, data, media) if media else (name, data)
    return {"files": [(role, part)]}


def _cases() -> Iterator[Case]:
    roles = ("manuscript", "bibliography")
    for i, data in enumerate((b"", b" ", b"\n\n\n", b"\t \r\n", b"   " * 100)):
        for role in roles:
            yield f"empty {i} as {role}", _file(role, f"empty{i}.md", data)
    yield "no files at all", {"data": {"offline": "true"}}
    yield (
        "text field instead of file",
        {"data": {"manuscript": "Smith (2020)"}, "files": [("bibliography", ("x.md", b""))]},
    )
    binaries = [
        b"\x00" * 64,
        b"\x89PNG\r\n\x1a\n" + os.urandom(2000),
        b"\x7fELF\x02\x01\x01" + b"\x00" * 500,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        b"Smith (2020)\x00 hidden NUL",
        bytes(range(256)) * 4,
        b"GIF89a" + os.urandom(500),
        b"\x1f\x8b\x08\x00" + os.urandom(300),
        os.urandom(4096),
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(1000),  # old .doc
        b"MZ\x90\x00\x03" + b"\x00" * 200,  # a Windows executable
        b"\xff\xd8\xff\xe0" + os.urandom(800),  # JPEG
        b"SQLite format 3\x00" + os.urandom(200),
    ]
    for i, data in enumerate(binaries):
        for role in roles:
            yield f"binary {i} as {role}", _file(role, f"paper{i}.md", data)
    big = b"a" * (50 * 1024 * 1024)
    for i in range(3):
        yield f"50 MB {i}", _file(roles[i % 2], f"big{i}.md", big)
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (80 << 20)})
    wide = _zip(
        {f"word/part{i}.xml": b"\0" * (9 << 20) for i in range(8)}
        | {"word/document.xml": b"<w:document/>"}
    )
    not_docx = _zip({"hello.txt": b"hello"})
    for i, data in enumerate((bomb, wide, not_docx, bomb[:5000], b"PK\x03\x04broken")):
        yield f"zip {i} as docx", _file("manuscript", f"paper{i}.docx", data)
        yield f"zip {i} as bibliography", _file("bibliography", f"refs{i}.bib", data)
    yield "docx as bibliography", _file("bibliography", "refs.docx", not_docx)
    yield "zip bomb named .md", _file("manuscript", "innocent.md", bomb)
    text = b"Smith (2020) argues.\n\n## References\n\nSmith, A. (2020). T.\n"
    for i, media in enumerate(
        (
            "image/png",
            "application/pdf",
            "video/mp4",
            "audio/mpeg",
            "application/x-msdownload",
            "font/woff2",
            "image/svg+xml",
            "application/vnd.ms-excel",
        )
    ):
        for role in roles:
            yield f"declared {media} as {role}", _file(role, f"paper{i}.md", text, media)
    whole = json.dumps({"manuscript": text.decode()}).encode()
    for media in (
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/xml",
        "multipart/mixed; boundary=x",
        "",
    ):
        yield (
            f"body as {media or 'nothing'}",
            {"content": whole, "headers": {"Content-Type": media} if media else {}},
        )
    yield (
        "multipart without boundary",
        {"content": b"--x\r\n", "headers": {"Content-Type": "multipart/form-data"}},
    )
    yield "bad option", {"files": [("manuscript", ("p.md", text))], "data": {"offline": "maybe"}}
    yield "unknown field", {"files": [("manuscript", ("p.md", text))], "data": {"shell": "rm"}}
    # Nothing to read once decoded: byte-order marks alone, blank UTF-16.
    for i, data in enumerate(
        (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf \r\n", b"\xff\xfe \x00\n\x00")
    ):
        yield f"bom only {i} as manuscript", _file("manuscript", f"bom{i}.md", data)
    for i, media in enumerate(
        (
            "application/gzip",
            "application/x-7z-compressed",
            "application/java-archive",
            "application/vnd.ms-powerpoint",
            "image/gif",
        )
    ):
        for role in roles:
            yield f"declared {media} as {role}", _file(role, f"refs{i}.bib", text, media)
    controls = bytes(range(1, 9)) + bytes(range(14, 27))  # text-looking, control-dense
    for i, data in enumerate(
        (
            b"Smith (2020) argues " + controls,
            b"@article{k, title={T}}\n" + controls * 3,
            b"line\n" * 40 + b"\x00",
        )
    ):
        for role in roles:
            yield f"control characters {i} as {role}", _file(role, f"ctl{i}.txt", data)
    yield "path traversal name, empty", _file("manuscript", "../../etc/passwd", b"")


@functools.cache
def cases() -> list[Case]:
    return list(_cases())


def test_there_are_100_cases() -> None:
    assert len(cases()) >= 100
    assert len({what for what, _ in cases()}) == len(cases())


def test_bad_uploads_get_4xx_with_message(embedded: Server) -> None:
    answers: dict[str, int] = {}
    with embedded.client() as client:
        stored = client.get("/api/v1/audits").json()["total"]  # by the session's other tests
        for what, request in cases():
            response = client.post("/api/v1/audits", **request)
            answers[what] = response.status_code
            assert 400 <= response.status_code < 500, (what, response.status_code, response.text)
            detail = response.json()["detail"]
            assert isinstance(detail, str) and detail.strip(), what
        assert client.get("/healthz").json()["status"] == "ok"
        assert client.get("/api/v1/audits").json()["total"] == stored  # nothing bad was stored
        # still serving real work after all that
        audit_id = submit(client, [EXAMPLES / "apa-markdown" / "manuscript.md"], offline="true")
        assert client.get(f"/api/v1/audits/{audit_id}").status_code == 200
    assert answers["50 MB 0"] == 413
    assert answers["zip 0 as docx"] == 413
    assert answers["declared image/png as manuscript"] == 415
    assert answers["binary 4 as manuscript"] == 415  # a NUL inside text
    assert answers["control characters 0 as bibliography"] == 415
    assert answers["bom only 1 as manuscript"] == 422
    assert answers["empty 0 as manuscript"] == 422


INVALID_ENCODINGS = [
    b"caf\xe9 Smith (2020)\n",
    b"Smith (2020) \xc3\x28 broken\n",
    b"ok line\nthen \xed\xa0\x80 a surrogate\n",
    b"truncated \xe2\x82",
    b"\xff\xfeS\x00m\x00\x00\xd8x\x00",  # UTF-16 with a lone surrogate
]


def test_text_that_is_not_utf8_is_audited_with_a_warning_as_the_cli_does(
    embedded: Server,
) -> None:
    from tests.service.helpers import wait_done

    with embedded.client() as client:
        for i, data in enumerate(INVALID_ENCODINGS):
            response = client.post(
                "/api/v1/audits",
                files=[("manuscript", (f"enc{i}.md", data))],
                data={"offline": "true"},
            )
            assert response.status_code == 202, (i, response.text)
            audit_id = response.json()["id"]
            assert wait_done(client, audit_id)["status"] == "done", i
            report = client.get(f"/api/v1/audits/{audit_id}/report").json()
            warned = [
                f
                for f in report["findings"]
                if f["location"]
                and f["location"]["file"].endswith(f"enc{i}.md")
                and ("UTF-8" in f["message"] or "UTF-16" in f["message"])
            ]
            assert warned, (i, [f["message"] for f in report["findings"]])
            assert all(f["location"]["line"] for f in warned), i
