"""Class: a "Citations" (or "Citation") heading over prose, not a list. Templates (JOSS's
paper.md, R Markdown and Quarto papers, software READMEs) keep a section telling the
author how to cite -- "Citations to entries in paper.bib should be in ... format" --
and the heading search took it as the reference list: its sentences and its example
commands became "entries", and the real list (under "References", or the .bib) was lost.
A "Citations" heading followed by entries stays a list."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from citeaudit.manuscript.document import Document
from citeaudit.manuscript.reading import read_manuscript_with_problems
from tests.manuscript.test_docx_reader import para, raw_docx
from tests.manuscript.test_docx_reader import run as raw_run


def _read(path: Path) -> Document:
    return read_manuscript_with_problems(path)[0]


def _entries(path: Path) -> list[str]:
    return [e.text for e in _read(path).reference_entries]


_JOSS_MD = """# Summary

The package fits curves to noisy data [@roe2019].

# Citations

Citations to entries in paper.bib should be in
[rMarkdown](http://rmarkdown.rstudio.com/authoring_bibliographies_and_citations.html)
format.

For a quick reference, the following citation commands can be used:
- `@author:2001`  ->  "Author et al. (2001)"
- `[@author:2001]` -> "(Author et al., 2001)"

# Acknowledgements

We thank the maintainers.
"""

_GERMAN_TXT = """Einleitung

Das Werkzeug misst Abflüsse (Roe, 2019).

Zitation

Wenn Sie dieses Paket verwenden, zitieren Sie bitte den unten genannten Artikel und die Version.

Danksagung

Wir danken allen Beteiligten.
"""

_SPANISH_MD = """## Introducción

El modelo se ajusta bien (Roe, 2019).

## Citations

Please cite this work as shown in the CITATION.cff file at the root of the repository.
The DOI of each release is given on Zenodo.

## Licencia

MIT.
"""


def test_citations_heading_over_prose_is_no_list(tmp_path: Path) -> None:
    for name, text in [
        ("paper.md", _JOSS_MD),
        ("bericht.txt", _GERMAN_TXT),
        ("articulo.md", _SPANISH_MD),
    ]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert _entries(path) == [], name


def test_citations_heading_over_prose_in_word(tmp_path: Path) -> None:
    body = (
        para(raw_run("Methods"), style="Heading1")
        + para(raw_run(escape("The flow was measured (Roe, 2019).")))
        + para(raw_run("Citations"), style="Heading1")
        + para(raw_run(escape("Citations to the sources should follow the journal's style guide.")))
        + para(raw_run("Acknowledgements"), style="Heading1")
        + para(raw_run("We thank the lab."))
    )
    assert _entries(raw_docx(tmp_path / "draft.docx", body)) == []


def test_a_citations_heading_over_entries_is_still_the_list(tmp_path: Path) -> None:
    text = (
        "# Introduction\n\nThe flow was measured (Roe, 2019; Lima & Costa, 2008).\n\n"
        "# Citations\n\n"
        "Lima, A., & Costa, R. (2008). Arquitetura de sistemas. Editora Exemplo.\n\n"
        "Roe, M. (2019). Measuring small rivers. Journal of Hydrology, 12, 1-9.\n"
    )
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    assert len(_entries(path)) == 2
