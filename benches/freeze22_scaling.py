"""freeze22: hostile uploads the earlier scaling rounds did not grow, reader by reader.

benches/linearity.py, r5z_hostile.py, freeze20_scaling.py and freeze21_scaling.py grow
about 230 shapes. This round adds what they left: Word content controls, smart tags,
revisions, hyperlinks and text boxes nested deep; fields begun and never ended around
text; thousands of endnotes, comments, table rows; a PDF page of thousands of text
objects, thousands of glyph columns, one glyph over another, thousands of annotations
and objects nested deep; BibTeX @string cycles, biblatex xdata chains, one field given
thousands of times; YAML aliases fanned into authors; Markdown tables of thousands of
rows, thousands of headings, link destinations of nested parentheses, reference
definitions times uses; LaTeX environments and \\input that call themselves; plain text
of pathological punctuation; and the matching stage at 20,000 citations against 5,000
entries of one surname. Each runs a whole offline audit in a child with a CPU limit
(benches/shape_children.py); a step whose time grows over twice as fast as the size,
past half a second, is flagged SUPER-LINEAR.

    nice .venv/bin/python benches/freeze22_scaling.py [--only NAME ...] [--scales 1 10 100]
                                                      [--limit 60]
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from linearity import _W, Files, FilesOrBytes, Shape, _letters, _pdf, _run  # noqa: E402

_LIST = "\n\n# References\n\nSmith, J. (2020). A title. J. Things, 1, 2.\n"


def _md(body: str, tail: str = _LIST) -> Files:
    return {"paper.md": "Text (Smith, 2020).\n\n" + body + tail + "\n"}


def _cap(i: int) -> str:
    return _letters(i).capitalize() + "son"


# -- DOCX -----------------------------------------------------------------------------

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_V = "urn:schemas-microsoft-com:vml"
_DLIST = "<w:p>" + _run("References") + "</w:p><w:p>" + _run("Chen, A. (2018). T. J.") + "</w:p>"
_CITE = _run("(Chen, 2018).")


def _docx(body: str, parts: dict[str, str] | None = None, rels: str = "") -> bytes:
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}" xmlns:r="{_R}" xmlns:v="{_V}"><w:body>{body}'
        "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
        archive.writestr(
            "word/_rels/document.xml.rels",
            f'<?xml version="1.0"?><Relationships xmlns="{_RELS_NS}">{rels}</Relationships>',
        )
        for name, text in (parts or {}).items():
            archive.writestr(name, text)
    return buffer.getvalue()


def docx_sdt_nesting(n: int) -> FilesOrBytes:
    """A citation run inside n content controls nested one in another."""
    body = "<w:sdt><w:sdtContent>" * n + f"<w:p>{_CITE}</w:p>" + "</w:sdtContent></w:sdt>" * n
    return {"paper.docx": _docx(body + _DLIST)}


def docx_inline_nesting(n: int) -> FilesOrBytes:
    """A citation run inside n smart tags, insertions and hyperlinks, nested in turn."""
    tags = ("w:smartTag", "w:ins", "w:hyperlink", "w:customXml")
    opens = "".join(f"<{tags[i % 4]}>" for i in range(n))
    closes = "".join(f"</{tags[i % 4]}>" for i in reversed(range(n)))
    return {"paper.docx": _docx(f"<w:p>{opens}{_CITE}{closes}</w:p>" + _DLIST)}


def docx_textbox_nesting(n: int) -> FilesOrBytes:
    """Text boxes nested n deep, each paragraph citing."""
    box = f"<w:p>{_CITE}<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
    end = "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    return {"paper.docx": _docx(box * n + f"<w:p>{_CITE}</w:p>" + end * n + _DLIST)}


def docx_unended_fields(n: int) -> FilesOrBytes:
    """n fields begun, each with a code and a result, none ended, in one paragraph."""
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://a.example/" </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _run("(Chen, 2018) word ")
    )
    return {"paper.docx": _docx(f"<w:p>{field * n}</w:p>" + _DLIST)}


def docx_unended_field_paras(n: int) -> FilesOrBytes:
    """The same, one unended field a paragraph."""
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE x</w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _run("(Chen, 2018) word ")
    )
    return {"paper.docx": _docx(f"<w:p>{field}</w:p>" * n + _DLIST)}


def docx_separate_flood(n: int) -> FilesOrBytes:
    """One field of n 'separate' marks and n code pieces in turn."""
    piece = (
        '<w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM x</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _run("(Chen, 2018)")
    )
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + piece * n
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return {"paper.docx": _docx(f"<w:p>{field}</w:p>" + _DLIST)}


def docx_simple_fields(n: int) -> FilesOrBytes:
    """n simple fields (fldSimple) of citation codes, each over one run."""
    field = '<w:fldSimple w:instr=" ADDIN ZOTERO_ITEM CSL_CITATION x">' + _CITE + "</w:fldSimple>"
    return {"paper.docx": _docx(f"<w:p>{field * n}</w:p>" + _DLIST)}


def docx_endnotes(n: int) -> FilesOrBytes:
    notes = "".join(
        f'<w:endnote w:id="{i}"><w:p>{_run(f"See {_cap(i)} (2018), p. {i}.")}</w:p></w:endnote>'
        for i in range(2, n + 2)
    )
    part = f'<?xml version="1.0"?><w:endnotes xmlns:w="{_W}">{notes}</w:endnotes>'
    refs = "".join(
        f'<w:r><w:endnoteReference w:id="{i}"/></w:r>{_run("x ")}' for i in range(2, n + 2)
    )
    rels = f'<Relationship Id="rE" Type="{_R}/endnotes" Target="endnotes.xml"/>'
    return {"paper.docx": _docx(f"<w:p>{refs}</w:p>" + _DLIST, {"word/endnotes.xml": part}, rels)}


def docx_comments(n: int) -> FilesOrBytes:
    comments = "".join(
        f'<w:comment w:id="{i}"><w:p>{_run("(Chen, 2018) note")}</w:p></w:comment>'
        for i in range(n)
    )
    part = f'<?xml version="1.0"?><w:comments xmlns:w="{_W}">{comments}</w:comments>'
    marks = "".join(
        f'<w:commentRangeStart w:id="{i}"/>{_run("w ")}<w:commentRangeEnd w:id="{i}"/>'
        f'<w:r><w:commentReference w:id="{i}"/></w:r>'
        for i in range(n)
    )
    rels = f'<Relationship Id="rC" Type="{_R}/comments" Target="comments.xml"/>'
    return {"paper.docx": _docx(f"<w:p>{marks}</w:p>" + _DLIST, {"word/comments.xml": part}, rels)}


def docx_table_rows(n: int) -> FilesOrBytes:
    """One table of n rows of three cells, each citing."""
    cell = f"<w:tc><w:p>{_CITE}</w:p></w:tc>"
    return {"paper.docx": _docx("<w:tbl>" + f"<w:tr>{cell * 3}</w:tr>" * n + "</w:tbl>" + _DLIST)}


def docx_table_in_table(n: int) -> FilesOrBytes:
    """Tables nested n deep, each cell holding a citation and the next table."""
    opens = f"<w:tbl><w:tr><w:tc><w:p>{_CITE}</w:p>" * n
    closes = "</w:tc></w:tr></w:tbl>" * n
    return {"paper.docx": _docx(opens + f"<w:p>{_CITE}</w:p>" + closes + _DLIST)}


def docx_list_entries(n: int) -> FilesOrBytes:
    """A Word reference list of n entries, one paragraph of many tiny runs each."""

    def entry(i: int) -> str:
        words = f"{_cap(i)}, A. ({1900 + i % 120}). A title of work {i}. J. Things, 2, 3."
        return "<w:p>" + "".join(_run(w + " ") for w in words.split()) + "</w:p>"

    cites = "".join(
        f"<w:p>{_run(f'As shown ({_cap(i)}, {1900 + i % 120}).')}</w:p>" for i in range(n)
    )
    heading = "<w:p>" + _run("References") + "</w:p>"
    return {"paper.docx": _docx(cites + heading + "".join(entry(i) for i in range(n)))}


def docx_huge_styles_part(n: int) -> FilesOrBytes:
    """A styles part of n unused styles and a numbering part of n unused lists."""
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="S{i}"/>'
        f'<w:basedOn w:val="s{(i * 7919) % n}"/></w:style>'
        for i in range(n)
    )
    numbering = "".join(
        f'<w:abstractNum w:abstractNumId="{i}"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="{i}">'
        f'<w:abstractNumId w:val="{(i * 31) % n}"/></w:num>'
        for i in range(n)
    )
    rels = (
        f'<Relationship Id="rS" Type="{_R}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rN" Type="{_R}/numbering" Target="numbering.xml"/>'
    )
    parts = {
        "word/styles.xml": f'<?xml version="1.0"?><w:styles xmlns:w="{_W}">{styles}</w:styles>',
        "word/numbering.xml": (
            f'<?xml version="1.0"?><w:numbering xmlns:w="{_W}">{numbering}</w:numbering>'
        ),
    }
    paras = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="s{i}"/><w:numPr><w:ilvl w:val="0"/>'
        f'<w:numId w:val="{i}"/></w:numPr></w:pPr>{_CITE}</w:p>'
        for i in range(0, n, max(1, n // 100))
    )
    return {"paper.docx": _docx(paras + _DLIST, parts, rels)}


# -- PDF ------------------------------------------------------------------------------


def _pdf_page(content: bytes, annots: bytes = b"", extra: list[bytes] | None = None) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R"
        b" >> >> /Contents 5 0 R" + annots + b" >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    return _pdf(objects + (extra or []))


_PDF_TAIL = (
    b"BT /F1 10 Tf 56 60 Td (References) Tj ET\n"
    b"BT /F1 10 Tf 56 46 Td (Chen, A. \\(2018\\). Title. Journal 1, 2-3.) Tj ET\n"
)


def pdf_tiny_text_objects(n: int) -> FilesOrBytes:
    """One page of n text objects of one glyph each, on a grid (a huge single page)."""
    cells = []
    for i in range(n):
        x, y = 40 + (i % 100) * 5.3, 740 - (i // 100) % 130 * 5.1
        glyph = b"Chen 2018 et al "[i % 16 :][:1]
        cells.append(b"BT /F1 5 Tf %.1f %.1f Td (%s) Tj ET\n" % (x, y, glyph))
    return {"paper.pdf": _pdf_page(b"".join(cells) + _PDF_TAIL)}


def pdf_glyph_columns(n: int) -> FilesOrBytes:
    """Pages of 120 rows of words, each row's words set at other places than the row
    above's: no two rows' gaps line up, so every gap is a column boundary to weigh."""
    pages = []
    for page in range(max(1, n // 2000)):
        rows = []
        for row in range(120):
            words = b" ".join(
                b"%.1f 0 Td (Lee) Tj" % (18 + (row * 7 + k * 13 + page) % 11)
                for k in range(min(n, 2000) // 120 + 1)
            )
            rows.append(b"BT /F1 6 Tf 20 %d Td %s ET\n" % (760 - row * 6, words))
        pages.append(b"".join(rows))
    return {"paper.pdf": _pdf_pages(pages)}


def _pdf_pages(contents: list[bytes]) -> bytes:
    """A PDF of one page per content stream, the list on a last page."""
    contents = [*contents, _PDF_TAIL]
    count = len(contents)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * k) for k in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
    ]
    for k, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
            b"<< /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * k)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return _pdf(objects)


def pdf_stacked_glyphs(n: int) -> FilesOrBytes:
    """n glyphs printed at one point, one over another."""
    glyphs = b"BT /F1 10 Tf 100 400 Td " + b"(a) Tj 0 0 Td " * n + b"ET\n"
    return {"paper.pdf": _pdf_page(glyphs + _PDF_TAIL)}


def pdf_baselines(n: int) -> FilesOrBytes:
    """n glyphs each a hair lower than the last: n baselines, each a line of one glyph."""
    glyphs = b"BT /F1 6 Tf 100 700 Td " + b"(S) Tj 0.3 -0.05 Td " * n + b"ET\n"
    return {"paper.pdf": _pdf_page(glyphs + _PDF_TAIL)}


def pdf_annotations(n: int) -> FilesOrBytes:
    """One page of n link annotations, each with its own URI."""
    annots = b" /Annots [" + b" ".join(b"%d 0 R" % (6 + i) for i in range(n)) + b"]"
    extra = [
        b"<< /Type /Annot /Subtype /Link /Rect [%d 700 %d 710] /A << /S /URI "
        b"/URI (https://doi.org/10.1000/x%d) >> >>" % (56 + i % 400, 60 + i % 400, i)
        for i in range(n)
    ]
    content = b"BT /F1 10 Tf 56 700 Td (As Chen \\(2018\\) shows.) Tj ET\n" + _PDF_TAIL
    return {"paper.pdf": _pdf_page(content, annots, extra)}


def pdf_deep_arrays(n: int) -> FilesOrBytes:
    """A page whose dictionary holds arrays nested n deep."""
    deep = b" /Junk " + b"[" * n + b"1" + b"]" * n
    content = b"BT /F1 10 Tf 56 700 Td (As Chen \\(2018\\) shows.) Tj ET\n" + _PDF_TAIL
    return {"paper.pdf": _pdf_page(content, deep)}


def pdf_ref_chain(n: int) -> FilesOrBytes:
    """The content stream's length reached through n indirect references."""
    content = b"BT /F1 10 Tf 56 700 Td (As Chen \\(2018\\) shows.) Tj ET\n" + _PDF_TAIL
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R"
        b" >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
        b"<< /Length 6 0 R >>\nstream\n" + content + b"\nendstream",
    ]
    objects += [b"%d 0 R" % (7 + i) for i in range(n)] + [b"%d" % len(content)]
    return {"paper.pdf": _pdf(objects)}


