"""Survey 15 (Brazilian and Latin-American theses and articles, benches/REAL_MANUSCRIPTS_15.md):
the false-finding classes it fixes, each on a made-up example of the same shape.

* FN -- Pandoc footnote definitions ("[^3]: Disponível em: ...", further lines
  indented) typed after the last entry, under the "Referências" heading: each note was
  an entry "never cited", and the citation a note holds ("Segundo Vale (1999, p. 4)")
  was lost, so the work it cites was "never cited" too. `list_footnotes` finds the
  closing run of notes; sv15-1.diff ends the list there (reference_section).
* MO -- a graduate programme's thesis class names the bibliography through a command
  whose one braced argument follows an optional one (``\\newcommand{\\progbib}[2][]{...
  \\bibliography{#2}}``, ``\\progbib{refs,extra}`` in the thesis): the files went
  unread and 200-odd citations had "no reference list". sv15-2.diff (latex.py).
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, AuditResult, audit
from citeaudit.manuscript.list_footnotes import closing_footnotes_start
from citeaudit.manuscript.markdown import MarkdownReader


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _findings(result: AuditResult, code: str) -> list[str]:
    return [f.message for f in result.findings if f.code == code]


# --- FN: footnote definitions after the last entry ------------------------------------

_ARTICLE = (
    "# Introdução\n\n"
    "A igreja foi reformada em 1931[^1], segundo Rocha (2014, p. 20).\n"
    "O projeto mudou depois da sondagem[^2], como lembra a cronista (LIMA, 2003).\n\n"
    "# Referências\n\n"
    "LIMA, Ana. *Crônicas da vila*. Goiânia: Editora Sol, 2003.\n\n"
    "ROCHA, Bia. *A igreja matriz*. Goiânia: Editora Lua, 2014.\n\n"
    "VALE, Caio. *Guia dos bens tombados*. Goiânia: Editora Mar, 1999.\n\n"
    "[^1]: Disponível em:\n"
    "    <https://example.org/acervo>. Acesso em 2 mai. 2023, 10:15.\n\n"
    "[^2]: Segundo Caio Vale (1999, p. 4), o arquiteto foi contratado para\n"
    '    "elaborar um projeto definitivo" sobre os alicerces originais.\n'
)


def test_fn_unit_the_closing_run_of_notes_starts_at_the_first_definition() -> None:
    texts = ["LIMA, Ana. Crônicas. 2003.", "", "[^1]: Disponível em:", "    <https://x>.", ""]
    texts += ["[^2]: Segundo Vale (1999),", "lazily run on.", "", "    A second paragraph."]
    assert closing_footnotes_start(texts) == 2


def test_fn_unit_an_entry_after_a_note_keeps_the_list_whole() -> None:
    texts = ["LIMA, Ana. Crônicas. 2003.", "", "[^1]: A note.", "", "ROCHA, Bia. Matriz. 2014."]
    assert closing_footnotes_start(texts) is None


def test_fn_unit_a_later_run_after_an_entry_is_the_one_cut() -> None:
    texts = ["LIMA, Ana. 2003.", "[^1]: A note.", "", "ROCHA, Bia. 2014.", "", "[^2]: Note."]
    assert closing_footnotes_start(texts) == 5


def test_fn_unit_notes_alone_are_left_as_they_are() -> None:
    assert closing_footnotes_start(["[^1]: A note.", "    More of it."]) is None
    assert closing_footnotes_start(["LIMA, Ana. Crônicas. 2003."]) is None
    # a label with a space is a link text, no footnote: "[^a b]:" opens nothing
    assert closing_footnotes_start(["LIMA, Ana. 2003.", "", "[^a b]: text"]) is None


def test_fn_unit_is_linear_in_the_lines() -> None:
    many = ["LIMA, Ana. 2003.", ""] + ["[^n]: note", "    more", ""] * 20_000
    assert closing_footnotes_start(many) == 2


def test_fn_notes_after_the_last_entry_are_no_entries_and_their_citations_count(
    tmp_path: Path,
) -> None:
    paper = _write(tmp_path / "artigo.md", _ARTICLE)
    assert len(MarkdownReader().read(paper).reference_entries) == 3
    result = audit(AuditInput.from_paths([paper]))
    assert _findings(result, "CIT001") == []  # Vale (1999) is cited in note 2
    assert _findings(result, "CIT002") == []


def test_fn_guard_a_list_with_no_notes_reads_as_before(tmp_path: Path) -> None:
    text = _ARTICLE.split("[^1]: Disp")[0].replace("[^1]", "").replace("[^2]", "")
    paper = _write(tmp_path / "artigo.md", text)
    result = audit(AuditInput.from_paths([paper]))
    assert len(MarkdownReader().read(paper).reference_entries) == 3
    # VALE (1999) is truly never cited once the note is gone
    assert len(_findings(result, "CIT001")) == 1


# --- MO: a class's bibliography command with an optional first argument --------------

_CLASS = (
    "\\NeedsTeXFormat{LaTeX2e}\n"
    "\\ProvidesClass{progtese}\n"
    "\\LoadClass{report}\n"
    "\\newcommand{\\progbibliography}[2][]{%\n"
    "  \\setkeys{progbib}{#1}\n"
    "  \\cleardoublepage\n"
    "  \\bibliographystyle{plain}\n"
    "  \\bibliography{#2}\n"
    "}\n"
)
_THESIS = (
    "\\documentclass{progtese}\n"
    "\\begin{document}\n"
    "Grafos de intervalo \\cite{lee2001} e larguras \\cite{tarn2012}.\n"
    "\\progbibliography{referencias,extras}\n"
    "\\end{document}\n"
)


def _thesis(tmp_path: Path, cls: str = _CLASS) -> Path:
    _write(tmp_path / "progtese.cls", cls)
    _write(
        tmp_path / "referencias.bib",
        "@book{lee2001, author={Lee, Ann}, title={Interval graphs}, year={2001},"
        " publisher={Sol}}\n",
    )
    _write(
        tmp_path / "extras.bib",
        "@article{tarn2012, author={Tarn, Dora}, title={Widths}, journal={J. Graphs},"
        " year={2012}}\n",
    )
    return _write(tmp_path / "main.tex", _THESIS)


def test_mo_class_command_with_an_optional_first_argument_names_the_bibliography(
    tmp_path: Path,
) -> None:
    result = audit(AuditInput.from_paths([_thesis(tmp_path)]))
    assert _findings(result, "CIT002") == []
    assert _findings(result, "CIT001") == []


def test_mo_guard_the_one_argument_command_still_names_it(tmp_path: Path) -> None:
    one = _CLASS.replace("[2][]{%", "[1]{%").replace("{#1}\n", "{}\n")
    one = one.replace("\\bibliography{#2}", "\\bibliography{#1}")
    thesis = _thesis(tmp_path, one)
    thesis.write_text(_THESIS.replace("{referencias,extras}", "{referencias}"), encoding="utf-8")
    result = audit(AuditInput.from_paths([thesis]))
    # extras.bib is not named: tarn2012 is missing, lee2001 found
    assert len(_findings(result, "CIT002")) == 1
