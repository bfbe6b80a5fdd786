"""Hostile uploads, through the real service: nothing outside the upload is read, and
nothing an upload names makes the work explode.

A secret file is planted *next to* the service's scratch folders (the system temporary
folder is pointed into this test's own folder, so ``../../outside/secret`` from an
audit's scratch folder reaches it), and named from an upload every way an input can
name a file. Whatever the service then shows -- the status, the findings, every report
format, the fixed-file download -- must never hold the secret's text, and what else the
upload holds must still be audited. The explosion tests upload a few small files that
name each other, or one file that names thousands, and check that the text spliced and
the problems reported stay bounded by the size of the upload itself.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.input_scope import InputScope
from citeaudit.server import create_app
from citeaudit.service.inputs import read_files
from citeaudit.settings import ServiceSettings
from citeaudit.store.views import StoredFile
from tests.service.processes import CLOSED

MARK = "QZ8HIDDENTEXT"
SECRET_TEX = f"Secret {MARK} text \\cite{{hiddenkey}}.\n"
SECRET_BIB = f"@article{{hiddenkey, author={{Hidden, A.}}, title={{{MARK}}}, year={{2001}}}}\n"
REFS = "@article{inside, author={Okafor, N.}, title={Inside work}, journal={J}, year={2018}}\n"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REFUSED = "outside the audit's own files"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass(frozen=True)
class Site:
    """The running service, the folder beside its scratch folders, and a token."""

    client: TestClient
    auth: dict[str, str]
    base: Path  # <base>/scratch holds the scratch folders, <base>/outside the secret

    @property
    def outside(self) -> Path:
        return self.base / "outside"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    base = tmp_path_factory.mktemp("hostile")
    (base / "outside").mkdir()
    (base / "outside" / "secret.tex").write_text(SECRET_TEX, encoding="utf-8")
    (base / "outside" / "secret.bib").write_text(SECRET_BIB, encoding="utf-8")
    (base / "outside" / "secret.md").write_text(SECRET_TEX, encoding="utf-8")
    (base / "scratch").mkdir()
    settings = ServiceSettings(
        database_url=f"sqlite:///{base / 'hostile.db'}",
        cache_dir=base / "cache",
        crossref_url=CLOSED,
        doi_url=CLOSED,
        datacite_url=CLOSED,
        archive_url=CLOSED,
        embedded_workers=1,
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(base / "scratch"))
        app = create_app(settings)
        with TestClient(app, raise_server_exceptions=False) as client:
            auth = {"Authorization": f"Bearer {app.state.repo.create_token('hostile')}"}
            yield Site(client, auth, base)


@dataclass(frozen=True)
class Outcome:
    """Everything the service shows about one audit, as text and as the JSON report."""

    shown: str
    report: dict[str, Any]

    @property
    def messages(self) -> list[str]:
        return [str(f["message"]) for f in self.report["findings"]]

    @property
    def keys(self) -> list[str]:
        return [str(r["key"]) for r in self.report["references"]]


def _upload(site: Site, files: list[tuple[str, tuple[str, bytes]]]) -> Outcome:
    response = site.client.post(
        "/api/v1/audits", files=files, data={"offline": "true"}, headers=site.auth
    )
    assert response.status_code == 202, response.text
    url = response.json()["url"]
    deadline = time.monotonic() + 60
    status = site.client.get(url, headers=site.auth).json()
    while status["status"] not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.05)
        status = site.client.get(url, headers=site.auth).json()
    assert status["status"] == "done", status
    shown = [json.dumps(status), site.client.get(f"{url}/findings", headers=site.auth).text]
    for form in ("json", "html", "text", "sarif"):
        answer = site.client.get(f"{url}/report?format={form}", headers=site.auth)
        assert answer.status_code == 200, answer.text
        shown.append(answer.text)
    for name in status["files"]:
        fixed = site.client.get(f"{url}/fixed/{quote(name, safe='')}", headers=site.auth)
        shown.append(fixed.text)
    for name in (f"{site.outside}/secret.bib", "../../outside/secret.bib", "..%2F..%2Fsecret"):
        fixed = site.client.get(f"{url}/fixed/{quote(name, safe='')}", headers=site.auth)
        assert fixed.status_code == 404
        shown.append(fixed.text)
    report = json.loads(site.client.get(f"{url}/report?format=json", headers=site.auth).text)
    return Outcome("\n".join(shown), report)


def _assert_nothing_leaked(outcome: Outcome) -> None:
    assert MARK not in outcome.shown
    assert "Hidden" not in outcome.shown and "hiddenkey" not in outcome.keys
    assert "/scratch/" not in outcome.shown  # no scratch path either


# -- every way an input names a file ---------------------------------------------------

LATEX_NAMINGS = [
    "\\input{{{abs}/secret}}",
    "\\input{{{abs}/secret.tex}}",
    "\\input{{../../outside/secret}}",
    "\\input{{sub/../../../outside/secret}}",
    "\\include{{../../outside/secret}}",
    "\\subfile{{../../outside/secret.tex}}",
    "\\import{{{abs}/}}{{secret}}",
    "\\import{{}}{{{abs}/secret}}",
    "\\subimport{{../../outside/}}{{secret}}",
    "\\inputfrom{{../../outside}}{{secret}}",
    "\\input{{file://{abs}/secret.tex}}",
    "\\input{{~/../../{abs}/secret}}",
    "\\input{{$HOME/../{abs}/secret}}",
    "\\input{{%2e%2e/%2e%2e/outside/secret}}",
    "\\input {abs}/secret.tex",
    "\\lstinputlisting{{{abs}/secret.tex}}",
    "\\verbatiminput{{{abs}/secret.tex}}",
    "\\InputIfFileExists{{{abs}/secret.tex}}{{}}{{}}",
    "\\includegraphics{{{abs}/secret.tex}}",
    "\\usepackage{{{abs}/secret}}",
    "\\bibliography{{refs,{abs}/secret}}",
    "\\bibliography{{refs,../../outside/secret}}",
    "\\addbibresource{{{abs}/secret.bib}}\\addbibresource{{refs.bib}}",
    "\\addbibresource[location=local]{{../../outside/secret.bib}}\\addbibresource{{refs.bib}}",
]


@pytest.mark.parametrize("naming", LATEX_NAMINGS)
def test_a_latex_upload_never_reads_a_file_outside_it(site: Site, naming: str) -> None:
    named = naming.format(abs=site.outside)
    main = f"Okafor showed it \\cite{{inside}}.\n{named}\nMore text.\n\\bibliography{{refs}}\n"
    outcome = _upload(
        site,
        [
            ("manuscript", ("main.tex", main.encode())),
            ("bibliography", ("refs.bib", REFS.encode())),
        ],
    )
    _assert_nothing_leaked(outcome)
    assert "inside" in outcome.keys  # the upload's own bibliography is still audited


MARKDOWN_NAMINGS = [
    "bibliography: {abs}/secret.bib",
    "bibliography: ../../outside/secret.bib",
    "bibliography: [refs.bib, '{abs}/secret.bib']",
    'bibliography:\n  - refs.bib\n  - "../../outside/secret.bib"',
    "bibliography: file://{abs}/secret.bib",
    "bibliography: ~/../../{abs}/secret.bib",
    "csl: {abs}/secret.bib\nbibliography: refs.bib",
    "include-before: {abs}/secret.md\nbibliography: refs.bib",
    "citeaudit: {{config: {abs}/secret.bib}}\nbibliography: refs.bib",
]


@pytest.mark.parametrize("naming", MARKDOWN_NAMINGS)
def test_a_markdown_upload_never_reads_a_file_outside_it(site: Site, naming: str) -> None:
    front = naming.format(abs=site.outside)
    paper = f"---\ntitle: T\n{front}\n---\n\nOkafor showed it [@inside; @hiddenkey].\n"
    outcome = _upload(
        site,
        [
            ("manuscript", ("paper.md", paper.encode())),
            ("bibliography", ("refs.bib", REFS.encode())),
        ],
    )
    _assert_nothing_leaked(outcome)
    assert "inside" in outcome.keys


def test_bibliography_fields_that_name_files_are_never_opened(site: Site) -> None:
    bib = (
        REFS + f"@misc{{named, title={{Named}}, year={{2019}}, file={{{site.outside}/secret.bib}},"
        f" crossref={{{site.outside}/secret.bib}}}}\n"
        f'@preamble{{"\\input{{{site.outside}/secret}}"}}\n'
    )
    ris = (
        f"TY  - JOUR\nTI  - Ris work\nPY  - 2017\nL1  - file://{site.outside}/secret.tex\n"
        f"L1  - {site.outside}/secret.tex\nUR  - file://{site.outside}/secret.tex\nER  - \n"
    )
    csl = json.dumps(
        [{"id": "csl1", "title": "Csl work", "issued": {"date-parts": [[2016]]},
          "URL": f"file://{site.outside}/secret.tex", "file": f"{site.outside}/secret.tex"}]
    )  # fmt: skip
    outcome = _upload(
        site,
        [
            ("manuscript", ("paper.md", b"Okafor (2018) and [@named].\n")),
            ("bibliography", ("refs.bib", bib.encode())),
            ("bibliography", ("more.ris", ris.encode())),
            ("bibliography", ("more.json", csl.encode())),
        ],
    )
    _assert_nothing_leaked(outcome)
    assert {"inside", "named", "csl1"} <= set(outcome.keys)


def test_a_pasted_reference_list_that_names_a_file_is_only_text(site: Site) -> None:
    listed = (
        f"\\input{{{site.outside}/secret}}\n---\nbibliography: {site.outside}/secret.bib\n---\n"
        "Okafor, N. (2018). Inside work. J, 1, 1-9.\n"
    )
    for field in ("reference_list", "bibliography"):
        _assert_nothing_leaked(_upload(site, [(field, ("list.tex", listed.encode()))]))


def test_a_path_sent_as_a_form_field_is_refused_not_read(site: Site) -> None:
    for field in ("bibliography", "manuscript", "bib", "config", "baseline"):
        response = site.client.post(
            "/api/v1/audits",
            files=[("manuscript", ("paper.md", b"Okafor (2018).\n"))],
            data={field: f"{site.outside}/secret.bib", "offline": "true"},
            headers=site.auth,
        )
        assert response.status_code == 422, (field, response.text)
        assert MARK not in response.text


# -- the answer is the same whether the file exists or not -------------------------------


def _messages(files: list[tuple[str, str, bytes]]) -> list[str]:
    data = read_files([StoredFile(role, name, "text", len(b), b) for role, name, b in files])
    return [f"{p.location.file}:{p.location.line}: {p.message}" for p in data.input_problems]


def test_the_refusal_does_not_say_whether_the_file_exists(tmp_path: Path) -> None:
    """Names of a file, a folder and nothing at all, outside and inside a symlinked folder,
    give the same sentence: the service cannot be used to map the server's disk."""
    (tmp_path / "QQfile.tex").write_text(SECRET_TEX, encoding="utf-8")
    (tmp_path / "QQfolder").mkdir()
    answers = []
    for target in ("QQfile", "QQfolder", "QQnothing"):
        main = (
            f"\\input{{{tmp_path}/{target}}}\n\\bibliography{{{tmp_path}/{target}}}\n"
            f"\\input{{../../../../../../../{tmp_path}/{target}}}\n"
        )
        messages = _messages([("manuscript", "main.tex", main.encode())])
        answers.append([m.replace(target, "X") for m in messages])
    assert answers[0] == answers[1] == answers[2]
    assert len(answers[0]) == 3 and all(REFUSED in m for m in answers[0])