# -- bibliographies -------------------------------------------------------------------


def _with(name: str, text: str, paper: str = "As shown [@k0].\n") -> Files:
    return {name: text, "paper.md": paper}


def bib_string_cycles(n: int) -> Files:
    """n @string pairs that name each other, each used by an entry."""
    strings = "".join(f"@string{{a{i} = b{i}}}\n@string{{b{i} = a{i} # a{i}}}\n" for i in range(n))
    entries = "".join(f"@article{{k{i}, title = a{i} # b{i}, year = 2020}}\n" for i in range(n))
    return _with("refs.bib", strings + entries)


def bib_xdata_chain(n: int) -> Files:
    """biblatex xdata chained n long, and n entries pulling the chain's end."""
    chain = (
        "".join(f"@xdata{{x{i}, xdata = {{x{i + 1}}}, note = {{n{i}}}}}\n" for i in range(n))
        + f"@xdata{{x{n}, xdata = {{x0}}, publisher = {{P}}}}\n"
    )
    entries = "".join(
        f"@article{{k{i}, xdata = {{x0}}, author = {{Smith, J.}}, year = 2020}}\n" for i in range(n)
    )
    return _with("refs.bib", chain + entries)


def bib_crossref_tree(n: int) -> Files:
    """n entries, each entry's crossref the one before (a chain n long), all cited."""
    entries = "".join(
        f"@inbook{{k{i}, crossref = {{k{i - 1}}}, title = {{T{i}}}}}\n" for i in range(1, n)
    )
    first = "@book{k0, author = {Smith, J.}, title = {B}, year = 2020, publisher = {P}}\n"
    paper = " ".join(f"[@k{i}]" for i in range(n)) + "\n"
    return _with("refs.bib", first + entries, paper)


