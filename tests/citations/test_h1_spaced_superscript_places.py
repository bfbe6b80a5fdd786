"""Flattened superscripts set off by a space in the places Vancouver papers of Latin
American journals put them (made-up text, a numbered list): after a closing quotation
mark or parenthesis, before a quotation's page "(p. 75)", and after "et al.". Counts
and values in the same places stay out. The numbers are cited again out of order, so
that only the place, not the list's order, can say they are citations."""

from __future__ import annotations

import tempfile
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.model.citation import CitationKind

ENTRIES = "\n\n".join(
    f"{k}. Autora{k} Q. Um trabalho inventado {k}. Rev Nenhures. 2021;{k}:1-5."
    for k in range(1, 15)
)
# The paper's own style, so that the spaced form is read at all.
STYLE = (
    "Paredes levam azulejos. 1 O resíduo agrega valor. 2,3 Estudos relatam isto. 4 "
    "O vidro é comum. 5,6 A queima muda os poros. 7"
)


def _numbers(body: str) -> list[int]:
    """The numbers cited, as the audit reads the manuscript with its numbered list."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "artigo.md"
        text = f"# Um artigo\n\n{STYLE}\n\n{body}\n\n## Referências\n\n{ENTRIES}\n"
        path.write_text(text, "utf-8")
        data = read_inputs(AuditInput.from_paths([path]))
    return [c.number or 0 for c in data.citations if c.kind is CitationKind.NUMERIC][7:]


def test_after_a_closing_quotation_mark_and_before_its_page() -> None:
    body = "Ele fala de “prova moral” 5 (p. 355). Outro fala do “acaso no padrão” 3 (p. 72)."
    assert _numbers(body) == [5, 3]


def test_after_a_quotation_that_ends_the_sentence() -> None:
    body = "Diz que “a mudança vem da prática”. 5 Depois veio a “reforma”. 3"
    assert _numbers(body) == [5, 3]


def test_after_a_closing_parenthesis_that_ends_the_sentence() -> None:
    body = "A taxa caiu no período (de -1,8) 5. A lei mudou (art. 363) 3."
    assert _numbers(body) == [5, 3]


def test_after_et_al() -> None:
    body = "Em analogia a Souza et al. 5, esses fatores pesam. Lima et al. 3 analisaram o tema."
    assert _numbers(body) == [5, 3]


def test_counts_and_values_in_those_places_stay_out() -> None:
    body = (
        "Foram vistos (n = 40) 5 pacientes. Entre 2000 e 2010 a taxa foi de 3, e caiu. "
        "O grupo 2, por fim, saiu. Veja a Tabela 3 (p. 4). Somam (todos) 6, ou (quase) 4 "
        "casos. Houve 3, depois 5, e nada mais."
    )
    assert _numbers(body) == []


def test_a_days_number_before_its_month_is_no_superscript() -> None:
    # (a collector's number ending a sentence, "Rocha 7.", reads as one: left alone)
    body = "Material visto. BRASIL. 12 Mar 1988. PERU. 3 Nov 1990. CHILE. 5 maio 1991."
    assert _numbers(body) == []
