"""Flattened superscripts set off by a space in the middle of a sentence, in a
manuscript whose citations are spaced plain numbers (SciELO public-health journals
print them so): after a word and before the clause's comma ("denied 6, making"),
after a year or a percentage ("em 2009 10;", "in 1976 40.", "entre 10% e 30% 1."),
and at a paragraph's end without a full stop. Found on the fresh and dev splits of
benches/real_articles.py; made-up text in several languages."""

from __future__ import annotations

import tempfile
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.model.citation import CitationKind

ENTRIES = "\n\n".join(
    f"{k}. Writer{k} Q. A made-up work {k}. J Nowhere. 2021;{k}:1-5." for k in range(1, 13)
)
STYLE = (
    "Walls hold tiles. 1 Waste adds value. 2,3 Studies report this. 4 Glass is common. 5 "
    "Kilns vary. 6,7 Clay dries. 8 Ash helps. 9,10 Lime sets. 11,12 "
)


def _numbers(body: str, style: str = STYLE) -> list[int]:
    """The numbers cited in `body` (after the style's own, which cite every entry once:
    a number cited again is read by its place, not by the list's order)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paper.md"
        path.write_text(f"# A paper\n\n{style}\n\n{body}\n\n## References\n\n{ENTRIES}\n", "utf-8")
        data = read_inputs(AuditInput.from_paths([path]))
    cited = [c for c in data.citations if c.kind is CitationKind.NUMERIC]
    return [c.number or 0 for c in cited if c.location.line > 3]


def test_a_number_before_the_clause_comma_is_read() -> None:
    assert 9 in _numbers("The right to a companion is denied 9, making birth unsafe.")
    assert 9 in _numbers("Nega-se o direito ao acompanhante 9, tornando o parto inseguro.")
    assert 9 in _numbers("Se niega el derecho al acompañante 9, lo que vuelve el parto inseguro.")


def test_a_number_after_a_year_or_a_percentage_is_read() -> None:
    assert 10 in _numbers("Na Finlândia caiu para 25% em 2009 10; na França também.")
    assert 11 in _numbers("It was introduced in Brazil in 1976 11. In 1984 it grew.")
    assert 11 in _numbers("Leper colonies lasted to the 1980s 11. Then they closed.")
    assert 12 in _numbers("A taxa deve ficar entre 10% e 30% 12. No Canadá caiu.")


def test_a_number_ending_a_paragraph_without_a_stop_is_read() -> None:
    body = "Em 2012, quase todos os partos do país ocorreram em serviços públicos de saúde 8"
    assert 8 in _numbers(f"{body}\n\nDepois, nada.")
    assert 8 not in _numbers("Um grupo curto 8\n\nDepois, nada.")  # a heading's number


def test_values_before_a_comma_are_still_no_citation() -> None:
    found = _numbers("O pH da lama foi 11, do vidro foi 8, e da referência foi 7. Desta forma. ")
    assert 11 not in found and 8 not in found
    assert 9 not in _numbers("We saw Table 9, and then Figure 10, in turn.")
    assert 12 not in _numbers("In 2010 12 patients were seen, and 11 of them left.")
    # listed values: the clause after the comma opens on another number
    assert 1 not in _numbers("Samples were taken at days 1, 4, 11 and 12 after the rains began.")
    assert 1 not in _numbers("Mice were weighed at days 1, 4, 9 and then every week after.")


def test_a_paper_citing_otherwise_reads_none_of_them() -> None:
    style = "Walls hold tiles [1]. Waste adds value [2,3]. Studies report this [4]. "
    found = _numbers("Of these, the right is denied 9, making it worse in 2009 10; so. ", style)
    assert 9 not in found and 10 not in found
