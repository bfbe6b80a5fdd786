"""The PDF reader on what published journal PDFs do to a reference list and the body:
a page number read into the running header on some pages only, a licence line below
a list no heading names, a long link filling a line of its own in a list spaced
between entries, a back-matter heading set in the body's type after a smaller list,
and a compound name hyphenated at a line's end. Each PDF is drawn here, line by line."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import HEIGHT, WIDTH, draw_line

HEADER = "Hoehnea 49: e1112020, 2022"
BODY = [
    "Leaf extracts were screened for phenolic compounds by Ali et al. (2019), and",
    "their antioxidant activity was measured by the DPPH method of Sanchez-",
    "Moreno et al. (1998), as Bardakci et al. (2019), Barnaby et al. (2016) and",
    "Brand-Williams et al. (1995) did for related species of the same genus.",
]
PROSE = [
    "The genus holds some three hundred species of trees, shrubs and herbs, many",
    "of them used in folk medicine across the tropics for their leaves and bark.",
]
ENTRIES = [
    ("Ali, I., Yisa, J. & Jacob, J.O. 2019. Corrosion", False),
    ("inhibitory potential of ethanol extract. J Chem", True),
    ("Soc Nigeria 44: 187-198.", True),
    ("Bardakci, H., Celep, E. & Kan, Y. 2019. Phyto-", False),
    ("chemical characterization of several species.", True),
    ("Ind Crops Prod 13: 1-9.", True),
    ("Barnaby, A.G., Reid, R. & Warren, D. 2016.", False),
    ("Antioxidant activity of Cassia. Molecules 21: 1-12.", True),
    ("Brand-Williams, W., Cuvelier, M.E. & Berset, C.", False),
    ("1995. Use of a free radical method. LWT 28: 25-30.", True),
    ("Sánchez-Moreno, C. & Saura-Calixto, F. 1998. A", False),
    ("procedure to measure antiradical efficiency. J Sci", True),
    ("Food Agric 76: 270-276.", True),
]


def _running_head(canvas: Canvas, number: int, *, beside: bool) -> None:
    """The journal's running head; on the page `beside` its number is set close to
    its left, where the text layer reads both as one line ("6 Hoehnea 49: ...")."""
    if beside:
        draw_line(canvas, 51, HEIGHT - 50, f"{number} {HEADER}", 10)
    else:
        draw_line(canvas, 79, HEIGHT - 50, HEADER, 10)
        draw_line(canvas, WIDTH - 60, HEIGHT - 50, str(number), 10)


def published_pdf(path: Path, *, licence: bool = True) -> Path:
    """Five pages of body, then a page with the list, headed by "Literatura citada"
    (a heading the section search may not know), its head read with the page number,
    and the journal's licence set across the page's foot."""
    canvas = Canvas(str(path))
    for number in range(1, 6):
        _running_head(canvas, number, beside=False)
        for k, text in enumerate([*BODY, *PROSE] if number == 5 else PROSE):
            draw_line(canvas, 60, HEIGHT - 100 - 13 * k, text, 10)
        canvas.showPage()
    _running_head(canvas, 6, beside=True)
    draw_line(canvas, 60, HEIGHT - 100, "Literatura citada", 13)
    for k, (text, indented) in enumerate(ENTRIES):  # in two columns, 6 lines and 7
        x = (60 if k < 6 else 310) + (14 if indented else 0)
        draw_line(canvas, x, HEIGHT - 125 - 11 * (k if k < 6 else k - 6), text, 8)
    if licence:
        draw_line(
            canvas,
            60,
            60,
            "This is an open-access article distributed under the terms of the Creative "
            "Commons Attribution License",
            9,
        )
    canvas.showPage()
    canvas.save()
    return path


def test_a_running_head_read_with_its_page_number_is_still_furniture(tmp_path: Path) -> None:
    document = read_manuscript(published_pdf(tmp_path / "head.pdf"))
    texts = [e.text for e in document.reference_entries] + [ln.text for ln in document.lines]
    assert not [t for t in texts if "Hoehnea" in t]
    assert [e.text.split(",")[0] for e in document.reference_entries] == [
        "Ali", "Bardakci", "Barnaby", "Brand-Williams", "Sánchez-Moreno",
    ]  # fmt: skip


def test_a_licence_line_across_the_page_ends_a_list_found_without_heading(
    tmp_path: Path,
) -> None:
    document = read_manuscript(published_pdf(tmp_path / "licence.pdf"))
    entries = [e.text for e in document.reference_entries]
    assert len(entries) == 5
    assert not [e for e in entries if "open-access" in e]
    assert entries[-1].endswith("Food Agric 76: 270-276.")


def test_a_compound_name_hyphenated_at_a_line_end_is_cited_whole(tmp_path: Path) -> None:
    path = published_pdf(tmp_path / "names.pdf")
    lines = [ln.text for ln in read_manuscript(path).lines]
    assert any("method of Sanchez-Moreno et al. (1998)" in t for t in lines)
    result = audit(AuditInput.from_paths([path]))
    assert not [f for f in result.findings if f.code in ("CIT001", "CIT002")]


SPACED = [
    "Castro, I. R.; Oliveira, M. Análise bibliométrica da produção",
    "científica sobre as linguagens de indexação. Biblionline, v. 12,",
    "n. 3, p. 48-60, 2016. Disponível em: https://periodicos.ufpb.br/ojs2/",
    "index.php/biblio/article/view/29876/15554/download/full/version-two/",
    "Acesso em: 11 ago. 2020.",
    "",
    "Chen, C.; Ibekwe-Sanjuan, F.; Hou, J. The structure and dynamics",
    "of cocitation clusters. JASIST, v. 61, n. 7, p. 1386-1409, 2010.",
    "",
    "Cintra, A. M. M. et al. Para entender as linguagens documentárias.",
    "São Paulo: Polis, 1994.",
    "",
    "Dahlberg, I. Teoria do conceito. Ciência da Informação, v. 7, 1978.",
]


def spaced_list_pdf(path: Path) -> Path:
    """A list set flush with space between entries, one entry's link filling a line."""
    canvas = Canvas(str(path))
    draw_line(canvas, 60, HEIGHT - 80, "As Castro (2016), Chen (2010), Cintra (1994) and", 10)
    draw_line(canvas, 60, HEIGHT - 93, "Dahlberg (1978) show, the domain is well studied.", 10)
    draw_line(canvas, 60, HEIGHT - 130, "References", 13)
    y = HEIGHT - 155
    for text in SPACED:
        if text:
            draw_line(canvas, 60, y, text, 10)
        y -= 11
    canvas.showPage()
    canvas.save()
    return path


