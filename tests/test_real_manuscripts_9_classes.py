"""False-alarm and lost-entry classes found on authors' manuscripts (benches/REAL_MANUSCRIPTS_9.md).

Every input here is made up, modelled on a class's shape; the class names (HN, UJ, NC,
...) are the table's. A class that citeaudit still gets wrong is marked
``xfail(strict=True)`` with its owner: its fix flips the test.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from tests.manuscript.test_docx_reader import para, raw_docx
from tests.manuscript.test_docx_reader import run as raw_run
from tests.verdicts import uncited_and_missing


def run(text: str) -> str:
    return raw_run(escape(text))


def _audit(*paths: Path) -> AuditResult:
    return audit(AuditInput.from_paths(list(paths)))


def _verdict(result: AuditResult) -> tuple[set[str], set[str]]:
    """(uncited entries by their first 12 characters, missing citations)."""
    return uncited_and_missing(result, 12)


# --- HN: a list heading with a slip of number -------------------------------------------


def test_hn_heading_with_a_slip_of_number_opens_the_list(tmp_path: Path) -> None:
    """A Spanish paper heads its list "REFERENCIA BIBLIOGRÁFICAS:" (singular noun,
    plural adjective). Not taken for a heading, the list was found from the end of the
    document only, back to an entry broken over two Word paragraphs: the two entries
    above the break were lost, never reported as 'never cited'."""
    body = (
        para(run("DISCUSIÓN"))
        + para(run("La atención mejora con el aprendizaje activo (Vidal et al., 2004)."))
        + para(run("REFERENCIA BIBLIOGRÁFICAS:"))
        + para(
            run(
                "Soler, A., & Campos, J. (2023). “Atención en aulas híbridas: un estudio "
                "cualitativo.” Revista de Pedagogía Aplicada, 10(2), 87-102. "
            )
        )
        + para(
            run(
                "Wren, L., & Holt, Q. (2024). “Attention Tracking in Classrooms: Balancing "
                "Care and Privacy.” Journal of Learning"
            )
        )
        + para(run("Analytics and Design, 15(3), 215-230."))
        + para(
            run(
                "Mateo, (2021, marzo 9). Cómo medir la atención con cámaras. Blog de "
                "Datos. https://example.org/atencion"
            )
        )
        + para(
            run(
                "Reyes, R. (2020, mayo 17). Un sistema de atención en Python. "
                "Repositorio. https://example.org/handle/1"
            )
        )
    )
    result = _audit(raw_docx(tmp_path / "articulo.docx", body))
    uncited, missing = _verdict(result)
    assert uncited == {"Soler, A., &", "Wren, L., & ", "Mateo, (2021", "Reyes, R. (2"}
    assert missing == {"(Vidal et al., 2004)"}


def test_hn_slip_of_number_needs_two_words(tmp_path: Path) -> None:
    """Only a title of two words or more is read with its number slipped: a lone
    "Fuente:" over a table's note is no list heading, as "Fuentes" would be."""
    from citeaudit.manuscript.reference_section import is_reference_title

    assert is_reference_title("REFERENCIA BIBLIOGRÁFICAS:")
    assert is_reference_title("Referência bibliográficas")
    assert is_reference_title("Referencias bibliografica")
    assert not is_reference_title("Fuente:")
    assert not is_reference_title("Referencia cruzada")


# --- UJ: a web resource's entry joined to the one before, which ends in its address ----


def test_uj_title_and_address_after_an_address_is_an_entry(tmp_path: Path) -> None:
    """A Belgian bachelor paper lists web pages; one has no author or date, "About the
    indexer. https://...": after an entry ending in its own address it was read as that
    entry's rest, and never reported uncited."""
    body = (
        para(run("Conclusion"))
        + para(run("Indexing events off-chain keeps the fees low."))
        + para(run("References"))
        + para(run("Marek (2021). Indexers explained. Chainnotes. https://example.org/indexers/"))
        + para(run("About the indexer. https://example.org/docs/about/"))
        + para(run("Coinbase Learn (2022). Query layers of the future. https://example.org/q/"))
        + para(run("Tomas (2021). Indexer questions answered. https://example.org/forum/t/850"))
    )
    result = _audit(raw_docx(tmp_path / "paper.docx", body))
    uncited, _ = _verdict(result)
    assert "About the in" in uncited
    assert len(result.data.references) == 4


