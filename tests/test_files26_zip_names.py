"""Red team files26: a project ``.zip`` whose members name, or are, a file elsewhere.

Through the real API (TestClient, an embedded worker): members that are symbolic
links to a server file (the link's bytes are its target's path: nothing is unpacked
to disk), member names with ``..``, absolute paths, backslashes and a NUL, and kept
build files (``_quarto.yml``, ``_bookdown.yml``, ``_metadata.yml``) and chapters that
name the file. Every report format, the findings and the audit's status are searched
for the secret's marks and for the server's scratch folder. None leaked when written
(0 of 13 shapes): guards.
"""

from __future__ import annotations

import io
import json
import stat
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings

MARK = "QZF26ZIPSECRET"
_TEX = "\\documentclass{article}\\begin{document}\nText \\cite{canarykey}.\n%s\n\\end{document}\n"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    folder = tmp_path / "secret"
    folder.mkdir()
    entry = f"@article{{canarykey, author={{Q, Q}}, title={{{MARK}}}, year={{2001}}}}\n"
    (folder / "secret.bib").write_text(entry, encoding="utf-8")
    (folder / "secret.tex").write_text(f"{MARK} \\cite{{canarykey}}\n", encoding="utf-8")
    (folder / "secret.md").write_text(f"{MARK} [@canarykey]\n", encoding="utf-8")
    return folder


@pytest.fixture
def service(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str], Path]]:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    settings = offline_settings(tmp_path, embedded_workers=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(scratch))
        app = create_app(settings)
        with TestClient(app, raise_server_exceptions=False) as client:
            token = app.state.repo.create_token("files26")
            yield client, {"Authorization": f"Bearer {token}"}, scratch


def _zip(members: list[tuple[str, str, bool]]) -> bytes:
    """(name, text, is a symbolic link) each; a link's text is its target."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text, link in members:
            info = zipfile.ZipInfo(name)
            if link:
                info.create_system = 3  # Unix: the mode below is read
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, text)
    return buffer.getvalue()


def _shapes(s: str) -> dict[str, list[tuple[str, str, bool]]]:
    up = "../" * 10 + s.lstrip("/")
    return {
        "input-absolute": [
            ("p/main.tex", _TEX % f"\\input{{{s}/secret}}\\bibliography{{{s}/secret}}", False)
        ],
        "input-climbing": [("p/main.tex", _TEX % f"\\input{{{up}/secret}}", False)],
        "link-member-bib": [
            ("p/main.tex", _TEX % "\\bibliography{refs}", False),
            ("p/refs.bib", f"{s}/secret.bib", True),
        ],
        "link-member-chapter": [
            ("p/main.tex", _TEX % "\\input{ch}", False),
            ("p/ch.tex", f"{s}/secret.tex", True),
        ],
        "member-name-climbing": [
            (f"{up}/secret.tex", _TEX % "", False),
            ("p/main.tex", _TEX % "\\input{secret}", False),
        ],
        "member-name-absolute": [
            (f"{s}/secret.bib", "@article{k, title={T}, year={2000}}\n", False),
            ("main.tex", _TEX % "\\bibliography{secret}", False),
        ],
        "member-name-backslashes": [
            ("p\\..\\..\\..\\main.tex", _TEX % f"\\input{{{s}/secret}}", False)
        ],
        "member-name-nul": [("main.tex\x00/../../x.tex", _TEX % "", False)],
        "quarto-build-file": [
            ("main.md", "Text [@canarykey].\n", False),
            (
                "_quarto.yml",
                f"bibliography: {s}/secret.bib\nmetadata-files: [{s}/secret.md]\n",
                False,
            ),
        ],
        "bookdown-build-file": [
            ("index.Rmd", "Text [@canarykey].\n", False),
            ("_bookdown.yml", f"rmd_files: [index.Rmd, {s}/secret.md]\n", False),
        ],
        "directory-metadata": [
            ("main.md", "Text [@canarykey].\n", False),
            ("_metadata.yml", f"bibliography: {s}/secret.bib\n", False),
        ],
        "front-matter-variable": [
            (
                "main.md",
                f"---\nbibliography: ${{HOME}}/{up}/secret.bib\n---\n[@canarykey]\n",
                False,
            ),
        ],
        "chapter-by-other-case": [
            ("main.tex", _TEX % "\\input{Ch}", False),
            ("ch.tex", "Hi", False),
        ],
    }


_SHAPES = sorted(_shapes("/s"))


def _everything_shown(client: TestClient, auth: dict[str, str], url: str) -> str:
    status: dict[str, object] = {}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = client.get(url, headers=auth).json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.05)
    shown = [json.dumps(status), client.get(f"{url}/findings", headers=auth).text]
    shown += [
        client.get(f"{url}/report?format={f}", headers=auth).text
        for f in ("json", "html", "sarif", "csv")
    ]
    return "\n".join(shown)


@pytest.mark.parametrize("shape", _SHAPES)
def test_a_project_zip_takes_in_no_file_elsewhere(
    shape: str, secret: Path, service: tuple[TestClient, dict[str, str], Path]
) -> None:
    client, auth, scratch = service
    archive = _zip(_shapes(str(secret))[shape])
    made = client.post(
        "/api/v1/audits",
        files=[("manuscript", ("project.zip", archive, "application/zip"))],
        data={"offline": "true"},
        headers=auth,
    )
    shown = made.text
    if made.status_code == 202:
        shown += _everything_shown(client, auth, made.json()["url"])
    assert MARK not in shown
    assert str(scratch) not in shown
