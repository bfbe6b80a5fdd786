"""A confined scope judges a relative name where the system opens it: from the
working directory, not from the scope's root.

A library caller (the Python API, a worker written by hand) confines an audit to
``Path("sub")`` and hands over ``Path("sub/paper.tex")``. The names the manuscript
gives are joined to its folder as written -- relative: ``\\bibliography{../other/
secret}`` became ``sub/../other/secret.bib``. The scope joined that to its root
(``/cwd/sub`` + ``sub/../other/secret.bib`` = ``/cwd/sub/other/secret.bib``: inside)
while the reader opened it from the working directory (``/cwd/other/secret.bib``:
outside), and the report listed the secret file's entries. A sibling upload folder
(``uploads/123/../124/``) was as easy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.input_scope import InputScope

SECRET = "TOPSECRETTITLE"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "secret.bib").write_text(
        "@article{secret2020, author={Secret, Person}, title={" + SECRET + "},"
        " journal={J}, year={2020}}\n",
        encoding="utf-8",
    )
    (tmp_path / "other" / "secret.tex").write_text(f"{SECRET} \\cite{{secret2020}}\n")
    (tmp_path / "sub" / "own.bib").write_text(
        "@article{own2021, author={Own, A}, title={Own}, journal={J}, year={2021}}\n"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _read(manuscript: str, text: str) -> str:
    Path(manuscript).write_text(text, encoding="utf-8")
    scope = InputScope.confined_to(Path("sub"))
    return repr(read_inputs(AuditInput(manuscripts=(Path(manuscript),)), scope))


@pytest.mark.parametrize(
    "name, text",
    [
        ("sub/paper.tex", "\\cite{secret2020}\\bibliography{../other/secret}\n"),
        ("sub/paper.tex", "\\input{../other/secret}\\bibliography{own}\n"),
        ("sub/paper.md", "---\nbibliography: ../other/secret.bib\n---\n[@secret2020]\n"),
    ],
)
def test_a_relative_name_climbing_out_is_refused(tree: Path, name: str, text: str) -> None:
    shown = _read(name, text)
    assert SECRET not in shown
    assert "outside the audit's own files" in shown


def test_a_relative_name_inside_is_read(tree: Path) -> None:
    shown = _read("sub/paper.tex", "\\cite{own2021}\\bibliography{own}\n")
    assert "own2021" in shown and "outside the audit's own files" not in shown


def test_admits_judges_relative_names_from_the_working_directory(tree: Path) -> None:
    scope = InputScope.confined_to(Path("sub"))
    assert scope.admits(Path("sub/own.bib"))
    assert not scope.admits(Path("sub/../other/secret.bib"))
    assert not scope.admits(Path("other/secret.bib"))
