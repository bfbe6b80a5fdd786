"""An editor's submission through the service gets the audit `citeaudit check` gives.

Editors upload through the API and the web page; authors run the CLI on the same
files. Each test here sends a made-up submission as a browser or a client sends it
(the content types browsers really declare: often ``application/octet-stream`` or
nothing, ``application/x-yaml`` for a ``.yaml``), runs the CLI on the same files, and
compares the findings (rule, severity, file, line, message). The app runs in this
process on SQLite with every registry on a closed port, and every audit is offline.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from tests.in_process_cli import run_cli
from tests.redteam.offline_service import offline_settings, signed_in

Part = tuple[str, str, bytes, str]  # form field, file name, bytes, declared type
Finding = tuple[str, str, str | None, int | None, str]
TEX = b"""\\documentclass{article}
\\begin{document}
As shown before \\cite{okafor2018}. Also \\cite{ghost2021}.
\\bibliographystyle{plain}
\\bibliography{refs}
\\end{document}
"""
# What BibTeX writes for TEX when refs.bib cites okafor2018 and \nocite's one more.
BBL = b"""\\begin{thebibliography}{1}

\\bibitem{okafor2018}
Ngozi Okafor.
\\newblock Inside the archive.
\\newblock {\\em Journal of Tests}, 2018.

\\bibitem{unused2019}
Cited Never.
\\newblock Nobody reads this.
\\newblock {\\em J}, 2019.

\\end{thebibliography}
"""
MARKDOWN = b"As shown before [@okafor2018] and [@yamlson2015], not [@ghost2021].\n"
CSL_YAML = b"""references:
- id: yamlson2015
  type: book
  title: From a YAML file
  author:
  - family: Yamlson
    given: Yara
  issued:
    date-parts:
    - [2015]
- id: okafor2018
  type: article-journal
  title: Inside the archive
  author:
  - family: Okafor
    given: Ngozi
  issued:
    date-parts:
    - [2018]
"""


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, str]]]:
    folder = tmp_path_factory.mktemp("w1-service")
    settings = offline_settings(folder, embedded_workers=1, max_audits_in_flight_per_account=0)
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as client:
        token = app.state.repo.create_token("w1-editor")
        yield client, {"Authorization": f"Bearer {token}"}


def _findings(report: dict[str, Any]) -> list[Finding]:
    return sorted(
        (
            f["rule"],
            f["severity"],
            (f.get("location") or {}).get("file"),
            (f.get("location") or {}).get("line"),
            f["message"],
        )
        for f in report["findings"]
    )


def _cli(folder: Path, parts: list[Part], *args: str) -> list[Finding]:
    """`citeaudit check ARGS --offline` on the submission's files, written to `folder`."""
    for _field, name, content, _type in parts:
        (folder / name).write_bytes(content)
    ran = run_cli({}, "check", *args, "--offline", "--isolated", "--format", "json", cwd=folder)
    return _findings(json.loads(ran.stdout))


def _wait(client: TestClient, url: str, auth: dict[str, str]) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    status: dict[str, Any] = {}
    while time.monotonic() < deadline:
        status = client.get(url, headers=auth).json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.05)
    assert status["status"] == "done", status
    return status


def _service(api: tuple[TestClient, dict[str, str]], parts: list[Part]) -> list[Finding]:
    client, auth = api
    files = [(field, (name, content, kind)) for field, name, content, kind in parts]
    made = client.post("/api/v1/audits", files=files, data={"offline": "true"}, headers=auth)
    assert made.status_code == 202, made.text
    url = made.json()["url"]
    _wait(client, url, auth)
    report = client.get(f"{url}/report?format=json", headers=auth)
    assert report.status_code == 200, report.text
    return _findings(report.json())


@pytest.mark.parametrize("declared", ["application/octet-stream", "", "text/x-bibtex"])
def test_a_compiled_bbl_sent_as_the_bibliography_is_read_as_the_cli_reads_it(
    api: tuple[TestClient, dict[str, str]], tmp_path: Path, declared: str
) -> None:
    """main.tex + main.bbl, no .bib: an editor puts the .bbl in the bibliography field.

    The CLI reads the compiled list main.tex's \\bibliography leads to (one missing
    citation, one uncited entry); the service read the same file a second time as a
    pasted free-text list (each \\newblock line an uncited "entry", both citations
    missing): nine findings for three."""
    parts = [
        ("manuscript", "main.tex", TEX, "application/x-tex"),
        ("bibliography", "main.bbl", BBL, declared),
    ]
    expected = _cli(tmp_path, parts, "main.tex")
    assert [f[0] for f in expected] == [
        "missing-reference",
        "uncited-reference",
        "unreadable-input",
    ]
    assert _service(api, parts) == expected


