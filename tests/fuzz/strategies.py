"""Input that looks enough like each format to reach its parser's corners.

Pure random text rarely gets past a reader's first check, so each format's text is
a mix of its own syntax pieces and hostile characters: lone surrogates, NUL and
other controls, superscript and non-ASCII digits, combining marks, bidi controls,
long runs. Sizes stay small: the fuzzer looks for crashes and hangs on shapes; the
linearity bench (benches/linearity.py) grows them.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import strategies as st

HOSTILE_CHARACTERS = (
    "\ud800",
    "\udfff",
    "\x00",
    "\x0b",
    "\x1b",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\u0301",
    "²",
    "⁰",
    "١",
    "٢",
    "\u2028",
    "\r",
    "\t",
    "🙂",
    "ß",
    "İ",
)

hostile_char = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(HOSTILE_CHARACTERS),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
)
hostile_text = st.text(hostile_char, max_size=12)
# What a manuscript reader can hand on: it decodes bytes as UTF-8 or Windows-1252,
# which never yields a lone surrogate.
decoded_text = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from([c for c in HOSTILE_CHARACTERS if not "\ud800" <= c <= "\udfff"]),
    ),
    max_size=12,
)

COMMON = (
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ";",
    ":",
    ".",
    " ",
    "  ",
    "\n",
    "\n\n",
    "-",
    "–",
    "et al.",
    "&",
    " and ",
    "2020",
    "2019a",
    "(2020) ",
    "1999",
    "n.d.",
    "Smith",
    "Lee",
    "van der Berg",
    "O'Neil",
    "De la Cruz",
    "A. ",
    "B. C.",
    "doi:",
    "DOI ",
    "10.1000/x",
    "10.1000/../../10.5555/x",
    "https://doi.org/10.1000/abc",
    "http://example.org/a_(b)",
    "www.example.org",
    "pp. 1-9",
    "vol. 3",
    "no. 2",
    "References",
    "Bibliography",
    "REFERENCES\n",
    "[1]",
    "[1-3]",
    "[2, 5]",
    "1. ",
    "`",
    "``",
    "*",
    "_",
    "#",
    "@",
    "\\",
    "%",
    '"',
    "'",
    "“",
    "”",
    "<",
    ">",
    "&amp;",
    "ibid.",
    "cf. ",
    "e.g., ",
    "p. 12",
)
LATEX = (
    "\\cite{",
    "\\citep[p.~3]{",
    "\\citet*{",
    "\\parencite[see][12]{",
    "\\nocite{*}",
    "\\cite{a,b}",
    "\\cite{a}",
    "}",
    "{a}",
    "\\bibitem",
    "\\bibitem[",
    "\\bibitem{k}",
    "\\begin{thebibliography}{9}\n",
    "\\end{thebibliography}",
    "\\input{",
    "\\include{",
    "\\input{part}",
    "\\include{part}",
    "\\subfile{part}",
    "\\bibliography{",
    "\\bibliography{refs}",
    "\\addbibresource{refs.bib}",
    "\\section{",
    "\\section*{References}",
    "\\documentclass{article}\n",
    "\\begin{document}\n",
    "\\end{document}",
    "\\verb|",
    "\\begin{verbatim}\n",
    "\\end{verbatim}",
    "\\begin{comment}",
    "\\end{comment}",
    "\\newcommand{\\x}{",
    "\\def\\y{",
    "\\%",
    "\\\\",
    "$",
    "$$",
    "\\footnote{",
    "\\emph{",
    "~",
    "\\iffalse",
    "\\fi",
    "\\makeatletter",
    "^^",
    "\\char",
    "\\url{",
    "\\href{",
)
MARKDOWN = (
    "# ",
    "## References\n",
    "# Bibliography\n",
    "[@",
    "@smith2020",
    "; @",
    "[-@",
    "```\n",
    "~~~\n",
    "---\nbibliography: refs.bib\n---\n",
    "---\n",
    "> ",
    "* ",
    "1. ",
    "[^1]",
    "[^1]: ",
    "<!--",
    "-->",
    "<div>",
    "</div>",
    "](",
    "![",
    "**",
    "\\[",
    "|",
    "<sup>",
    "</sup>",
    "<br>",
    "    ",
    "\t",
    "bibliography: ",
    "references:\n",
)
BIBTEX = (
    "@article{",
    "@book(",
    "@string{",
    "@preamble{",
    "@comment{",
    "@misc{",
    "key,",
    "k1,",
    "author = ",
    "editor = ",
    "title = ",
    "journal = ",
    "year = ",
    "date = ",
    "pages = ",
    "volume = ",
    "doi = ",
    "url = ",
    "crossref = ",
    "{",
    "}",
    '"',
    "#",
    "=",
    ",",
    " and ",
    " and others",
    "jan",
    "feb",
    '{\\"u}',
    "{\\'e}",
    "\\url{",
    "{World Health Organization}",
    "Smith, John",
    "van Berg, Jr, A.",
    "\\",
    "@",
    "%",
    "\n",
    "2020",
    "2019a",
    "²⁰²⁰",
    "9" * 50,
    "{{{",
    "}}}",
    "\\emph{",
)
RIS = (
    "TY  - JOUR\n",
    "TY  - BOOK\n",
    "ER  - \n",
    "ER  -\n",
    "AU  - ",
    "A1  - ",
    "A2  - ",
    "PY  - ",
    "Y1  - ",
    "DA  - ",
    "TI  - ",
    "T1  - ",
    "JO  - ",
    "T2  - ",
    "DO  - ",
    "UR  - ",
    "SP  - ",
    "EP  - ",
    "VL  - ",
    "IS  - ",
    "ID  - ",
    "KW  - ",
    "XX  - ",
    "\n",
    "Smith, John",
    "WHO",
    "2020",
    "2020/01/02/",
    "²⁰²⁰",
    "9" * 50,
    "  - ",
    "TY  -",
)
JSON_PIECES = (
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    '"',
    '"id"',
    '"title"',
    '"issued"',
    '"date-parts"',
    '"author"',
    '"family"',
    '"given"',
    '"literal"',
    '"DOI"',
    '"URL"',
    '"items"',
    "\\ud800",
    "\\u0000",
    '"\\ud83d"',
    "9" * 50,
    "1e999",
    "-0",
    "true",
    "null",
    " ",
    "\n",
    "[[2020]]",
    '"²"',
)
REFERENCE = (
    *COMMON,
    "Smith, J. (2020). ",
    "Smith J, Lee K. ",
    "J. Smith, ",
    "Title of the work. ",
    "Journal of Things, ",
    "12(3), ",
    "45–67. ",
    "Retrieved from ",
    "In: ",
    "(Eds.), ",
    "Press. ",
    "[Online]. Available: ",
    "Accessed 1 Jan 2020. ",
    "et al. ",
    "A. " * 4,
)


def mixed(
    pieces: tuple[str, ...], max_pieces: int = 40, noise: st.SearchStrategy[str] = hostile_text
) -> st.SearchStrategy[str]:
    """A text of syntax pieces and hostile fragments, in any order."""
    piece = st.one_of(st.sampled_from(pieces), noise)
    return st.lists(piece, max_size=max_pieces).map("".join)


def repeated(pieces: tuple[str, ...]) -> st.SearchStrategy[str]:
    """One piece many times: the shape behind most super-linear cases."""
    return st.tuples(st.sampled_from(pieces), st.integers(1, 300)).map(lambda p: p[0] * p[1])


def format_text(
    pieces: tuple[str, ...], noise: st.SearchStrategy[str] = hostile_text
) -> st.SearchStrategy[str]:
    return st.one_of(
        mixed(pieces, noise=noise), repeated(pieces), mixed(pieces + COMMON, 80, noise)
    )


latex_text = format_text(LATEX + COMMON)
markdown_text = format_text(MARKDOWN + COMMON)
plain_text = format_text(COMMON)
bibtex_text = format_text(BIBTEX)
ris_text = format_text(RIS)
reference_text = format_text(REFERENCE, decoded_text)  # as a reader hands it on

CSL_KEYS = (
    "id",
    "type",
    "title",
    "author",
    "editor",
    "issued",
    "date-parts",
    "raw",
    "literal",
    "family",
    "given",
    "non-dropping-particle",
    "container-title",
    "DOI",
    "URL",
    "volume",
    "issue",
    "page",
    "publisher",
    "note",
)
# Stands for an integer over Python's 4,300-digit limit (hypothesis itself cannot
# show one); written into the JSON as 5,000 digits.
_BIG_INTEGER = "<big integer>"
json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.just(_BIG_INTEGER),
    st.floats(allow_nan=True, allow_infinity=True),
    hostile_text,
    st.sampled_from(("2020", "²", "1999a", "n.d.", "article-journal", "10.1000/x")),
)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(CSL_KEYS), hostile_text), inner, max_size=6),
    ),
    max_leaves=25,
)


def _dump(value: Any) -> str:
    return json.dumps(value).replace(f'"{_BIG_INTEGER}"', "9" * 5000)


csl_json_text = st.one_of(
    st.lists(json_value, max_size=6).map(_dump),
    st.dictionaries(st.sampled_from(("items", "x")), json_value, max_size=2).map(_dump),
    mixed(JSON_PIECES, 60),
    st.integers(1, 2000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 2000).map(lambda n: '[{"id": "a", "x": ' + "[" * n),
)

# --- DOCX: a package built in memory, sometimes damaged -----------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def _xml_text(text: str) -> str:
    # Only characters XML 1.0 allows; the hostile ones reach the reader as raw
    # fragments below instead.
    allowed = "".join(
        c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd")
    )
    return escape(allowed)


_HARMLESS_RAW = (
    "",
    "<w:fldSimple w:instr=' ADDIN ZOTERO_BIBL '><w:r><w:t>x</w:t></w:r></w:fldSimple>",
    "<w:r><w:tab/><w:br/></w:r>",
    "<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>",
    "<w:hyperlink r:id='rId9'><w:r><w:t>link</w:t></w:r></w:hyperlink>",
    "<w:sdt><w:sdtContent><w:r><w:t>(Smith 2020)</w:t></w:r></w:sdtContent></w:sdt>",
    # a complex field (Zotero/Mendeley citation and list), begun, coded, shown, ended
    "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> ADDIN ZOTERO_ITEM "
    'CSL_CITATION {"citationItems":[]}</w:instrText></w:r><w:r><w:fldChar '
    "w:fldCharType='separate'/></w:r><w:r><w:t>(Lee 2019)</w:t></w:r><w:r><w:fldChar "
    "w:fldCharType='end'/></w:r>",
    # a field begun and never ended, a note reference, a bookmark, hidden text
    "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> REF _Ref1 \\h"
    "</w:instrText></w:r>",
    "<w:r><w:footnoteReference w:id='1'/></w:r><w:bookmarkStart w:id='0' w:name='_Ref1'/>"
    "<w:bookmarkEnd w:id='0'/>",
    "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden (Kim 2018)</w:t></w:r>",
    "<w:ins><w:r><w:t>inserted</w:t></w:r></w:ins><w:proofErr w:type='spellStart'/>",
)
# a table of two cells and a nested one: the body's other block
_TABLE = (
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Smith (2020)</w:t></w:r></w:p></w:tc><w:tc>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>[1]</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>"
    "</w:tc></w:tr></w:tbl>"
)

paragraph = st.fixed_dictionaries(
    {
        "text": st.one_of(plain_text, reference_text),
        "style": st.sampled_from(("", "Heading1", "Bibliography", "Normal", "x" * 300, "²")),
        "outline": st.sampled_from(("", "0", "1", "²", "9" * 5000, "-1", "x")),
        "vert": st.sampled_from(("", "superscript", "subscript", "x")),
        # only fragments that keep the XML well-formed: the ones that make a whole file
        # unreadable (a lone surrogate's reference, an undefined entity) are drawn once a
        # package, in `_document_part`, so most packages reach the reader's body
        "raw": st.sampled_from(_HARMLESS_RAW),
    }
)


def _paragraph_xml(p: dict[str, str]) -> str:
    props = ""
    if p["style"]:
        props += f'<w:pStyle w:val="{escape(p["style"])}"/>'
    if p["outline"]:
        props += f'<w:outlineLvl w:val="{p["outline"]}"/>'
    run_props = f'<w:rPr><w:vertAlign w:val="{p["vert"]}"/></w:rPr>' if p["vert"] else ""
    return (
        f"<w:p><w:pPr>{props}</w:pPr><w:r>{run_props}"
        f'<w:t xml:space="preserve">{_xml_text(p["text"])}</w:t></w:r>{p["raw"]}</w:p>'
    )


def _document_xml(paragraphs: list[dict[str, str]], tail: str = "") -> str:
    body = "".join(_paragraph_xml(p) for p in paragraphs) + tail
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body>{body}</w:body></w:document>"
    )


_STYLES = (
    f'<?xml version="1.0"?><w:styles xmlns:w="{_W}"><w:style w:styleId="Heading1">'
    '<w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style></w:styles>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId9" Type="x" '
    'Target="file:///etc/passwd" TargetMode="External"/></Relationships>'
)


def _document_part(draw: st.DrawFn, paragraphs: list[dict[str, str]]) -> str:
    """word/document.xml: whole (often with a table) seventeen times in twenty; else one
    of the hostile parts a package is refused for: cut off, a DTD, a lone surrogate's
    character reference, an undefined entity, noise.

    Why so: each hostile part makes the whole file unreadable, and drawn per paragraph
    (and with damaged bytes one package in five) they left about half the packages
    refused before the reader's body (166 of 300 in the long run; 1,702 of 2,000 once).
    """
    kind = draw(
        st.sampled_from(
            ("whole",) * 8 + ("table",) * 9 + ("cut", "dtd", "surrogate", "entity", "noise")
        )
    )
    if kind in ("whole", "table"):
        return _document_xml(paragraphs, _TABLE if kind == "table" else "")
    if kind == "cut":
        return _document_xml(paragraphs)[:-20]
    if kind == "dtd":
        return '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    if kind == "surrogate":
        return _document_xml(paragraphs, "<w:p><w:r><w:t>&#xD800;</w:t></w:r></w:p>")
    if kind == "entity":
        return _document_xml(paragraphs, "<w:p><w:r><w:t>&undefined;</w:t></w:r></w:p>")
    return draw(mixed(COMMON))


@st.composite
def docx_bytes(draw: st.DrawFn) -> bytes:
    """A .docx package: document, styles, notes, relationships; maybe damaged after."""
    paragraphs = draw(st.lists(paragraph, max_size=8))
    compression = draw(st.sampled_from((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)))
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "word/document.xml": _document_part(draw, paragraphs),
        "word/styles.xml": draw(st.sampled_from((_STYLES, "<w:styles", ""))),
        "word/_rels/document.xml.rels": _RELS,
        "word/footnotes.xml": draw(
            st.sampled_from(
                (
                    "",
                    f'<w:footnotes xmlns:w="{_W}"><w:footnote w:id="1"><w:p><w:r>'
                    "<w:t>Smith (2020)</w:t></w:r></w:p></w:footnote></w:footnotes>",
                )
            )
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in parts.items():
            if content:
                archive.writestr(name, content.encode("utf-8", "surrogatepass"))
    data = bytearray(buffer.getvalue())
    # damaged bytes in one package of twenty (as above: a damaged package is refused
    # whole; drawn as a list of 0-3 changes, three in four were damaged)
    damage = draw(
        st.sampled_from(("none",) * 10 + ("damaged",) + ("none",) * 9).flatmap(
            lambda kind: (
                st.just([])
                if kind == "none"
                else st.lists(
                    st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=3
                )
            )
        )
    )
    for at, byte in damage:
        data[at % len(data)] = byte
    return bytes(data)