# -- links on the disk: symbolic and hard --------------------------------------------------


def test_a_hard_link_in_a_confined_folder_is_refused(tmp_path: Path) -> None:
    """A folder the scope confines to may hold a hard link to a file outside it (a folder
    shared with another user): a second name is a door out, as a symbolic link is."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.tex").write_text(SECRET_TEX, encoding="utf-8")
    (outside / "secret.bib").write_text(SECRET_BIB, encoding="utf-8")
    folder = tmp_path / "audit"
    folder.mkdir()
    os.link(outside / "secret.tex", folder / "chapter.tex")
    os.link(outside / "secret.bib", folder / "refs.bib")
    main = folder / "main.tex"
    main.write_text("Text \\cite{inside}.\n\\input{chapter}\n\\bibliography{refs}\n", "utf-8")
    data = read_inputs(AuditInput((main,)), InputScope.confined_to(folder))
    assert MARK not in repr(data)
    assert sum(REFUSED in p.message for p in data.input_problems) == 2
    given = read_inputs(AuditInput((), (folder / "refs.bib",)), InputScope.confined_to(folder))
    assert given.references == () and MARK not in repr(given)


def test_the_cli_still_reads_its_own_hard_links(tmp_path: Path) -> None:
    (tmp_path / "shared.bib").write_text(REFS, encoding="utf-8")
    os.link(tmp_path / "shared.bib", tmp_path / "refs.bib")
    main = tmp_path / "main.tex"
    main.write_text("Text \\cite{inside}.\n\\bibliography{refs}\n", "utf-8")
    assert [r.key for r in read_inputs(AuditInput((main,))).references] == ["inside"]


# -- upload file names ---------------------------------------------------------------------

HOSTILE_NAMES = [
    "../../outside/planted.md",
    "/etc/passwd",
    "..\\..\\outside\\planted.md",
    "\\\\?\\C:\\outside\\planted.md",
    "C:planted.md",
    "%2e%2e%2fplanted.md",
    "..",
    "...",
    "CON",
    "nul.md",
    "a\x00b.md",
    "x" * 300 + ".md",
    "cafe\u0301.md",
    "~/planted.md",
    "$HOME/planted.md",
    "file:///etc/planted.md",
    "paper.md\n../x",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_an_upload_name_is_stored_and_written_as_a_harmless_base_name(
    site: Site, name: str
) -> None:
    paper = b"Okafor (2018) said so.\n\n## References\n\nOkafor, N. (2018). Inside. J, 1, 1-9.\n"
    outcome = _upload(site, [("manuscript", (name, paper))])
    (stored,) = json.loads(outcome.shown.split("\n", 1)[0])["files"]
    assert stored and len(stored.encode()) <= 200
    assert not set(stored) & set("/\\\x00\n:$~%") and stored not in (".", "..")
    assert sorted(p.name for p in site.outside.iterdir()) == [
        "secret.bib",
        "secret.md",
        "secret.tex",
    ]
    assert list((site.base / "scratch").iterdir()) == []  # every scratch folder removed
    assert not Path("/etc/planted.md").exists()
    assert outcome.report["summary"]["citations"] == 1  # and the file is audited


# -- Word files ----------------------------------------------------------------------------

BODY = (
    "<w:p><w:r><w:t>Rates rose (Okafor, 2018).</w:t></w:r></w:p>"
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>References</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>Okafor, N. (2018). Inside work. Journal, 1, 1-9.</w:t></w:r></w:p>"
)


def _document(body: str, prolog: str = "", encoding: str = "UTF-8") -> bytes:
    text = (
        f'<?xml version="1.0" encoding="{encoding}"?>{prolog}'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>'
    )
    return text.encode(encoding)


def _docx(parts: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, data in parts.items():
            archive.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o120777 << 16) | 0x20  # a symbolic link member
            archive.writestr(info, target)
    return buffer.getvalue()


def _entities(secret: Path) -> str:
    laughs = "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    return (
        f'<!DOCTYPE w:document [<!ENTITY a "lol">{laughs}'
        f'<!ENTITY s SYSTEM "{secret.as_uri()}"><!ENTITY % p SYSTEM "{secret.as_uri()}">]>'
    )


@pytest.mark.parametrize("encoding", ["UTF-8", "UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32"])
def test_a_word_part_with_a_document_type_is_refused_in_every_encoding(
    site: Site, encoding: str
) -> None:
    """Word never writes a DTD; one is there for an entity bomb or an external entity,
    and a byte search for ``<!DOCTYPE`` misses it when the part is UTF-16 or UTF-32."""
    secret = site.outside / "secret.tex"
    body = "<w:p><w:r><w:t>&s; &j;</w:t></w:r></w:p>" + BODY
    prolog = _entities(secret)
    notes = (
        f'<?xml version="1.0" encoding="{encoding}"?>{prolog}<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:id="1"><w:p><w:r><w:t>&s;</w:t></w:r></w:p></w:footnote></w:footnotes>'
    ).encode(encoding)
    main = _docx({"word/document.xml": _document(body, prolog, encoding)})
    side = _docx({"word/document.xml": _document(BODY), "word/footnotes.xml": notes})
    outcome = _upload(
        site,
        [
            ("manuscript", ("main.docx", main)),
            ("manuscript", ("side.docx", side)),
            ("bibliography", ("refs.bib", REFS.encode())),
        ],
    )
    _assert_nothing_leaked(outcome)
    refusals = [m for m in outcome.messages if "document type" in m]
    assert len(refusals) == 2, outcome.messages  # the main part, then the notes part
    assert outcome.report["inputs"]["manuscripts"] == ["side.docx"]  # still audited
    assert outcome.report["summary"]["citations"] == 1
    assert "inside" in outcome.keys


def test_word_relationships_and_archive_tricks_are_never_followed(site: Site) -> None:
    secret = site.outside / "secret.tex"
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="r1" Type="{R}/aFChunk" Target="{secret.as_uri()}"'
        ' TargetMode="External"/>'
        f'<Relationship Id="r2" Type="{R}/subDocument" Target="../../outside/secret.tex"/>'
        f'<Relationship Id="r3" Type="{R}/attachedTemplate" Target="file:///{secret}"'
        ' TargetMode="External"/>'
        f'<Relationship Id="r4" Type="{R}/hyperlink" Target="file://{secret}"'
        ' TargetMode="External"/>'
        "</Relationships>"
    )
    body = (
        '<w:altChunk r:id="r1"/><w:p><w:subDoc r:id="r2"/></w:p>'
        '<w:p><w:hyperlink r:id="r4"><w:r><w:t>see</w:t></w:r></w:hyperlink></w:p>' + BODY
    )
    data = _docx(
        {
            "word/document.xml": _document(body),
            "word/_rels/document.xml.rels": rels.encode(),
            "word/settings.xml": f'<w:settings xmlns:w="{W}"/>'.encode(),
            "../../outside/planted.xml": b"<x/>",
            "/abs/planted.xml": b"<x/>",
        },
        links={"word/footnotes.xml": str(secret), "word/styles.xml": str(secret)},
    )
    before = set(site.base.rglob("*.xml"))
    outcome = _upload(site, [("manuscript", ("paper.docx", data))])
    _assert_nothing_leaked(outcome)
    assert outcome.report["inputs"]["manuscripts"] == ["paper.docx"]
    assert outcome.report["summary"]["citations"] == 1
    assert set(site.base.rglob("*.xml")) == before  # no member was ever unpacked to disk


# -- explosion -------------------------------------------------------------------------------


def _read(files: list[tuple[str, str, bytes]]) -> tuple[int, int, list[str]]:
    """(characters audited, bytes uploaded, problems) for uploads read by the service."""
    data = read_files([StoredFile(role, name, "text", len(b), b) for role, name, b in files])
    read = sum(len(line.text) + 1 for d in data.manuscripts for line in d.lines)
    read += sum(len(r.raw) for r in data.references)
    return read, sum(len(b) for *_, b in files), [p.message for p in data.input_problems]


def test_input_fan_out_is_bounded_by_the_upload_not_per_file() -> None:
    """Each file includes the next ten times: 10**depth copies of the last one. Every
    uploaded file, whatever its role, draws on one budget for the whole audit, and that
    budget is the size of the upload itself -- not 20 million characters per file."""
    depth, fan = 6, 10
    files = [("manuscript", "main.tex", b"Text \\cite{inside}.\n\\input{a0}\n")]
    for i in range(depth):
        files.append(("manuscript", f"a{i}.tex", (f"\\input{{a{i + 1}}}" * fan + "\n").encode()))
    files.append(("bibliography", f"a{depth}.tex", b"Okafor, N. (2018). Inside. J, 1, 1-9.\n"))
    files.append(("bibliography", "refs.bib", REFS.encode()))
    read, uploaded, problems = _read(files)
    assert read <= 4 * uploaded + 70_000, (read, uploaded)
    caps = [p for p in problems if "not spliced in" in p]
    assert caps and len(caps) <= len(files)


@pytest.mark.parametrize(
    "template",
    [
        "\\input{{nope}}",
        "\\input{{n{i}}}",
        "\\input{{/etc/passwd}}",
        "\\include{{../n{i}}}",
        "\\bibliography{{b{i}}}",
        "\\addbibresource{{b.bib}}",
    ],
)
def test_thousands_of_named_files_give_a_bounded_number_of_problems(template: str) -> None:
    names = "".join(template.format(i=i) for i in range(3_000))
    main = f"Okafor showed it \\cite{{inside}}.\n{names}\n".encode()
    _read_chars, _, problems = _read(
        [("manuscript", "main.tex", main), ("bibliography", "refs.bib", REFS.encode())]
    )
    assert len(problems) <= 2_100
    assert any("more than" in p for p in problems) or len(problems) <= 1


def test_a_front_matter_list_of_thousands_of_files_gives_a_bounded_number_of_problems() -> None:
    items = "".join(f"  - /x{i}.bib\n" for i in range(3_000))
    paper = f"---\nbibliography:\n{items}---\n\nOkafor (2018) said [@inside].\n".encode()
    _, _, problems = _read([("manuscript", "paper.md", paper)])
    assert len(problems) <= 2_100
    assert any("more than" in p for p in problems)


def test_a_deep_input_chain_stops_with_a_problem_and_keeps_the_rest() -> None:
    files = [("manuscript", "main.tex", b"Start \\cite{inside}.\n\\input{c0}\nEnd.\n")]
    files += [("bibliography", f"c{i}.tex", f"\\input{{c{i + 1}}}\n".encode()) for i in range(40)]
    files.append(("bibliography", "refs.bib", REFS.encode()))
    data = read_files([StoredFile(role, n, "text", len(b), b) for role, n, b in files])
    assert [r.key for r in data.references if r.key == "inside"] == ["inside"]
    assert [c.key for c in data.citations] == ["inside"]
    assert any("nested too deeply" in p.message for p in data.input_problems)


# -- configuration never comes from an upload --------------------------------------------------


def test_the_service_reads_no_configuration_from_the_upload_or_above_it(site: Site) -> None:
    """A ``citeaudit.toml`` or ``pyproject.toml`` above the scratch folder, or among the
    uploads, and an inline ``ignore`` comment, suppress nothing: an upload's settings
    are the request's options."""
    ignore = b'ignore = ["CIT002", "CIT001", "INP001", "BIB002"]\n'
    planted = [
        site.base / "scratch" / "citeaudit.toml",
        site.base / "citeaudit.toml",
        site.base / "scratch" / "pyproject.toml",
        site.base / "scratch" / "citeaudit-baseline.json",
    ]
    for path in planted:
        path.write_bytes(
            ignore if path.name == "citeaudit.toml" else b"[tool.citeaudit]\n" + ignore
        )
    paper = (
        b"As shown [@missing] and [@inside].\n"
        b"<!-- citeaudit: ignore[missing-reference] -- planted by the uploader -->\n"
    )
    try:
        outcome = _upload(
            site,
            [
                ("manuscript", ("paper.md", paper)),
                ("bibliography", ("refs.bib", REFS.encode())),
            ],
        )
        with_configs = _upload(
            site,
            [
                ("manuscript", ("paper.md", paper)),
                ("bibliography", ("refs.bib", REFS.encode())),
                ("bibliography", ("citeaudit.toml", ignore)),
                ("bibliography", ("pyproject.toml", b"[tool.citeaudit]\n" + ignore)),
            ],
        )
    finally:
        for path in planted:
            path.unlink()
    assert "missing-reference" in {f["rule"] for f in outcome.report["findings"]}
    assert "suppressed" not in outcome.report["summary"]
    assert outcome.report["findings"]
    assert with_configs.report["findings"]
    assert "suppressed" not in with_configs.report["summary"]


