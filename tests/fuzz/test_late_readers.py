"""Fuzz: the readers added late -- organisation-year and title-year citations, spaced
half-bracket numbers, transliterated names, Word's ``CITATION`` fields and their
sources, Citavi placeholders, the field-to-entry links, ``\\iffalse`` branches.

Generic text rarely reaches them: each needs a reference list of its shape (an
organisation heading an entry, an author-date title, a numbered list), a field code
of its manager, or a conditional. So each target mixes those pieces with hostile
fragments. Property, as for every reader: data comes back (JSON-serialisable), or
InputError naming the file; never another exception.
"""

from __future__ import annotations

import base64
import io
import json
import zipfile

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree  # type: ignore[import-untyped]

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import Phase
from citeaudit.manuscript.document import RawEntry
from citeaudit.manuscript.docx_citavi import CITAVI, citavi_items
from citeaudit.manuscript.docx_field_citation import FieldItem
from citeaudit.manuscript.docx_field_links import EntryIndex, shown_suffixes
from citeaudit.manuscript.docx_word_sources import citation_tags, word_sources
from citeaudit.manuscript.latex_conditionals import blank_false_branches
from citeaudit.model.location import Location
from citeaudit.transliterations import skeleton, transliterated
from tests.fuzz import strategies as s
from tests.fuzz.harness import assert_serialisable, example, scratch

_OFFLINE = {Phase.RESOLUTION: "offline", Phase.LINKS: "offline"}

# organisation-year, title-year and half-bracket numeric shapes, text and list
CITING = (
    "the IUCN criteria (2014) ",
    "IUCN Red List categories and criteria (2017) ",
    "o Censo Demográfico (2010) do IBGE ",
    "(2014) of the IUCN ",
    "World Health Organization guidelines (2014) ",
    "the second edition of Genera Plantarum (1742) ",
    "Marlow and Penn in Pl. Varn. (1809) ",
    "Plantae Aequinoctiales (1809 [1808]) ",
    "(2014a)",
    "(1809 [1808])",
    "common 1) ",
    "spreads 2,4) ",
    " 3) ",
    "1-3) ",
    " 12, 13) ",
    "(VOLOSHINOV, 2017) ",
    "(BAJTÍN, 1982) ",
    "Bakhtine (1978) ",
    "(Dostoievski, 1866) ",
    "\n## References\n\n",
    "\nREFERÊNCIAS\n\n",
    "\n\n",
    "\n",
    "1. ",
    "[1] ",
    "- ",
    "IUCN (2014) Guidelines for using the IUCN Red List. ",
    "IBGE. Censo demográfico 2010. Rio de Janeiro. ",
    "Instituto Brasileiro de Geografia e Estatística (IBGE). 2010. ",
    "World Health Organization (2014) Guidelines. Geneva. ",
    "Linnaeus C (1742) Genera plantarum, ed. 2. Leiden. ",
    "Marlow J. 1809. Plantae varnenses. ",
    "VOLÓCHINOV, V. 2017. Marxismo e filosofia da linguagem. ",
    "Bakhtin, M. (1982). Estética. ",
    "Vološinov V (1973) Marxism. ",
    "OECD 2020 Report. ",
    "SILVA e SOUZA (2010) ",
    "(",
    ")",
    "[",
    "]",
    " ",
    "\t",
    "2014",
    "IUCN ",
    "Red List ",
)
reader_text = s.format_text(CITING + s.COMMON)

LATEX_CONDITIONALS = (
    "\\iffalse",
    "\\iffalse ",
    "\\fi",
    "\\fi ",
    "\\else",
    "\\ifx\\a\\b",
    "\\ifnum1=1",
    "\\newif\\ifdraft",
    "\\ifdraft",
    "\\let\\hide\\iffalse",
    "\\def\\hide{\\iffalse}",
    "\\cite{a}",
    "\\cite{b}",
    "%",
    "\n",
    " ",
    "\\",
    "{",
    "}",
    "\\begin{verbatim}\n",
    "\\end{verbatim}\n",
)
latex_conditional_text = s.format_text(LATEX_CONDITIONALS + s.LATEX)


