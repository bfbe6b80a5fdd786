"""Each kind of unread input gets a suggested fix that fits why it was not read.

Class: the unreadable-input finding suggested "Add or correct the missing or
unreadable file" whatever the reason -- also for a build file passed over because
anyone may write to its folder (adding a file changes nothing: it must move, or the
chapters be given directly), for a kernel file refused (``\\input{/proc/self/status}``:
the name is the mistake, not a missing file), for a name outside the audit's files,
a cap reached, a file that is not UTF-8 or an ``\\input`` that includes itself. Each
case here is a real input read through the whole audit; the fix must be the one for
its reason (and differ from the generic text), and a plain missing file still gets
the "add or correct" fix.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.input_scope import InputScope
from citeaudit.manuscript.latex_macros import MAX_MACRO_DEFINITIONS

GENERIC = "Add or correct the missing or unreadable file"
BIB = "@article{key1, author={Ames, A.}, title={A title}, journal={J}, year={2001}}\n"


def _fixes(manuscript: Path, scope: InputScope | None = None) -> list[tuple[str, str]]:
    """(message, fix title) of every unreadable-input finding of the audit."""
    result = audit(AuditInput.from_paths([manuscript]), scope=scope)
    return [
        (f.message, f.fix.title if f.fix else "")
        for f in result.findings
        if f.rule == "unreadable-input"
    ]


def _tex(folder: Path, body: str, preamble: str = "") -> Path:
    (folder / "refs.bib").write_text(BIB, encoding="utf-8")
    path = folder / "paper.tex"
    path.write_text(
        "\\documentclass{article}\n"
        + preamble
        + "\\begin{document}\n"
        + body
        + "\nAs shown \\cite{key1}.\n\\bibliography{refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    return path


def _one(fixes: list[tuple[str, str]], said: str) -> str:
    found = [fix for message, fix in fixes if said in message]
    assert found, fixes
    return found[0]


@pytest.mark.parametrize("mode", [0o777, 0o1777])
@pytest.mark.parametrize("kind", ["quarto", "bookdown"])
def test_a_build_file_passed_over_for_trust(tmp_path: Path, kind: str, mode: int) -> None:
    shared = tmp_path / "shared"
    own = shared / "chapters"
    own.mkdir(parents=True)
    if kind == "quarto":
        manuscript = own / "intro.qmd"
        (shared / "_quarto.yml").write_text(
            "project:\n  type: book\nbook:\n  chapters:\n    - chapters/intro.qmd\n",
            encoding="utf-8",
        )
    else:
        manuscript = own / "intro.Rmd"
        (shared / "_bookdown.yml").write_text('rmd_files: ["chapters/intro.Rmd"]\n', "utf-8")
    manuscript.write_text("# Intro\n\nComo se mostró [@key1].\n", encoding="utf-8")
    shared.chmod(mode)
    try:
        fix = _one(_fixes(manuscript), "build file not read")
    finally:
        shared.chmod(0o755)
    assert fix != GENERIC
    assert "folder" in fix and "only you" in fix


@pytest.mark.parametrize("target", ["/proc/self/status", "/proc/self/environ", "/proc/cpuinfo"])
def test_a_kernel_file_refused(tmp_path: Path, target: str) -> None:
    if not os.path.exists(target):
        pytest.skip(f"{target} does not exist here")
    fix = _one(_fixes(_tex(tmp_path, f"\\input{{{target}}}\n")), "kernel file")
    assert fix != GENERIC
    assert "kernel" in fix


def test_a_name_outside_the_audits_files(tmp_path: Path) -> None:
    own = tmp_path / "upload"
    own.mkdir()
    (tmp_path / "secret.tex").write_text("Hidden \\cite{key1}.\n", encoding="utf-8")
    manuscript = _tex(own, "\\input{../secret}\n")
    fix = _one(_fixes(manuscript, InputScope.confined_to(own)), "outside the audit")
    assert fix != GENERIC
    assert "upload" in fix.lower()


def test_a_circular_input(tmp_path: Path) -> None:
    (tmp_path / "loop.tex").write_text("Again \\input{loop}\n", encoding="utf-8")
    fix = _one(_fixes(_tex(tmp_path, "\\input{loop}\n")), "includes itself")
    assert fix != GENERIC
    assert "\\input" in fix or "itself" in fix


def test_macro_definitions_past_the_cap(tmp_path: Path) -> None:
    defs = "".join(
        f"\\def\\m{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}{chr(97 + n // 676 % 26)}{{x}}\n"
        for n in range(MAX_MACRO_DEFINITIONS + 5)
    )
    fix = _one(_fixes(_tex(tmp_path, "", preamble=defs)), "macro definitions")
    assert fix != GENERIC
    assert "macro" in fix


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("latin-1", "Économie générale "), ("cp1252", "“Smart” quotes — and dashes ")],
)
def test_a_file_not_in_utf8(tmp_path: Path, encoding: str, text: str) -> None:
    manuscript = tmp_path / "paper.md"
    manuscript.write_bytes(
        (
            f"# Title\n\n{text}(Ames, 2001).\n\n## References\n\n"
            "Ames, A. (2001). A title. J, 1, 1-2.\n"
        ).encode(encoding)
    )
    fix = _one(_fixes(manuscript), "UTF-8")
    assert fix != GENERIC
    assert "UTF-8" in fix


def test_a_missing_file_still_gets_add_or_correct(tmp_path: Path) -> None:
    fix = _one(_fixes(_tex(tmp_path, "\\input{chapters/absent}\n")), "not found")
    assert fix == GENERIC