def test_the_cli_given_the_bbl_as_bib_reads_it_as_the_compiled_list(tmp_path: Path) -> None:
    """The root of the service's double reading: `--bib main.bbl` (what the service's
    bibliography field is) read main.bbl as a free-text list beside the compiled list."""
    parts = [("manuscript", "main.tex", TEX, ""), ("bibliography", "main.bbl", BBL, "")]
    assert _cli(tmp_path, parts, "main.tex", "--bib", "main.bbl") == _cli(
        tmp_path, parts, "main.tex"
    )


@pytest.mark.parametrize(
    "declared",
    [
        "application/x-yaml",
        "application/yaml",
        "text/yaml",
        "application/octet-stream",
    ],
)
def test_a_csl_yaml_bibliography_is_accepted_as_browsers_declare_it(
    api: tuple[TestClient, dict[str, str]], tmp_path: Path, declared: str
) -> None:
    """The page offers .yaml/.yml in the bibliography picker; Chromium and Firefox on
    Linux send such a file as application/x-yaml, others as application/yaml (IANA's
    since 2024), and the upload refused both with a 415."""
    parts = [
        ("manuscript", "paper.md", MARKDOWN, "text/markdown"),
        ("bibliography", "refs.yaml", CSL_YAML, declared),
    ]
    expected = _cli(tmp_path, parts, "paper.md", "--bib", "refs.yaml")
    assert [f[0] for f in expected] == ["missing-reference"]
    assert _service(api, parts) == expected


def test_the_upload_page_offers_a_compiled_bbl(api: tuple[TestClient, dict[str, str]]) -> None:
    """The file pickers' `accept` lists what may be chosen: a .bbl (the list of a
    submission that ships no .bib) could be chosen in neither picker."""
    client, auth = api
    signed_in(client, auth["Authorization"].split()[1])
    page = client.get("/web/audits").text
    accepts = dict(re.findall(r'name="(manuscript|bibliography)"[^>]*accept="([^"]*)"', page))
    assert ".bbl" in accepts["manuscript"].split(",")
    assert ".bbl" in accepts["bibliography"].split(",")


def test_a_pdf_declared_as_application_x_pdf_is_audited(
    api: tuple[TestClient, dict[str, str]], tmp_path: Path
) -> None:
    """Older systems (and some mail and document portals an editor downloads from)
    declare a .pdf as application/x-pdf: the upload refused it with a 415 while the
    same bytes declared application/pdf, application/octet-stream or nothing passed."""
    from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

    lines: list[str | tuple[float, str]] = [
        "A study of things",
        "",
        "As shown by Okafor (2018), the archive holds.",
        "",
        "References",
        "",
        "Okafor, N. (2018). Inside the archive. Journal of Tests, 3, 1-9.",
        "",
        "Never, C. (2019). Nobody reads this. J, 1, 1-2.",
    ]
    pdf = write_pdf(tmp_path / "made.pdf", [Page([Column(lines)])]).read_bytes()
    parts = [("manuscript", "paper.pdf", pdf, "application/x-pdf")]
    expected = _cli(tmp_path, parts, "paper.pdf")
    assert [f[0] for f in expected] == ["uncited-reference"]
    assert _service(api, parts) == expected


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("ana metin.md", 'attachment; filename="ana metin.md"'),
        (
            "kaynakça listesi.md",
            'attachment; filename="kaynak_a listesi.md"; '
            "filename*=UTF-8''kaynak%C3%A7a%20listesi.md",
        ),
    ],
)
def test_the_fixed_download_keeps_the_uploaded_name(
    api: tuple[TestClient, dict[str, str]], tmp_path: Path, name: str, header: str
) -> None:
    """`citeaudit fix` writes `ana metin.md` back in place; the service's fixed file of
    the upload `ana metin.md` was saved by the browser as `ana_metin.md` (every space
    made `_`), a second file beside the author's instead of its replacement."""
    text = (
        b"As shown by Okafor (2018).\n\n## References\n\nOkafor, N. (2018). Inside the "
        b"archive. *Journal of Tests*, 3, 1-9. https://dx.doi.org/10.1234/abc.def\n"
    )
    parts = [("manuscript", name, text, "text/markdown")]
    assert [f[0] for f in _cli(tmp_path, parts, name)] == ["malformed-doi"]
    assert run_cli({}, "fix", name, "--offline", cwd=tmp_path).returncode == 0
    client, auth = api
    made = client.post(
        "/api/v1/audits",
        files=[("manuscript", (name, text, "text/markdown"))],
        data={"offline": "true"},
        headers=auth,
    )
    url = made.json()["url"]
    assert _wait(client, url, auth)["files"] == [name]
    fixed = client.get(f"{url}/fixed/{quote(name, safe='')}", headers=auth)
    assert fixed.status_code == 200, fixed.text
    assert fixed.content == (tmp_path / name).read_bytes()  # what `citeaudit fix` wrote
    assert fixed.headers["content-disposition"] == header


