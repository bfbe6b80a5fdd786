"""ABNT adds initials after a surname other authors share: "(SILVA, J.; SOUZA, B.,
2019)", "(SANTOS, B. de S., 2007)". The first author was dropped (read as a label
before the work) and "B. de S." read as a co-author, so the work was cited under the
wrong names (issue 12, ABNT reading)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document, summary


def test_initials_after_semicolon_joined_surnames_keep_every_author() -> None:
    cits = extract_citations(document("Visto (VIANA, J. A.; SOUTO, B., 2019) e (VIANA, C., 2019)."))
    assert summary(cits) == [(("VIANA", "SOUTO"), 2019, None), (("VIANA",), 2019, None)]


def test_initials_with_a_particle_are_no_author() -> None:
    cits = extract_citations(document("Visto (SANTANA, B. de S., 2007)."))
    assert summary(cits) == [(("SANTANA",), 2007, None)]


def test_the_entries_are_cited(tmp_path: Path) -> None:
    path = tmp_path / "artigo.md"
    path.write_text(
        "# Introdução\n\nVisto (VIANA, J. A.; SOUTO, B., 2019) e (VIANA, C., 2017); ver "
        "(SANTANA, B. de S., 2007).\n\n# Referências\n\n"
        "SANTANA, B. de S. A gramática. Lisboa: Ponte, 2007.\n\n"
        "VIANA, C. A colheita. Recife: Sol, 2017.\n\n"
        "VIANA, J. A.; SOUTO, B. O plantio. Recife: Sol, 2019.\n",
        encoding="utf-8",
    )
    assert audit(AuditInput(manuscripts=(path,))).findings == ()
