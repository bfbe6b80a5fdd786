"""Red team, round 14: through the real API, namings earlier rounds did not try open
nothing outside an upload's scratch folder, and two uploads whose names differ only in
case stay two files.

One upload names the server's files in forms not tried before: a name the service's
flat lookup rewrites (``\\input{../../outside/secret (1)}``, looked up as the stored
``secret _1_.tex``), a metadata block indented as a whole (R Markdown templates), YAML
tags in a CSL-YAML bibliography (``!!python/object/apply``, ``!include``), BibTeX's
``@preamble``, ``crossref``, ``xdata`` and JabRef ``file`` fields, RIS ``L1``/``L2``
attachment paths, and the include syntaxes of other Markdown tools (reST's
``.. include::``, MyST's ``{include}``, pymdown's ``--8<--``, markdown-include's
``{!...!}``, ``!include``, ``@import``) and server-side includes in raw HTML. A
Python audit hook records every open and folder listing of the whole process while
the upload is audited, reported in every format and downloaded fixed.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from tests.redteam.opens_watch import FORMATS, audited_through_api, scratch_server

MARK = "QZ14APINAMINGS"
REFUSED = "outside the audit's own files"
REFS = b"@article{a, title={Inside}, author={Okafor, N.}, year={2018}, journal={J}}\n"


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    for name in ("secret.tex", "secret (1).tex", "secret _1_.tex", "secret.md", "secret.yaml"):
        (outside / name).write_text(f"{MARK} [@stolen] \\cite{{stolen}}\n", encoding="utf-8")
    bib = f"@misc{{stolen, title={{{MARK}}}, author={{Hidden, A.}}, year={{2001}}}}\n"
    (outside / "secret.bib").write_text(bib, encoding="utf-8")
    return outside


def _files(outside: Path) -> list[tuple[str, tuple[str, bytes]]]:
    at = str(outside)
    tex = (
        "\\documentclass{article}\\begin{document}\nOkafor showed it \\cite{a}.\n"
        "\\input{../../outside/secret (1)}\n\\input{../../outside/secret _1_}\n"
        "\\bibliography{refs}\n\\end{document}\n"
    )
    indented = f"---\n  title: T\n  bibliography: {at}/secret.bib\n---\n\nSee [@a] [@stolen].\n"
    tools = (
        f"See [@a].\n\n.. include:: {at}/secret.md\n\n```{{include}} {at}/secret.md\n```\n\n"
        f'--8<-- "{at}/secret.md"\n\n{{!{at}/secret.md!}}\n\n!include {at}/secret.md\n\n'
        f'@import "{at}/secret.md"\n\n<!--#include file="{at}/secret.md" -->\n'
    )
    yaml = (
        "references:\n- id: b\n  title: !!python/object/apply:os.system "
        f"['cat {at}/secret.bib']\n- id: c\n  title: !include {at}/secret.yaml\n"
    )
    bib = (
        f'@preamble{{"\\input{{{at}/secret}}"}}\n'
        f"@article{{d, title={{D}}, author={{X, Y}}, year={{2000}}, journal={{J}},"
        f" file={{:{at}/secret.bib:PDF}}, crossref={{stolen}}, xdata={{stolen}}}}\n"
    )
    ris = f"TY  - JOUR\nID  - e\nTI  - E\nL1  - file://{at}/secret.bib\nL2  - {at}/secret.bib\n"
    ris += "ER  - \n"
    return [
        ("manuscript", ("main.tex", tex.encode())),
        ("manuscript", ("indented.Rmd", indented.encode())),
        ("manuscript", ("tools.md", tools.encode())),
        ("bibliography", ("refs.bib", REFS)),
        ("bibliography", ("more.yaml", yaml.encode())),
        ("bibliography", ("fields.bib", bib.encode())),
        ("bibliography", ("attached.ris", ris.encode())),
    ]


def test_namings_not_tried_before_open_nothing_outside(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    with scratch_server(tmp_path, "r14") as (client, auth):
        opened, shown = audited_through_api(client, auth, _files(outside))
    reached = [n for n in opened if os.path.realpath(n).startswith(str(outside))]
    assert not reached, reached
    assert not any(MARK in answer for answer in shown)
    report = json.loads(shown[2 + FORMATS.index("json")])
    keys = {r["key"] for r in report["references"]}
    assert "a" in keys and "stolen" not in keys  # the upload's own files are audited
    messages = [str(f["message"]) for f in report["findings"]]
    refused = [m for m in messages if "secret (1)" in m or "secret _1_" in m]
    assert len(refused) == 2 and all(REFUSED in m for m in refused), messages


def test_two_uploads_differing_only_in_case_stay_two_files(tmp_path: Path) -> None:
    """``chap.tex`` and ``CHAP.tex`` (and ``refs.bib`` beside ``REFS.bib``) are stored
    under names that differ whatever the file system's case rule, and each fixed-file
    download gives back its own upload, never the other's."""
    chap, shout = b"One \\cite{a}.\n", b"TWO \\cite{a}.\n"
    other_refs = REFS.replace(b"Inside", b"Shouted")
    files = [
        ("manuscript", ("main.tex", b"Okafor \\cite{a}.\n\\input{chap}\n\\bibliography{refs}\n")),
        ("manuscript", ("chap.tex", chap)),
        ("manuscript", ("CHAP.tex", shout)),
        ("bibliography", ("refs.bib", REFS)),
        ("bibliography", ("REFS.bib", other_refs)),
    ]
    with scratch_server(tmp_path, "r14-case") as (client, auth):
        response = client.post(
            "/api/v1/audits", files=files, data={"offline": "true"}, headers=auth
        )
        assert response.status_code == 202, response.text
        url = response.json()["url"]
        status = client.get(url, headers=auth).json()
        for _ in range(1200):  # a hang guard only; nothing asserts on time
            if status["status"] in ("done", "failed"):
                break
            time.sleep(0.05)
            status = client.get(url, headers=auth).json()
        assert status["status"] == "done", status
        names = status["files"]
        assert len({name.casefold() for name in names}) == len(files), names
        fixed = {name: client.get(f"{url}/fixed/{name}", headers=auth).content for name in names}
    assert fixed[names[1]] == chap and fixed[names[2]] == shout, names
    assert fixed[names[3]] == REFS and fixed[names[4]] == other_refs, names
