"""c11: a mass number set superscript before an element's symbol and "NMR" is no
citation even where the blank before it was lost ("... as a pale oil.^1^H NMR (400
MHz)", "solid.^13^C{^1^H} NMR", "^19^F-NMR"), as "the ^1^H NMR" already was not; a
citation after a sentence then a symbol-like word ("shown.^1^ He") still cites."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.reading import read_manuscript

_LIST = "".join(f"{n}. Autor{n} A. Title {n}. J Chem. 20{n:02d};1:1-2.\n" for n in range(1, 21))


def _numbers(tmp_path: Path, body: str) -> list[int]:
    path = tmp_path / "m.md"
    path.write_text(f"# Experimental\n\n{body}\n\n# References\n\n{_LIST}", encoding="utf-8")
    document = read_manuscript(path)
    return sorted(c.number for c in extract_citations(document) if c.number is not None)


def test_mass_number_glued_to_a_sentence_end_before_nmr(tmp_path: Path) -> None:
    body = (
        "The route follows earlier work^2^, as others^3,4^ and a review^5^ did."
        " The ester was obtained as a pale oil.^1^H NMR"
        " (400 MHz, CDCl~3~) δ 7.26. Then a white solid.^13^C{^1^H} NMR δ 120.5; and"
        " crystals.^19^F-NMR δ −63.1."
    )
    assert _numbers(tmp_path, body) == [2, 3, 4, 5]


def test_a_citation_before_a_capitalised_word_still_cites(tmp_path: Path) -> None:
    body = "This was shown before.^1^ He et al. later agreed^2^. It was cited.^3^ NMR data follow."
    assert _numbers(tmp_path, body) == [1, 2, 3]