def test_uj_description_before_its_address_after_an_address_is_an_entry(
    tmp_path: Path,
) -> None:
    """A Spanish TFG lists each resource as a description, then its address in a
    paragraph of its own; the last description, in lower case ("cad a 3d"), was joined
    to the entry before, whose address ended it."""
    body = (
        para(run("Resultados"))
        + para(run("Se construyó el modelo modular."))
        + para(run("Bibliografia"))
        + para(run("Funcionamiento básico de Git, utilizado para el repositorio del trabajo:"))
        + para(run("https://example.org/git/quickstart"))
        + para(run("Manual de un motor de juegos para comprender sus partes"))
        + para(run("https://example.org/engine/basics.html"))
        + para(run("Guía básica de un programa de CAD para exportar modelos."))
        + para(run("https://example.org/cad/guia.pdf"))
        + para(run("cad a 3d"))
        + para(run("https://example.org/cad-3d"))
    )
    result = _audit(raw_docx(tmp_path / "tfg.docx", body))
    assert [r.raw.split("\n")[0][:8] for r in result.data.references] == [
        "Funciona",
        "Manual d",
        "Guía bás",
        "cad a 3d",
    ]


def test_uj_access_note_and_address_lines_still_continue_an_entry(tmp_path: Path) -> None:
    """What still carries on an entry after its address: its access note, and an
    address of its own line (a description's link)."""
    body = (
        para(run("Texto"))
        + para(run("Como se vio (Rivas, 2019)."))
        + para(run("Referencias"))
        + para(run("Rivas, P. (2019). Guía de datos. Disponible en: https://example.org/guia"))
        + para(run("accessed 3 May 2020."))
        + para(run("Soto, M. (2018). Otra guía. https://example.org/otra"))
        + para(run("https://example.org/otra-copia"))
        + para(run("last accessed in May, archived at https://example.org/archive/otra"))
        + para(run("Vega, T. (2017). Tercera guía. https://example.org/tercera"))
        + para(run("Archived at https://example.org/archive/tercera"))
    )
    result = _audit(raw_docx(tmp_path / "nota.docx", body))
    assert len(result.data.references) == 3


# --- Citation reading (owner: c-helpers) -----------------------------------------------


def test_nc_newcommand_argument_count_is_no_citation(tmp_path: Path) -> None:
    tex = tmp_path / "artigo.tex"
    tex.write_text(
        "\\documentclass{article}\n\\newcommand{\\code}[1]{\\texttt{#1}}\n"
        "\\begin{document}\n\\section{Introdução}\nO teste vem antes do código.\n"
        "\\section{Referências}\n\\begin{flushleft}\n"
        "Ana Koch, Testes primeiro. Disponível em \\url{http://example.org/a.pdf}. "
        "Acessado em 3 de maio de 2016.\n\n"
        "Bruno Lima, Projeto de classes. Disponível em \\url{http://example.org/b.pdf}. "
        "Acessado em 4 de maio de 2016.\n\n"
        "Carla Dias, Práticas ágeis. Disponível em \\url{http://example.org/c.pdf}. "
        "Acessado em 5 de maio de 2016.\n"
        "\\end{flushleft}\n\\end{document}\n",
        encoding="utf-8",
    )
    result = _audit(tex)
    assert [c.text for c in result.data.citations] == []
    uncited, _ = _verdict(result)
    assert len(uncited) == 3


# --- TL: a list at the end of each part (fixed by s10: earlier_reference_sections) ------