def _docx(paragraphs: list[str]) -> bytes:
    import io

    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("field", "option"), [("bibliography", "--bib"), ("reference_list", "--reference-list")]
)
def test_a_reference_list_kept_as_a_word_file_is_read_as_the_cli_reads_it(
    api: tuple[TestClient, dict[str, str]], tmp_path: Path, field: str, option: str
) -> None:
    """Manuscript.docx and References.docx: the editor puts the list in the bibliography
    field (or the reference-list one). `citeaudit check --bib References.docx` reads its
    list as a pasted one; the upload refused it with a 415 ("a ZIP/DOCX is not a
    bibliography; send ... DOCX or PDF")."""
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    parts = [
        ("manuscript", "Manuscript.docx", _docx(["As shown by Okafor (2018)."]), kind),
        (
            field,
            "References.docx",
            _docx(
                [
                    "References",
                    "Okafor, N. (2018). Inside the archive. Journal of Tests, 3(2), 1-9. "
                    "https://dx.doi.org/10.1234/abc.def",
                    "Lindqvist, M. (2020). Counting things. Press.",
                ]
            ),
            kind,
        ),
    ]
    expected = _cli(tmp_path, parts, "Manuscript.docx", option, "References.docx")
    assert [f[0] for f in expected] == ["malformed-doi", "uncited-reference"]
    assert _service(api, parts) == expected


QUARTO_BOOK = b"""project:
  type: book
book:
  title: "A Book"
  chapters:
    - index.qmd
    - intro.qmd
bibliography: refs.bib
"""
REFS_BIB = b"""@article{okafor2018, author = {Okafor, Ngozi}, title = {Inside the archive},
  journal = {Journal of Tests}, year = {2018}}
@book{lindqvist2020, author = {Lindqvist, Maja}, title = {Counting things},
  publisher = {Press}, year = {2020}}
"""


@pytest.mark.parametrize("declared", ["", "application/octet-stream", "application/x-yaml"])
def test_a_quarto_books_build_file_uploaded_with_it_is_no_bibliography(
    api: tuple[TestClient, dict[str, str]], tmp_path: Path, declared: str
) -> None:
    """An editor uploads the book's folder: _quarto.yml, its chapters, refs.bib and an
    _output.yml. The CLI run on index.qmd follows _quarto.yml to the chapters and the
    bibliography; the service (and the CLI given every file) also read both YAML build
    files as CSL-YAML bibliographies: "unparseable-reference" errors the book does not
    have (and `citeaudit check index.qmd _output.yml` took _output.yml for the book's
    only bibliography: every citation "missing")."""
    parts = [
        ("manuscript", "_quarto.yml", QUARTO_BOOK, declared),
        ("manuscript", "index.qmd", b"# Preface\n\nPreface [@okafor2018].\n", declared),
        ("manuscript", "intro.qmd", b"# Intro\n\nAs [@lindqvist2020], [@ghost2021].\n", ""),
        ("manuscript", "refs.bib", REFS_BIB, declared),
        ("manuscript", "_output.yml", b"bookdown::gitbook:\n  split_by: chapter\n", declared),
    ]
    expected = _cli(tmp_path, parts, "index.qmd")
    assert [f[0] for f in expected] == ["missing-reference"]
    everything = _cli(tmp_path, parts, *(name for _, name, _, _ in parts))
    assert everything == expected
    assert _service(api, parts) == expected


def test_the_upload_schema_names_every_field_the_upload_takes(
    api: tuple[TestClient, dict[str, str]],
) -> None:
    """A client written from /openapi.json never learnt of `reference_list` (a pasted
    list, as text or a file: the reference-list role the page's text box sends), and
    the bibliography field's description left out what it now reads."""
    client, _ = api
    body = client.get("/openapi.json").json()["paths"]["/api/v1/audits"]["post"]
    schema = body["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert set(schema["properties"]) == {
        "manuscript",
        "bibliography",
        "reference_list",
        "offline",
        "resolve",
        "links",
        "cache",
    }
    assert "text" in schema["properties"]["reference_list"]["description"]


