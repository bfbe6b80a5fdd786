"""Through the real API: a hostile upload makes the service open nothing outside its
scratch folder, from the request to the reports and the fixed-file download.

An audit hook records every file opened and folder listed in the whole process (the
embedded worker's threads included) while one upload names the server's files every
way an input can -- LaTeX inclusions and bibliography commands, Pandoc front matter,
knitr children and Quarto includes, build files (``_quarto.yml``, ``Makefile``,
``latexmkrc``), BibTeX/RIS/CSL-JSON fields, a Word package's external parts, a
``citeaudit.toml`` -- and its files are audited, reported and downloaded fixed.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.redteam.opens_watch import audited_through_api, scratch_server

MARK = "QZ8SERVERSECRET"
REFS = b"@article{inside, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str], Path]]:
    outside = tmp_path / "outside"
    outside.mkdir()
    for name in ("secret.tex", "secret.bib", "secret.md", "secret.Rmd", "secret.qmd"):
        (outside / name).write_text(f"{MARK} [@stolen] \\cite{{stolen}}\n", encoding="utf-8")
    (outside / "citeaudit.toml").write_text('ignore = ["CIT"]\n', encoding="utf-8")
    with scratch_server(tmp_path, "redteam") as (client, auth):
        yield client, auth, outside


def _uploads(o: Path) -> list[tuple[str, tuple[str, bytes]]]:
    up = "../../outside"  # from a scratch folder <tmp>/scratch/<audit>/
    names = [f"{o}/secret", f"{up}/secret", f"file://{o}/secret.tex", "~/secret", "/dev/zero"]
    latex = "Okafor \\cite{inside}.\n" + "".join(
        f"\\input{{{n}}}\\include{{{n}}}\\subfile{{{n}}}\\verbatiminput{{{n}}}"
        f"\\lstinputlisting{{{n}}}\\bibliography{{refs,{n}}}\\addbibresource{{{n}.bib}}\n"
        for n in names
    )
    latex += f"\\import{{{o}/}}{{secret}}\\subimport{{{up}/}}{{secret}}\n\\bibliography{{refs}}\n"
    front = (
        f"---\nbibliography: [refs.bib, {o}/secret.bib, {up}/secret.bib]\n"
        f"csl: {o}/secret.bib\nmetadata-files: [{o}/secret.md]\n---\n\n"
        f"Okafor [@inside].\n\n```{{r, child=c('{o}/secret.Rmd', '{up}/secret.Rmd')}}\n```\n"
        f"{{{{< include {o}/secret.qmd >}}}}\n{{{{< include {up}/secret.qmd >}}}}\n"
    )
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{w}" xmlns:r="{r}"><w:body><w:altChunk r:id="r1"/>'
            f'<w:p><w:fldSimple w:instr="INCLUDETEXT &quot;{o}/secret.tex&quot;"/></w:p>'
            "<w:p><w:r><w:t>Okafor (2018) showed it.</w:t></w:r></w:p></w:body></w:document>",
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="r1" Type="{r}/aFChunk" Target="file://{o}/secret.tex"'
            ' TargetMode="External"/></Relationships>',
        )
    bib = (
        REFS
        + (
            f"@misc{{named, title={{N}}, year={{2019}}, file={{{o}/secret.bib}}, crossref={{x}}}}\n"
        ).encode()
    )
    return [
        ("manuscript", ("main.tex", latex.encode())),
        ("manuscript", ("paper.Rmd", front.encode())),
        ("manuscript", ("paper.docx", buffer.getvalue())),
        ("manuscript", ("_quarto.yml", f"bibliography: [{o}/secret.bib, {up}/x.bib]\n".encode())),
        ("manuscript", ("Makefile", f"all:\n\tpandoc --bibliography={o}/secret.bib\n".encode())),
        ("manuscript", ("latexmkrc", f"@default_files = ('{o}/secret.tex');\n".encode())),
        ("bibliography", ("citeaudit.toml", b'ignore = ["CIT"]\n')),
        ("bibliography", ("refs.bib", bib)),
        (
            "bibliography",
            ("refs.ris", f"TY  - JOUR\nTI  - R\nL1  - file://{o}/x\nER  - \n".encode()),
        ),
        ("bibliography", ("refs.json", json.dumps([{"id": "c", "URL": f"file://{o}"}]).encode())),
    ]


def test_an_upload_opens_nothing_outside_through_the_api(
    server: tuple[TestClient, dict[str, str], Path],
) -> None:
    client, auth, outside = server
    opened, shown = audited_through_api(client, auth, _uploads(outside))
    assert MARK not in "\n".join(shown)
    report = json.loads(shown[2])
    assert "inside" in {r["key"] for r in report["references"]}
    assert "missing-reference" in {f["rule"] for f in report["findings"]}  # no toml obeyed
    where = os.path.realpath(outside)
    strays = [n for n in opened if os.path.realpath(n).startswith(where)]
    assert strays == []
    assert any(n.endswith("main.tex") for n in opened)  # the worker's reads were watched
