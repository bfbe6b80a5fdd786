"""Spanish and Latin American author-date forms (issue 12, SciELO es): "s/f" (sin
fecha) was no year, so "(Ferrán, s/f)" cited nothing; "cfr." is "cf." and cues the
work; a page after a colon, "Ibarra (1990: 45)", is a page as "p. 45" is, so the
names are a citation whatever words surround them."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document


def test_sin_fecha_is_no_date() -> None:
    (cit,) = extract_citations(document("Lo dice el archivo (Ferrán, s/f)."))
    assert (cit.authors, cit.year, cit.no_date) == (("Ferrán",), None, True)


def test_cfr_is_a_cue() -> None:
    (cit,) = extract_citations(document("Lo mismo ocurre (cfr. Ferrán, 2015)."))
    assert (cit.authors, cit.certainty) == (("Ferrán",), Certainty.SURE)


def test_a_colon_page_makes_a_narrative_a_citation() -> None:
    (cit,) = extract_citations(document("Como resume Ibarra (1990: 45), el campo cambia."))
    assert (cit.authors, cit.certainty) == (("Ibarra",), Certainty.CANDIDATE)


def test_the_entries_are_cited(tmp_path: Path) -> None:
    path = tmp_path / "articulo.md"
    path.write_text(
        "# Introducción\n\nLo dice el archivo (Ferrán, s/f) y lo mismo ocurre (cfr. Ibarra, "
        "1990).\n\n# Referencias\n\nFerrán, L. (s/f). Cartas. Archivo del Sur.\n\n"
        "Ibarra, M. (1990). El campo. Lima: Andina.\n",
        encoding="utf-8",
    )
    assert audit(AuditInput(manuscripts=(path,))).findings == ()
