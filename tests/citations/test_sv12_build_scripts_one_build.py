"""Survey 12, class SF (benches/REAL_MANUSCRIPTS_12.md): a pandoc paper's folder holds
several build scripts, each running pandoc on its own document with its own
``--bibliography`` (one file the union of the others); the paper's YAML names none.
Every script's file was read for the paper: each key "repeated" across files (a
false BIB001 per key) and each uncited entry reported once a file. The fix lies in
the project configuration (project_config.read_project_config, owner sv13):
/work/helpers/sv12-build-scripts-one-build.diff. Made up; a guard keeps a lone
script's bibliography."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult

_ROOK = "@article{Rook2019,\n  author = {Rook, Ana},\n  title = {Kettles},\n  year = {2019}\n}\n"
_VALE = "@article{Vale2020,\n  author = {Vale, Bo},\n  title = {Steam},\n  year = {2020}\n}\n"
_SCRIPT = '#!/bin/sh\ncat {src} | pandoc --citeproc --bibliography "{bib}" -o {out}\n'


def _folder(tmp_path: Path, scripts: dict[str, tuple[str, str, str]]) -> AuditResult:
    (tmp_path / "paper.md").write_text("# Kettles\n\nKettles boil [@Rook2019].\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notes\n\nSteam rises [@Vale2020].\n", encoding="utf-8")
    (tmp_path / "Paper refs.bib").write_text(_ROOK, encoding="utf-8")
    (tmp_path / "All refs.bib").write_text(_ROOK + _VALE, encoding="utf-8")
    for name, (src, bib, out) in scripts.items():
        (tmp_path / name).write_text(_SCRIPT.format(src=src, bib=bib, out=out), encoding="utf-8")
    return audit(AuditInput.from_paths([tmp_path / "paper.md"]))


def test_sf_only_the_papers_own_build_gives_its_bibliography(tmp_path: Path) -> None:
    result = _folder(
        tmp_path,
        {
            "build_paper.sh": ("paper.md", "Paper refs.bib", "paper.docx"),
            "build_all.sh": ("paper.md notes.md", "All refs.bib", "all.docx"),
            "build_notes.sh": ("notes.md", "All refs.bib", "notes.docx"),
        },
    )
    assert [f.code for f in result.findings if f.code in ("BIB001", "CIT001")] == []
    assert len(result.data.references) == 1


def test_sf_guard_one_script_gives_its_bibliography(tmp_path: Path) -> None:
    result = _folder(tmp_path, {"build_all.sh": ("paper.md notes.md", "All refs.bib", "all.docx")})
    assert len(result.data.references) == 2
    assert [f.code for f in result.findings if f.code == "CIT001"] == ["CIT001"]
