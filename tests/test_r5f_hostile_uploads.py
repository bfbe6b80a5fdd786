"""Hostile uploads that name server files, in forms the earlier rounds did not write.

Each manuscript below names a file outside its own folder in a way a TeX engine, a
knitr/Quarto build or Word would follow: a macro that expands to ``\\input``
(``\\expandafter``, ``\\let``, ``\\newcommand``), ``\\jobname``, ``\\detokenize``,
the starred ``\\InputIfFileExists*``, the listing and figure inputs
(``\\inputminted``, ``\\VerbatimInput``, ``\\includestandalone``), a ``file:`` URI
as the name, a Windows name with backslashes, and a project sent as one ZIP whose
members carry ``..``, absolute, drive-letter and look-alike names. Run through the
service's read of an upload (`service.inputs.read_files`) and the command line's
``check --confine``: no name in the outside folder is opened (an audit hook sees every
``open``), its marker is never in the report, and the report reads the same whether the
outside files exist or not (no probe of the server's disk).

No reader follows most of these forms today (they are found only as text): the tests
hold that a reader taught one later asks the scope. ``input`` is the tests' own
control, a form the readers do follow: with the scope's checks switched off, it and the
ZIP's test fail.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import shutil
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.datastructures import FormData, Headers, UploadFile

from citeaudit.api.uploads import checked_files
from citeaudit.cli import main
from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile

MARK = "QZ5R5FOUTSIDEMARK"
BIB = "@article{x, author={Okafor, N.}, title={T}, journal={J}, year={2018}}\n"

_opened: list[list[str]] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _opened and event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
        _opened[-1].append(os.fsdecode(args[0]))


sys.addaudithook(_hook)  # cannot be removed: it records only inside `_opening`


@pytest.fixture
def opening() -> Iterator[list[str]]:
    names: list[str] = []
    _opened.append(names)
    try:
        yield names
    finally:
        _opened.remove(names)


def _tex(body: str) -> str:
    return (
        "\\documentclass{article}\\begin{document}\nOkafor \\cite{x}.\n"
        f"{body}\n\\bibliography{{refs}}\n\\end{{document}}\n"
    )


# Each takes the outside folder's path (S) and gives main.tex.
NAMINGS = {
    "expandafter": "\\expandafter\\input\\expandafter{{{S}/s.tex}}",
    "let": "\\let\\foo\\input \\foo{{{S}/s.tex}}",
    "newcommand": "\\newcommand{{\\inp}}{{\\input}}\\inp{{{S}/s.tex}}",
    "jobname": "\\def\\jobname{{{S}/s}}\\input{{\\jobname}}",
    "detokenize": "\\input{{\\detokenize{{{S}/s.tex}}}}",
    "iife_star": "\\InputIfFileExists*{{{S}/s.tex}}{{}}{{}}",
    "listings": "\\inputminted{{text}}{{{S}/s}}\\VerbatimInput{{{S}/s}}",
    "standalone": "\\includestandalone{{{S}/s}}",
    "file_uri": "\\input{{file://{S}/s.tex}}\\input{{file:{S}/s.tex}}",
    "backslashes": "\\input{{..\\\\outside\\\\s.tex}}\\input{{{W}\\\\s.tex}}",
    "bbl_input": "\\bibliography{{main}}",
    # What LaTeX readers do follow, as the test's own control: refused by the scope.
    "input": "\\input{{{S}/s.tex}}\\include{{../outside/s}}",
}


def _outside(base: Path, exists: bool) -> Path:
    """The server's folder beside the upload's; its files only when `exists`."""
    folder = base / "outside"
    if exists:
        folder.mkdir()
        (folder / "s.tex").write_text(f"\\cite{{{MARK}}} {MARK}\n", encoding="utf-8")
        (folder / "s").write_text(f"{MARK}\n", encoding="utf-8")
        (folder / "s.bib").write_text(f"@article{{{MARK}, title={{{MARK}}}}}\n", encoding="utf-8")
    return folder


def _upload(name: str, outside: Path) -> dict[str, str]:
    text = NAMINGS[name].format(S=outside, W=str(outside).replace("/", "\\\\"))
    files = {"main.tex": _tex(text), "refs.bib": BIB}
    if name == "bbl_input":
        files["main.bbl"] = (
            f"\\begin{{thebibliography}}{{1}}\n\\input{{{outside}/s.tex}}\n"
            "\\bibitem{x} Okafor, N. 2018. T.\n\\end{thebibliography}\n"
        )
    return files


def _served(files: dict[str, str]) -> str:
    stored = [
        StoredFile(
            "bibliography" if n.endswith(".bib") else "manuscript", n, "text", len(c), c.encode()
        )
        for n, c in files.items()
    ]
    return repr(read_files(stored))


def _confined(
    folder: Path, files: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> str:
    folder.mkdir()
    for n, c in files.items():
        (folder / n).write_text(c, encoding="utf-8")
    monkeypatch.chdir(folder)
    given = ["--confine", ".", "main.tex", "--bib", "refs.bib"]
    main(["check", "--offline", "--format", "json", "--fail-on", "never", *given])
    shown = capsys.readouterr()
    return shown.out + shown.err


def _same(text: str) -> str:
    """A report with the service's scratch folder taken out (new for every run)."""
    return re.sub(r"/tmp/citeaudit-[^/\s'\"]+", "SCRATCH", text)


