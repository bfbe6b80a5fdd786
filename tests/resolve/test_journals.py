"""Whether a name is a journal Crossref offered: the comparison alone."""

from __future__ import annotations

import pytest

from citeaudit.resolve.journals import journal_known, looks_abbreviated, same_journal


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("The Lancet", "Lancet"),
        ("Journal of Politics", "The Journal of Politics"),
        ("Jurnal Hubungan Internasional: Kajian Asia", "Jurnal Hubungan Internasional"),
        ("Revista de Ciência Política", "Revista de Ciencia Politica"),
        ("Politics & Society", "Politics and Society"),
    ],
)
def test_same_journal_despite_form(name: str, title: str) -> None:
    assert same_journal(name, title)
    assert journal_known(name, ["Something else entirely", title]) is True


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Journal of Applied Ornithology", "Journal of Ornithology"),
        ("Jurnal Dinamika Global", "Jurnal Global Strategis"),
        ("Nature", "Nature Communications"),
    ],
)
def test_look_alike_journals_are_other_journals(name: str, title: str) -> None:
    assert not same_journal(name, title)
    assert journal_known(name, [title]) is False


def test_no_titles_means_unknown_and_abbreviations_are_not_judged() -> None:
    assert journal_known("Jurnal Kajian Wilayah Eurasia", []) is False
    assert looks_abbreviated("J. Appl. Phys.") and looks_abbreviated("Phys. Rev. B")
    assert not looks_abbreviated("Nature.") and not looks_abbreviated("Jurnal Ilmu Sosial")
    assert journal_known("Phys. Rev. B", []) is None
