"""Author and editor lists are read within a budget (`bibliography.limits.PersonBudget`).

A person costs a few bytes of a file and a few hundred in memory through every step of
the audit: one BibTeX entry of a million ``a and`` names (6 MB) took an offline audit
to 442 MB (benches/r5z_hostile.py, shape r5z-bib-authors). Every reader keeps a list's
first `MAX_LIST_PERSONS`, and past `MAX_FILE_PERSONS` in a file each further list its
first `PERSONS_PAST_BUDGET`; one problem says so at the first list cut. Structural
asserts only: the counts kept, the problem and its line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.bibliography import limits
from citeaudit.bibliography.interface import Bibliography
from citeaudit.bibliography.loading import read_bibliography

LONG = limits.MAX_LIST_PERSONS + 50


def _bib(n: int, key: str = "k") -> str:
    return (
        f"@article{{{key}, author = {{"
        + " and ".join(f"Auth{i}, A." for i in range(n))
        + "},\n year = 2020}\n"
    )


def _ris(n: int) -> str:
    return (
        "TY  - JOUR\n" + "".join(f"AU  - Auth{i}, A.\n" for i in range(n)) + "PY  - 2020\nER  - \n"
    )


def _json(n: int) -> str:
    people = [{"family": f"Auth{i}", "given": "A."} for i in range(n)]
    return json.dumps([{"id": "k", "type": "article", "author": people}])


def _yaml(n: int) -> str:
    people = "".join(f"  - family: Auth{i}\n    given: A.\n" for i in range(n))
    return "references:\n- id: k\n  type: article\n  author:\n" + people


def _read(tmp_path: Path, name: str, text: str) -> Bibliography:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_bibliography(path)


def _cut(bibliography: Bibliography) -> list[str]:
    return [p.message for p in bibliography.problems if "read only in part" in p.message]


@pytest.mark.parametrize(
    ("name", "build"),
    [("refs.bib", _bib), ("refs.ris", _ris), ("refs.json", _json), ("refs.yaml", _yaml)],
)
def test_a_list_past_the_cap_keeps_its_first_persons_and_says_so(
    tmp_path: Path, name: str, build: object
) -> None:
    bibliography = _read(tmp_path, name, build(LONG))  # type: ignore[operator]
    (reference,) = bibliography.references
    assert len(reference.authors) == limits.MAX_LIST_PERSONS
    assert reference.authors[0].family == "Auth0"
    assert reference.authors[-1].family == f"Auth{limits.MAX_LIST_PERSONS - 1}"
    (message,) = _cut(bibliography)
    assert "1 author or editor list" in message


@pytest.mark.parametrize(
    ("name", "build"),
    [("refs.bib", _bib), ("refs.ris", _ris), ("refs.json", _json), ("refs.yaml", _yaml)],
)
def test_a_list_within_the_cap_is_whole_and_unreported(
    tmp_path: Path, name: str, build: object
) -> None:
    bibliography = _read(tmp_path, name, build(40))  # type: ignore[operator]
    (reference,) = bibliography.references
    assert len(reference.authors) == 40
    assert not _cut(bibliography)


def test_past_the_files_budget_each_list_keeps_its_first_few(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_PERSONS", 60)
    text = "".join(_bib(30, f"k{i}") for i in range(6))
    bibliography = _read(tmp_path, "refs.bib", text)
    counts = [len(r.authors) for r in bibliography.references]
    assert counts == [30, 30] + [limits.PERSONS_PAST_BUDGET] * 4
    (message,) = _cut(bibliography)
    assert message.startswith("4 author or editor list")
    (problem,) = [p for p in bibliography.problems if "read only in part" in p.message]
    assert problem.location.line == 5  # the third entry's first line


def test_a_million_persons_in_one_entry_reads_to_the_cap(tmp_path: Path) -> None:
    """Would hold a million Person references (and every later step's copies) uncut."""
    text = "@article{k, author = {" + " and ".join(["a"] * 1_000_000) + "}, year = 2020}\n"
    (reference,) = _read(tmp_path, "refs.bib", text).references
    assert len(reference.authors) == limits.MAX_LIST_PERSONS


def test_bibtex_splits_no_more_names_than_it_keeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name splitter builds a string per name and more (6 MB of 'a and' held 191 MB
    and took 1.6 s before anything was cut): it is handed the list cut after the names
    the budget keeps, so its work is bounded by the cap, not by the field."""
    from citeaudit.bibliography import bibtex

    handed: list[int] = []
    split = bibtex.split_multiple_persons_names

    def counted(value: str) -> list[str]:
        names: list[str] = split(value)
        handed.append(len(names))
        return names

    monkeypatch.setattr(bibtex, "split_multiple_persons_names", counted)
    names = " and ".join(["{Braced and Co}", *(f"Auth{i}, A." for i in range(200_000))])
    text = f"@article{{k, author = {{{names}}}, year = 2020}}\n"
    (reference,) = _read(tmp_path, "refs.bib", text).references
    assert len(reference.authors) == limits.MAX_LIST_PERSONS
    assert reference.authors[0].family == "Braced and Co"  # 'and' inside braces: one name
    assert reference.authors[1].family == "Auth0"
    assert max(handed) <= limits.MAX_LIST_PERSONS + 1


def test_ris_hands_rispy_no_more_person_lines_than_it_keeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rispy reads every line of a record into its lists before any cap: a record's
    person lines past the cap are left out of what it is handed (and the record's
    other tags after them are still read)."""
    from citeaudit.bibliography import ris

    handed: list[int] = []
    parse = ris._RIS.parse

    def counted(text: str) -> object:
        handed.append(text.count("\nAU  - "))
        return parse(text)

    monkeypatch.setattr(ris._RIS, "parse", counted)
    text = (
        "TY  - JOUR\n"
        + "".join(f"AU  - Auth{i}, A.\n" for i in range(100_000))
        + "TI  - The title\nPY  - 2020\nER  - \n"
    )
    bibliography = _read(tmp_path, "refs.ris", text)
    (reference,) = bibliography.references
    assert len(reference.authors) == limits.MAX_LIST_PERSONS
    assert (reference.title, reference.year) == ("The title", 2020)
    assert max(handed) <= limits.MAX_LIST_PERSONS + 1
    assert len(_cut(bibliography)) == 1
