"""The files of one BibTeX database share one expansion and inheritance budget.

A BibTeX file may add, through @string macros and crossref parents, ten times its text
or 2,000,000 characters (`bibtex.expansion_budget`, `inheritance_budget`). The files of
one database (``\\bibliography{strings,r0,r1,...}``: `bibtex_database.MacroTable`) each
got that floor of their own: eighty 3 KB files naming one 100 KB macro expanded
160,000,000 characters (5.6 s of reading, before any rule saw the titles), and the
2,000 files a manuscript may name would expand 4,000,000,000. A crossref parent of a
long title shared by thousands of children in each of many small files was the same.
Now what the database's files read and added is one `Allowance`: together they add at
most what one file of all their text could. Characters are counted, never seconds.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.bibliography.bibtex import expansion_budget
from citeaudit.bibliography.bibtex_database import MacroTable
from citeaudit.bibliography.interface import Bibliography
from citeaudit.bibliography.loading import read_bibliography


def _database(folder: Path, macro: str, files: list[str]) -> tuple[list[Bibliography], int]:
    """The files read in order as one database, and the characters of text they hold."""
    paths = [folder / "strings.bib"]
    paths[0].write_text(macro, encoding="utf-8")
    for k, text in enumerate(files):
        paths.append(folder / f"r{k}.bib")
        paths[-1].write_text(text, encoding="utf-8")
    table = MacroTable()
    read = [read_bibliography(path, table) for path in paths]
    return read, len(macro) + sum(len(t) for t in files)


def test_files_naming_one_long_macro_expand_within_one_budget(tmp_path: Path) -> None:
    macro = '@string{big = "' + "word " * 20_000 + '"}\n'
    entry = "@article{{k{k}x{i}, title = big, author = {{A, B.}}, year = 2000}}\n"
    files = ["".join(entry.format(k=k, i=i) for i in range(40)) for k in range(40)]
    read, text = _database(tmp_path, macro, files)
    titles = sum(len(r.title or "") for b in read for r in b.references)
    assert titles <= expansion_budget("x" * text), f"{titles:,} title characters from {text:,}"
    assert sum(len(b.references) for b in read) == 40 * 40  # every entry is still read
    assert any("expands" in p.message for b in read for p in b.problems)


def test_files_of_crossref_children_inherit_within_one_budget(tmp_path: Path) -> None:
    parent = "@proceedings{{p{k}, title = {{{title}}}, year = 2000}}\n"
    child = "@inproceedings{{c{k}x{i}, crossref = {{p{k}}}, author = {{A, B.}}}}\n"
    title = "Proceedings " * 100
    files = [
        "".join(child.format(k=k, i=i) for i in range(1_500)) + parent.format(k=k, title=title)
        for k in range(30)
    ]
    read, text = _database(tmp_path, "@string{x = {y}}\n", files)
    inherited = sum(
        len(value) for b in read for r in b.references for name, value in r.extra
    ) + sum(len(r.container or "") for b in read for r in b.references)
    assert inherited <= expansion_budget("x" * text), f"{inherited:,} characters from {text:,}"
    assert any("inherit" in p.message for b in read for p in b.problems)