def test_a_link_filling_a_line_of_a_spaced_list_does_not_split_its_entry(
    tmp_path: Path,
) -> None:
    entries = [
        e.text for e in read_manuscript(spaced_list_pdf(tmp_path / "sp.pdf")).reference_entries
    ]
    assert [e.split(",")[0] for e in entries] == ["Castro", "Chen", "Cintra", "Dahlberg"]
    assert "ojs2/index.php/biblio/article/view/29876/15554/download/full/version-two/" in entries[0]
    assert entries[0].endswith("Acesso em: 11 ago. 2020.")


def back_matter_pdf(path: Path) -> Path:
    """A list set smaller than the body, then a centred heading in the body's type
    ("Colaboradores", the authors' contributions) and its paragraph."""
    canvas = Canvas(str(path))
    body = [
        *PROSE,
        *PROSE,
        *PROSE,
        "Brazilian and Chinese authors publish abroad (Arboit, 2011; Wang, 2011), and",
        "the oligopoly of publishers shapes where (Zhao, 2021).",
    ]
    for k, text in enumerate(body):
        draw_line(canvas, 60, HEIGHT - 80 - 13 * k, text, 11)
    draw_line(canvas, 250, HEIGHT - 200, "Referências", 14)
    entries = [
        "Arboit, A. E. A produção brasileira em Ciência da Informação. Perspectivas, 2011.",
        "Wang, C. The development of China's scholarly publications. Library Management, 2011.",
        "Zhao, Z.; Pan, X. Comparative analysis of research productivity. Scientometrics,",
        "v. 126, n. 2, p. 931-950, 2021.",
    ]
    y = HEIGHT - 220
    for k, text in enumerate(entries):
        draw_line(canvas, 60 + (15 if k == 3 else 0), y, text, 9)
        y -= 11
    draw_line(canvas, 270, y - 25, "Colaboradores", 11)
    draw_line(canvas, 75, y - 50, "As autoras L. Santos e R. Rodrigues foram responsáveis pela", 11)
    draw_line(canvas, 60, y - 63, "concepção e desenho da pesquisa e pela análise dos dados.", 11)
    canvas.showPage()
    canvas.save()
    return path


