"""Through the real API: a file is judged by its bytes, never by its name or declared type.

A ZIP of something else named .docx, a "PDF" that is an HTML page, polyglots that are a
PDF and a ZIP at once, an image called text: each is refused with a 4xx that names the
file, or stored as the kind its bytes are. Nothing stored is ever served back as its
declared type: an HTML page uploaded as a bibliography comes back (fixed) as an
attachment of octet-stream, never rendered.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings

HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n"


def _zip(**parts: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name.replace("__", "/"), data)
    return out.getvalue()


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, str]]]:
    tmp = tmp_path_factory.mktemp("confusion")
    settings = offline_settings(tmp, embedded_workers=1, max_audits_in_flight_per_account=0)
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, {"Authorization": f"Bearer {app.state.repo.create_token('confused')}"}


def _send(
    api: tuple[TestClient, dict[str, str]], role: str, name: str, data: bytes, ctype: str
) -> Any:
    client, auth = api
    return client.post(
        "/api/v1/audits",
        headers=auth,
        data={"offline": "true"},
        files=[(role, (name, data, ctype))],
    )


EPUB = _zip(mimetype=b"application/epub+zip", META_INF__container_xml=b"<container/>")
JAR = _zip(META_INF__MANIFEST_MF=b"Manifest-Version: 1.0\n", Main_class=b"\xca\xfe\xba\xbe")
PDF_ZIP = b"%PDF-1.4\n%%EOF\n" + _zip(word__document_xml=b"<w:document/>")
ZIP_PDF = _zip(word__document_xml=b"<x/>") + b"%PDF-1.4\n"
GIF_JS = b"GIF89a/*\x00\x00\x00\x00*/=1;alert(1);" + bytes(range(256))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)

REFUSED = [
    (
        "manuscript",
        "paper.docx",
        EPUB,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("manuscript", "paper.docx", JAR, "application/zip"),
    ("manuscript", "paper.pdf", HTML, "application/pdf"),  # declared PDF, is HTML
    ("manuscript", "paper.pdf", b"%PDF-1.4\n" + HTML, "application/pdf"),  # opens as no PDF
    ("bibliography", "refs.bib", PDF_ZIP, "text/plain"),
    ("bibliography", "refs.bib", ZIP_PDF, "text/plain"),
    ("reference_list", "list.txt", ZIP_PDF, "text/plain"),
    ("manuscript", "paper.md", GIF_JS, "text/markdown"),
    ("bibliography", "refs.bib", PNG, "image/png"),
    ("bibliography", "refs.bib", PNG, "text/plain"),
]


@pytest.mark.parametrize("case", REFUSED, ids=range(len(REFUSED)))
def test_a_file_whose_bytes_are_not_what_it_claims_is_refused(
    api: tuple[TestClient, dict[str, str]], case: tuple[str, str, bytes, str]
) -> None:
    role, name, data, ctype = case
    answer = _send(api, role, name, data, ctype)
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.text[:200])
    assert answer.headers["content-type"] == "application/json"
    assert "script" not in answer.text.lower()


def test_html_sent_as_a_bibliography_is_never_served_as_html(
    api: tuple[TestClient, dict[str, str]],
) -> None:
    """Text is text: it is audited (nothing in it is an entry) and its fixed download,
    if any, is an attachment the browser will not sniff into a page."""
    client, auth = api
    bib = HTML + b"@article{k, author={A, B}, title={T}, journal={J}, year={2020},}\n"
    made = _send(api, "bibliography", "refs.html", bib, "text/html")
    assert made.status_code == 202, made.text
    url = made.json()["url"]
    for _ in range(240):
        status = client.get(url, headers=auth).json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.25)
    assert status["status"] == "done", status
    (name,) = status["files"]
    fixed = client.get(f"{url}/fixed/{name}", headers=auth)
    if fixed.status_code == 200:
        assert fixed.headers["content-type"] == "application/octet-stream"
        assert fixed.headers["content-disposition"].startswith("attachment;")
        assert fixed.headers["x-content-type-options"] == "nosniff"
    for fmt in ("json", "html", "sarif", "text"):
        report = client.get(f"{url}/report?format={fmt}", headers=auth)
        assert report.status_code == 200
        assert "<script>alert" not in report.text
        assert "sandbox" in report.headers["content-security-policy"]


def test_a_real_pdf_zip_polyglot_manuscript_is_read_as_what_it_starts_with(
    api: tuple[TestClient, dict[str, str]],
) -> None:
    """A PDF with a Word package appended is one file of one kind: the PDF engine
    decides, and the ZIP behind it is never unpacked as a DOCX."""
    answer = _send(api, "manuscript", "paper.docx", PDF_ZIP, "application/pdf")
    assert answer.status_code in (202, 422), answer.text[:200]
    if answer.status_code == 202:
        client, auth = api
        files = client.get(answer.json()["url"], headers=auth).json()["files"]
        assert files == ["paper.pdf"]


def test_the_store_holds_nothing_of_the_refused(api: tuple[TestClient, dict[str, str]]) -> None:
    client, auth = api
    listing = client.get("/api/v1/audits?per_page=100", headers=auth).json()
    kept = [f for a in listing["items"] for f in a["files"]]
    assert all(not f.endswith((".docx", ".png")) for f in kept), kept
