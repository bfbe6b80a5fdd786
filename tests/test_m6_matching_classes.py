"""Matching classes an editor expects linked, with made-up entries (issue 12).

* a citation naming the entry's second author first ("(Ortega et al., 2019)" for Díaz,
  Ortega & Ruiz (2019)): the work cited, names out of order -- linked and reported by
  citation-name-mismatch, never missing and uncited both;
* a surname a letter off ("Audey 2011" for Audy (2011)), the one entry of that year:
  linked, with the name disagreement reported;
* "McDonald" for "MacDonald" (and back): the same name's two spellings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from tests.listed_paper import audit_listed, citation_codes

_OTHER = "Orwin, T. (2010). Work on harbours. Journal of Tests, 1, 2-3."


def _audit(tmp_path: Path, body: str, entries: list[str]) -> AuditResult:
    return audit_listed(tmp_path, body + " Also (Orwin, 2010).", [*entries, _OTHER])


_codes = citation_codes


_DIAZ = "Díaz, P., Ortega, L., & Ruiz, M. (2019). Redes de puertos. Revista de Pruebas, 4, 1-9."


@pytest.mark.parametrize(
    "body",
    [
        "Como se vio (Ortega et al., 2019).",
        "Como mostraron Ortega et al. (2019).",
        "Como se vio (Ortega y Díaz, 2019).",
    ],
)
def test_a_later_author_named_first_is_the_entry(tmp_path: Path, body: str) -> None:
    result = _audit(tmp_path, body, [_DIAZ])
    assert _codes(result) == ["CIT007"]
    (finding,) = [f for f in result.findings if f.code == "CIT007"]
    assert "Díaz" in finding.message and "Ortega" in finding.message


def test_a_later_author_of_another_year_is_not_linked(tmp_path: Path) -> None:
    result = _audit(tmp_path, "Como se vio (Ortega et al., 2015).", [_DIAZ])
    assert "CIT007" not in _codes(result)


def test_a_later_author_who_leads_an_entry_is_that_entry(tmp_path: Path) -> None:
    own = "Ortega, L., & Vidal, R. (2019). Muelles. Revista de Pruebas, 5, 3-8."
    result = _audit(
        tmp_path, "Como se vio (Ortega et al., 2019) y (Díaz et al., 2019).", [_DIAZ, own]
    )
    assert _codes(result) == []


@pytest.mark.parametrize(
    ("cited", "entry"),
    [
        ("Audey (2011)", "Audy, R. (2011). Harbour lamps. Journal of Tests, 2, 5-9."),
        ("Audy (2011)", "Audey, R. (2011). Harbour lamps. Journal of Tests, 2, 5-9."),
        ("Marsch (2011)", "Marsh, R. (2011). Harbour lamps. Journal of Tests, 2, 5-9."),
        ("(Audey, 2011)", "Audy, R. (2011). Harbour lamps. Journal of Tests, 2, 5-9."),
    ],
)
def test_a_surname_a_letter_off_is_linked_and_named(tmp_path: Path, cited: str, entry: str) -> None:
    result = _audit(tmp_path, f"As {cited} wrote.", [entry])
    assert _codes(result) == ["CIT007"]


@pytest.mark.parametrize(
    ("cited", "entry"),
    [
        ("McDonald (2011)", "MacDonald, R. (2011). Harbour lamps. Journal of Tests, 2, 5-9."),
        ("MacDonald (2011)", "McDonald, R. (2011). Harbour lamps. Journal of Tests, 2, 5-9."),
        ("Mcdonald (2011)", "MacDonald, R. (2011). Harbour lamps. Journal of Tests, 2, 5-9."),
        ("(McDonald et al., 2011)", "MacDonald, R., Roe, A., & Poe, B. (2011). Lamps. P."),
    ],
)
def test_mc_and_mac_are_one_name(tmp_path: Path, cited: str, entry: str) -> None:
    result = _audit(tmp_path, f"As {cited} wrote.", [entry])
    codes = _codes(result)
    assert "CIT001" not in codes and "CIT002" not in codes and "CIT003" not in codes
    assert codes in ([], ["CIT007"])


def test_a_letter_off_beside_a_cited_entry_is_another_work(tmp_path: Path) -> None:
    entry = "Marsh, R. (2011). Harbour lamps. Journal of Tests, 2, 5-9."
    result = _audit(tmp_path, "As Marsh (2011) and (Marsch, 2011) wrote.", [entry])
    assert _codes(result) == ["CIT002"]


def test_a_changed_letter_in_a_short_name_is_another_name(tmp_path: Path) -> None:
    entry = "Lina, R. (2011). Harbour lamps. Journal of Tests, 2, 5-9."
    result = _audit(tmp_path, "As shown (Lima, 2011).", [entry])
    assert _codes(result) == ["CIT001", "CIT002"]


def test_two_entries_a_letter_off_are_not_guessed_between(tmp_path: Path) -> None:
    entries = [
        "Audy, R. (2011). Harbour lamps. Journal of Tests, 2, 5-9.",
        "Auder, S. (2011). Other lamps. Journal of Tests, 3, 1-4.",
    ]
    result = _audit(tmp_path, "As shown (Audey, 2011).", entries)
    assert _codes(result) == ["CIT001", "CIT001", "CIT002"]


def test_a_letter_off_beside_an_exact_name_is_not_linked(tmp_path: Path) -> None:
    entries = [
        "Audy, R. (2011). Harbour lamps. Journal of Tests, 2, 5-9.",
        "Audey, S. (2011). Other lamps. Journal of Tests, 3, 1-4.",
    ]
    result = _audit(tmp_path, "As Audy (2011) and Audey (2011) wrote.", entries)
    assert _codes(result) == []


# --- numbers: bulleted entries with labels of their own --------------------------------


def _numbered(tmp_path: Path, body: str, entries: list[str]) -> AuditResult:
    md = tmp_path / "paper.md"
    md.write_text(body + "\n\n# Referencias\n\n" + "\n".join(entries) + "\n", encoding="utf-8")
    return audit(AuditInput.from_paths([md]))


def _uncited(result: AuditResult) -> list[str]:
    refs = {r.id: r for r in result.data.references}
    return sorted(
        refs[f.reference].raw[:12] for f in result.findings if f.code == "CIT001" and f.reference
    )


def test_word_bullets_before_the_labels(tmp_path: Path) -> None:
    result = _numbered(
        tmp_path,
        "Los mapas [1] y las rutas [2] se ven en [3].",
        [
            "• Ana Roe (2012), “Sitio”, http://uno.example.org/",
            "",
            "• [1], Ben Poe, “Mapas”, http://dos.example.org/",
            "",
            "• [2], Cy Zed, “Rutas”, http://tres.example.org/",
            "",
            "• [3], Di Lee, “Puertos”, http://cuatro.example.org/",
        ],
    )
    assert _uncited(result) == ["• Ana Roe (2"]
    assert not [f for f in result.findings if f.code == "CIT002"]


def test_labels_in_step_with_places_still_cite_by_place(tmp_path: Path) -> None:
    result = _numbered(
        tmp_path,
        "Los mapas [1] y las rutas [2] se ven en [3].",
        [
            "[1] Poe B. Mapas. Rev Pruebas. 2001;1:1-2.",
            "",
            "Zed C. Rutas. Rev Pruebas. 2002;2:3-4.",
            "",
            "[3] Lee D. Puertos. Rev Pruebas. 2003;3:5-6.",
        ],
    )
    assert _uncited(result) == []
