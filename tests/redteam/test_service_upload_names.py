"""Through the real API: hostile upload names and multipart shapes.

An upload's name is the author's and reaches the scratch folder, the reports, the page
and a download's Content-Disposition. Every name here is sent as raw multipart bytes
(no client's encoding in between): folders, a Windows path, NUL, Unicode dots and
overrides, names equal but for case, device names, names thousands of characters long.
The stored name is one harmless base name, unique in its audit whatever the case, and
a long name keeps its suffix. Multipart floods (parts, fields,
header sizes, a missing boundary) are a 400 in milliseconds, never a 500.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings

BIB = b"@article{okafor, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n"
TEX = b"\\documentclass{article}\\begin{document}As shown \\cite{okafor}.\\end{document}\n"
BOUNDARY = "rtB0undary"
SAFE = set("._ -")


@pytest.fixture
def api(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    settings = offline_settings(tmp_path, embedded_workers=1, max_audits_in_flight_per_account=0)
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as client:
        token = app.state.repo.create_token("namer")
        yield client, {"Authorization": f"Bearer {token}"}


def _part(field: str, filename: bytes | None, data: bytes, extra: bytes = b"") -> bytes:
    disposition = b'form-data; name="' + field.encode() + b'"'
    if filename is not None:
        disposition += b'; filename="' + filename + b'"'
    return (
        f"--{BOUNDARY}\r\n".encode()
        + b"Content-Disposition: "
        + disposition
        + b"\r\n"
        + extra
        + b"\r\n"
        + data
        + b"\r\n"
    )


def _post(api: tuple[TestClient, dict[str, str]], *parts: bytes) -> Any:
    client, auth = api
    body = b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()
    headers = {**auth, "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
    return client.post("/api/v1/audits", content=body, headers=headers)


def _stored(api: tuple[TestClient, dict[str, str]], *parts: bytes) -> list[str]:
    made = _post(api, *parts, _part("offline", None, b"true"))
    assert made.status_code == 202, made.text
    client, auth = api
    files: list[str] = client.get(made.json()["url"], headers=auth).json()["files"]
    return files


def _harmless(name: str) -> bool:
    return (
        0 < len(name.encode("utf-8")) <= 150
        and all(c.isalnum() or c in SAFE for c in name)
        and name.strip(" .") == name
        and name not in (".", "..")
    )


HOSTILE = [
    b"../../etc/passwd.bib",
    b"/etc/passwd.bib",
    b"..\\..\\windows\\win.bib",
    b"C:\\Users\\x\\refs.bib",
    b"a\x00b.bib",
    b"..",
    b".",
    b"",
    "\uff0e\uff0e".encode(),  # full-width dots
    "\u2025".encode(),  # two-dot leader: NFKC makes it '..'
    "\uff0e\uff0e\uff0f\uff0e\uff0e\uff0fx.bib".encode(),
    "\u202egnp.bib".encode(),  # right-to-left override
    "a\u200b\u200d.bib".encode(),
    b"<script>alert(1)</script>.bib",
    b'x.bib"; filename=evil.exe',
    b"\xff\xfe.bib",
    b"y" * 3000 + b".bib",
]


@pytest.mark.parametrize("raw", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_name_is_stored_as_one_harmless_base_name(
    api: tuple[TestClient, dict[str, str]], raw: bytes
) -> None:
    (name,) = _stored(api, _part("bibliography", raw, BIB))
    assert _harmless(name), name


def test_names_equal_but_for_case_or_form_stay_apart(
    api: tuple[TestClient, dict[str, str]],
) -> None:
    names = [
        b"Refs.bib",
        b"refs.BIB",
        b"REFS.bib",
        "re\u0301fs.bib".encode(),
        "r\xe9fs.bib".encode(),
    ]
    stored = _stored(api, *(_part("bibliography", n, BIB) for n in names))
    assert len(stored) == len(names)
    assert len({s.lower() for s in stored}) == len(names), stored


@pytest.mark.parametrize("device", [b"CON", b"aux.md", b"NUL.bib", b"com1.tex", b"LPT1"])
def test_device_names_are_plain_files(
    api: tuple[TestClient, dict[str, str]], device: bytes
) -> None:
    """The scratch folder is on a POSIX system: CON or aux.md is only a name there,
    written as a new file (O_EXCL) in the audit's own folder."""
    (name,) = _stored(api, _part("bibliography", device, BIB))
    assert _harmless(name), name


