"""Where a PDF's reference list ends when what follows it has no heading.

Journals print back matter after the list in the list's own type, set off only by
space: the name of the editor who handled the paper, the licence note, the authors'
short biographies, the address for correspondence, the article's own citation to
copy. Read as the list's lines, each of those lines became an entry, and each such
entry an "uncited" finding. Space alone
does not end a list -- a list's own sub-heading ("Archival sources") stands after
space too -- so what follows the space must also not read as entries. Each PDF is
drawn here (test_pdf_builder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

BODY: list[str | tuple[float, str]] = [
    "Introduction",
    "Earlier work found the effect (Abbott, 2019). Brandt and Cole (2020)",
    "agree, Dunmore et al. (2018) found more of it, and Gray (2021) agrees.",
    "",
    "References",
]
ENTRIES: list[str | tuple[float, str]] = [
    "Abbott, J. (2019). A made-up study of small things. Journal of Stuff, 3,",
    (14.0, "1-10."),
    "Brandt, K., & Cole, L. (2020). Another made-up study. Journal of Stuff, 4,",
    (14.0, "11-20."),
    "Dunmore, M., Ellis, N., & Frost, O. (2018). A third study. Review of",
    (14.0, "Things, 2, 5-9."),
    "Gray, P. (2021). A fourth study of items. Example Press.",
]

BACK_MATTER = {
    "editor": ["Helena Marsh", "EDITOR IN CHARGE OF THE REVIEW"],
    "licence": [
        "This is an open access article distributed under the terms of the",
        "Creative Commons Attribution License, which permits unrestricted use.",
    ],
    "biography": [
        "Jo Abbott is a lecturer in small things at the University of Elsewhere.",
        "Her research covers how small things are counted (Abbott, 2019).",
    ],
    "how to cite": [
        "How to cite this article: Abbott, J. (2024). A made-up paper. Journal of",
        "Made-up Studies, 12, 1-10.",
    ],
    "correspondence": [
        "Corresponding author: Jo Abbott, University of Elsewhere,",
        "12 High Street, Newtown. E-mail: jo.abbott@example.org",
    ],
}


def _entries(path: Path, tail: list[str | tuple[float, str]]) -> list[str]:
    write_pdf(path, [Page([Column(BODY + ENTRIES + tail)])])
    return [entry.text for entry in read_manuscript(path).reference_entries]


@pytest.mark.parametrize("kind", sorted(BACK_MATTER))
def test_back_matter_set_off_by_space_ends_the_list(tmp_path: Path, kind: str) -> None:
    entries = _entries(tmp_path / f"{kind}.pdf", ["", *BACK_MATTER[kind]])
    assert len(entries) == 4, entries
    assert entries[-1].startswith("Gray, P. (2021)")


def test_back_matter_after_the_list_is_no_uncited_entry(tmp_path: Path) -> None:
    path = tmp_path / "bio.pdf"
    write_pdf(path, [Page([Column(BODY + ENTRIES + ["", *BACK_MATTER["biography"]])])])
    result = audit(AuditInput.from_paths([path]))
    assert [f.code for f in result.findings if f.code in ("CIT001", "CIT002")] == []


def test_a_sub_heading_after_space_keeps_the_list_going(tmp_path: Path) -> None:
    tail: list[str | tuple[float, str]] = [
        "",
        "Archival sources",
        "Hale, R. (1921). Letters of a made-up town clerk. Town Archive, box 4.",
        "Ives, S. (1930). Minutes of a made-up council. Town Archive, box 7.",
    ]
    entries = _entries(tmp_path / "sub.pdf", tail)
    assert [e.split(",")[0] for e in entries][-2:] == ["Hale", "Ives"]


def test_an_entry_after_space_keeps_the_list_going(tmp_path: Path) -> None:
    tail: list[str | tuple[float, str]] = [
        "",
        "Hale, R. (1921). Letters of a made-up town clerk. Town Archive, box 4.",
    ]
    entries = _entries(tmp_path / "entry.pdf", tail)
    assert len(entries) == 5 and entries[-1].startswith("Hale, R. (1921)")


def test_a_list_spaced_between_its_entries_is_read_whole(tmp_path: Path) -> None:
    spaced: list[str | tuple[float, str]] = []
    for entry in ENTRIES:
        spaced += [entry] if isinstance(entry, tuple) else ["", entry]
    path = tmp_path / "spaced.pdf"
    write_pdf(path, [Page([Column(BODY + spaced)])])
    assert len(read_manuscript(path).reference_entries) == 4
