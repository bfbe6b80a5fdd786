"""c12: a Portuguese or Spanish narrative citation, "Bronstein (2013) estudou ...",
"Para Lima (2019), ...", "De acuerdo con Pérez (2015) ...", is read as surely as the
English "Bronstein (2013) studied ..." -- the reporting verbs and the cue words before
the names are the writer's way of citing in those languages too. A capitalised word
and a year that no citing word surrounds stays no candidate: "Para Brasil
(2010–2015), os dados ..." (a span), "a safra de Goiás (2010) foi ..." (no cue)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.reading import read_manuscript
from citeaudit.model.citation import Certainty

_LIST = "Smith, J. A study. Journal, v. 1, p. 1-2, 2010.\n"


def _strong(tmp_path: Path, body: str) -> set[str]:
    """The first authors of the citations read as more than a weak guess."""
    path = tmp_path / "m.md"
    path.write_text(
        f"# Introdução\n\nSmith (2010) mostra que isto importa. {body}\n\n# Referências\n\n{_LIST}",
        encoding="utf-8",
    )
    document = read_manuscript(path)
    return {
        c.authors[0]
        for c in extract_citations(document)
        if c.authors and c.certainty is not Certainty.WEAK
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Bronstein (2013) estudou o uso desta rede pelos líderes.",
        "Bronstein (2013) estudió el uso de esta red por los líderes.",
        "Bronstein (2013) verificou que o uso cresceu.",
        "Bronstein (2013) identificó tres grupos de usuarios.",
        "Bronstein (2013) encontrou três grupos de usuários.",
        "Bronstein (2013) propôs um modelo novo.",
        "Bronstein (2013) propuso un modelo nuevo.",
        "Bronstein (2013) descreve o processo em detalhe.",
        "Bronstein (2013) constatou que o uso cresceu.",
        "Bronstein (2013) relata que o uso cresceu.",
        "Bronstein (2013) concluyó que el uso creció.",
        "Bronstein (2013) demonstrou que o uso cresceu.",
        "Bronstein (2013) sugiere que el uso creció.",
        "Bronstein (2013) evidenciou que o uso cresceu.",
        "Bronstein (2013) ressalta que o uso cresceu.",
        "Bronstein (2013) enfatiza que o uso cresceu.",
        "Bronstein (2013) investigou o uso desta rede.",
        "Bronstein (2013) explica que o uso cresceu.",
        "Bronstein (2013) desenvolveu um modelo novo.",
        "Bronstein (2013) desarrolló un modelo nuevo.",
        "Bronstein (2013) caracterizou os usuários.",
        "Bronstein (2013) avaliou o uso desta rede.",
        "Bronstein (2013) evaluó el uso de esta red.",
        "Bronstein (2013) realizou um estudo sobre o tema.",
        "Bronstein (2013) define o termo assim.",
        "Bronstein (2013) também estudou o uso desta rede.",
        "Bronstein (2013) já observou que o uso cresceu.",
        "Bronstein (2013) encontró tres grupos de usuarios.",
        "Bronstein (2013) analisou o uso desta rede.",
        "Para Bronstein (2013), o uso desta rede cresceu.",
        "Para Bronstein (2013) el uso de esta red creció.",
        "Segundo Bronstein (2013), o uso desta rede cresceu.",
        "Conforme Bronstein e Reis (2018), o uso desta rede cresceu.",
        "De acordo com Bronstein (2013), o uso desta rede cresceu.",
        "De acuerdo con Bronstein (2013), el uso de esta red creció.",
        "Según Bronstein y Vega (2011), el uso de esta red creció.",
        "Consoante Bronstein (2013), o uso desta rede cresceu.",
        "En palabras de Bronstein (2013), el uso de esta red creció.",
        "Nas palavras de Bronstein (2013), o uso desta rede cresceu.",
    ],
)
def test_iberian_narrative_citation_is_read(tmp_path: Path, sentence: str) -> None:
    # "Nas palavras de Bronstein": the particle is cut by the matcher, as for "Estudo de"
    assert any(name.split()[-1] == "Bronstein" for name in _strong(tmp_path, sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Para Brasil (2010–2015), os dados mostram queda.",
        "A safra de Goiás (2010) foi maior que a anterior.",
        "O censo do Paraná (2010) conta a população.",
        "Os dados para Minas Gerais (2010) e São Paulo (2011) foram somados.",
        "La cosecha de Mendoza (2010) fue mayor que la anterior.",
    ],
)
def test_a_place_and_a_year_stay_weak(tmp_path: Path, sentence: str) -> None:
    assert _strong(tmp_path, sentence) == {"Smith"}