def bib_repeated_field(n: int) -> Files:
    """One entry giving its note n times."""
    return _with("refs.bib", "@article{k0, title = {T}, " + "note = {x}, " * n + "year = 2020}\n")


def bib_many_preambles(n: int) -> Files:
    pre = "".join(f'@preamble{{"\\newcommand{{\\x{_letters(i)}}}{{{i}}}"}}\n' for i in range(n))
    return _with("refs.bib", pre + "@article{k0, title = {T}, year = 2020}\n")


def bib_name_list(n: int) -> Files:
    """One author field of n names, each name of braced and accented parts."""
    names = " and ".join(
        f"{{\\'E}}{_letters(i)} {{von}} {{D{_letters(i)}}}, Jr, A." for i in range(n)
    )
    return _with("refs.bib", f"@article{{k0, author = {{{names}}}, title = {{T}}, year = 2020}}\n")


def bib_tex_accents(n: int) -> Files:
    """A title of n TeX accent commands and braces (LaTeX-to-text on every field)."""
    title = "{\\\"{o}}\\'e{\\c c}\\v{s}" * n
    return _with("refs.bib", f"@article{{k0, title = {{{title}}}, year = 2020}}\n")


def ris_same_author_cited(n: int) -> Files:
    """n RIS records by one author, in n years, and n citations of them."""
    ris = "".join(
        f"TY  - JOUR\nAU  - Smith, J.\nPY  - {1500 + i % 500}\nTI  - T {_letters(i)}\nER  - \n"
        for i in range(n)
    )
    body = " ".join(f"(Smith, {1500 + (i * 7) % 500})." for i in range(n))
    return {"refs.ris": ris, "paper.md": body + "\n"}


