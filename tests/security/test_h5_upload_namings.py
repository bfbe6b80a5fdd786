"""Through the real API: names an upload gives that the earlier red teams did not try,
and nothing outside the scratch folder is opened, listed or shown.

Each names a planted secret beside the service's scratch folders. LaTeX: TeX's own
search path (``\\input@path``, ``\\graphicspath``), ``\\@input``, an inclusion reached
through ``\\let``, ``\\csname``, ``\\def``, biblatex's ``refsection`` option,
``\\addglobalbib``/``\\addsectionbib``, a remote resource, ``xr``'s
``\\externaldocument``, glossaries' ``\\loadglsentries``, look-alike dots (one-dot
leaders, full-width stops), TeX's ``^^00`` and backslashes in the name. Pandoc and Quarto:
``include-before-body``/``include-in-header``, ``metadata-files``, a folder's
``_metadata.yml``, Pandoc's ``.include`` block, ``{{< embed >}}``/``{{< readfile >}}``,
knitr's ``file=``/``code=readLines()``, a bookdown ``rmd_files`` map and a Quarto
book's ``part:``. Build files: ``.latexmkrc`` search paths, a Makefile's
``BIBINPUTS``/``-H``/``--metadata-file``. Bibliographies: ``@preamble{\\input}``,
``@include``, BibDesk and JabRef file fields, ``xdata``, CSL-JSON ``$ref``, CSL YAML
tags. An audit hook records every open and folder listing of the process (the embedded
worker's threads too) while the upload is audited, reported and downloaded fixed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.redteam.opens_watch import audited_through_api, scratch_server

MARK = "QZ5H5SECRET"
REFS = b"@article{inside, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str], Path]]:
    outside = tmp_path / "outside"
    outside.mkdir()
    names = ("secret", "secret.tex", "secret.bib", "secret.md", "secret.Rmd", "secret.qmd")
    for name in (*names, "secret.yml", "secret.json", "secret.R", "secret.txt", "secret.sty"):
        (outside / name).write_text(
            f"{MARK} [@stolen] \\cite{{stolen}}\n@article{{stolen, title={{{MARK}}}}}\n",
            encoding="utf-8",
        )
    with scratch_server(tmp_path, "h5") as (client, auth):
        yield client, auth, outside


def _uploads(o: Path) -> list[tuple[str, tuple[str, bytes]]]:
    up = "../../outside"  # from a scratch folder <tmp>/scratch/<audit>/
    leader, full = "\u2024\u2024", "\uff0e\uff0e"
    latex = (
        "Okafor \\cite{inside}.\n"
        f"\\makeatletter\\def\\input@path{{{{{o}/}}{{{up}/}}}}\\makeatother\\input{{secret}}\n"
        f"\\graphicspath{{{{{o}/}}}}\\input{{secret}}\\@input{{{o}/secret.tex}}\n"
        f"\\let\\in\\input\\in{{{o}/secret}}\\def\\jn{{\\input}}\\jn{{{up}/secret}}\n"
        f"\\csname input\\endcsname{{{o}/secret}}\\newcommand\\p{{{up}/}}\\input{{\\p secret}}\n"
        f"\\begin{{refsection}}[{up}/secret.bib]\\printbibliography\\end{{refsection}}\n"
        f"\\addglobalbib{{{o}/secret.bib}}\\addsectionbib{{{up}/secret.bib}}\n"
        f"\\addbibresource[location=remote]{{file://{o}/secret.bib}}\n"
        f"\\externaldocument{{{up}/secret}}\\loadglsentries{{{o}/secret}}\n"
        f"\\input{{{leader}/{leader}/outside/secret}}\\input{{{full}/{full}/outside/secret}}\n"
        f"\\input{{{up}/secret^^00.tex}}\\input{{..\\..\\outside\\secret}}\n"
        f"\\input{{ {o}/secret}}\\input{{/{o}//secret}}\\usepackage{{{o}/secret}}\n"
        f"\\bibliography{{refs, {up}/secret ,{o}/secret}}\n"
    )
    rmd = (
        f"---\ninclude-before-body: {o}/secret.md\ninclude-in-header: [{up}/secret.tex]\n"
        f"metadata-files:\n  - {up}/secret.yml\nbibliography: ['{o}/secret.bib', refs.bib]\n"
        f"csl: {up}/secret.yml\ncitation-abbreviations: {o}/secret.json\n---\n\n"
        f"Okafor [@inside].\n\n```{{.include}}\n{up}/secret.md\n```\n\n"
        f"{{{{< embed {up}/secret.qmd >}}}}\n{{{{< readfile {o}/secret.txt >}}}}\n\n"
        f"```{{r, file='{up}/secret.R'}}\n```\n\n```{{r, code=readLines('{o}/secret.R')}}\n```\n\n"
        f"```{{r}}\n#| child: [\"{up}/secret.Rmd\", '{o}/secret.md']\n```\n\n"
        f'{{{{< include "{o}/secret.md" >}}}}\n{{{{< include file://{o}/secret.md >}}}}\n'
    )
    bib = (
        REFS
        + (
            f'@preamble{{"\\input{{{o}/secret}}"}}\n@include{{{o}/secret.bib}}\n'
            f"@misc{{x, title={{\\input{{{o}/secret}}}}, crossref={{{up}/secret}},"
            f" xdata={{{o}/secret}}, file={{:{o}/secret.bib:bib}}, bdsk-file-1={{{o}}}}}\n"
        ).encode()
    )
    csl = [{"id": "c", "title": "T", "$ref": f"file://{o}/secret.json", "file": f"{o}/secret"}]
    return [
        ("manuscript", ("main.tex", latex.encode())),
        ("manuscript", ("paper.Rmd", rmd.encode())),
        (
            "manuscript",
            (
                "_bookdown.yml",
                f"rmd_files:\n  html: ['paper.Rmd', '{up}/secret.Rmd']\n"
                f"  latex: [\"{o}/secret.Rmd\"]\nrmd_subdir: ['{up}', '{o}']\n".encode(),
            ),
        ),
        (
            "manuscript",
            (
                "_quarto.yml",
                f"metadata-files: [{o}/secret.yml]\nbook:\n  chapters:\n    - paper.Rmd\n"
                f"    - part: {o}/secret.qmd\n      chapters: [{up}/secret.md]\n".encode(),
            ),
        ),
        ("manuscript", ("_metadata.yml", f"bibliography: {o}/secret.bib\n".encode())),
        (
            "manuscript",
            (
                ".latexmkrc",
                f"ensure_path('TEXINPUTS', '{o}//');\n$ENV{{'BIBINPUTS'}}='{o}';\n".encode(),
            ),
        ),
        (
            "manuscript",
            (
                "Makefile",
                f"export BIBINPUTS={o}\nall:\n\tpandoc -H {o}/secret.tex "
                f"--metadata-file={up}/secret.yml --bibliography {o}/secret.bib\n".encode(),
            ),
        ),
        ("bibliography", ("refs.bib", bib)),
        ("bibliography", ("refs.json", json.dumps(csl).encode())),
        (
            "bibliography",
            ("refs.yaml", f"- id: y\n  title: !include {o}/secret.yml\n".encode()),
        ),
    ]


def test_names_no_red_team_tried_before_open_nothing_outside(
    server: tuple[TestClient, dict[str, str], Path],
) -> None:
    client, auth, outside = server
    opened, shown = audited_through_api(client, auth, _uploads(outside))
    text = "\n".join(shown)
    assert MARK not in text
    assert "/scratch/" not in text  # nor where the server keeps the upload
    report = json.loads(shown[2])
    assert "inside" in {r["key"] for r in report["references"]}  # the upload's own is read
    where = os.path.realpath(outside)
    assert [n for n in opened if os.path.realpath(n).startswith(where)] == []
    assert any(n.endswith("main.tex") for n in opened)  # the worker's reads were watched