def _fresh(base: Path) -> Path:
    """`base`, empty: both runs of a test use the very same names."""
    if base.exists():
        shutil.rmtree(base)
    base.mkdir()
    return base


@pytest.mark.parametrize("name", sorted(NAMINGS))
def test_an_upload_naming_a_server_file_opens_and_tells_nothing(
    name: str, tmp_path: Path, opening: list[str]
) -> None:
    reports = []
    for exists in (True, False):
        base = _fresh(tmp_path / "run")
        outside = _outside(base, exists)
        files = _upload(name, outside)
        opening.clear()
        report = _served(files)
        assert MARK not in report
        assert [n for n in opening if str(outside) in os.path.abspath(n)] == []
        reports.append(_same(report))
    assert reports[0] == reports[1]  # whether the server's file exists is not told


@pytest.mark.parametrize("name", sorted(NAMINGS))
def test_a_confined_checkout_naming_a_runner_file_opens_and_tells_nothing(
    name: str,
    tmp_path: Path,
    opening: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    reports = []
    for exists in (True, False):
        base = _fresh(tmp_path / "run")
        outside = _outside(base, exists)
        opening.clear()
        report = _confined(base / "repo", _upload(name, outside), monkeypatch, capsys)
        assert MARK not in report
        assert [n for n in opening if str(outside) in os.path.abspath(n)] == []
        reports.append(_same(report))
        json.loads(reports[-1][: reports[-1].rindex("}") + 1])  # a report, not a crash
    assert reports[0] == reports[1]


def _project_zip(outside: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("proj/main.tex", _tex(f"\\input{{{outside}/s.tex}}\\input{{ch1}}"))
        archive.writestr("../../../../ch1.tex", f"\\input{{../outside/s.tex}} {MARK[:0]}\n")
        archive.writestr("/abs/refs.bib", BIB)
        archive.writestr("C:\\Users\\x\\notes.md", f"See \\input{{{outside}/s.tex}}.\n")
        archive.writestr("\u2024\u2024\u2215extra.bib", BIB.replace("{x,", "{y,"))
        link = zipfile.ZipInfo("proj/linked.bib")
        link.external_attr = 0o120777 << 16  # a symbolic link entry: its bytes are a name
        archive.writestr(link, f"{outside}/s.bib")
    return buffer.getvalue()


def _checked(data: bytes) -> list[StoredFile]:
    upload = UploadFile(
        io.BytesIO(data),
        filename="project.zip",
        headers=Headers({"content-type": "application/zip"}),
    )
    files = asyncio.run(checked_files(FormData([("manuscript", upload)]), max_expanded=1 << 24))
    return [StoredFile(f.role, f.name, f.kind, len(f.content), f.content) for f in files]


def test_a_project_zip_of_hostile_names_keeps_to_its_own_files(
    tmp_path: Path, opening: list[str]
) -> None:
    reports = []
    for exists in (True, False):
        base = _fresh(tmp_path / "run")
        outside = _outside(base, exists)
        stored = _checked(_project_zip(outside))
        names = sorted(f.name for f in stored)
        assert all("/" not in n and "\\" not in n and not n.startswith(".") for n in names)
        assert {"main.tex", "ch1.tex", "refs.bib"} <= set(names)
        opening.clear()
        report = _served({f.name: f.content.decode() for f in stored})
        assert MARK not in report
        assert [n for n in opening if str(outside) in os.path.abspath(n)] == []
        assert "Okafor" in report  # the project itself was read
        reports.append(_same(report))
    assert reports[0] == reports[1]
