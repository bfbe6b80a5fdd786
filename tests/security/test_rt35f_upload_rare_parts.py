"""Red team rt35f: an upload's rarer parts and spellings name no server file it reaches.

The earlier rounds sent the common ways a manuscript names another file (``\\input``,
``\\bibliography``, front matter, Word's sub-documents and fields, knitr children...).
These are the ones they did not, through the real API with every open, listing and
look-up watched (`looked_up`, as in ``test_rt34f_lookups_outside``):

* Word: a glossary document part pointing out of the package, a frame set in
  ``webSettings.xml`` whose frame is an external file, an embedded font and a
  numbering part that are external files, a ``file:`` hyperlink (relationship and
  ``HYPERLINK`` field), ``INCLUDETEXT``, internal targets climbing out of the package
  (``../../../..``) or written absolute, a custom XML part with an external DTD, and a
  custom-properties part with a parameter entity;
* LaTeX: TeX's ``^^2e`` notation, a ``\\catcode`` escape other than the backslash,
  file names built by ``\\def`` and ``\\newcommand``, ``\\IfFileExists``, ``\\openin``,
  ``\\lstinputlisting``, ``\\verbatiminput``, datatool's ``\\DTLloaddb``,
  ``\\loadglsentries``, ``\\import``/``\\subimport``, ``\\subfile``, ``\\putbib``,
  multibib's ``\\bibliographyx``, names spelt with Windows' and UNC separators, ``~``
  and ``$HOME``, full-width, division-slash and fraction-slash look-alikes of ``/``
  and ``.``;
* Markdown: ``csl:``, a ``file:`` bibliography, ``~/``, HTML-comment and div
  "includes", a raw LaTeX block's ``\\input``;
* BibTeX ``@string``/``@preamble``/``@xdata`` naming files, ``crossref`` and
  ``xdata`` fields naming files, ``file``/``pdf``/``url`` fields; RIS ``L1``/``L2``/
  ``UR`` with ``file:``; CSL-JSON ``file``/``URL``; CSL-YAML with a Python tag;
* a project ``.zip`` whose members are named ``../../outside/x.tex``, absolutely,
  ``C:\\...``, or are a symbolic link to an outside file; uploads named
  ``../../x/passwd.bib`` and with a backslash path and a NUL.

None reached the folder standing for the server's files, and nothing of it was shown.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

from tests.redteam.opens_watch import audited_through_api, scratch_server

MARK = "QZ35FRARESECRET"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
UP = "../../outside"  # from the scratch folder <tmp>/scratch/citeaudit-*/
_SECRETS = (
    "secret.tex", "secret.bib", "secret.md", "secret.txt", "secret.docx", "passwd",
    "secret.sty", "secret.cls", "x.csl", "secret.yaml", "secret.json", "secret.ris",
)  # fmt: skip


def _rels(items: dict[str, tuple[str, str, bool]]) -> str:
    return (
        f'<Relationships xmlns="{PKG}">'
        + "".join(
            f'<Relationship Id="{i}" Type="{R}/{kind}" Target="{target}"'
            + (' TargetMode="External"/>' if external else "/>")
            for i, (kind, target, external) in items.items()
        )
        + "</Relationships>"
    )


def _docx(o: Path) -> bytes:
    body = (
        "<w:p><w:r><w:t>Okafor (2018) showed it.</w:t></w:r></w:p>"
        '<w:p><w:hyperlink r:id="h1"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>'
        f'<w:p><w:fldSimple w:instr=" HYPERLINK &quot;file://{o}/passwd&quot; ">'
        "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>"
        f'<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;{o}/secret.txt&quot; ">'
        "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "_rels/.rels",
            _rels(
                {
                    "rA": ("officeDocument", "word/document.xml", False),
                    "rC": ("customXml", f"file://{o}/secret.bib", True),
                }
            ),
        )
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>',
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            _rels(
                {
                    "h1": ("hyperlink", f"file://{o}/passwd", True),
                    "g1": ("glossaryDocument", f"{UP}/secret.docx", False),
                    "f1": ("footnotes", f"../../../../../../../..{o}/secret.bib", False),
                    "c1": ("comments", f"/{o}/secret.tex", False),
                    "w1": ("webSettings", "webSettings.xml", False),
                    "ft": ("fontTable", "fontTable.xml", False),
                    "n1": ("numbering", f"file://{o}/secret.tex", True),
                }
            ),
        )
        archive.writestr(
            "word/webSettings.xml",
            f'<w:webSettings xmlns:w="{W}" xmlns:r="{R}"><w:frameset><w:frame>'
            '<w:sourceFileName r:id="fr1"/></w:frame></w:frameset></w:webSettings>',
        )
        archive.writestr(
            "word/_rels/webSettings.xml.rels",
            _rels({"fr1": ("frame", f"file://{o}/secret.docx", True)}),
        )
        archive.writestr(
            "word/fontTable.xml",
            f'<w:fonts xmlns:w="{W}" xmlns:r="{R}"><w:font w:name="X"><w:embedRegular '
            'r:id="e1" w:fontKey="{00000000-0000-0000-0000-000000000000}"/></w:font></w:fonts>',
        )
        archive.writestr(
            "word/_rels/fontTable.xml.rels", _rels({"e1": ("font", f"{o}/passwd", True)})
        )
        archive.writestr(
            "word/glossary/document.xml",
            f'<w:glossaryDocument xmlns:w="{W}"><w:docParts/></w:glossaryDocument>',
        )
        archive.writestr(
            "customXml/item1.xml",
            f'<?xml version="1.0"?><!DOCTYPE b:Sources SYSTEM "file://{o}/secret.bib">'
            '<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/'
            'bibliography"><b:Source><b:Tag>x</b:Tag></b:Source></b:Sources>',
        )
        archive.writestr(
            "docProps/custom.xml",
            f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % p SYSTEM "file://{o}/passwd">'
            " %p;]><Properties/>",
        )
    return buffer.getvalue()


def _latex(o: Path) -> str:
    named = [
        (f"{o}/secret", f"{o}/"),
        (f"{UP}/secret", f"{UP}/"),
        (str(o).replace("/", "\\") + "\\secret", "C:\\"),
        ("\\\\?\\" + str(o) + "\\secret", "\\\\localhost\\c$\\"),
        (f"{o}/secret%00", "%2e%2e/"),
        ("~/secret", "~/"),
        ("$HOME/secret", "${HOME}/"),
        (f"{o}/secret".replace("/", "\u2215"), "\uff0e\uff0e/"),
        (f"{o}/secret".replace("/", "\uff0f"), "..\u2044"),
        ("^^2e^^2e/outside/secret", "^^2e^^2e/"),
    ]
    lines = [
        f"\\input{{{n}}}\\bibliography{{{n}}}\\include{{{n}}}\\subfile{{{n}}}"
        f"\\import{{{d}}}{{secret}}\\subimport{{{d}}}{{secret}}\\putbib[{n}]"
        f"\\lstinputlisting{{{n}}}\\verbatiminput{{{n}}}\\DTLloaddb{{db}}{{{n}}}"
        f"\\loadglsentries{{{n}}}\\IfFileExists{{{n}}}{{A}}{{}}\\openin1={n} "
        f"\\newcites{{x}}{{X}}\\bibliographyx{{{n}}}\n"
        for n, d in named
    ]
    return (
        "\\documentclass{article}\nOkafor \\cite{inside}.\n"
        + "".join(lines)
        + f"\\catcode`\\|=0 |input{{{o}/secret}}\n"
        + f"\\def\\p{{{o}/secret}}\\input{{\\p}}\\newcommand{{\\q}}{{{UP}/secret}}\\input{{\\q}}\n"
        + "\\bibliography{refs}\n"
    )


def _markdown(o: Path) -> str:
    return (
        f'---\nbibliography:\n  - refs.bib\n  - {o}/secret.bib\n  - "{UP}/secret.bib"\n'
        f"  - file:{o}/secret.bib\n  - ~/secret.bib\ncsl: {o}/x.csl\nnocite: '@*'\n---\n\n"
        f"Okafor [@inside].\n\n<!-- #include {o}/secret.md -->\n\n"
        f'::: {{.include file="{o}/secret.md"}}\n:::\n\n'
        f"```{{=latex}}\n\\input{{{o}/secret}}\n```\n"
    )


def _project(o: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"{UP}/evil.tex", "Okafor \\cite{inside}.\n")
        archive.writestr(f"{o}/abs.tex", "Okafor \\cite{inside}.\\input{secret}\n")
        archive.writestr(
            "a/chapter.tex",
            f"Okafor \\cite{{inside}}.\\input{{{UP}/secret}}\\bibliography{{{o}/secret}}\n",
        )
        link = zipfile.ZipInfo("link.tex")
        link.external_attr = 0o120777 << 16  # a symbolic link: its bytes are the target
        archive.writestr(link, f"{o}/secret.tex")
        archive.writestr("C:\\win\\w.tex", "Okafor \\cite{inside}.\n")
    return buffer.getvalue()


def _uploads(o: Path) -> list[tuple[str, tuple[str, bytes]]]:
    bib = (
        "@article{inside, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n"
        f'@string{{p = "{o}/secret"}}\n@preamble{{"\\input{{{o}/secret}}"}}\n'
        f"@misc{{y, crossref={{{o}/secret}}, xdata={{{UP}/secret}}, file={{:{o}/passwd:PDF}},"
        f" url={{file://{o}/passwd}}, year=2019}}\n@xdata{{{o}/secret, note=x}}\n"
    )
    ris = (
        f"TY  - JOUR\nAU  - Okafor, N.\nTI  - Inside2\nPY  - 2018\nUR  - file://{o}/passwd\n"
        f"L1  - {o}/passwd\nL2  - {UP}/passwd\nER  - \n"
    )
    csl = [{"id": "c", "title": "C", "URL": f"file://{o}/passwd", "file": f"{o}/passwd"}]
    yaml = (
        f"---\nreferences:\n- id: d\n  title: D\n  URL: file://{o}/passwd\n"
        f"  note: !!python/object/apply:os.system ['touch {o}/pwned']\n"
    )
    return [
        ("manuscript", ("main.tex", _latex(o).encode())),
        ("manuscript", ("paper.md", _markdown(o).encode())),
        ("manuscript", ("paper.docx", _docx(o))),
        ("manuscript", ("project.zip", _project(o))),
        ("bibliography", ("refs.bib", bib.encode())),
        ("bibliography", ("refs.ris", ris.encode())),
        ("bibliography", ("refs.json", json.dumps(csl).encode())),
        ("bibliography", ("refs.yaml", yaml.encode())),
        ("bibliography", (f"{UP}/passwd.bib", b"@misc{q, title={Q}, year=2001}\n")),
        ("bibliography", ("..\\..\\x\x00.bib", b"@misc{q2, title={Q}, year=2001}\n")),
    ]


def test_rare_parts_and_spellings_reach_no_server_file(
    tmp_path: Path, looked_up: list[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    for name in _SECRETS:
        (outside / name).write_text(
            f"{MARK} \\cite{{stolen}} [@stolen]\n@misc{{stolen, title={{{MARK}}}}}\n",
            encoding="utf-8",
        )
    with scratch_server(tmp_path, "rt35f") as (client, auth):
        looked_up.clear()  # the server's own start is not the upload's doing
        opened, shown = audited_through_api(client, auth, _uploads(outside))
        asked = list(looked_up)
    assert MARK not in "\n".join(shown)
    assert not (outside / "pwned").exists()
    report = json.loads(shown[2])
    assert "inside" in {r["key"] for r in report["references"]}
    assert any(n.endswith("main.tex") for n in opened)  # the reads were watched
    assert any(n.endswith("main.tex") for n in asked)  # and the look-ups
    where = str(outside)
    strays = sorted(
        {n for n in asked + opened if os.path.normpath(os.path.abspath(n)).startswith(where)}
    )
    assert strays == [], f"looked up, opened or listed outside the scratch folder: {strays}"