def _audit(suffix: str, text: str, target: str) -> None:
    paper = scratch(target) / f"paper{suffix}"
    paper.write_bytes(text.encode("utf-8", "surrogatepass"))
    with example(target, suffix, text):
        result = audit(AuditInput((paper,), ()), skipped=_OFFLINE)
        assert_serialisable(result.findings)


@given(reader_text, st.sampled_from((".md", ".txt")))
def test_cited_by_name_and_year(text: str, suffix: str) -> None:
    """Organisation-year, title-year, half brackets and transliterations, audited whole
    (the matcher is where the weak citations and transliterated names are linked)."""
    _audit(suffix, text, "late-citations")


@given(latex_conditional_text)
def test_latex_conditionals(text: str) -> None:
    with example("latex-conditionals", text):
        lines = text.split("\n")
        out = blank_false_branches(lines)
        assert len(out) == len(lines)
        assert all(len(a) == len(b) for a, b in zip(out, lines, strict=True))
    _audit(".tex", text, "latex-conditionals-audit")


@given(s.hostile_text | st.sampled_from(CITING), s.hostile_text | st.sampled_from(CITING))
def test_transliterations(cited: str, listed: str) -> None:
    with example("transliterations", cited, listed):
        assert isinstance(skeleton(cited * 20), str)
        assert transliterated(cited, listed) == transliterated(cited, listed)


WORD_CODE = (
    " CITATION ",
    "CITATION",
    "Smi19",
    '"Smi 19"',
    " \\l 1033 ",
    " \\m ",
    "Lee20",
    " \\p 12-14",
    ' \\f "see "',
    "\\",
    "\\m",
    " \\n ",
    '"',
    " ",
    "\t",
)
CITAVI_JSON = st.recursive(
    st.one_of(
        st.none(),
        st.integers(),
        s.hostile_text,
        st.sampled_from(("2020", "10.1000/x", "Smith", "1", "7")),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                (
                    "Entries",
                    "Reference",
                    "Authors",
                    "Editors",
                    "Organizations",
                    "LastName",
                    "Name",
                    "Year",
                    "YearResolved",
                    "Date",
                    "Title",
                    "Doi",
                    "$id",
                    "$ref",
                )
            ),
            inner,
            max_size=6,
        ),
    ),
    max_leaves=30,
)


def _citavi_code(value: object, junk: str) -> str:
    payload = json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return f" ADDIN CitaviPlaceholder{{{base64.b64encode(payload).decode()}{junk}}}"


@given(
    s.mixed(WORD_CODE, 60),
    CITAVI_JSON,
    st.sampled_from(("", "=", "!", "\n", "AAAA", "{", "====")),
    st.text(max_size=40),
)
def test_field_codes(word: str, citavi: object, junk: str, raw: str) -> None:
    """Word's ``CITATION`` code and Citavi's placeholder, read straight from the code."""
    code = _citavi_code(citavi, junk)
    with example("field-codes", word, code, raw):
        assert all(isinstance(t, str) and t for t in citation_tags(word))
        for text in (code, " ADDIN CitaviPlaceholder{" + raw, raw):
            head = CITAVI.match(text)
            items, why = citavi_items(text, head.end() if head else 0)
            assert bool(items) != bool(why) or not items
            assert_serialisable(items)


_B = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"
_SOURCE_PIECES = (
    "<b:Source>",
    "</b:Source>",
    "<b:Tag>Smi19</b:Tag>",
    "<b:Tag></b:Tag>",
    "<b:Year>2019</b:Year>",
    "<b:Year>²⁰¹⁹</b:Year>",
    "<b:Title>A title</b:Title>",
    "<b:DOI>10.1000/x</b:DOI>",
    "<b:Author><b:Author><b:NameList><b:Person><b:Last>Smith</b:Last></b:Person>"
    "</b:NameList></b:Author></b:Author>",
    "<b:Author><b:Editor><b:Corporate>WHO</b:Corporate></b:Editor></b:Author>",
    "<b:Author><b:Author><b:NameList></b:NameList></b:Author></b:Author>",
    "text",
    "&amp;",
)


