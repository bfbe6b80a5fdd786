"""Entries under "Further reading" and its like are uncited by design (issue 12).

Made-up manuscripts: a cited list, then a list of further reading under its own
heading, in English, Portuguese and Spanish. Every entry of the second list used to be
reported as never cited (CIT001); an uncited entry of the cited list still is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import find_reference_section

TEXT = "Ticks spread fast (Costa, 2011). Others agree (Lima & Souza, 2015).\n\n"
CITED = (
    "Costa, M. (2011). Resistance of ticks. Tropical Medicine, 12(3), 45-50.\n\n"
    "Lima, A., & Souza, B. (2015). Tick ecology in the south. Parasites, 8, 1-9.\n\n"
    "Nunes, P. (2018). A work nobody cites. Acarology, 3, 4-7.\n\n"
)
FURTHER = (
    "Alves, R. (2009). A field guide to ticks. São Paulo: Alfa.\n\n"
    "Brito, T. (2012). Ticks and their hosts. Lisboa: Beta.\n"
)


def _uncited(tmp_path: Path, text: str) -> list[str]:
    paper = tmp_path / "paper.md"
    paper.write_text(text, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    raw = {r.id: r.raw for r in result.data.references}
    return [raw[f.reference or ""].split(",")[0] for f in result.findings if f.code == "CIT001"]


@pytest.mark.parametrize(
    ("references", "further"),
    [
        ("References", "Further reading"),
        ("Referências", "Leitura adicional"),
        ("Referencias", "Lecturas recomendadas"),
        ("Referências", "Bibliografia complementar"),
        ("References", "Additional reading"),
    ],
)
def test_further_reading_is_not_uncited(tmp_path: Path, references: str, further: str) -> None:
    text = f"{TEXT}## {references}\n\n{CITED}## {further}\n\n{FURTHER}"
    assert _uncited(tmp_path, text) == ["Nunes"]


def test_a_list_of_further_reading_alone(tmp_path: Path) -> None:
    text = f"Ticks are common in the south.\n\n## Further reading\n\n{FURTHER}"
    assert _uncited(tmp_path, text) == []


def test_a_mixed_heading_is_still_checked(tmp_path: Path) -> None:
    text = f"{TEXT}## References and further reading\n\n{CITED}{FURTHER}"
    assert _uncited(tmp_path, text) == ["Nunes", "Alves", "Brito"]


def test_the_entries_carry_the_mark() -> None:
    text = f"{TEXT}## References\n\n{CITED}## Further reading\n\n{FURTHER}"
    lines = [Line("paper.md", n, t) for n, t in enumerate(text.split("\n"), start=1)]
    section = find_reference_section(lines)
    assert section is not None
    marks = [(e.text.split(",")[0], e.further_reading) for e in section.entries]
    assert marks == [
        ("Costa", False),
        ("Lima", False),
        ("Nunes", False),
        ("Alves", True),
        ("Brito", True),
    ]
