"""A parse step stopped at its time limit names the stage it was in.

Class: the reason of an audit whose parse step passed its time limit said only
"timed out: reading the files took longer than its limit": an editor with several
uploads could not tell which one to fix, nor whether the reading, the matching or the
rules had run long. Now the reason names the stage: the upload being read (as it was
uploaded: a manuscript, a bibliography, a chapter a LaTeX manuscript ``\\input``s), or
the rules over what was read; the rest of the reason (findings kept, how to retry)
stays.

Through the real path: the embedded worker of the API (`InProcessDispatcher`), its
parse time limit, the upload route. The slow stand-ins block on an event the test
sets when it is done (the outcome is decided by the event, never by timing): a
reader of one named upload, or the rules.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings

LET_GO = threading.Event()


def _held(original: Callable[..., Any], slow_name: str) -> Callable[..., Any]:
    """`original`, blocking until the test ends when its first argument names `slow_name`."""

    def held(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path).name == slow_name:
            LET_GO.wait(600)
        return original(path, *args, **kwargs)

    return held


@pytest.fixture
def client(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    LET_GO.clear()
    settings = offline_settings(tmp_path, embedded_workers=2, parse_time_limit=1.0)
    app = create_app(settings)
    try:
        with TestClient(app, raise_server_exceptions=False) as test_client:
            token = app.state.repo.create_token("stages")
            yield test_client, {"Authorization": f"Bearer {token}"}
    finally:
        LET_GO.set()


def _submit(
    client: TestClient, auth: dict[str, str], files: list[tuple[str, tuple[str, bytes, str]]]
) -> str:
    answer = client.post(
        "/api/v1/audits",
        files=files,
        data={"links": "false", "resolve": "false"},
        headers=auth,
    )
    assert answer.status_code == 202, answer.text
    return str(answer.json()["id"])


def _failed(client: TestClient, auth: dict[str, str], audit_id: str) -> str:
    deadline = time.monotonic() + 60  # a safety net: the outcome is what is asserted
    status: dict[str, Any] = {}
    while time.monotonic() < deadline:
        status = client.get(f"/api/v1/audits/{audit_id}", headers=auth).json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.05)
    assert status["status"] == "failed", status
    findings = client.get(f"/api/v1/audits/{audit_id}/findings", headers=auth)
    assert findings.status_code == 200
    error = str(status["error"])
    assert error.startswith("timed out: reading the files took longer than its limit"), error
    assert f"/api/v1/audits/{audit_id}/retry" in error  # the rest of the reason stays
    return error


MD = (
    b"# Essai\n\nComme le montre Dupont (2019), et ailleurs [@leroy2020].\n\n"
    b"## R\xc3\xa9f\xc3\xa9rences\n\nDupont, J. (2019). Un titre. Revue, 3, 1-9.\n"
)
BIB = b"@article{leroy2020, author={Leroy, A.}, title={T}, journal={J}, year={2020}}\n"
TEX = (
    b"\\documentclass{article}\n\\begin{document}\n\\input{kapitel2}\n"
    b"\\bibliography{quellen}\n\\end{document}\n"
)
CHAPTER = b"Wie gezeigt \\cite{leroy2020}.\n"


def test_a_slow_manuscript_is_named(
    client: tuple[TestClient, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import citeaudit.audit as core

    monkeypatch.setattr(
        core,
        "read_manuscript_with_problems",
        _held(core.read_manuscript_with_problems, "chapitre-deux.md"),
    )
    test_client, auth = client
    audit_id = _submit(
        test_client,
        auth,
        [
            ("manuscript", ("chapitre-un.md", MD, "text/markdown")),
            ("manuscript", ("chapitre-deux.md", MD, "text/markdown")),
            ("bibliography", ("refs.bib", BIB, "application/x-bibtex")),
        ],
    )
    error = _failed(test_client, auth, audit_id)
    assert "reading the upload 'chapitre-deux.md'" in error, error
    assert "chapitre-un.md" not in error


def test_a_slow_bibliography_is_named(
    client: tuple[TestClient, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import citeaudit.audit as core

    monkeypatch.setattr(core, "read_bibliography", _held(core.read_bibliography, "quellen.bib"))
    test_client, auth = client
    audit_id = _submit(
        test_client,
        auth,
        [
            ("manuscript", ("essai.md", MD, "text/markdown")),
            ("bibliography", ("quellen.bib", BIB, "application/x-bibtex")),
        ],
    )
    assert "reading the upload 'quellen.bib'" in _failed(test_client, auth, audit_id)


def test_a_slow_chapter_a_latex_manuscript_inputs_is_named(
    client: tuple[TestClient, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import citeaudit.manuscript.latex as latex

    monkeypatch.setattr(latex, "decode_text", _held(latex.decode_text, "kapitel2.tex"))
    test_client, auth = client
    audit_id = _submit(
        test_client,
        auth,
        [
            ("manuscript", ("arbeit.tex", TEX, "application/x-tex")),
            ("manuscript", ("kapitel2.tex", CHAPTER, "application/x-tex")),
            ("bibliography", ("quellen.bib", BIB, "application/x-bibtex")),
        ],
    )
    assert "reading the upload 'kapitel2.tex'" in _failed(test_client, auth, audit_id)


def test_slow_rules_are_named(
    client: tuple[TestClient, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import citeaudit.service.jobs as jobs

    original = jobs.run_rules

    def held(*args: Any, **kwargs: Any) -> Any:
        LET_GO.wait(600)
        return original(*args, **kwargs)

    monkeypatch.setattr(jobs, "run_rules", held)
    test_client, auth = client
    audit_id = _submit(
        test_client,
        auth,
        [
            ("manuscript", ("essay.md", MD, "text/markdown")),
            ("bibliography", ("refs.bib", BIB, "application/x-bibtex")),
        ],
    )
    error = _failed(test_client, auth, audit_id)
    assert "applying the rules to 2 references" in error, error


def _reports_matching() -> bool:
    import inspect

    from citeaudit.audit import read_inputs

    return "progress" in inspect.signature(read_inputs).parameters


@pytest.mark.skipif(
    not _reports_matching(), reason="needs the lead's /work/helpers/h22-audit-progress.diff"
)
def test_slow_matching_is_named(
    client: tuple[TestClient, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import citeaudit.audit as core

    original = core.match_citations

    def held(*args: Any, **kwargs: Any) -> Any:
        LET_GO.wait(600)
        return original(*args, **kwargs)

    monkeypatch.setattr(core, "match_citations", held)
    test_client, auth = client
    audit_id = _submit(
        test_client,
        auth,
        [
            ("manuscript", ("tesi.md", MD, "text/markdown")),
            ("bibliography", ("fonti.bib", BIB, "application/x-bibtex")),
        ],
    )
    error = _failed(test_client, auth, audit_id)
    assert "matching 2 citations to 2 references" in error, error
