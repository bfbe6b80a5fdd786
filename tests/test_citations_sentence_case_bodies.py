"""Bodies named in sentence case, and elided articles before them, cite their entries.

French, Italian, Portuguese and Spanish write a body's name with one capital
("Organisation mondiale de la santé", "Istituto nazionale di statistica") and elide
the article onto it ("selon l'Organisation ...", "L'INSEE (2021)", "dell'Istituto").
No author-year reader takes a name with lower-case words, and a sentence's capital
"L'" hid the acronym after it: each such entry was "never cited". Made-up entries.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _cit_findings(tmp_path: Path, body: str, entries: list[str]) -> list[tuple[str, str]]:
    md = tmp_path / "p.md"
    md.write_text(
        "# Introduction\n\n" + body + "\n\n## Bibliographie\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    return sorted((f.rule, f.message) for f in result.findings if f.code.startswith("CIT"))


_ENTRIES = [
    "INSEE. (2021). *Tableaux de l'économie*. Paris : INSEE.",
    "Istituto nazionale di statistica. (2019). *Annuario statistico*. Roma : Istat.",
    "Organisation mondiale de la santé. (2020). *Rapport sur la santé*. Genève : OMS.",
    "Roux, E. (2016). *Hôpitaux*. Paris : PUF.",
]


def test_sentence_case_bodies_and_elided_articles_cite(tmp_path: Path) -> None:
    found = _cit_findings(
        tmp_path,
        "Selon l'Organisation mondiale de la santé (2020), la situation s'aggrave. "
        "L'INSEE (2021) publie des chiffres proches. I dati dell'Istituto nazionale di "
        "statistica (2019) lo confermano.",
        _ENTRIES,
    )
    assert [rule for rule, _ in found] == ["uncited-reference"]
    assert "Roux" in found[0][1]


def test_a_sentence_case_body_of_another_year_is_not_its_citation(tmp_path: Path) -> None:
    found = _cit_findings(
        tmp_path,
        "Selon l'Organisation mondiale de la santé (2011), la situation s'aggrave "
        "(Roux, 2016).",
        _ENTRIES,
    )
    uncited = sorted(m for rule, m in found if rule == "uncited-reference")
    assert any("Organisation mondiale" in m for m in uncited)


def test_a_capital_o_before_a_name_in_capitals_stays_the_name(tmp_path: Path) -> None:
    found = _cit_findings(
        tmp_path,
        "Segundo O’NEILL (2019) e D’ANGELO (2018), o tema é central (Roux, 2016).",
        ["D’ANGELO, P. Título. 2018.", "O’NEILL, J. Título. 2019.", _ENTRIES[3]],
    )
    assert found == []
