"""A citation field whose code names no usable work and whose shown text, read alone,
cites nothing ("Guia do leitor. Semanal. s/d": a title and "no date") is no field: its
text is read where it stands, parenthesis and all, as in a typed manuscript. Claimed as
a field, it cut its parenthesis -- the rest ("[Reader's Guide. Weekly. No date]") was
read as a work the list lacks and the title's entry was "uncited". Every document and
work here is made up."""

from __future__ import annotations

from pathlib import Path

from tests.manuscript.test_docx_citation_fields import (
    complex_field,
    csl_code,
    findings,
    manuscript,
    para,
    run,
)

# a work Zotero holds with no author, title or DOI: its code cannot name it
BARE = {"id": 7, "uris": ["http://zotero.org/users/1/items/BARE0002"], "itemData": {"id": 7}}
ENTRIES = [
    "GUIA DO LEITOR. Reader’s Guide. Semanal. Disponível em: "
    "https://example.org/guia-do-leitor. Acesso em: 3 mar. 2021.",
    "MOREIRA, A. Jornais e leitores. São Paulo: Editora Inventada, 2015.",
]


def test_a_field_read_as_nothing_leaves_its_parenthesis_to_the_text(tmp_path: Path) -> None:
    path = manuscript(
        tmp_path,
        para(
            run("The weekly reaches readers in cities, according to its website ("),
            complex_field(csl_code([BARE]), "Guia do leitor. Semanal. s/d"),
            run(" [Reader’s Guide. Weekly. No date]). Other papers differ (Moreira, 2015)."),
        ),
        entries=ENTRIES,
    )
    assert findings(path) == []
