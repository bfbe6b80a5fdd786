"""A page after a narrative's year, "como sintetiza Barreto (2016, p. 163)", makes
the names a citation whatever words surround them: only a cited work is given a
page. Read as a weak guess, a work missing from the list was never reported (issue
12, ABNT quoting). Reported as possible-missing, as narratives are; three names, a
name that is also a common word, or a name after a word of place ("em Olinda") stay
guesses."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document


def _certainties(text: str) -> list[Certainty]:
    return [c.certainty for c in extract_citations(document(text))]


def test_a_page_makes_a_narrative_a_citation() -> None:
    assert _certainties("Como bem sintetiza Barreto (2016, p. 163): o tempo.") == [
        Certainty.CANDIDATE
    ]
    assert _certainties("Quintas e Melo (2014, pp. 4-5) resumem.") == [Certainty.CANDIDATE]


def test_without_a_page_or_with_a_guess_it_stays_weak() -> None:
    assert _certainties("Como bem sintetiza Barreto (2016): o tempo.") == [Certainty.WEAK]
    assert _certainties("em May (2016, p. 4) isso") == [Certainty.WEAK]
    assert _certainties("Bahia, Goiás e Pará (1993, p. 4) e") == [Certainty.WEAK]
    assert _certainties("O foral ficou em Olinda (1990, p. 4).") == [Certainty.WEAK]


def test_the_unlisted_work_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "artigo.md"
    path.write_text(
        "# Introdução\n\nComo bem sintetiza Barreto (2016, p. 163): o tempo. Também "
        "Quintas (2014).\n\n# Referências\n\nQUINTAS, R. O tempo. São Paulo: Casa, 2014.\n",
        encoding="utf-8",
    )
    findings = audit(AuditInput(manuscripts=(path,))).findings
    assert [(f.code, "Barreto" in f.message) for f in findings] == [("CIT005", True)]
