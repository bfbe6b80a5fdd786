"""Classes of false findings left by surveys 13 and 14 (benches/REAL_MANUSCRIPTS_13.md,
_14.md), each on a made-up example of the same shape, with guards that the true
findings stay.

* RP -- "## References" whose only line points at another file ("See
  `manuscript/references.md`."): read as a one-entry list, every number "cites entry
  7, but the list has 1 entries". The sibling file is read as the list (inside the
  manuscript's folder only), else the section holds no entry.
* NL -- a line wholly in parentheses before the first entry ("(Formatted citations to
  be finalized.)") was an entry "never cited".
* JR -- "Kaelin, Jr (2005)" read as by "Jr"; "Kaelin, Jr. (2005)" read as nothing.
* LO -- "Lobato, Lobo, Oliveira (2018)", three names and commas only, read as
  "Oliveira (2018)".
* TY -- a list's heading typed with a slip ("Refences", "Referencess", "Bibliograpy",
  "6. refences"): no list was found.
* Acronyms of organisations, "(ONU, 2019)", and standards' numbers, "(NBR 5410, 2004)":
  guards (they already read right).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, AuditResult, audit
from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.markdown import MarkdownReader
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document

_NUMBERED_BODY = (
    "# Kettle study\n\n"
    "Kettles boil water [1]. Steam rises [2], as measured before [3].\n\n"
    "## References\n\n"
)
_SIBLING_LIST = (
    "# References\n\n"
    "1. Rook A, Vale B. Kettles boil. J Steam. 2010;1:1-2.\n"
    "2. Lind C. Steam rises. J Steam. 2011;2:3-4.\n"
    "3. Tarn D. Vapour in the kitchen. J Steam. 2012;3:5-6.\n"
)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _findings(result: AuditResult, code: str) -> list[str]:
    return [f.message for f in result.findings if f.code == code]


# --- RP: a list that points at a sibling file ------------------------------------------


def test_rp_pointer_to_a_sibling_file_reads_that_file_as_the_list(tmp_path: Path) -> None:
    folder = tmp_path / "manuscript"
    paper = _write(folder / "paper.md", _NUMBERED_BODY + "See `manuscript/references.md`.\n")
    _write(folder / "references.md", _SIBLING_LIST)
    read = MarkdownReader().read(paper)
    assert len(read.reference_entries) == 3
    assert {e.location.file for e in read.reference_entries} == {str(folder / "references.md")}
    result = audit(AuditInput.from_paths([paper]))
    assert _findings(result, "CIT002") == []
    assert _findings(result, "CIT001") == []


def test_rp_bare_pointer_sentence_names_the_file_as_written(tmp_path: Path) -> None:
    paper = _write(tmp_path / "paper.md", _NUMBERED_BODY + "References: see refs.md\n")
    _write(tmp_path / "refs.md", "\n".join(_SIBLING_LIST.splitlines()[2:]) + "\n")
    assert len(MarkdownReader().read(paper).reference_entries) == 3


def test_rp_pointer_to_no_file_is_no_one_entry_list(tmp_path: Path) -> None:
    paper = _write(tmp_path / "paper.md", _NUMBERED_BODY + "See `references.md`.\n")
    assert MarkdownReader().read(paper).reference_entries == ()
    result = audit(AuditInput.from_paths([paper]))
    assert not [m for m in _findings(result, "CIT002") if "has 1 entries" in m]


def test_rp_pointer_outside_the_folder_is_not_followed(tmp_path: Path) -> None:
    _write(tmp_path / "elsewhere" / "references.md", _SIBLING_LIST)
    paper = _write(
        tmp_path / "ms" / "paper.md", _NUMBERED_BODY + "See `../elsewhere/references.md`.\n"
    )
    # "../elsewhere/references.md" leaves the folder; its last part is not beside it
    assert MarkdownReader().read(paper).reference_entries == ()


def test_rp_link_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = _write(tmp_path / "secret" / "references.md", _SIBLING_LIST)
    paper = _write(tmp_path / "ms" / "paper.md", _NUMBERED_BODY + "See `references.md`.\n")
    os.symlink(outside, tmp_path / "ms" / "references.md")
    assert MarkdownReader().read(paper).reference_entries == ()


def test_rp_guard_an_entry_naming_a_data_file_is_an_entry(tmp_path: Path) -> None:
    text = (
        "# Kettles\n\nKettles boil (Rook, 2019).\n\n## References\n\n"
        "Rook, A. (2019). kettles.txt [Data set]. Steam Archive.\n"
    )
    paper = _write(tmp_path / "paper.md", text)
    assert len(MarkdownReader().read(paper).reference_entries) == 1


def test_rp_guard_a_list_with_one_pointer_line_among_entries_stays(tmp_path: Path) -> None:
    text = (
        _NUMBERED_BODY + "1. Rook A. Kettles boil. J Steam. 2010;1:1-2.\n"
        "2. Lind C. Steam rises. J Steam. 2011;2:3-4.\n"
        "3. Tarn D. Vapour. J Steam. 2012;3:5-6.\n\nSee also notes.md\n"
    )
    paper = _write(tmp_path / "paper.md", text)
    _write(tmp_path / "notes.md", "1. Other Q. Nothing. 2001.\n")
    entries = MarkdownReader().read(paper).reference_entries
    assert [e.location.file for e in entries][:3] == [str(paper)] * 3


def test_rp_unread_pointer_says_where_the_list_is(tmp_path: Path) -> None:
    from citeaudit.manuscript.pointed_list import list_pointer, unread_pointer
    from citeaudit.model.location import Location

    assert list_pointer("See `manuscript/references.md`.") == "manuscript/references.md"
    assert list_pointer("References: see refs.md") == "refs.md"
    assert list_pointer("Rook, A. (2019). kettles.txt [Data set].") is None
    read = document("# K\n\nText [1].\n\n## References\n\nSee `refs.md`.\n")
    note = unread_pointer(read.lines, Location("paper.md", 5))
    assert note is not None and note.line == 7 and "'refs.md'" in note.message


def test_rp_unread_pointer_is_one_input_problem(tmp_path: Path) -> None:
    paper = _write(tmp_path / "paper.md", _NUMBERED_BODY + "See `references.md`.\n")
    _document, problems = MarkdownReader().read_with_problems(paper)
    assert [p.line for p in problems if "another file" in p.message] == [7]


# --- NL: a note in parentheses above the entries -----------------------------------------

_NOTE_LIST = (
    "# Kettles\n\nKettles boil water (Rook, 2010), and steam rises (Lind, 2011).\n\n"
    "## References\n\n(Formatted citations to be finalized for the target journal.)\n\n"
    "- Rook, A. (2010). Kettles boil. Journal of Steam, 1, 1-2.\n"
    "- Lind, C. (2011). Steam rises. Journal of Steam, 2, 3-4.\n"
)


def test_nl_note_in_parentheses_before_the_entries_is_no_entry(tmp_path: Path) -> None:
    paper = _write(tmp_path / "paper.md", _NOTE_LIST)
    entries = MarkdownReader().read(paper).reference_entries
    assert [e.text[:6] for e in entries] == ["Rook, ", "Lind, "]
    assert _findings(audit(AuditInput.from_paths([paper])), "CIT001") == []


def test_nl_guard_an_uncited_entry_after_the_note_is_still_reported(tmp_path: Path) -> None:
    text = _NOTE_LIST + "- Tarn, D. (2012). Vapour. Journal of Steam, 3, 5-6.\n"
    paper = _write(tmp_path / "paper.md", text)
    uncited = _findings(audit(AuditInput.from_paths([paper])), "CIT001")
    assert len(uncited) == 1 and "Tarn" in uncited[0]


# --- JR: a generation after a comma -------------------------------------------------------


def _authors(text: str) -> list[tuple[str, ...]]:
    return [c.authors for c in extract_citations(document(text))]


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("As Kaelin, Jr (2005) showed, kettles boil.", "Kaelin"),
        ("As Kaelin, Jr. (2005) showed, kettles boil.", "Kaelin"),
        ("Later Vale, Sr (2007) agreed.", "Vale"),
        ("Later Tarn, III (2008) agreed.", "Tarn"),
    ],
)
def test_jr_generation_after_a_comma_belongs_to_the_name(text: str, author: str) -> None:
    assert _authors(text) == [(author,)]


def test_jr_guard_an_unlisted_name_with_a_generation_is_still_reported(tmp_path: Path) -> None:
    text = (
        "# Kettles\n\nAs Kaelin, Jr (2005) showed, and Roe, Jr (2001) found, kettles boil.\n\n"
        "## References\n\nKaelin, W. G., Jr. (2005). Kettles boil. Journal of Steam, 1, 1-2.\n"
    )
    paper = _write(tmp_path / "paper.md", text)
    result = audit(AuditInput.from_paths([paper]))
    said = _findings(result, "CIT002") + _findings(result, "CIT005")
    assert len(said) == 1 and "Roe" in said[0] and "Jr (2005)" not in said[0]


# --- LO: three names joined by commas ------------------------------------------------------

_COMMAS = (
    "# Chaleiras\n\nDiz Lobato, Lobo, Oliveira (2018) que a chaleira ferve.\n\n"
    "## Referências\n\n"
    "Lobato, A., Lobo, B., & Oliveira, C. (2018). Chaleiras. Revista do Vapor, 1, 1-2.\n\n"
    "Oliveira, D. (2017). Vapor. Revista do Vapor, 2, 3-4.\n"
)


def test_lo_three_names_joined_by_commas_cite_their_work(tmp_path: Path) -> None:
    paper = _write(tmp_path / "paper.md", _COMMAS)
    result = audit(AuditInput.from_paths([paper]))
    assert _findings(result, "CIT004") == []
    uncited = _findings(result, "CIT001")  # Oliveira (2017) is truly never cited
    assert len(uncited) == 1 and "2017" in uncited[0]


def test_lo_guard_a_place_and_a_comma_before_one_name_stay_apart() -> None:
    assert _authors("In Brazil, Oliveira (2018) showed it.") == [("Oliveira",)]


def test_lo_guard_a_place_and_date_stamp_is_no_author_list(tmp_path: Path) -> None:
    """ "São Paulo, SP, Brasil, 2020" closing a table's title says where and when the
    data were taken; read as three authors, it was linked to a numbered article's
    entry of 2020 and hid it from "never cited"."""
    text = (
        "# Enfermagem\n\nOs dados vieram de hospitais^1^.\n\n"
        "Tabela 1 . Dados relatados por 107 enfermeiros. São Paulo, SP, Brasil, 2020\n\n"
        "Tabela 2 . Dados relatados. Recife, PE, Brasil, 2021 (n=80)\n\n"
        "## Referências\n\n"
        "1. Rook S, Vale V. Kettles in wards. J Steam. 2019;1:1-2.\n"
        "2. Pappas S, Lind V. Steam in wards. J Steam. 2020;2:3-4.\n"
        "3. Recio P, Tarn V. Vapour in wards. J Steam. 2021;3:5-6.\n"
    )
    paper = _write(tmp_path / "paper.md", text)
    result = audit(AuditInput.from_paths([paper]))
    uncited = _findings(result, "CIT001")
    assert any("Pappas" in m for m in uncited) and any("Recio" in m for m in uncited), uncited


# --- TY: a heading typed with a slip --------------------------------------------------------

_SLIP_BODY = "# Kettles\n\nKettles boil water (Rook, 2010), and steam rises (Lind, 2011).\n\n"
_SLIP_LIST = (
    "Rook, A. (2010). Kettles boil. Journal of Steam, 1, 1-2.\n\n"
    "Lind, C. (2011). Steam rises. Journal of Steam, 2, 3-4.\n"
)


@pytest.mark.parametrize(
    "heading", ["## Refences", "## Referencess", "## Bibliograpy", "6. refences"]
)
def test_ty_misspelt_list_heading_heads_the_list(tmp_path: Path, heading: str) -> None:
    paper = _write(tmp_path / "paper.md", _SLIP_BODY + f"{heading}\n\n" + _SLIP_LIST)
    assert len(MarkdownReader().read(paper).reference_entries) == 2
    assert _findings(audit(AuditInput.from_paths([paper])), "CIT002") == []


def test_ty_guard_a_near_word_over_prose_is_no_list(tmp_path: Path) -> None:
    text = (
        _SLIP_BODY + "## Reverences\n\nThe old songs were sung at dawn, and the kettles "
        "answered them from every kitchen in the valley.\n\nNobody wrote them down.\n"
    )
    paper = _write(tmp_path / "paper.md", text)
    assert MarkdownReader().read(paper).reference_entries == ()


def test_ty_guard_preferences_is_no_list_title(tmp_path: Path) -> None:
    paper = _write(tmp_path / "paper.md", _SLIP_BODY + "## Preferences\n\n" + _SLIP_LIST)
    heading = MarkdownReader().read(paper).reference_heading
    assert heading is None or heading.line != 5  # a list with no heading, if any


# --- organisations' acronyms and standards' numbers (guards: already right) -----------------


def test_guard_organisation_acronyms_cite_their_bodies(tmp_path: Path) -> None:
    text = (
        "# Chaleiras\n\nA água ferve (ONU, 2019), e o vapor sobe (OMS, 2020).\n\n"
        "## Referências\n\n"
        "Organização das Nações Unidas [ONU]. (2019). Relatório da água. Nova York: ONU.\n\n"
        "ORGANIZAÇÃO MUNDIAL DA SAÚDE (OMS). Relatório do vapor. Genebra, 2020.\n"
    )
    result = audit(AuditInput.from_paths([_write(tmp_path / "paper.md", text)]))
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == []


def test_guard_standards_numbers_are_never_missing() -> None:
    read = extract_citations(
        document("A norma (NBR 5410) manda; (NBR 5410, 2004) e (ISO 690, 2010) também.")
    )
    assert all(c.certainty is Certainty.WEAK for c in read)


def test_rp_guard_a_bare_file_name_with_no_pointing_word_is_an_entry(tmp_path: Path) -> None:
    text = (
        "# Kettles\n\nKettles boil [1].\n\n## References\n\n"
        "1. Python Software Foundation. requirements.txt\n"
    )
    paper = _write(tmp_path / "paper.md", text)
    _write(tmp_path / "requirements.txt", "kettle==1.0\nsteam>=2.1\n")
    entries = MarkdownReader().read(paper).reference_entries
    assert [e.location.file for e in entries] == [str(paper)]


def test_rp_pointed_file_that_is_no_list_gives_no_entries(tmp_path: Path) -> None:
    paper = _write(tmp_path / "paper.md", _NUMBERED_BODY + "See `notes.md`.\n")
    _write(
        tmp_path / "notes.md",
        "We still need to check the kettle data.\n\nThe steam figures are not final.\n",
    )
    assert MarkdownReader().read(paper).reference_entries == ()