def ris_er_flood(n: int) -> Files:
    """n 'ER' lines with no record begun, and n records with no end."""
    return _with("refs.ris", "ER  - \n" * n + "TY  - JOUR\nTI  - x\n" * n)


def csl_json_same_family(n: int) -> Files:
    """n CSL-JSON items of one family name and n citations by name and year."""
    items = ",".join(
        f'{{"id": "k{i}", "type": "book", "title": "T {_letters(i)}", '
        f'"author": [{{"family": "Smith", "given": "J"}}], '
        f'"issued": {{"date-parts": [[{1500 + i % 500}]]}}}}'
        for i in range(n)
    )
    body = " ".join(f"(Smith, {1500 + (i * 7) % 500})." for i in range(n))
    return {"refs.json": f"[{items}]", "paper.md": body + "\n"}


def csl_yaml_alias_authors(n: int) -> Files:
    """n items whose author lists are aliases of one 100-name list (expanded n x 100)."""
    names = "".join(f"  - {{family: F{_letters(i)}, given: A}}\n" for i in range(100))
    items = "".join(
        f"- id: k{i}\n  title: T{i}\n  author: *a\n  issued: 2020\n" for i in range(1, n)
    )
    text = f"references:\n- id: k0\n  title: T\n  issued: 2020\n  author: &a\n{names}{items}"
    return _with("refs.yaml", text)