def _done(api: tuple[TestClient, dict[str, str]], url: str) -> dict[str, Any]:
    client, auth = api
    for _ in range(240):
        status: dict[str, Any] = client.get(url, headers=auth).json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.25)
    raise AssertionError(f"audit not finished: {status}")


def test_a_long_name_keeps_its_suffix(
    api: tuple[TestClient, dict[str, str]],
) -> None:
    """3,000 characters then '.tex': the name is cut in its stem, so the stored file
    (and its fixed download) is still 'something.tex' -- it was cut whole at 1,000
    characters and stored with no suffix at all."""
    made = _post(
        api,
        _part("manuscript", b"chapter-" + b"y" * 3000 + b".tex", TEX),
        _part("bibliography", b"refs.bib", BIB),
        _part("offline", None, b"true"),
    )
    assert made.status_code == 202, made.text
    status = _done(api, made.json()["url"])
    assert status["status"] == "done", status
    manuscript = status["files"][0]
    assert manuscript.endswith(".tex") and _harmless(manuscript), manuscript
    client, auth = api
    report = client.get(made.json()["url"] + "/report", headers=auth).json()
    assert [c["targets"] for c in report["citations"]] == [["okafor"]]
    assert not [f for f in report["findings"] if "not cited" in f["message"]]


def test_multipart_floods_are_refused_at_once(api: tuple[TestClient, dict[str, str]]) -> None:
    field = [_part(f"f{i}", None, b"x") for i in range(5000)]
    files = [_part("bibliography", f"f{i}.bib".encode(), BIB) for i in range(5000)]
    huge_name = [_part("n" * 2_000_000, None, b"x")]
    huge_header = [_part("bibliography", b"x.bib", BIB, b"X-Junk: " + b"j" * 5_000_000 + b"\r\n")]
    many_headers = [
        _part("bibliography", b"x.bib", BIB, b"".join(b"X-H%d: v\r\n" % i for i in range(100_000)))
    ]
    for parts in (field, files, huge_name, huge_header, many_headers):
        answer = _post(api, *parts)
        assert answer.status_code == 400, answer.text[:200]
        assert "malformed multipart body" in answer.json()["detail"]
    client, auth = api
    for content_type in ("multipart/form-data", "multipart/form-data; boundary=" + "b" * 100_000):
        answer = client.post(
            "/api/v1/audits", content=b"x", headers={**auth, "Content-Type": content_type}
        )
        assert answer.status_code == 400, answer.text[:200]
    assert client.get("/api/v1/audits", headers=auth).json()["total"] == 0


def test_a_file_part_without_a_filename_is_a_text_field(
    api: tuple[TestClient, dict[str, str]],
) -> None:
    answer = _post(api, _part("bibliography", None, BIB))
    assert answer.status_code == 422
    assert "must be a file" in answer.json()["detail"]


def test_fixed_download_names_forge_no_header(api: tuple[TestClient, dict[str, str]]) -> None:
    """The fixed file's Content-Disposition is built from the stored name: quotes, CR/LF
    and letters beyond Latin-1 are never a second header or a second parameter."""
    bad = b'x"\r\nSet-Cookie: a=b; filename="evil.exe" \xd1\x84.bib'
    broken = b"@article{okafor, author={Okafor, N.}, title={Inside}, journal={J}, year={2018},}\n"
    made = _post(
        api,
        _part("manuscript", b"paper.md", b"As shown [@okafor].\n"),
        _part("bibliography", bad, broken),
        _part("offline", None, b"true"),
    )
    if made.status_code == 400:  # the parser refused the CR itself: nothing stored
        return
    assert made.status_code == 202, made.text
    status = _done(api, made.json()["url"])
    client, auth = api
    for name in status["files"]:
        answer = client.get(f"{made.json()['url']}/fixed/{name}", headers=auth)
        if answer.status_code != 200:
            continue
        assert "set-cookie" not in answer.headers
        disposition = answer.headers["content-disposition"]
        assert "\r" not in disposition and "\n" not in disposition
        assert disposition.count("filename=") == 1
