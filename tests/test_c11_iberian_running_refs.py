"""c11: a numbered list's works named in running text by the Portuguese, Spanish and
French word for "reference" -- "as referências 3 e 4", "las referencias 5 a 6" is not
read, "véanse las referencias 7-9", "la référence 10." -- are cited, as "refs 7 and 8"
already is; a value after the word ("referência 3 mg") stays no citation."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.reading import read_manuscript

_LIST = "".join(f"{n}. Autor{n} A. Título {n}. Rev. 20{n:02d};1:1-2.\n" for n in range(1, 13))


def _numbers(tmp_path: Path, body: str) -> list[int]:
    path = tmp_path / "m.md"
    path.write_text(f"# Introdução\n\n{body}\n\n# Referências\n\n{_LIST}", encoding="utf-8")
    document = read_manuscript(path)
    return sorted(c.number for c in extract_citations(document) if c.number is not None)


def test_portuguese_plural_word_before_two_numbers(tmp_path: Path) -> None:
    body = "O risco é maior (1,2). Os achados das referências 3 e 4 divergem (5)."
    assert _numbers(tmp_path, body) == [1, 2, 3, 4, 5]


def test_spanish_plural_word_before_a_range(tmp_path: Path) -> None:
    body = "El riesgo es mayor (1,2). Véanse las referencias 6-8 sobre el tema (5)."
    assert _numbers(tmp_path, body) == [1, 2, 5, 6, 7, 8]


def test_french_singular_word_before_a_stop(tmp_path: Path) -> None:
    body = "Le risque est plus élevé (1,2). Ce point suit la référence 9. Autre (5)."
    assert _numbers(tmp_path, body) == [1, 2, 5, 9]


def test_a_value_after_the_word_is_no_citation(tmp_path: Path) -> None:
    body = "O risco é maior (1,2). A solução de referência 3 mg foi usada (5)."
    assert _numbers(tmp_path, body) == [1, 2, 5]