def csl_yaml_alias_titles(n: int) -> Files:
    """n items all aliasing one 10 KB title: the upload is small, the values are not."""
    items = "".join(f"- id: k{i}\n  title: *t\n  issued: 2020\n" for i in range(1, n))
    text = f"references:\n- id: k0\n  title: &t '{'Long title words ' * 600}'\n  issued: 2020\n"
    return _with("refs.yaml", text + items)


# -- Markdown ---------------------------------------------------------------------------


def md_table_rows(n: int) -> Files:
    rows = "".join(f"| {_cap(i)} | ({_cap(i)}, 2020) | x |\n" for i in range(n))
    return _md("| a | b | c |\n|---|---|---|\n" + rows)


def md_headings(n: int) -> Files:
    return _md("".join(f"## Part {i}\n\nAs shown (Smith, 2020).\n\n" for i in range(n)))


def md_setext_headings(n: int) -> Files:
    return _md("".join(f"Part {i} (Smith, 2020)\n---\n\n" for i in range(n)))


def md_destination_parens(n: int) -> Files:
    """A link whose destination opens n parentheses, never closed."""
    return _md("[see](http://a.example/" + "(" * n + " (Smith, 2020)\n")


def md_destination_parens_lines(n: int) -> Files:
    return _md("".join("[see](http://a.example/" + "(" * 40 + " (Smith, 2020)\n" for _ in range(n)))


def md_defs_times_uses(n: int) -> Files:
    """n reference definitions and n uses of each of ten labels per line."""
    defs = "".join(f"[l{i}]: http://a.example/{i}\n" for i in range(n))
    uses = "".join(" ".join(f"[x][l{(i + k) % n}]" for k in range(10)) + "\n\n" for i in range(n))
    return _md(uses + defs)


def md_nested_emphasis_brackets(n: int) -> Files:
    return _md("*[_" * n + "(Smith, 2020)" + "_]*" * n + "\n")


def md_unclosed_link_text(n: int) -> Files:
    """'[a ' lines: link text opened on every line, never closed, with citations."""
    return _md("[a (Smith, 2020) " * n + "\n")


def md_html_attributes(n: int) -> Files:
    """One HTML tag with n attributes, and a citation after it."""
    attrs = " ".join(f'a{i}="x"' for i in range(n))
    return _md(f"<span {attrs}>(Smith, 2020)</span>\n")


def md_footnote_defs_uses(n: int) -> Files:
    """n footnotes each defined and each used ten times."""
    uses = "".join(" ".join(f"x[^f{(i + k) % n}]" for k in range(10)) + "\n\n" for i in range(n))
    defs = "".join(f"[^f{i}]: See {_cap(i)} (2020).\n" for i in range(n))
    return _md(uses + defs)


def md_definition_title_unclosed(n: int) -> Files:
    """A reference definition whose title opens and never closes, n lines after it."""
    return _md('[l]: http://a.example/ "a title\n' + "(Smith, 2020) and more words\n" * n)


def md_definition_labels_multiline(n: int) -> Files:
    """n definitions whose labels run over two lines, each used."""
    defs = "".join(f"[l{i}\nx]: http://a.example/{i}\n" for i in range(n))
    uses = "".join(f"[see][l{i} x] (Smith, 2020)\n\n" for i in range(n))
    return _md(uses + defs)


def md_pre_unclosed(n: int) -> Files:
    return _md("<pre>\n" + "(Smith, 2020) code\n" * n)


def md_lazy_quote(n: int) -> Files:
    return _md("> (Smith, 2020)\n" + "lazy (Smith, 2020) line\n" * n)


def md_setext_underlines(n: int) -> Files:
    return _md("Title (Smith, 2020)\n" + "===\n---\n" * n)


def bib_same_key(n: int) -> Files:
    """n entries of one key, each cited."""
    bib = "".join(
        f"@article{{k0, author = {{Smith, J.}}, title = {{T{i}}}, year = 2020}}\n" for i in range(n)
    )
    return _with("refs.bib", bib, "As shown [@k0]. " * n + "\n")


def bib_same_key_lines(n: int) -> Files:
    """The same, each citation on a line of its own (a group each)."""
    return {**bib_same_key(n), "paper.md": "As shown [@k0].\n\n" * n}


def csl_yaml_documents(n: int) -> Files:
    """n YAML documents one after another, each an item."""
    docs = "".join(f"---\n- id: k{i}\n  title: T\n  issued: 2020\n" for i in range(n))
    return _with("refs.yaml", docs)


# -- LaTeX ----------------------------------------------------------------------------


def _tex(body: str, preamble: str = "", bib: str = "") -> Files:
    files: Files = {
        "paper.tex": "\\documentclass{article}"
        + preamble
        + "\\begin{document}\n"
        + body
        + "\n\\bibliography{refs}\\end{document}\n"
    }
    files["refs.bib"] = bib or "@article{k, author = {Smith, J.}, title = {T}, year = 2020}\n"
    return files


