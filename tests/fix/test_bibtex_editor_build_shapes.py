"""`fix` edits entries written as BibTeX and biber read them, not only as bibtexparser does.

An entry whose brace is on the line after its type, or with a field commented out by a
``%`` line, is read by the audit (see `bibliography.bibtex_syntax`); `fix` must be able
to edit it too, touching only the field it fixes and keeping the comment as written.
"""

from __future__ import annotations

import pytest

from citeaudit.fix.editors.bibtex import BibtexEditor
from citeaudit.fix.editors.interface import CannotFix

BROKEN_TYPE = "@article\n  {smith2019,\n  author = {Smith, J.},\n  year = {2018},\n}"
COMMENTED = (
    "@book{lee2020,\n  author = {Lee, K.},\n% year = {2018}, the preprint\n"
    "  year = {2018},\n  title = {Floods},\n}"
)


def test_the_year_is_set_in_an_entry_whose_brace_is_on_the_next_line() -> None:
    assert BibtexEditor().set_year(BROKEN_TYPE, 2018, "2019") == BROKEN_TYPE.replace(
        "year = {2018}", "year = {2019}"
    )


def test_the_live_field_is_edited_and_the_commented_one_kept() -> None:
    edited = BibtexEditor().set_year(COMMENTED, 2018, "2020")
    assert edited == COMMENTED.replace("  year = {2018},\n  title", "  year = {2020},\n  title")
    assert "% year = {2018}, the preprint" in edited


@pytest.mark.parametrize("entry", [BROKEN_TYPE, COMMENTED])
def test_a_doi_is_added_after_the_last_field(entry: str) -> None:
    edited = BibtexEditor().add_doi(entry, "10.1234/abc")
    assert edited.startswith(entry[: entry.rindex("}")].rstrip().rstrip(","))
    assert edited.rstrip().endswith("doi = {10.1234/abc},\n}")


def test_an_entry_no_build_reads_is_still_refused() -> None:
    with pytest.raises(CannotFix):
        BibtexEditor().set_year("@article{x, year = {2018}", 2018, "2019")