def test_tl_each_parts_reference_list_is_read(tmp_path: Path) -> None:
    """A dissertation compiled from its stage reports has a "References:" list after
    one part and another at the end: with the last list alone read, the first list's
    entries were lost and their citations 'missing' (REAL_MANUSCRIPTS_9 and _10)."""
    body = (
        para(run("Empathise"), style="Heading1")
        + para(run("Young growers lack training (Ade & Bell, 2020)."))
        + para(run("References:"))
        + para(run("Ade, O., & Bell, M. (2020). Training young growers. Farm Notes, 3(1), 1-9."))
        + para(run("Obi, L. (2017). Roads and yields. Road Notes, 2(2), 10-19."))
        + para(run("Test"), style="Heading1")
        + para(run("Prototypes were tried with twenty growers (Kolo, 2015)."))
        + para(run("References"))
        + para(run("Kolo, J. (2015). Design comes of age. Design Review, 93(9), 66-71."))
        + para(run("Bram, T. (2008). Design thinking. Design Review, 86(6), 84-92."))
    )
    uncited, missing = _verdict(_audit(raw_docx(tmp_path / "dissertation.docx", body)))
    assert missing == set()
    assert uncited == {"Obi, L. (201", "Bram, T. (20"}


# --- TI: a template's instruction left under the list's heading --------------------------


def test_ti_template_instruction_under_the_heading_is_no_entry(tmp_path: Path) -> None:
    """A Brazilian report kept its template's words under "REFERÊNCIAS": "Usar a ABNT"
    and the template's credit line, read as one entry 'never cited'."""
    body = (
        para(run("CONCLUSÃO"), style="Heading1")
        + para(run("Exposição com base nos resultados obtidos, sem repetir a discussão."))
        + para(run("REFERÊNCIAS"), style="Heading1")
        + para(run("Usar a ABNT"))
        + para(run("Este modelo segue as orientações da Pró-Reitoria de Extensão (PROEX)"))
    )
    result = _audit(raw_docx(tmp_path / "relatorio.docx", body))
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == []


def test_ti_entries_opening_with_such_a_word_are_still_entries(tmp_path: Path) -> None:
    """An entry whose title opens with the same word ("Use of ...", "Insert ...") and
    names a year or a source is an entry: uncited, it is reported."""
    body = (
        para(run("Body"), style="Heading1")
        + para(run("Nothing is cited here."))
        + para(run("References"), style="Heading1")
        + para(run("Use of APA style in student papers (2019). Writing Centre Notes, 4, 1-3."))
        + para(run("Roe, A. (2001). Stock in depots. P."))
    )
    uncited, _ = _verdict(_audit(raw_docx(tmp_path / "paper.docx", body)))
    assert uncited == {"Use of APA s", "Roe, A. (200"}


def test_ch_numbers_glued_to_words_are_no_citations(tmp_path: Path) -> None:
    """A French mémoire's "Chapitre01 :" headings and contents lines and its "Apache2"
    were read as numeric citations of its bulleted list's entries (class CH; fixed in
    citation reading by c7, 80812246: a word glued to a zero-led number names an index)."""
    toc = "".join(
        para(run(f"Chapitre0{i} :"), "<w:r><w:tab/></w:r>", run(str(5 * i + 5)), style="TM1")
        for i in range(1, 5)
    )
    chapters = "".join(
        para(run(f"Chapitre0{i} :"), style="Heading1")
        + para(run("Le site repose sur le serveur Apache2 et une base de données locale."))
        for i in range(1, 5)
    )
    entries = "".join(para(run(f"• Ressource {c} : https://example.org/{c}")) for c in "abcdefgh")
    body = (
        para(run("Sommaire"), style="Heading1")
        + toc
        + chapters
        + para(run("Bibliographie :"), style="Heading1")
        + entries
    )
    result = _audit(raw_docx(tmp_path / "memoire.docx", body))
    assert [c.text for c in result.data.citations] == []
