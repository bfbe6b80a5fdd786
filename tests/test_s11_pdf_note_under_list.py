"""Class: an unlabelled declaration set right under the reference list -- "The authors
declare that there are no conflicts of interests.", "Los autores declaran que no
existen conflictos de intereses.", "Die Autoren erklären, ..." -- ran into the last
entry above it (a PDF's list column, a text file's last paragraph): the entry's text
carried the note, and a labelled note ("Conflicts of Interest: ...") was already cut.
Such a declaration ends the list and is body text again; an entry by an author named
"The Authors Guild" stays an entry. PDFs are drawn here with reportlab (made-up text)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from citeaudit.manuscript.document import Document
from citeaudit.manuscript.reading import read_manuscript_with_problems

WIDTH, HEIGHT = A4


def _pdf(path: Path, heading: str, entries: list[tuple[str, str]], note: str) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Times-Roman", 10)
    y = HEIGHT - 72
    for text in ["Small rivers are hard to gauge [1], [2], and their peaks vary [3]."]:
        canvas.drawString(56, y, text)
        y -= 14
    y -= 10
    canvas.setFont("Times-Bold", 11)
    canvas.drawString(56, y, heading)
    y -= 18
    canvas.setFont("Times-Roman", 9)
    for k, (first, rest) in enumerate(entries, start=1):
        canvas.drawString(56, y, f"[{k}] {first}")
        canvas.drawString(72, y - 11, rest)
        y -= 26
    canvas.drawString(56, y - 6, note)
    canvas.showPage()
    canvas.save()
    return path


def _read(path: Path) -> Document:
    return read_manuscript_with_problems(path)[0]


_EN = [
    (
        "A. Roe and K. Poe, \u201cMeasuring small rivers,\u201d J. Hydrol.,",
        "vol. 12, pp. 1-9, 2019.",
    ),
    ("L. Lima, \u201cFlood peaks in dry valleys,\u201d Water Res., vol. 4,", "pp. 22-30, 2008."),
    (
        "T. Okafor, \u201cSediment in reservoirs,\u201d Hydrol. Sci. J.,",
        "vol. 60, pp. 101-118, 2015.",
    ),
]
_ES = [
    ("J. Mora, \u201cCaudales de ríos pequeños,\u201d Rev. Hidrol.,", "vol. 3, pp. 5-14, 2017."),
    ("A. Ruiz, \u201cCrecidas en valles secos,\u201d Ing. Agua,", "vol. 8, pp. 40-52, 2012."),
    ("C. Gil, \u201cSedimentos en embalses,\u201d Tecnol. Cienc. Agua,", "vol. 2, pp. 9-20, 2010."),
]


def test_declaration_under_a_pdf_list_is_no_part_of_the_last_entry(tmp_path: Path) -> None:
    for name, heading, entries, note in [
        (
            "en.pdf",
            "References",
            _EN,
            "The authors declare that there are no conflicts of interests.",
        ),
        (
            "es.pdf",
            "Referencias",
            _ES,
            "Los autores declaran que no existen conflictos de intereses.",
        ),
        ("en2.pdf", "References", _EN, "All authors have no financial relationships to disclose."),
    ]:
        document = _read(_pdf(tmp_path / name, heading, entries, note))
        texts = [e.text for e in document.reference_entries]
        assert len(texts) == 3, name
        assert texts[-1].endswith(entries[-1][1]), texts[-1]


def test_declaration_after_a_text_list_ends_it(tmp_path: Path) -> None:
    text = (
        "Rivers rise in spring (Roe, 2019).\n\nLiteratur\n\n"
        "Roe, M. (2019). Measuring small rivers. Journal of Hydrology, 12, 1-9.\n\n"
        "Weber, K. (2015). Flüsse messen. Berlin: Beispielverlag.\n\n"
        "Die Autoren erklären, dass keine Interessenkonflikte bestehen.\n"
    )
    path = tmp_path / "bericht.txt"
    path.write_text(text, encoding="utf-8")
    assert [e.text[:5] for e in _read(path).reference_entries] == ["Roe, ", "Weber"]


def test_an_entry_by_the_authors_guild_stays_an_entry(tmp_path: Path) -> None:
    text = (
        "Rights were debated (The Authors Guild, 2019; Roe, 2019).\n\nReferences\n\n"
        "Roe, M. (2019). Measuring small rivers. Journal of Hydrology, 12, 1-9.\n\n"
        "The Authors Guild. (2019). Report on rights. New York: Guild.\n"
    )
    path = tmp_path / "guild.txt"
    path.write_text(text, encoding="utf-8")
    assert len(_read(path).reference_entries) == 2