def _zip(parts: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


MAIN_TEX = b"""\\documentclass{article}
\\begin{document}
\\input{chapters/intro}
\\input{chapters/method}
\\bibliography{refs}
\\end{document}
"""
PROJECT = {
    "paper/main.tex": MAIN_TEX,
    "paper/chapters/intro.tex": b"As shown \\cite{okafor2018}. Missing \\cite{ghost2021}.\n",
    "paper/chapters/method.tex": b"Method \\cite{lindqvist2020}.\n",
    "paper/refs.bib": REFS_BIB
    + b"@book{unused2019, author = {Never, C.}, title = {Nobody}, year = {2019}}\n",
    "paper/figures/plot.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    "paper/journal.cls": b"\\ProvidesClass{journal}\n",
    "__MACOSX/paper/._main.tex": b"\x00\x05\x16\x07",
}


def test_a_project_zip_is_unpacked_to_the_files_a_reader_reads() -> None:
    from citeaudit.api.project_zip import project_files

    files = project_files("paper.zip", _zip(PROJECT), max_expanded=1 << 20)
    assert files is not None
    assert [name for name, _ in files] == ["main.tex", "intro.tex", "method.tex", "refs.bib"]
    assert dict(files)["main.tex"] == MAIN_TEX


@pytest.mark.parametrize(
    ("parts", "status", "said"),
    [
        (
            {"a/intro.tex": b"x", "b/Intro.tex": b"y", "main.tex": MAIN_TEX},
            422,
            "have one name",
        ),
        (  # climbing and absolute names, twins but for case: one base name each
            {"../../planted.tex": b"x", "/abs/planted.tex": b"y", "main.tex": MAIN_TEX},
            422,
            "have one name",
        ),
        ({"main.tex": MAIN_TEX, "MAIN.TEX": b"z"}, 422, "have one name"),
        ({"figures/plot.png": b"\x89PNG"}, 415, "no manuscript or bibliography"),
        ({"main.tex": b"\\input{x}" + b" " * 3_000_000}, 413, "zip bomb"),
    ],
)
def test_a_project_zip_that_would_be_read_wrong_or_is_a_bomb_is_refused(
    parts: dict[str, bytes], status: int, said: str
) -> None:
    from citeaudit.api.project_zip import ProjectRefused, project_files

    with pytest.raises(ProjectRefused) as refused:
        project_files("paper.zip", _zip(parts), max_expanded=1 << 30)
    assert (refused.value.status, said in refused.value.message) == (status, True)


def test_a_link_in_a_project_zip_is_its_bytes_never_followed() -> None:
    import io
    import zipfile

    from citeaudit.api.project_zip import project_files

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        link = zipfile.ZipInfo("main.tex")
        link.external_attr = 0o120777 << 16  # a symbolic link entry, to /etc/passwd
        archive.writestr(link, "/etc/passwd")
    assert project_files("p.zip", out.getvalue(), max_expanded=1 << 20) == [
        ("main.tex", b"/etc/passwd")
    ]


def test_a_word_file_named_zip_is_left_to_the_docx_check() -> None:
    from citeaudit.api.project_zip import project_files

    docx = _docx(["As shown by Okafor (2018)."])
    assert project_files("paper.zip", docx, max_expanded=1 << 24) is None


@pytest.mark.parametrize("declared", ["application/zip", "application/x-zip-compressed", ""])
def test_a_latex_project_sent_as_one_zip_gets_the_clis_audit(
    api: tuple[TestClient, dict[str, str]], tmp_path: Path, declared: str
) -> None:
    """`citeaudit check main.tex` on the unpacked project and the upload of paper.zip:
    the same findings, each chapter's under its own name (the service keeps no
    folders: chapters/intro.tex is intro.tex). The upload refused the archive with a
    415 ("a ZIP archive but not a DOCX")."""
    for path, content in PROJECT.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(content)
    ran = run_cli(
        {},
        "check",
        "main.tex",
        "--offline",
        "--isolated",
        "--format",
        "json",
        cwd=tmp_path / "paper",
    )
    expected = [
        (rule, severity, (file or "").rsplit("/", 1)[-1], line, message)
        for rule, severity, file, line, message in _findings(json.loads(ran.stdout))
    ]
    assert [f[0] for f in expected] == ["missing-reference", "uncited-reference"]
    assert _service(api, [("manuscript", "paper.zip", _zip(PROJECT), declared)]) == expected
