"""Red team rt34f: an upload makes the service look up no name outside its scratch folder.

The confinement tests before this one watch what a hostile upload *opens* and *lists*
(a Python audit hook on ``open``, ``os.scandir``, ``os.listdir``) and what it *shows*.
A look-up that opens nothing -- ``stat``, ``lstat``, ``readlink``, ``access``: what
``Path.exists``, ``is_file``, ``os.path.realpath`` and a folder walk make -- raises no
audit event, yet one made on a name the upload chose tells the server's disk apart by
its answer (a finding "not found" against "not read"). So here the look-ups are
recorded too (the standard library's ``os`` functions wrapped to note their name), and
none may name anything in the folder beside the scratch folder that stands for the
server's files, by absolute name, ``..``, URL or Windows spelling.

The namings are the ones earlier rounds did not send: Word's other external parts
(sub-documents, the attached template, a mail-merge source, linked OLE objects, notes
and styles named outside the package, ``LINK``/``DATABASE``/``RD``/``INCLUDEPICTURE``
fields, entities and XInclude in custom XML), LaTeX's ``\\InputIfFileExists``,
``\\externaldocument``, ``\\input@path``, ``\\graphicspath``, ``\\includepdf``,
``\\inputminted``, the ``import`` package's ``\\inputfrom``/``\\includefrom``,
biblatex's ``\\addglobalbib``/``\\addsectionbib``, ``\\nobibliography`` and
``\\bibliographystyle``; Pandoc's ``include-before-body``, ``include-in-header``,
``defaults``, ``template``, ``resource-path``, ``citation-abbreviations`` and
``reference-doc``; JabRef's ``fileDirectory``, BibDesk's ``bdsk-file``, ``localfile``
and ``pdf`` fields; RIS ``L4``; a CSL-YAML ``!include``; and in a project ``.zip`` a
``latexmkrc`` setting ``TEXINPUTS``, a ``.latexmkrc`` ``ensure_path`` and a
``texmf.cnf`` -- kpathsea's search paths, which no reader may follow.
"""

from __future__ import annotations

import base64
import io
import json
import os
import zipfile
from pathlib import Path

from tests.redteam.opens_watch import audited_through_api, scratch_server

MARK = "QZ34FLOOKUPSECRET"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
REFS = "@article{inside, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n"


def _docx(o: Path) -> bytes:
    """A Word file naming `o`'s files by every external part and field Word has."""
    rels = {
        "r2": ("subDocument", f"file://{o}/secret.tex"),
        "r4": ("aFChunk", f"{o}/secret.tex"),
        "r6": ("oleObject", f"file://{o}/secret.tex"),
        "r8": ("endnotes", f"file://{o}/secret.tex"),
        "r9": ("styles", f"{o}/secret.tex"),
    }
    fields = (
        f'INCLUDEPICTURE "{o}/passwd"',
        f'LINK Word.Document.8 "{o}/secret.tex" ""',
        f'DATABASE \\d "{o}/secret.tex"',
        f'RD "{o}/secret.tex"',
    )
    body = "<w:p><w:r><w:t>Okafor (2018) showed it.</w:t></w:r></w:p>"
    body += '<w:p><w:subDoc r:id="r2"/></w:p><w:altChunk r:id="r4"/>'
    body += "".join(
        f'<w:p><w:fldSimple w:instr="{f.replace(chr(34), "&quot;")}"/></w:p>' for f in fields
    )
    body += (
        '<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office"'
        ' r:id="r6" ProgID="Word.Document.12" Type="Link"/></w:object></w:r></w:p>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG}"><Relationship Id="rA" Type="{R}/officeDocument"'
            f' Target="word/document.xml"/><Relationship Id="rB" Type="{R}/officeDocument"'
            f' Target="file://{o}/secret.tex" TargetMode="External"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>',
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            f'<Relationships xmlns="{PKG}">'
            + "".join(
                f'<Relationship Id="{i}" Type="{R}/{t}" Target="{target}" TargetMode="External"/>'
                for i, (t, target) in rels.items()
            )
            + "</Relationships>",
        )
        archive.writestr(
            "word/settings.xml",
            f'<w:settings xmlns:w="{W}" xmlns:r="{R}"><w:attachedTemplate r:id="t1"/>'
            '<w:mailMerge><w:dataSource r:id="t2"/></w:mailMerge></w:settings>',
        )
        archive.writestr(
            "word/_rels/settings.xml.rels",
            f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="t1" Type="{R}/attachedTemplate" Target="file://{o}/secret.tex"'
            ' TargetMode="External"/>'
            f'<Relationship Id="t2" Type="{R}/mailMergeSource" Target="file://{o}/secret.tex"'
            ' TargetMode="External"/></Relationships>',
        )
        archive.writestr(
            "customXml/item1.xml",
            f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file://{o}/secret.tex">]>'
            '<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/'
            'bibliography"><b:Source><b:Tag>x</b:Tag><b:Title>&e;</b:Title></b:Source>'
            "</b:Sources>",
        )
        archive.writestr(
            "customXml/item2.xml",
            f'<?xml-stylesheet href="file://{o}/secret.tex"?><x xmlns:xi="http://www.w3.org/'
            f'2001/XInclude"><xi:include href="file://{o}/secret.tex" parse="text"/></x>',
        )
    return buffer.getvalue()