def test_a_heading_in_the_bodys_type_after_a_smaller_list_ends_it(tmp_path: Path) -> None:
    path = back_matter_pdf(tmp_path / "back.pdf")
    entries = [e.text for e in read_manuscript(path).reference_entries]
    assert [e.split(",")[0] for e in entries] == ["Arboit", "Wang", "Zhao"]
    assert entries[-1].endswith("p. 931-950, 2021.")
    result = audit(AuditInput.from_paths([path]))
    assert not [f for f in result.findings if f.code in ("CIT001", "CIT002")]


def test_a_subheading_inside_a_smaller_list_does_not_end_it(tmp_path: Path) -> None:
    canvas = Canvas(str(tmp_path / "sub.pdf"))
    body = [*PROSE, *PROSE, *PROSE, "Archives (Arquivo, 1890; Brasil, 1891; Câmara, 1892) and"]
    body.append("studies (Wang, 2011; Zhao, 2021) tell the story.")
    for k, text in enumerate(body):
        draw_line(canvas, 60, HEIGHT - 80 - 13 * k, text, 11)
    draw_line(canvas, 250, HEIGHT - 200, "Referências", 14)
    lines = [
        (60, "Arquivo Nacional. Ofícios do Ministério, 1890. Caixa 12.", 9),
        (60, "Brasil. Relatório do Ministério da Fazenda. Rio de Janeiro, 1891.", 9),
        (60, "Câmara dos Deputados. Anais da Câmara. Rio de Janeiro, 1892.", 9),
        (260, "Estudos", 11),
        (60, "Wang, C. The development of China's publications. Library Management, 2011.", 9),
        (60, "Zhao, Z.; Pan, X. Comparative analysis. Scientometrics, v. 126, 2021.", 9),
    ]
    y = HEIGHT - 220
    for x, text, size in lines:
        y -= 6 if size > 9 else 0
        draw_line(canvas, x, y, text, size)
        y -= 11 + (6 if size > 9 else 0)
    canvas.showPage()
    canvas.save()
    entries = " ".join(e.text for e in read_manuscript(tmp_path / "sub.pdf").reference_entries)
    assert "Wang, C. The development" in entries  # the list goes on under its subheading
    assert entries.endswith("Scientometrics, v. 126, 2021.")


def test_a_citations_year_alone_at_the_top_of_a_page_is_no_page_number(tmp_path: Path) -> None:
    from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

    filler = [
        f"Line {k} of the carboxysome model, where the reaction rates are set." for k in range(54)
    ]
    first = [*filler, "Rates do not depend on the substrate (Mayo et al., 1989; Whitehead et al.,"]
    second = [
        "2014).",
        "The cytosol holds no carbonic anhydrase.",
        "",
        "References",
        "Mayo WP, Elrifi IR, Turpin DH. 1989. The relationship. Plant Physiol 90:720-727.",
        "Whitehead L, Long BM, Price GD. 2014. Comparing in vivo function. Plant Physiol 165:398.",
    ]
    path = write_pdf(tmp_path / "year.pdf", [Page([Column(first)]), Page([Column(second)])])
    lines = [ln for ln in read_manuscript(path).lines if ln.page == 2]
    assert lines[0].text.startswith("2014)")
    result = audit(AuditInput.from_paths([path]))
    assert not [f for f in result.findings if f.code == "CIT001"]