def tex_environment_self(n: int) -> Files:
    """An environment that begins itself, used n times."""
    pre = "\\newenvironment{loop}{\\begin{loop}}{\\end{loop}}"
    return _tex("\\begin{loop}\\cite{k}\\end{loop} " * n, pre)


def tex_input_cycle(n: int) -> Files:
    """Two files that \\input each other, and n \\input of the first."""
    files = _tex("\\input{a} \\cite{k} " * n)
    files["a.tex"] = "\\cite{k} \\input{b}\n"
    files["b.tex"] = "\\cite{k} \\input{a}\n"
    return files


def tex_newcommand_in_loop(n: int) -> Files:
    """A macro that redefines itself bigger each time it is used, n uses."""
    pre = (
        "\\newcommand{\\grow}{x}"
        "\\newcommand{\\step}{\\let\\old\\grow\\renewcommand{\\grow}{\\old\\old}}"
    )
    return _tex("\\step " * n + "\\grow \\cite{k}", pre)


def tex_cite_in_arguments(n: int) -> Files:
    """\\cite nested in n \\textbf{...} and \\footnote{...} arguments."""
    return _tex("\\textbf{\\footnote{" * n + "\\cite{k}" + "}}" * n)


def tex_many_bibitems_same(n: int) -> Files:
    items = "".join(
        f"\\bibitem{{k{i}}} Smith, J. ({1500 + i % 500}). T {_letters(i)}.\n" for i in range(n)
    )
    body = " ".join(f"\\cite{{k{(i * 7) % n}}}" for i in range(n))
    return {
        "paper.tex": "\\documentclass{article}\\begin{document}\n"
        + body
        + "\n\\begin{thebibliography}{9}\n"
        + items
        + "\\end{thebibliography}\\end{document}\n"
    }


def tex_verbatim_unclosed(n: int) -> Files:
    return _tex("\\verb|x \\cite{k} " * n + "\n" + "\\begin{verbatim} \\cite{k}\n" * n)


# -- plain text -----------------------------------------------------------------------


def _txt(body: str) -> Files:
    return {"paper.txt": "Text (Smith, 2020).\n\n" + body + _LIST.replace("# ", "") + "\n"}


def txt_punct_soup(n: int) -> Files:
    return _txt("(.;,:)[-]'\"" * n + "\n")


def txt_et_al_parens(n: int) -> Files:
    """'(Smith et al.; (Lee et al.,' nesting and never closing, one line."""
    return _txt("(Smith et al.; (Lee et al., " * n + "2020\n")


def txt_year_commas(n: int) -> Files:
    """'Smith, 2020, 2021, ...' n years after one name, no parentheses."""
    return _txt("Smith " + ", ".join(str(1900 + i % 120) for i in range(n)) + "\n")


def txt_capitals_and(n: int) -> Files:
    """'Smith and Lee and Park and ...' n capitalised names, then a year."""
    return _txt(" and ".join(_cap(i) for i in range(n)) + " (2020)\n")


def txt_initial_dots(n: int) -> Files:
    return _txt("Smith, J. A. B. " + "et al., " * n + "(2020)\n")


def txt_ibid_flood(n: int) -> Files:
    return _txt("".join(f"{i}. Ibid., p. {i}. Op. cit. Smith, 2020, {i}.\n" for i in range(n)))


# -- matching ---------------------------------------------------------------------------


