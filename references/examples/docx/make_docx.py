"""Build manuscript.docx, the Word example, deterministically.

python-docx writes the body, headings (Word's "Heading 1" style), a table and the
reference list. It cannot create footnotes, so the script adds one afterwards: a
``w:footnoteReference`` run in the body and, in the package, ``word/footnotes.xml``
with its relationship and content type -- the three pieces Word itself writes. Every
ZIP member gets a fixed timestamp so the file is byte-for-byte reproducible.

Usage: python make_docx.py   (from this folder; needs python-docx)
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

HERE = Path(__file__).resolve().parent
FIXED_TIME = (2024, 5, 1, 12, 0, 0)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTE_TEXT = (
    "The 2019 and 2023 waves used the same trip-diary design, described by Mahendra and Lim (2016)."
)

BODY = [
    ("Title", "Remote Work and Commuting Time in Greater Jakarta, 2019–2023"),
    (None, "Intan Permatasari and Gabriel Osei"),
    ("Heading 1", "Abstract"),
    (
        None,
        "Remote work spread quickly in Indonesian cities after 2020. Using two waves of a "
        "commuter survey, we estimate how much commuting time fell among office workers in "
        "Greater Jakarta and who kept the gain once offices reopened.",
    ),
    ("Heading 1", "Introduction"),
    (
        None,
        "Commutes in Greater Jakarta are among the longest in South-East Asia, with a "
        "median one-way trip of more than an hour (Suryadi & Jatmiko, 2017). Long commutes "
        "reduce sleep, leisure and labour supply (Stutzer & Frey, 2008), and they fall most "
        "heavily on workers who live far from the centre (World Bank, 2019).",
    ),
    (
        None,
        "Remote work promised relief. Early estimates suggested that a third of urban "
        "jobs could be done from home (Dingel & Neiman, 2020), although the share was much "
        "lower in lower-income economies (Gottlieb et al., 2021). Barrero et al. (2023) show "
        "that in the United States the time saved was split between work, leisure and care. "
        "Whether the same holds in Jakarta is not known.FOOTNOTE",
    ),
    ("Heading 1", "Data and Methods"),
    (
        None,
        "We use two waves of the Jabodetabek Commuter Survey, fielded in 2019 and 2023 "
        "(Badan Pusat Statistik, 2023). Travel times were recorded by trip diary. "
        "Table 1 summarises the samples.",
    ),
    ("TABLE", None),
    ("Heading 1", "Results"),
    (
        None,
        "Median one-way commuting time fell from 68 to 51 minutes among office workers, "
        "but only by 4 minutes among retail and manufacturing workers, in line with the "
        "occupational gradient reported by Gottlieb et al. (2021) and in a recent survey (Nguyen, 2022).",
    ),
    ("Heading 1", "References"),
]

REFERENCES = [
    "Badan Pusat Statistik. (2023). Survei Komuter Jabodetabek 2023. Badan Pusat Statistik. "
    "https://www.bps.go.id/publication/2023/survei-komuter-jabodetabek",
    "Barrero, J. M., Bloom, N., & Davis, S. J. (2023). The evolution of work from home. "
    "Journal of Economic Perspectives, 37(4), 23–49. https://doi.org/10.1257/jep.37.4.23",
    "Dingel, J. I., & Neiman, B. (2020). How many jobs can be done at home? Journal of "
    "Public Economics, 189, 104235. https://doi.org/10.1016/j.jpubeco.2020.104235",
    "Gottlieb, C., Grobovšek, J., Poschke, M., & Saltiel, F. (2021). Working from home in "
    "developing countries. European Economic Review, 133, 103679. "
    "https://doi.org/10.1016/j.euroecorev.2021.103679",
    "Mahendra, A., & Lim, S. (2016). Trip diaries for commuter surveys in Asian megacities: "
    "A field manual. Asian Transport Research Institute.",
    "Nugraha, D. (2021). Ojek online dan mobilitas pekerja informal di Jakarta. Jurnal "
    "Transportasi Perkotaan, 9(2), 88–101.",
    "Stutzer, A., & Frey, B. S. (2008). Stress that doesn't pay: The commuting paradox. "
    "Scandinavian Journal of Economics, 110(2), 339–366. "
    "https://doi.org/10.1111/j.1467-9442.2008.00542.x",
    "Suryadi, Y. O., & Jatmiko, T. B. (2017). Commuting in Greater Jakarta: Patterns and "
    "policy. Journal of Transport Geography, 64, 180–192.",
    "World Bank. (2019). Time to ACT: Realizing Indonesia's urban potential. World Bank.",
]

TABLE = [
    ("Wave", "Respondents", "Source"),
    ("2019", "4,812", "Badan Pusat Statistik (2023)"),
    ("2023", "5,106", "Badan Pusat Statistik (2023)"),
]


def footnote_reference_run(paragraph: docx.text.paragraph.Paragraph) -> None:
    run = paragraph.add_run()
    r_pr = OxmlElement("w:rPr")
    style = OxmlElement("w:vertAlign")
    style.set(qn("w:val"), "superscript")
    r_pr.append(style)
    run._r.append(r_pr)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "1")
    run._r.append(reference)


def build_body() -> bytes:
    document = docx.Document()
    core = document.core_properties
    core.author = "Example authors"
    core.created = core.modified = dt.datetime(2024, 5, 1, 12, 0, 0)
    core.last_modified_by = "make_docx.py"
    core.revision = 1
    for style, text in BODY:
        if style == "TABLE":
            table = document.add_table(rows=0, cols=3)
            for row in TABLE:
                cells = table.add_row().cells
                for cell, value in zip(cells, row, strict=True):
                    cell.text = value
            document.add_paragraph("Table 1. Survey waves.")
        elif style == "Title":
            document.add_heading(text, level=0)
        elif style == "Heading 1":
            document.add_heading(text, level=1)
        elif text is not None and text.endswith("FOOTNOTE"):
            paragraph = document.add_paragraph(text.removesuffix("FOOTNOTE"))
            footnote_reference_run(paragraph)
        else:
            document.add_paragraph(text)
    for entry in REFERENCES:
        paragraph = document.add_paragraph(entry)
        paragraph.paragraph_format.left_indent = Cm(1.27)
        paragraph.paragraph_format.first_line_indent = Cm(-1.27)
    document.add_heading("Appendix A. Questionnaire", level=1)
    document.add_paragraph("The questionnaire is available from the authors on request.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def footnotes_xml() -> bytes:
    def separator(note_id: str, kind: str, tag: str) -> str:
        return (
            f'<w:footnote w:type="{kind}" w:id="{note_id}"><w:p><w:r><w:{tag}/></w:r></w:p>'
            "</w:footnote>"
        )

    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes xmlns:w="{W_NS}">'
        + separator("-1", "separator", "separator")
        + separator("0", "continuationSeparator", "continuationSeparator")
        + '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        "<w:footnoteRef/></w:r>"
        f'<w:r><w:t xml:space="preserve"> {FOOTNOTE_TEXT}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ).encode()


def add_footnotes(package: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist()):
            data = source.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif name == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            target.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
        target.writestr(
            zipfile.ZipInfo("word/footnotes.xml", FIXED_TIME), footnotes_xml(), zipfile.ZIP_DEFLATED
        )
    return out.getvalue()


def main() -> None:
    (HERE / "manuscript.docx").write_bytes(add_footnotes(build_body()))


if __name__ == "__main__":
    main()
