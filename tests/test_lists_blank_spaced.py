"""A list that sets its entries apart by empty lines: a line with none before it.

Authors who space a Word list with empty paragraphs (or a text list with blank lines)
and press Enter inside an entry leave its rest as a paragraph of its own, with no empty
one before it ("Universidade Exemplar. 2014." under an entry that has no year yet).
Read as an entry, the rest was "uncited" and the entry it belongs to lost its year (a
false year mismatch). The empty lines are the list's separator: a line they do not set
apart continues the entry before unless it opens as a person's name, or both it and the
entry before are whole entries (each dated). Every input is made up.
"""

from __future__ import annotations

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import split_entries

_FILLERS = [
    "ALMEIDA, Fulano. Livro zero. São Paulo: Exemplo, 2000.",
    "BATISTA, Fulano. Livro um. São Paulo: Exemplo, 2001.",
    "CARDOSO, Fulano. Livro dois. São Paulo: Exemplo, 2002.",
    "DANTAS, Fulano. Livro três. São Paulo: Exemplo, 2003.",
    "ESTEVES, Fulano. Livro quatro. São Paulo: Exemplo, 2004.",
]


def _lines(paragraphs: list[str]) -> list[Line]:
    return [Line("list.txt", k + 1, text) for k, text in enumerate(paragraphs)]


def _spaced(*entries: list[str]) -> list[Line]:
    """Entries (each one or more paragraphs) set apart by an empty paragraph."""
    out: list[str] = []
    for entry in entries:
        out.extend(entry)
        out.append("")
    return _lines(out)


def _texts(lines: list[Line]) -> list[str]:
    return [e.text for e in split_entries(lines)]


def test_a_year_paragraph_under_an_undated_entry_is_its_rest() -> None:
    lines = _spaced(
        [
            "BARROS, Ana. Modelagem de dados. Dissertação de Mestrado.",
            "Universidade Exemplar. 2014.",
        ],
        *([f] for f in _FILLERS),
    )
    texts = _texts(lines)
    assert len(texts) == 6
    assert texts[0].endswith("Dissertação de Mestrado. Universidade Exemplar. 2014.")


def test_an_undated_place_under_a_dated_entry_is_its_rest() -> None:
    lines = _spaced(
        ["ROCHA, Ana. Pontes. 2014. Tese (Doutorado em Engenharia).", "Instituto Alfa, Recife."],
        *([f] for f in _FILLERS),
    )
    texts = _texts(lines)
    assert len(texts) == 6
    assert texts[0].endswith("Instituto Alfa, Recife.")


def test_an_entry_whose_line_did_not_end_takes_the_next_line() -> None:
    lines = _spaced(
        ["MOURA, Rui. Estruturas de concreto armado em", "Obras Portuárias. Rio: Beta, 2011."],
        *([f] for f in _FILLERS),
    )
    assert len(_texts(lines)) == 6


def test_a_person_with_no_empty_line_before_still_opens_an_entry() -> None:
    # the author forgot one empty paragraph: two entries, not one
    lines = _spaced(
        ["BARROS, Ana. Modelagem de dados. Dissertação.", "SILVA, João. Outro livro. Ed, 2014."],
        *([f] for f in _FILLERS),
    )
    texts = _texts(lines)
    assert len(texts) == 7
    assert texts[1].startswith("SILVA, João.")


def test_two_dated_entries_with_no_empty_line_between_stay_two() -> None:
    lines = _spaced(
        ["IBGE. Censo demográfico 2010. Rio de Janeiro: IBGE, 2011.", "OECD. Skills. 2019."],
        *([f] for f in _FILLERS),
    )
    assert len(_texts(lines)) == 7


def test_a_list_with_no_empty_lines_is_read_as_before() -> None:
    # one paragraph a line, nothing between: "Universidade X. 2014." is an entry there
    lines = _lines(
        ["BARROS, Ana. Modelagem de dados. Página web.", "Universidade X. 2014.", *_FILLERS]
    )
    assert len(_texts(lines)) == 7