def _even_year(i: int) -> int:
    return 1500 + 2 * ((i // 10) % 260)


def _cites_20k(n: int) -> str:
    cites = []
    for i in range(4 * n):
        year = _even_year(i * 7919 % n)
        kind = i % 4
        if kind == 0:
            cites.append(f"(Smith, {year})")
        elif kind == 1:
            cites.append(f"(Smith, {year + 1})")
        elif kind == 2:
            cites.append(f"(Smith, {year}{_letters(i % 26)})")
        else:
            cites.append(f"(Smith & Lee, {year})")
    return "\n\n".join(" ".join(cites[k : k + 10]) + "." for k in range(0, len(cites), 10))


def xcheck_20k_5k(n: int) -> Files:
    """4n citations against n listed entries of one surname (20,000 x 5,000 at 100x):
    a quarter cite a listed year, a quarter a year none has, a quarter a lettered year,
    a quarter with a coauthor; the list's entries share years in groups of ten."""
    lst = "".join(
        f"Smith, J.{' & Lee, K.' if i % 3 == 0 else ''} ({_even_year(i)}). "
        f"Title {_letters(i)}. J. Things, {i % 9}, 2.\n\n"
        for i in range(n)
    )
    return {"paper.md": _cites_20k(n) + "\n\n# References\n\n" + lst}


def xcheck_bib_20k_5k(n: int) -> Files:
    """The same against a BibTeX file."""
    bib = "".join(
        f"@article{{k{i}, author = {{Smith, J.{' and Lee, K.' if i % 3 == 0 else ''}}}, "
        f"title = {{T {_letters(i)}}}, year = {_even_year(i)}}}\n"
        for i in range(n)
    )
    return {"refs.bib": bib, "paper.md": _cites_20k(n) + "\n"}


def xcheck_many_homonyms(n: int) -> Files:
    """n entries of one surname and one year, told apart by initials, each cited by
    initial ('J. Smith (2020)') -- an ambiguity per citation, n x n if each asks all."""
    lst = "".join(
        f"Smith, {chr(65 + i % 26)}.{chr(65 + (i // 26) % 26)}. (2020). T {_letters(i)}. J.\n\n"
        for i in range(n)
    )
    body = " ".join(
        f"{chr(65 + i % 26)}. {chr(65 + (i // 26) % 26)}. Smith (2020) said." for i in range(n)
    )
    return {"paper.md": body + "\n\n# References\n\n" + lst}


def xcheck_ambiguous_lines(n: int) -> Files:
    """n entries of one author and year, cited on n lines of their own."""
    entries = "".join(f"Smith, J. (2020). Title {_letters(i)}. J.\n\n" for i in range(n))
    body = "x (Smith, 2020).\n\n" * n
    return {"paper.md": body + "# References\n\n" + entries}


def tex_nocite_all_lines(n: int) -> Files:
    """n lines of \\nocite{*} beside n entries."""
    bib = "".join(
        f"@article{{k{i}, author = {{Lee, A.}}, title = {{T{i}}}, year = 2020}}\n" for i in range(n)
    )
    return _tex("\\nocite{*}\n\n" * n, bib=bib)


def xcheck_numeric_many(n: int) -> Files:
    """A numbered list of n entries cited as n ranges of ten."""
    lst = "\n".join(f"{k}. {_cap(k)} A. Work {k}. J. 2020;{k}:1-5." for k in range(1, n + 1))
    body = " ".join(f"x [{k}-{min(n, k + 9)}]." for k in range(1, n + 1))
    return {"paper.md": body + "\n\n# References\n\n" + lst + "\n"}


SHAPES = [
    Shape("docx-sdt-nesting", docx_sdt_nesting, 100, "content controls n deep"),
    Shape("docx-inline-nesting", docx_inline_nesting, 100, "smartTag/ins/hyperlink n deep"),
    Shape("docx-textbox-nesting", docx_textbox_nesting, 20, "text boxes n deep"),
    Shape("docx-unended-fields", docx_unended_fields, 50, "n fields never ended, one para"),
    Shape("docx-unended-field-paras", docx_unended_field_paras, 50, "n unended fields, n paras"),
    Shape("docx-separate-flood", docx_separate_flood, 50, "one field, n separates"),
    Shape("docx-simple-fields", docx_simple_fields, 100, "n fldSimple citation fields"),
    Shape("docx-endnotes", docx_endnotes, 100, "n endnotes citing"),
    Shape("docx-comments", docx_comments, 100, "n comments citing"),
    Shape("docx-table-rows", docx_table_rows, 100, "a table of n rows"),
    Shape("docx-table-in-table", docx_table_in_table, 10, "tables nested n deep"),
    Shape("docx-list-entries", docx_list_entries, 30, "n cites, n entries of tiny runs"),
    Shape("docx-huge-styles", docx_huge_styles_part, 200, "n styles, n lists, unused"),
    Shape("pdf-tiny-text-objects", pdf_tiny_text_objects, 200, "one page, n one-glyph objects"),
    Shape("pdf-glyph-columns", pdf_glyph_columns, 200, "rows of words, no gaps aligned"),
    Shape("pdf-stacked-glyphs", pdf_stacked_glyphs, 200, "n glyphs at one point"),
    Shape("pdf-baselines", pdf_baselines, 100, "n glyphs on n baselines"),
    Shape("pdf-annotations", pdf_annotations, 50, "n link annotations"),
    Shape("pdf-deep-arrays", pdf_deep_arrays, 100, "arrays n deep in a page"),
    Shape("pdf-ref-chain", pdf_ref_chain, 50, "a length through n references"),
    Shape("bib-string-cycles", bib_string_cycles, 50, "n @string pairs naming each other"),
    Shape("bib-xdata-chain", bib_xdata_chain, 20, "xdata chain n long, n users"),
    Shape("bib-crossref-tree", bib_crossref_tree, 20, "crossref chain n long, all cited"),
    Shape("bib-repeated-field", bib_repeated_field, 200, "one entry, note x n"),
    Shape("bib-many-preambles", bib_many_preambles, 100, "n @preamble"),
    Shape("bib-name-list", bib_name_list, 50, "an author field of n braced names"),
    Shape("bib-tex-accents", bib_tex_accents, 200, "a title of n accent commands"),
    Shape("ris-same-author-cited", ris_same_author_cited, 50, "n records one author, n cites"),
    Shape("ris-er-flood", ris_er_flood, 200, "n stray ER, n unended records"),
    Shape("csl-json-same-family", csl_json_same_family, 50, "n items one family, n cites"),
    Shape("csl-yaml-alias-authors", csl_yaml_alias_authors, 20, "n items aliasing 100 authors"),
    Shape("csl-yaml-alias-titles", csl_yaml_alias_titles, 20, "n items aliasing a 10 KB title"),
    Shape("md-table-rows", md_table_rows, 100, "a table of n rows citing"),
    Shape("md-headings", md_headings, 100, "n headings, each a citing line"),
    Shape("md-setext-headings", md_setext_headings, 100, "n setext headings citing"),
    Shape("md-destination-parens", md_destination_parens, 200, "'](http://a/' + '(' x n"),
    Shape("md-destination-parens-lines", md_destination_parens_lines, 50, "n such lines"),
    Shape("md-defs-times-uses", md_defs_times_uses, 50, "n definitions, 10n uses"),
    Shape("md-emphasis-brackets", md_nested_emphasis_brackets, 100, "'*[_' x n"),
    Shape("md-unclosed-link-text", md_unclosed_link_text, 100, "'[a (Smith, 2020) ' x n"),
    Shape("md-html-attributes", md_html_attributes, 200, "a tag of n attributes"),
    Shape("md-footnote-defs-uses", md_footnote_defs_uses, 50, "n footnotes, 10n uses"),
    Shape("md-def-title-unclosed", md_definition_title_unclosed, 200, "a title open n lines"),
    Shape("md-def-labels-multiline", md_definition_labels_multiline, 100, "n two-line labels"),
    Shape("md-pre-unclosed", md_pre_unclosed, 200, "<pre> then n lines"),
    Shape("md-lazy-quote", md_lazy_quote, 200, "a quote then n lazy lines"),
    Shape("md-setext-underlines", md_setext_underlines, 200, "=== / --- x n"),
    Shape("bib-same-key", bib_same_key, 100, "n entries of one key, n cites"),
    Shape("bib-same-key-lines", bib_same_key_lines, 100, "the same, a line each"),
    Shape("csl-yaml-documents", csl_yaml_documents, 100, "n YAML documents"),
    Shape("tex-environment-self", tex_environment_self, 20, "an environment beginning itself"),
    Shape("tex-input-cycle", tex_input_cycle, 20, "a.tex and b.tex input each other"),
    Shape("tex-redefine-growing", tex_newcommand_in_loop, 2, "\\grow doubled n times"),
    Shape("tex-cite-in-arguments", tex_cite_in_arguments, 50, "\\cite in n nested arguments"),
    Shape("tex-bibitems-same", tex_many_bibitems_same, 50, "n bibitems of one surname"),
    Shape("tex-verbatim-unclosed", tex_verbatim_unclosed, 50, "n unclosed \\verb / verbatim"),
    Shape("txt-punct-soup", txt_punct_soup, 500, "'(.;,:)[-]' x n"),
    Shape("txt-et-al-parens", txt_et_al_parens, 100, "'(Smith et al.; (Lee et al., ' x n"),
    Shape("txt-year-commas", txt_year_commas, 200, "'Smith 1900, 1901, ...' n years"),
    Shape("txt-capitals-and", txt_capitals_and, 100, "'A and B and ...' (2020)"),
    Shape("txt-initial-dots", txt_initial_dots, 200, "'Smith, J. A. B. et al., ' x n"),
    Shape("txt-ibid-flood", txt_ibid_flood, 100, "n ibid/op. cit. notes"),
    Shape("xcheck-20k-5k", xcheck_20k_5k, 50, "4n cites x n entries of one surname"),
    Shape("xcheck-bib-20k-5k", xcheck_bib_20k_5k, 50, "the same, BibTeX"),
    Shape("xcheck-many-homonyms", xcheck_many_homonyms, 50, "n Smiths of 2020 by initials"),
    Shape("xcheck-ambiguous-lines", xcheck_ambiguous_lines, 50, "n Smith 2020s, n cite lines"),
    Shape("tex-nocite-all-lines", tex_nocite_all_lines, 50, "n \\nocite{*} lines, n entries"),
    Shape("xcheck-numeric-many", xcheck_numeric_many, 50, "n entries, n ranges of ten"),
]


def main(argv: list[str] | None = None) -> int:
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 10, 100], argv)


if __name__ == "__main__":
    sys.exit(main())
