"""Class: an article and a common noun read as a Latin binomial before a group.

"Le prix (Dupont, 2004)", "La tasa (Romero, 2015)", "Il clima (Rossi, 2012)" -- a
capitalised article and a noun with a Latin-looking ending stand where a genus and its
epithet would; the group was then taken for a species' authority and made WEAK: a work
cited so and absent from the list was never reported missing. An article, a
determiner or a preposition is never a genus. Made-up instances in five languages; a
real binomial's authority stays WEAK (the control).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.model.citation import Certainty

_LIST = "# Références\n\nAutre, A. (1999). Un livre. Paris: Seuil.\n"


def _citations(tmp_path: Path, prose: str) -> dict[str, Certainty]:
    path = tmp_path / "m.md"
    path.write_text(f"# Introduction\n\nLe point de départ (Autre, 1999).\n\n{prose}\n\n{_LIST}")
    result = audit(AuditInput.from_paths([path]))
    return {c.text: c.certainty for c in result.data.citations}


@pytest.mark.parametrize(
    ("prose", "marker"),
    [
        ("Le prix (Dupont, 2004) augmente chaque année.", "(Dupont, 2004)"),
        ("La tasa (Romero, 2015) subió en el periodo.", "(Romero, 2015)"),
        ("Il clima (Rossi, 2012) è cambiato.", "(Rossi, 2012)"),
        ("Uma pesquisa (Souza, 2018) mostrou o efeito.", "(Souza, 2018)"),
        ("Des indices (Moreau, 2009) le confirment.", "(Moreau, 2009)"),
        ("Die Kosten sind gestiegen. Der Index (Weber, 2011) auch.", "(Weber, 2011)"),
    ],
)
def test_an_article_is_no_genus(tmp_path: Path, prose: str, marker: str) -> None:
    # a WEAK group no entry confirms is dropped: then it is not read at all
    assert _citations(tmp_path, prose).get(marker, Certainty.WEAK) is not Certainty.WEAK


def test_a_binomials_authority_stays_weak(tmp_path: Path) -> None:
    found = _citations(tmp_path, "On trouve Conus mappa (Lamarck, 1810) et Aus bus (Smith, 1949).")
    assert found.get("(Lamarck, 1810)", Certainty.WEAK) is Certainty.WEAK
    assert found.get("(Smith, 1949)", Certainty.WEAK) is Certainty.WEAK
    assert found["(Autre, 1999)"] is Certainty.SURE
