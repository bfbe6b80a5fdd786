"""Red team, round 19: a project ``.zip`` holds text files the readers read, nothing else.

`api.project_zip` keeps the members whose *name* says manuscript or bibliography and
leaves Word files and PDFs out (``_DOCUMENTS``: "read from a file of their own, never
from inside a zip"). Each kept member was then checked as an upload of its own -- by
its *bytes* -- so a ``chapter.tex`` that is a PDF was taken as a PDF and one that is a
ZIP as a Word file: the API started its PDF engine for each (a heavy child process,
up to `MAX_PROJECT_FILES` of them for one request, past the upload's 20-file limit),
and a Word file nested in the archive unpacked to the whole `max_expanded` again,
for every such member, outside the archive's own unpacked-size budget.

Now such an archive is refused, naming the member and what to send instead.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.api.project_zip import ProjectRefused, project_files
from tests.redteam.opens_watch import scratch_server
from tests.security.pdf_objects import pdf_from_objects

TEX = b"\\documentclass{article}\\begin{document}Okafor \\cite{a}.\\input{chapter}\\end{document}\n"
BIB = b"@article{a, author={Okafor, N.}, title={T}, journal={J}, year={2018}}\n"


def _pdf() -> bytes:
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        ]
    )


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _project(*members: tuple[str | zipfile.ZipInfo, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("main.tex", TEX), ("refs.bib", BIB), *members):
            archive.writestr(name, data)
    return buffer.getvalue()


NESTED = {
    "a PDF": ("chapter.tex", _pdf()),
    "a Word file": ("chapter.tex", _docx()),
    "a Word file as a bibliography": ("more.bib", _docx()),
    "a PDF as a compiled list": ("main.bbl", _pdf()),
}


@pytest.mark.parametrize("case", sorted(NESTED))
def test_a_document_inside_the_archive_is_refused(case: str) -> None:
    name, data = NESTED[case]
    with pytest.raises(ProjectRefused) as refused:
        project_files("project.zip", _project((name, data)), 64_000_000)
    assert refused.value.status in (415, 422)
    assert name in refused.value.message and "project.zip" in refused.value.message


def test_text_members_are_still_kept_whole() -> None:
    data = _project(("chapters/chapter.tex", b"More in \\cite{a}.\n"))
    kept = project_files("project.zip", data, 64_000_000)
    assert kept == [("main.tex", TEX), ("refs.bib", BIB), ("chapter.tex", b"More in \\cite{a}.\n")]


@pytest.fixture
def api(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    with scratch_server(tmp_path, "zip") as served:
        yield served


def test_through_the_api_a_nested_pdf_is_refused_before_any_engine(
    api: tuple[TestClient, dict[str, str]],
) -> None:
    client, auth = api
    data = _project(("chapter.tex", _pdf()))
    answer = client.post(
        "/api/v1/audits",
        files=[("manuscript", ("project.zip", data, "application/zip"))],
        data={"offline": "true"},
        headers=auth,
    )
    assert answer.status_code in (415, 422), answer.text
    assert "chapter.tex" in answer.json()["detail"]
