"""One budget of free-text list characters for a whole audit, not one for each list.

freeze21 bounded what the free-text parser reads of ONE reference list (the tagger its
first `MODEL_CHARS` characters, the rules alone up to `MAX_LIST_CHARS`); but an upload
of several lists -- chapters, the files of a project, a manuscript and a pasted list --
got the whole budget once for each, so 20 MB held a worker for four lists' worth of
parsing. Now the audit owns one budget, spent in the order lists are read; past it
later entries and lists are not parsed, one problem says where reading stopped, and
the rest of the audit (citations, other files) goes on. Counted work, not time: the
characters handed to the parser over the whole audit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.bibliography import embedded
from citeaudit.model.reference import Reference

_ENTRY = ("Okafor, A. (2020). " + "Vol. 1, No. 2, " * 600)[:9_000]  # 9,000 characters


def _list_file(folder: Path, name: str, entries: int) -> Path:
    path = folder / name
    text = "\n\n".join(f"{_ENTRY} {i}." for i in range(entries))
    path.write_text(f"References\n\n{text}\n", "utf-8")
    return path


@pytest.fixture
def handed(monkeypatch: pytest.MonkeyPatch) -> dict[bool, int]:
    """Characters handed to the parser, with the tagger (True) and without (False)."""
    seen = {True: 0, False: 0}
    real = embedded.parse_reference

    def counting(text: str, **kwargs: object) -> Reference:
        seen[bool(kwargs.get("use_model", True))] += len(text)
        return real("Okafor, A. (2020). T.", **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(embedded, "parse_reference", counting)
    return seen


def _budget_problems(data: object) -> list[str]:
    problems = [p for b in data.bibliographies for p in b.problems]  # type: ignore[attr-defined]
    problems += list(data.input_problems)  # type: ignore[attr-defined]
    return [
        f"{p.location.file}:{p.location.line}: {p.message}"
        for p in problems
        if "characters" in p.message
    ]


def test_several_lists_of_one_audit_share_one_budget(
    tmp_path: Path, handed: dict[bool, int]
) -> None:
    # three lists of 300 entries of 9,000 characters: 2.7 MB each, each under the
    # budget of one list, 8.1 MB together
    paths = [_list_file(tmp_path, f"list{n}.txt", 300) for n in (1, 2, 3)]
    data = read_inputs(AuditInput(manuscripts=tuple(paths)))
    longest = len(_ENTRY) + 5
    assert handed[True] <= embedded.MODEL_CHARS + longest
    assert handed[True] + handed[False] <= embedded.MAX_LIST_CHARS + longest
    said = _budget_problems(data)
    cut = [m for m in said if "not read" in m]
    assert len(cut) == 1, said  # one problem, where reading stopped
    assert cut[0].startswith(str(paths[1]) + ":"), cut  # in the second list, on its line
    assert sum(len(b.references) for b in data.bibliographies) < 900


def test_lists_given_as_reference_lists_share_it_and_are_not_called_empty(
    tmp_path: Path, handed: dict[bool, int]
) -> None:
    manuscript = tmp_path / "paper.md"
    manuscript.write_text("As Okafor (2020) shows, and [@okafor2020].\n", "utf-8")
    lists = tuple(_list_file(tmp_path, f"refs{n}.txt", 300) for n in (1, 2, 3))
    data = read_inputs(AuditInput(manuscripts=(manuscript,), reference_lists=lists))
    assert handed[True] + handed[False] <= embedded.MAX_LIST_CHARS + len(_ENTRY) + 5
    assert data.citations  # the manuscript's citations are still read
    assert not any(p.unreadable for p in data.input_problems), data.input_problems
    assert len([m for m in _budget_problems(data) if "not read" in m]) == 1


def test_each_audit_has_a_budget_of_its_own(tmp_path: Path, handed: dict[bool, int]) -> None:
    path = _list_file(tmp_path, "list.txt", 300)  # 2.7 MB: within one budget
    for _ in range(3):  # three audits in turn: the third reads as much as the first
        handed[True] = handed[False] = 0
        data = read_inputs(AuditInput(manuscripts=(path,)))
        assert len(data.bibliographies[0].references) == 300
        assert handed[True] + handed[False] == sum(len(f"{_ENTRY} {i}.") for i in range(300))
        assert not [m for m in _budget_problems(data) if "not read" in m]


def test_chapters_with_lists_of_their_own_share_it(tmp_path: Path, handed: dict[bool, int]) -> None:
    chapters = []
    for n in (1, 2, 3):
        chapter = tmp_path / f"chapter{n}.md"
        text = "\n\n".join(f"{_ENTRY} {i}." for i in range(300))
        chapter.write_text(
            f"# Chapter {n}\n\nAs Okafor (2020) shows, the matter is settled.\n\n"
            f"# References\n\n{text}\n",
            "utf-8",
        )
        chapters.append(chapter)
    data = read_inputs(AuditInput(manuscripts=tuple(chapters)))
    assert handed[True] <= embedded.MODEL_CHARS + len(_ENTRY) + 5
    assert handed[True] + handed[False] <= embedded.MAX_LIST_CHARS + len(_ENTRY) + 5
    assert len(data.citations) == 3  # every chapter's citation is still read
    assert len([m for m in _budget_problems(data) if "not read" in m]) == 1
    assert len([m for m in _budget_problems(data) if "rules alone" in m]) == 1


def test_a_budget_passed_down_is_shared_by_the_lists_given_it(
    handed: dict[bool, int],
) -> None:
    from citeaudit.bibliography.limits import TextBudget
    from citeaudit.manuscript.document import RawEntry
    from citeaudit.model.location import Location

    def entries(source: str) -> list[RawEntry]:
        return [RawEntry(_ENTRY, Location(source, i + 1), _ENTRY) for i in range(400)]

    budget = TextBudget()
    first = embedded.bibliography_from_entries("a.txt", entries("a.txt"), budget)
    second = embedded.bibliography_from_entries("b.txt", entries("b.txt"), budget)
    assert len(first.references) == 400  # 3.6 MB: within the budget
    assert len(second.references) < 400
    assert budget.parsed <= embedded.MAX_LIST_CHARS + len(_ENTRY)
    assert [p.location.file for p in second.problems if "not read" in p.message] == ["b.txt"]