@given(s.mixed(_SOURCE_PIECES, 60, s.decoded_text.map(s._xml_text)))
def test_word_sources(body: str) -> None:
    xml = f'<b:Sources xmlns:b="{_B}">{body}</b:Sources>'
    with example("word-sources", xml):
        try:
            root = etree.fromstring(xml.encode("utf-8"))
        except etree.XMLSyntaxError:
            return  # the reader never gets a part that does not parse
        assert_serialisable(word_sources([root, None]))


field_item = st.builds(
    FieldItem,
    authors=st.lists(
        st.one_of(s.hostile_text, st.sampled_from(("Smith", "Lee", "WHO"))), max_size=4
    ).map(tuple),
    year=st.none() | st.integers(1400, 2100),
    title=st.one_of(s.hostile_text, st.sampled_from(("A title of a work", "Genera plantarum"))),
    doi=st.sampled_from(("", "10.1000/x", "10.1000/y")),
)


@given(
    st.lists(s.reference_text, max_size=12),
    st.lists(field_item, max_size=6),
    st.one_of(s.hostile_text, st.sampled_from(("(Smith 2008a, b)", "2014a", "2020"))),
)
def test_field_links(entries: list[str], items: list[FieldItem], shown: str) -> None:
    """Each work of a field linked to an entry: an index, None or UNSURE."""
    raw = [RawEntry(text, Location("paper.docx"), text) for text in entries]
    with example("field-links", entries, items, shown):
        index = EntryIndex(raw)
        suffixes = shown_suffixes(shown)
        for item in items:
            found = index.link(item, suffixes)
            assert found is None or -1 <= found < len(raw)


def _docx(paragraphs: list[str], sources: str) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p>{p}</w:p>" for p in paragraphs)
    document = (
        f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", s._CONTENT_TYPES)
        archive.writestr("word/document.xml", document.encode("utf-8"))
        archive.writestr("customXml/item1.xml", sources.encode("utf-8"))
    return buffer.getvalue()


def _field(code: str, shown: str) -> str:
    return (
        f'<w:fldSimple w:instr="{s._xml_text(code)}"><w:r><w:t>{s._xml_text(shown)}</w:t>'
        "</w:r></w:fldSimple>"
    )


@given(
    st.lists(
        st.one_of(
            st.tuples(s.mixed(WORD_CODE, 20), st.sampled_from(("(Smith 2019)", "[1]", ""))),
            st.tuples(
                st.builds(_citavi_code, CITAVI_JSON, st.sampled_from(("", "!"))),
                st.sampled_from(("(Smith 2019)", "(WHO 2014)")),
            ),
            st.tuples(st.just(""), st.sampled_from(CITING)),
        ),
        max_size=8,
    ),
    s.mixed(_SOURCE_PIECES, 30, st.just("")),
)
def test_word_and_citavi_docx(fields: list[tuple[str, str]], sources: str) -> None:
    """A Word document with ``CITATION`` and Citavi fields, its sources part and a list."""
    paragraphs = [
        _field(code, shown) if code else f"<w:r><w:t>{s._xml_text(shown)}</w:t></w:r>"
        for code, shown in fields
    ]
    paragraphs += ["<w:r><w:t>References</w:t></w:r>"]
    paragraphs += ["<w:r><w:t>Smith, J. (2019). A title of a work. J. 1, 2.</w:t></w:r>"]
    paper = scratch("word-citavi") / "paper.docx"
    paper.write_bytes(_docx(paragraphs, f'<b:Sources xmlns:b="{_B}">{sources}</b:Sources>'))
    with example("word-citavi", fields, sources):
        result = audit(AuditInput((paper,), ()), skipped=_OFFLINE)
        assert_serialisable(result.findings)
