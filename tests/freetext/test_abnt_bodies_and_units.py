"""ABNT's bodies as authors: a place with its kind in brackets ("SÃO PAULO (Estado)") is
the body "SÃO PAULO" (cited "(SÃO PAULO, 2008)"; the kind was read as a family
"(Estado)"), and the units written after a body, each a sentence ("BRASIL. Ministério
da Saúde. Secretaria de Atenção à Saúde."), are the author's, not the title."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location


def _parse(entry: str, model: bool) -> tuple[list[str], str | None]:
    ref = parse_reference(entry, id="r", index=1, location=Location("refs.md", 1), use_model=model)
    assert all(a.organisation for a in ref.authors)
    return [a.family for a in ref.authors], ref.title


@pytest.mark.parametrize("model", [False, True])
@pytest.mark.parametrize(
    ("entry", "body", "title"),
    [
        (
            "SÃO PAULO (Estado). Secretaria da Educação. Proposta curricular. São Paulo: SE, 2008.",
            "SÃO PAULO",
            "Proposta curricular",
        ),
        ("CURITIBA (Município). Plano diretor. Curitiba: PMC, 2004.", "CURITIBA", "Plano diretor"),
        (
            "BRASIL. Ministério da Saúde. Guia alimentar para a população brasileira. "
            "Brasília: MS, 2014.",
            "BRASIL",
            "Guia alimentar para a população brasileira",
        ),
        (
            "BRASIL. Ministério da Saúde. Secretaria de Atenção à Saúde. **Guia alimentar**. "
            "Brasília: MS, 2014.",
            "BRASIL",
            "Guia alimentar",
        ),
        (
            "UNITED NATIONS. Department of Economic and Social Affairs. World population "
            "prospects. New York: UN, 2019.",
            "UNITED NATIONS",
            "World population prospects",
        ),
    ],
)
def test_the_body_and_its_units_are_the_author(
    entry: str, body: str, title: str, model: bool
) -> None:
    assert _parse(entry, model) == ([body], title)


def test_a_title_opening_with_a_units_word_stays_whole() -> None:
    assert _parse(
        "WORLD HEALTH ORGANIZATION. Office work in the tropics. Geneva: WHO, 2016.", True
    ) == (
        ["WORLD HEALTH ORGANIZATION"],
        "Office work in the tropics",
    )
