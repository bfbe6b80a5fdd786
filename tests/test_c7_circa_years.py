"""Class: a year written "about" -- "ca. 1850", "c. 1900", "circa 1880", "ca 1790" --
in a citation, narrative or parenthetical, as historians and ABNT cite undated old
works (APA: "(Smith, ca. 1850)"; Chicago: "Hale (c. 1790)"). Unread, the entry cited
only so was "never cited"; read badly, the circa word itself became an author
("(circa 1920)" was a work by "circa"). The mark belongs to the year label; a
narrative with a circa year is kept weak (an event's date as often as a work's), so it
links to an entry but is never a missing work. Names are made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document


def _read(text: str) -> list[tuple[tuple[str, ...], int | None]]:
    return [(c.authors, c.year) for c in extract_citations(document(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As Hale (ca. 1790) wrote.", [(("Hale",), 1790)]),
        ("Segundo Ibarra (circa 1880), o moinho.", [(("Ibarra",), 1880)]),
        ("Nach Brünner (c. 1760) war es so.", [(("Brünner",), 1760)]),
        ("Como indica Oyarzún (ca 1905), el molino.", [(("Oyarzún",), 1905)]),
        ("The mills grew (Quist, circa 1850).", [(("Quist",), 1850)]),
        ("The mills grew (Quist ca. 1850; Orm c. 1900).", [(("Quist",), 1850), (("Orm",), 1900)]),
        ("O moinho (ALVES, c. 1870; PINTO, 1902).", [(("ALVES",), 1870), (("PINTO",), 1902)]),
    ],
)
def test_a_circa_year_is_the_citations_year(
    text: str, expected: list[tuple[tuple[str, ...], int | None]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The mill was built (circa 1850) near the river.",
        "Os dados (ca 1901) mostram a queda.",
        "Die Kirche (c. 1780) steht noch.",
    ],
)
def test_the_circa_word_is_no_author(text: str) -> None:
    assert all(
        not any(a.casefold() in {"circa", "ca", "c", "ca."} for a in c.authors)
        for c in extract_citations(document(text))
    )


def test_entries_cited_with_a_circa_year_are_cited(tmp_path: Path) -> None:
    path = tmp_path / "history.md"
    path.write_text(
        "# Introduction\n\n"
        "As Hale (ca. 1790) wrote, and as Ibarra (circa 1880) confirms, the mills grew "
        "(Quist, circa 1850; Orm c. 1900). The mill was built (ca. 1850) near Lisbon, "
        "and Porto (c. 1860) grew too.\n\n"
        "# References\n\n"
        "Hale, T. (1790). Mills of the north. London: Press.\n\n"
        "Ibarra, J. (1880). Molinos. Madrid: Editorial.\n\n"
        "Quist, A. (1850). Water wheels. Oslo: Forlag.\n\n"
        "Orm, B. (1900). Grain. York: Press.\n",
        encoding="utf-8",
    )
    assert [f.code for f in audit(AuditInput(manuscripts=(path,))).findings] == []