def _latex(o: Path, up: str) -> str:
    names = [
        f"{o}/secret",
        f"{up}/secret",
        f"./{up}/secret",
        f"{o}/./secret",
        f"file://{o}/secret",
        f"file:{o}/secret",
        f"//localhost{o}/secret",
        f"\\\\?\\{o}/secret",
    ]
    commands = (
        "\\InputIfFileExists{{{n}}}{{}}{{}}\\externaldocument{{{n}}}\\includepdf{{{n}}}"
        "\\inputminted{{tex}}{{{n}}}\\inputfrom{{{n}}}{{x}}\\includefrom{{{n}}}{{x}}"
        "\\addglobalbib{{{n}}}\\addsectionbib{{{n}}}\\nobibliography{{{n}}}"
        "\\bibliographystyle{{{n}}}\\usepackage{{{n}}}\\documentclass{{{n}}}"
        "\\includegraphics{{{n}}}\\input {n} \\bibliography{{refs,{n}}}\n"
    )
    return (
        "\\documentclass{article}\nOkafor \\cite{inside}.\n"
        + "".join(commands.format(n=n) for n in names)
        + f"\\graphicspath{{{{{o}/}}}}\\includegraphics{{passwd}}\n"
        + f"\\makeatletter\\def\\input@path{{{{{o}/}}}}\\makeatother\\input{{secret}}\n"
        + "\\bibliography{refs}\n"
    )


def _markdown(o: Path, up: str) -> str:
    return (
        f"---\nbibliography: [refs.bib, {up}/secret.bib, file://{o}/secret.bib]\n"
        f"include-before-body: [{o}/secret.md]\ninclude-in-header: {up}/secret.md\n"
        f"defaults: {o}/secret.yaml\ntemplate: {o}/secret.md\nresource-path: [{o}]\n"
        f"citation-abbreviations: {o}/secret.json\nreference-doc: {o}/secret.md\n"
        f"output:\n  html_document:\n    includes:\n      in_header: {o}/secret.md\n---\n\n"
        f"Okafor [@inside].\n\n![f]({o}/passwd)\n\n[r]: file://{o}/passwd\n\n"
        f"```{{r, code=readLines('{o}/secret.Rmd'), file='{up}/secret.Rmd'}}\n```\n\n"
        f"{{{{< embed {o}/secret.qmd >}}}}\n\n```{{.include}}\n{o}/secret.md\n```\n"
    )


def _project(o: Path, up: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("proj/thesis.tex", "Okafor \\cite{inside}.\\input{secret}\n")
        archive.writestr("latexmkrc", f"$ENV{{'TEXINPUTS'}}='{o}//:';\n")
        archive.writestr(".latexmkrc", f"ensure_path('TEXINPUTS', '{up}//');\n")
        archive.writestr("texmf.cnf", f"TEXINPUTS = {o}//\nBIBINPUTS = {o}//\n")
    return buffer.getvalue()


def _uploads(o: Path) -> list[tuple[str, tuple[str, bytes]]]:
    up = "../../outside"  # from the scratch folder <tmp>/scratch/citeaudit-*/
    alias = base64.b64encode(str(o / "secret.bib").encode()).decode()
    bib = REFS + (
        f"@misc{{x, title={{X}}, year=2019, pdf={{{o}/passwd}}, localfile={{{up}/passwd}},"
        f" bdsk-file-1={{{alias}}}, xdata={{{o}/secret}}}}\n"
        f"@comment{{jabref-meta: fileDirectory:{o};}}\n"
    )
    csl_yaml = f"references:\n- id: d\n  title: D\n  file: {o}/passwd\n- !include {o}/x.yaml\n"
    return [
        ("manuscript", ("main.tex", _latex(o, up).encode())),
        ("manuscript", ("paper.md", _markdown(o, up).encode())),
        ("manuscript", ("paper.docx", _docx(o))),
        ("manuscript", ("project.zip", _project(o, up))),
        ("bibliography", ("refs.bib", bib.encode())),
        ("bibliography", ("refs.ris", f"TY  - JOUR\nTI  - R\nL4  - {o}/passwd\nER  - \n".encode())),
        ("bibliography", ("refs.yaml", csl_yaml.encode())),
        ("bibliography", ("refs.json", json.dumps([{"id": "c", "file": f"{o}/x"}]).encode())),
    ]


def test_an_upload_looks_up_no_name_outside_its_scratch_folder(
    tmp_path: Path, looked_up: list[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    for name in ("secret.tex", "secret.bib", "secret.md", "secret.Rmd", "secret.qmd", "passwd"):
        (outside / name).write_text(f"{MARK} \\cite{{stolen}} [@stolen]\n", encoding="utf-8")
    (outside / "secret.yaml").write_text(f"references:\n- id: stolen\n  title: {MARK}\n")
    (outside / "secret.json").write_text(json.dumps([{"id": "stolen", "title": MARK}]))
    with scratch_server(tmp_path, "rt34f") as (client, auth):
        looked_up.clear()  # the server's own start is not the upload's doing
        opened, shown = audited_through_api(client, auth, _uploads(outside))
        asked = list(looked_up)
    assert MARK not in "\n".join(shown)
    report = json.loads(shown[2])
    assert "inside" in {r["key"] for r in report["references"]}
    assert any(n.endswith("main.tex") for n in opened)  # the worker's reads were watched
    assert any(n.endswith("main.tex") for n in asked)  # and its look-ups
    where = str(outside)
    strays = sorted(
        {n for n in asked + opened if os.path.normpath(os.path.abspath(n)).startswith(where)}
    )
    assert strays == [], f"looked up, opened or listed outside the scratch folder: {strays}"
