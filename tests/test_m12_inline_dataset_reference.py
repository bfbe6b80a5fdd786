"""A dataset's whole reference typed in the text is no citation of a missing entry
(made-up text).

eLife's data-availability statements write a dataset in full inside brackets: every
author in Vancouver form, the year, then the title and the archive ("(data@example.org;
Orrin Q, Lasky J, Webb C, Fitzroy DR, Pont CP, 2014, Facial gestalt images from
ordinary photographs database)"). Such a reference needs no list entry -- it is one --
and reporting it missing-reference was a false error. A pointer to the list names its
authors by surname ("(Marlow, Kent and Osei, 2018)") and carries no title after its
year: still missing when no entry has it.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _missing(tmp_path: Path, body: str) -> list[str]:
    md = tmp_path / "paper.md"
    md.write_text(
        "# Data availability\n\n"
        + body
        + "\n\n# References\n\nMarlow T, Kent AB, Osei K. 2018. Fin regeneration. "
        "Development 145:1–9.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    return [f.message for f in result.findings if f.code == "CIT002"]


def test_dataset_typed_in_full_is_not_missing(tmp_path: Path) -> None:
    body = (
        "The original images can be requested (data@example.org; Orrin Q, Lasky J, "
        "Webb C, Fitzroy DR, Pont CP, 2014, Facial gestalt images from ordinary "
        "photographs database). Fins regrow (Marlow, Kent and Osei, 2018)."
    )
    assert _missing(tmp_path, body) == []


def test_two_authors_and_an_archive(tmp_path: Path) -> None:
    body = "Counts are archived (Hale R, Ngata MW, 2020, Counts of reef fish at ten sites, Dryad)."
    assert _missing(tmp_path, body) == []


def test_pointer_with_initials_but_no_title_is_still_missing(tmp_path: Path) -> None:
    # guard: names with initials and a year, nothing after: a pointer to the list
    assert len(_missing(tmp_path, "Fins regrow (Orrin Q, Lasky J, Webb C, 2014).")) == 1


def test_surnames_then_a_comment_is_still_missing(tmp_path: Path) -> None:
    # guard: surnames without initials are a pointer, whatever follows the year
    body = "Fins regrow (Orrin, Lasky and Webb, 2014, in the caudal fin of adult fish)."
    assert len(_missing(tmp_path, body)) == 1
