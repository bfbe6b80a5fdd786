"""A whole reference typed inside brackets in the running text ("[A. Rossi, B. Verdi,
Imparare per esempi, Rivista Esempio, 1986]") is no pointer to a list: the names
before its year are the venue's (`item_parser.full_reference`). Made-up inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations.item_parser import full_reference, parse_group
from citeaudit.model.citation import Certainty
from tests.verdicts import markdown_verdict


def _verdict(tmp_path: Path, text: str) -> tuple[set[str], set[str]]:
    """(uncited entries' first 20 characters, missing citations' text)."""
    return markdown_verdict(tmp_path, text, 20)


_INLINE = [
    "[A. Rossi, B. Verdi, C. Neri, Imparare rappresentazioni per esempi, Rivista Esempio, 1986]",
    "(J. Moreau et K. Petit, Les ports de pêche du littoral, Revue Exemple, 2004)",
    "[M. Schulz, Karten lesen und verstehen lernen, Beispielverlag, 2011]",
    "(A. B. Lima, C. Souza, Uma história da merenda escolar, Editora Exemplo, 2016)",
    "[Roe A., Poe B., Learning by examples in small networks, Example Review, 1999]",
]


@pytest.mark.parametrize("inline", _INLINE)
def test_inline_full_reference_without_list_is_no_missing_work(tmp_path: Path, inline: str) -> None:
    text = f"# Intro\n\nThe method was proposed early {inline}. It is still used.\n"
    assert _verdict(tmp_path, text) == (set(), set())


@pytest.mark.parametrize("inline", _INLINE)
def test_inline_full_reference_reads_its_authors(inline: str) -> None:
    works = parse_group(inline[1:-1])
    assert len(works) == 1
    assert works[0].certainty is Certainty.WEAK
    assert works[0].authors[0] in {"Rossi", "Moreau", "Schulz", "Lima", "Roe"}


def test_inline_full_reference_cites_its_listed_entry(tmp_path: Path) -> None:
    text = (
        "# Introduzione\n\nFu proposto [A. Rossi, B. Verdi, C. Neri, Imparare "
        "rappresentazioni per esempi, Rivista Esempio, 1986]; poi (Bianchi, 2001).\n\n"
        "# Bibliografia\n\n"
        "Rossi, A., Verdi, B., Neri, C. (1986). Imparare rappresentazioni per esempi. "
        "Rivista Esempio, 3, 1-9.\n\n"
        "Bianchi, A. (2001). Reti profonde per immagini. Atti del Convegno.\n"
    )
    assert _verdict(tmp_path, text) == (set(), set())


@pytest.mark.parametrize(
    "group",
    [
        "A. Rossi, 1986",
        "Rossi, Verdi, Neri, 1986",
        "see the national survey of schools, Rossi, 1986",
        "Rossi and Verdi, Example Agency, 1986",
        "A. Rossi, Verdi, Neri and Bianchi, 1986",
    ],
)
def test_citations_are_not_full_references(group: str) -> None:
    assert full_reference(group[: group.rindex("1986")]) == ()
    assert all(w.certainty is Certainty.SURE for w in parse_group(group))
