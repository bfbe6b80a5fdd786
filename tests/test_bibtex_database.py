"""Several .bib files are one BibTeX database: @string macros carry across (issue 12)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.bibliography.bibtex_database import MacroTable
from citeaudit.bibliography.interface import ParseProblem
from citeaudit.bibliography.loading import read_bibliography

STRINGS = '@string{proc = "Proceedings of the "}\n@string{SYMP = proc # "Symposium on Things"}\n'
REFS = (
    "@inproceedings{lee2001, author = {Lee, Ann}, title = {Title}, booktitle = SYMP,"
    " year = {2001}}\n"
    "@article{kim2002, author = {Kim, Bo}, title = {Other}, journal = SYMP, year = {2002}}\n"
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _undefined(problems: tuple[ParseProblem, ...]) -> list[str]:
    return [p.message for p in problems if "@string macro" in p.message]


def test_macros_of_an_earlier_file_are_known_in_a_later_one(tmp_path: Path) -> None:
    strings = _write(tmp_path, "strings.bib", STRINGS)
    refs = _write(tmp_path, "refs.bib", REFS)
    macros = MacroTable()
    first = read_bibliography(strings, macros)
    second = read_bibliography(refs, macros)
    assert first.references == () and first.problems == ()  # a macro file, not "no entries"
    assert _undefined(second.problems) == []
    venues = {r.key: r.container for r in second.references}
    assert venues == {
        "lee2001": "Proceedings of the Symposium on Things",
        "kim2002": "Proceedings of the Symposium on Things",
    }
    # read alone, the same file still reports the macro as undefined
    assert len(_undefined(read_bibliography(refs).problems)) == 2


def test_order_matters_as_in_bibtex(tmp_path: Path) -> None:
    refs = _write(tmp_path, "refs.bib", REFS)
    strings = _write(tmp_path, "strings.bib", STRINGS)
    macros = MacroTable()
    assert len(_undefined(read_bibliography(refs, macros).problems)) == 2
    read_bibliography(strings, macros)


def test_latex_bibliography_list_and_bib_options_are_one_database(tmp_path: Path) -> None:
    _write(tmp_path, "strings.bib", STRINGS)
    _write(tmp_path, "refs.bib", REFS + "@misc{lee2001, title = {Dup}, year = {2003}}\n")
    paper = _write(
        tmp_path,
        "paper.tex",
        "\\documentclass{article}\\begin{document}\n\\cite{lee2001,kim2002}\n"
        "\\bibliography{strings,refs}\n\\end{document}\n",
    )
    data = read_inputs(AuditInput(manuscripts=(paper,)))
    messages = [p.message for b in data.bibliographies for p in b.problems]
    assert not [m for m in messages if "@string macro" in m or "no entries" in m]
    options = read_inputs(
        AuditInput(
            manuscripts=(paper,),
            bibliographies=(tmp_path / "strings.bib", tmp_path / "refs.bib"),
        )
    )
    assert not [
        p.message for b in options.bibliographies for p in b.problems if "@string" in p.message
    ]
    keys = [r.key for b in options.bibliographies for r in b.references]
    assert keys.count("lee2001") == 2  # entries stay each file's own: the duplicate is kept
