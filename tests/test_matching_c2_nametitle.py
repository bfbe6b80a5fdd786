"""The name-and-title check counts an entry cited only where its author, not a
namesake's other work, stands by its title's opening (made up).

An ABNT text whose subject is its title's opening ("educação ambiental") and that names
Silva's 2015 work ("Silva em seu estudo de 2015") does not cite Silva's 2012 entry
"Educação ambiental nas escolas" -- the dev bench counted such SciELO entries cited.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _uncited(tmp_path: Path, text: str) -> list[str]:
    md = tmp_path / "texto.md"
    md.write_text(text, encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))
    refs = {r.id: r for r in result.data.references}
    return sorted(
        refs[f.reference].raw[:12]
        for f in result.findings
        if f.rule == "uncited-reference" and f.reference
    )


_LIST = (
    "# Referências\n\n"
    "SILVA, J. Educação ambiental nas escolas: um panorama. São Paulo: Exemplo, 2012.\n\n"
    "SILVA, M. Currículo e escola. São Paulo: Editora Exemplo, 2015.\n\n"
    "LIMA, R. Outra obra. Recife: Editora Exemplo, 2011.\n"
)


def test_a_namesake_s_other_year_is_no_mention_of_the_entry(tmp_path: Path) -> None:
    text = (
        "# Introdução\n\n"
        "A educação ambiental nas escolas públicas é tema recorrente, como mostra Silva "
        "em seu estudo de 2015 sobre currículo.\n\n" + _LIST
    )
    assert _uncited(tmp_path, text) == ["LIMA, R. Out", "SILVA, J. Ed"]


def test_the_author_named_with_the_title_still_cites_it(tmp_path: Path) -> None:
    text = (
        "# Introdução\n\n"
        "Em *Educação ambiental nas escolas*, Silva descreve o currículo; o mesmo tema "
        "volta em Silva (2015).\n\n" + _LIST
    )
    assert _uncited(tmp_path, text) == ["LIMA, R. Out"]
