"""Surnames declined by grammatical case cite the listed name.

"Zdaniem Kowalskiego (2017)" (Polish genitive of Kowalski), "według Nowaka (2019)",
"badania Wiśniewskiej (2020)", "podle Dvořáka (2016)", "по данным Росстата (2021)",
and "das Statistische Bundesamt (2021)" (for an
entry of Statistisches Bundesamt) were entries "never cited" or citations "spelt
differently" from their entry: correct grammar an editor reads at once. A name with a
suffix that is no case ending (Smithson, Browne, Roberts) is still another person. Made-up
entries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.matching.declension import declined
from citeaudit.matching.names import normalise_name


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("Kowalskiego", "Kowalski"),
        ("Nowaka", "Nowak"),
        ("Wiśniewskiej", "Wiśniewska"),
        ("Dvořáka", "Dvořák"),
        ("Novotné", "Novotná"),
        ("Росстата", "Росстат"),
        ("Петровой", "Петрова"),
        ("Достоевского", "Достоевский"),
        ("Ивановым", "Иванов"),
        ("Kazlausko", "Kazlauskas"),
        ("Virtasen", "Virtanen"),
        ("Bērziņa", "Bērziņš"),
        ("Παπαδόπουλου", "Παπαδόπουλος"),
        ("Шевченка", "Шевченко"),
        ("Statistische Bundesamt", "Statistisches Bundesamt"),
        ("Statistischen Bundesamt", "Statistisches Bundesamt"),
    ],
)
def test_case_forms_are_the_listed_name(cited: str, listed: str) -> None:
    assert declined(normalise_name(cited), normalise_name(listed))


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("Browne", "Brown"),
        ("Smithson", "Smith"),
        ("Hanson", "Hansen"),
        ("Leeu", "Lee"),
        ("Marx", "Marx"),
        ("Evan", "Evans"),
        ("Rochas", "Rocha"),
        ("Roberts", "Robert"),
        ("Hansen", "Hans"),
        ("Lorenzi", "Lorenz"),
        ("Paulo", "Paul"),
        ("Rossi", "Rosso"),
        ("Statistisches Amt", "Statistisches Bundesamt"),
    ],
)
def test_other_names_are_not_case_forms(cited: str, listed: str) -> None:
    assert not declined(normalise_name(cited), normalise_name(listed))


def _findings(tmp_path: Path, body: str, entries: list[str]) -> list[tuple[str, str]]:
    md = tmp_path / "p.md"
    md.write_text(
        "# Wstęp\n\n" + body + "\n\n## Bibliografia\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    return sorted((f.rule, f.message) for f in result.findings if f.code.startswith("CIT"))


def test_declined_citations_cite_their_entries_silently(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        "Zdaniem Kowalskiego (2017) jest inaczej. Według Nowaka (2019) też. Badania "
        "Wiśniewskiej (2020) to potwierdzają, podobnie u Dvořáka (2016). По данным "
        "Росстата (2021) бедность снизилась. Die Daten, "
        "wie das Statistische Bundesamt (2021) zeigt.",
        [
            "Dvořák, P. (2016). Teorie. Praha: Academia.",
            "Kowalski, J. (2017). Rynek pracy. Warszawa: PWN.",
            "Nowak, A. (2019). Migracje. Kraków: UJ.",
            "Roe, M. (2015). Niecytowane. Łódź: UŁ.",
            "Statistisches Bundesamt. (2021). Datenreport 2021. Wiesbaden: Destatis.",
            "Wiśniewska, B. (2020). Płeć. Warszawa: Scholar.",
            "Росстат. (2021). Россия в цифрах. Москва: Росстат.",
        ],
    )
    assert [rule for rule, _ in found] == ["uncited-reference"]
    assert "Roe" in found[0][1]


def test_a_longer_name_is_still_another_work(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        "As Smithson (2019) showed (Smithson, 2019), prices fell.",
        ["Smith, J. (2019). Prices. Example Press."],
    )
    rules = [rule for rule, _ in found]
    assert "uncited-reference" in rules
    assert "citation-name-mismatch" not in rules