@pytest.mark.parametrize(
    "name",
    ["../../outside/planted.bib", "/tmp/planted.bib", "a\x00b.bib", "é" * 300 + ".bib", "..", ""],
)
def test_a_stored_name_of_any_shape_is_written_inside_the_scratch_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The store may hold names the upload check of today would not let through (older
    versions, a database edited by hand): the scratch folder still gets a base name."""
    (tmp_path / "scratch").mkdir()
    (tmp_path / "outside").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    data = read_files([StoredFile("bibliography", name, "text", len(REFS), REFS.encode())])
    assert [r.key for r in data.references] == ["inside"]
    assert list((tmp_path / "outside").iterdir()) == []
    assert list((tmp_path / "scratch").iterdir()) == []
    assert not Path("/tmp/planted.bib").exists()


def test_a_latex_project_uploaded_without_its_folders_is_still_read_whole(site: Site) -> None:
    """A browser or ``curl -F`` sends base names only, and the service keeps only those:
    ``\\input{chapters/intro}`` and ``\\bibliography{bib/refs}`` find the uploads named
    ``intro.tex`` and ``refs.bib`` -- a project must not lose its chapters (and gain false
    "uncited" findings) because its folders were stripped for safety."""
    main = b"\\input{chapters/intro}\n\\subimport{parts/}{method}\n\\bibliography{bib/refs}\n"
    outcome = _upload(
        site,
        [
            ("manuscript", ("main.tex", main)),
            ("manuscript", ("chapters/intro.tex", b"Okafor showed it \\cite{inside}.\n")),
            ("manuscript", ("method.tex", b"And again \\cite{inside}.\n")),
            ("bibliography", ("bib/refs.bib", REFS.encode())),
        ],
    )
    assert outcome.keys == ["inside"]
    assert not [m for m in outcome.messages if "not found" in m], outcome.messages
    assert "uncited-reference" not in {f["rule"] for f in outcome.report["findings"]}


def test_chapters_named_in_any_script_are_found(site: Site) -> None:
    """Upload names keep their letters: ``capítulo1.tex`` stays itself (it used to
    become ``cap_tulo1.tex``, and ``\\input{capítulo1}`` found nothing)."""
    main = "\\input{capítulo1}\n\\input{第二章}\n\\bibliography{referências}\n"
    outcome = _upload(
        site,
        [
            ("manuscript", ("main.tex", main.encode())),
            ("manuscript", ("capítulo1.tex", b"Okafor showed it \\cite{inside}.\n")),
            ("manuscript", ("第二章.tex", b"And again \\cite{inside}.\n")),
            ("bibliography", ("referências.bib", REFS.encode())),
        ],
    )
    assert outcome.keys == ["inside"]
    assert not [m for m in outcome.messages if "not found" in m], outcome.messages
    assert "uncited-reference" not in {f["rule"] for f in outcome.report["findings"]}


def test_the_web_upload_form_is_held_to_the_same_scope(site: Site) -> None:
    """The editors' page reads its form with the API's checks: a hostile name and a
    manuscript that names the secret get the same treatment as over the API."""
    client = site.client
    token = site.auth["Authorization"].removeprefix("Bearer ")
    csrf = CSRF.search(client.get("/web/sign-in").text)
    assert csrf is not None
    signed = client.post(
        "/web/sign-in",
        data={"token": token, "csrf": csrf.group(1), "next": "/web/audits"},
        follow_redirects=False,
    )
    assert signed.status_code == 303, signed.text
    csrf = CSRF.search(client.get("/web/audits").text)
    assert csrf is not None
    main = f"Okafor \\cite{{inside}}.\n\\input{{{site.outside}/secret}}\n\\bibliography{{refs}}\n"
    sent = client.post(
        "/web/audits",
        files=[
            ("manuscript", ("../../outside/planted.tex", main.encode())),
            ("bibliography", ("refs.bib", REFS.encode())),
        ],
        data={"csrf": csrf.group(1)},
        follow_redirects=False,
    )
    assert sent.status_code == 303, sent.text
    audit_id = sent.headers["location"].rsplit("/", 1)[-1]
    client.cookies.clear()
    url = f"/api/v1/audits/{audit_id}"
    deadline = time.monotonic() + 60
    status = client.get(url, headers=site.auth).json()
    while status["status"] not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.05)
        status = client.get(url, headers=site.auth).json()
    assert status["status"] == "done", status
    assert status["files"] == ["planted.tex", "refs.bib"]
    report = client.get(f"{url}/report?format=json", headers=site.auth).text
    page = client.get(f"{url}/report?format=html", headers=site.auth).text
    assert MARK not in report + page and REFUSED in report
    assert not (site.outside / "planted.tex").exists()
    assert [r["key"] for r in json.loads(report)["references"]] == ["inside"]
