"""Double surnames joined by a dash other than the hyphen -- an en dash
("Segura–García"), U+2010 ("Iturralde‐Vinent"), a non-breaking hyphen ("Lund‑Olsen"),
a figure dash -- as typists and typesetters write them: the work is read, with the
hyphen the reference list spells. Found on the fresh split of benches/real_articles.py
(the whole item was dropped); made-up names, several languages."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations

from .helpers import document


def _read(text: str) -> list[tuple[tuple[str, ...], int | None]]:
    return [(c.authors, c.year) for c in extract_citations(document(text))]


def test_groups_read_the_double_surname() -> None:
    found = _read("Rivers (Abarca-Mejía 2010, Quispe–Huamán et al. 2011, 2012, Mora 2015) flow.")
    assert (("Quispe-Huamán",), 2011) in found and (("Quispe-Huamán",), 2012) in found
    found = _read("Las islas (Pindell 1994; Iturralde‐Vinent y MacPhee 1999) emergieron.")
    assert (("Iturralde-Vinent", "MacPhee"), 1999) in found
    assert _read("Rzeki (Kowalska‒Nowak, 2011)") == [(("Kowalska-Nowak",), 2011)]


def test_narratives_read_the_double_surname() -> None:
    assert _read("As Quispe–Huamán et al. (2010) showed.") == [(("Quispe-Huamán",), 2010)]
    assert _read("Lund‑Olsen (2001) fandt det.") == [(("Lund-Olsen",), 2001)]


def test_a_dash_between_numbers_stays_a_range() -> None:
    assert _read("Pages (Lee 2010, pp. 3–5) and years (Park 1990–1995).")[0] == (("Lee",), 2010)
