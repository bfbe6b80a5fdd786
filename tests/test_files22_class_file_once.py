"""The project's own class or package file is read once per audit, however many
manuscripts load it.

Class: the LaTeX reader reads a ``\\documentclass{these}`` or ``\\usepackage{local}``
file beside the manuscript for the bibliography it names (`latex._local_class_lines`),
once per manuscript. Every chapter of an upload loads the same class, so a 5 MB
``big.sty`` loaded by ten uploaded chapters was read and decoded ten times (0.6 s of
CPU each; nineteen chapters and a 19 MB file, the most one request holds, ~45 s),
none of it counted on the audit's text budget. A class file that is binary (NUL
bytes) made the whole manuscript that loads it unreadable. Now each class file is
read once per audit (kept on the audit's scope), and one that cannot be read as text
is passed over: the manuscript is still read.

The file opened is observed with an audit hook (the standard library's ``open``
event), as `tests/redteam/opens_watch.py` does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.input_scope import InputScope

_opened: list[str] = []
_watching: list[bool] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _watching and event == "open" and args and isinstance(args[0], str | os.PathLike):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_hook)

CLASS = "\\NeedsTeXFormat{LaTeX2e}\n\\RequirePackage{biblatex}\n\\addbibresource{refs.bib}\n"
BIB = "@article{a, author={Roe, A.}, title={T}, journal={J}, year={2001}}\n"


def _project(folder: Path, chapters: int) -> list[Path]:
    (folder / "these.cls").write_text(CLASS, encoding="utf-8")
    (folder / "refs.bib").write_text(BIB, encoding="utf-8")
    paths = []
    for n in range(chapters):
        path = folder / f"ch{n}.tex"
        path.write_text(f"\\documentclass{{these}}\nChapter {n}: \\cite{{a}}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_a_class_loaded_by_every_chapter_is_read_once(tmp_path: Path) -> None:
    chapters = _project(tmp_path, 4)
    _opened.clear()
    _watching.append(True)
    try:
        data = read_inputs(AuditInput.from_paths(chapters), InputScope.confined_to(tmp_path))
    finally:
        _watching.pop()
    assert {r.key for r in data.references} == {"a"}  # the class's bibliography was read
    assert sum(1 for name in _opened if name.endswith("these.cls")) == 1


def test_a_binary_class_file_leaves_the_manuscript_readable(tmp_path: Path) -> None:
    (tmp_path / "these.cls").write_bytes(b"\\ProvidesClass{these}\n\x00\x01\x02\n")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass{these}\nSee \\cite{a}.\n\\bibliography{refs}\n", encoding="utf-8"
    )
    data = read_inputs(AuditInput.from_paths([main]), InputScope.confined_to(tmp_path))
    assert [c.key for c in data.citations] == ["a"]
    assert [r.key for r in data.references] == ["a"]
