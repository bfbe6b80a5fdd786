"""rt38z: hostile uploads against readers' nesting, aliasing and inheritance, 1x/10x/100x.

Each shape size is a whole offline audit in a child with a CPU limit
(benches/shape_children.py): read the cpu and peak MB columns.

Class 1 (rt38z-1): a Word part's tree judged by its "<" bytes alone. Attributes are
nodes too (~220 bytes each, an element any number), and a part declared UTF-7 (libxml2
reads it through iconv) writes "<" as "+ADw-": both built trees past every tag cap. Now
`docx_xml_size` counts "=" for attributes (`docx.MAX_ATTRIBUTES`, the package's and the
audit's budgets) and refuses a part whose declared encoding hides the bytes counted.
Figures (offline audit + JSON report, CPU s and peak MB over the child's imports),
1x/10x/100x, before -> after:

    docx-attribute-flood (7 KB / 56 KB / 548 KB upload)
                     cpu s    0.14 / 0.91 / 11.4    ->  0.19 / 1.34 / 0.24 (refused)
                     peak MB  14 / 127 / 1,301      ->  14 / 127 / ~0
    docx-utf7-body   (10 KB / 88 KB / 866 KB upload; 30,000n paragraphs)
                     cpu s    0.85 / 8.1 / 24.9     ->  0.08 / 0.06 / 0.18 (refused)
                     peak MB  10 / 75 / 297         ->  2 / ~0 / ~0

Class 3 (rt38z-3): one BibTeX entry's ``ids`` (old keys) went whole into the audit's
key index (as written and case-folded): the rt37z "one record's size" class inside one
field. Now read to `limits.MAX_ENTRY_ALIASES` (100), the cut said on the entry's line.

    bib-ids-flood    (49 KB / 539 KB / 5.9 MB: one entry, 5,000n old keys)
                     cpu s    0.12 / 0.22 / 1.94    ->  0.06 / 0.07 / 0.25
                     peak MB  5 / 30 / 254          ->  3 / 3 / 2

The other shapes are held (linear, no change), 1x/10x/100x: kept so a later change is
measured. Markdown nesting (quote-list markers, inline notes, bracketed spans, fenced
divs to 200,000 deep, fences opened in quotes, line blocks: the last two cost ~4.5 us a
byte through 50,000 citations, the citation cap), LaTeX inclusion loops in six
spellings and a pair cycle, xparse optionals nested, delimited macros never closed,
BibTeX ids/crossref and xdata/crossref rings, @set back-links, 10,000 children of a
500 KB crossref parent, titles of nested macros and math, a 100 KB @string used by
2,000 entries, Word AlternateContent nested and repeated, math nested, 1,000 sections
sharing one header, a huge core.xml title, property-change runs.

    nice .venv/bin/python benches/rt38z_scaling.py [--only NAME ...] [--scales 1 10 100]
    RT38Z_SRC=/path/to/old/src nice .venv/bin/python benches/rt38z_scaling.py ...
"""

from __future__ import annotations

import base64
import io
import os
import random
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from freeze22_scaling import _CITE, _DLIST, _docx  # noqa: E402
from linearity import Files, FilesOrBytes, Shape  # noqa: E402

_CITED = "@article{cited, author={Lund, Kari}, title={Read}, journal={J}, year={2011}}\n"
_MDLIST = "\n\n# References\n\nSmith, J. (2020). A title. J. Things, 1, 2.\n"


def _md(body: str) -> Files:
    return {"paper.md": "Text (Smith, 2020).\n\n" + body + _MDLIST}


def _tex(body: str, preamble: str = "") -> str:
    return (
        f"\\documentclass{{article}}\n{preamble}\\begin{{document}}\n{body}\n"
        "\\bibliography{refs}\n\\end{document}\n"
    )


# -- Markdown ------------------------------------------------------------------------


def md_quote_list_line(n: int) -> Files:
    return _md("> - " * n + "(Smith, 2020)\n")


def md_inline_note_nesting(n: int) -> Files:
    return _md("^[" * n + "(Smith, 2020)" + "]" * n + "\n")


def md_span_nesting(n: int) -> Files:
    return _md("[" * n + "(Smith, 2020)" + "]{.c}" * n + "\n")


def md_div_nesting(n: int) -> Files:
    return _md("::: {.x}\n" * n + "(Smith, 2020)\n" + ":::\n" * n)


def md_fence_in_quotes(n: int) -> Files:
    return _md("".join(f"> {'> ' * (i % 40)}```\n> text (Smith, 2020)\n" for i in range(n)))


def md_line_blocks(n: int) -> Files:
    return _md("| (Smith, 2020) and more\n" * n)


# -- LaTeX ---------------------------------------------------------------------------


def tex_input_spellings(n: int) -> Files:
    spell = ["a", "./a", "a.tex", ".//a", "./a.tex", "././a"]
    body = "".join(f"\\input{{{spell[i % len(spell)]}}}\n" for i in range(n))
    return {
        "paper.tex": _tex("\\input{a}\n"),
        "a.tex": body + "Text \\cite{cited}.\n",
        "refs.bib": _CITED,
    }


def tex_input_pair_cycle(n: int) -> Files:
    return {
        "paper.tex": _tex("\\input{a}\n"),
        "a.tex": "\\input{b}\n" * n + "\\cite{cited}\n",
        "b.tex": "\\input{a}\n" * n,
        "refs.bib": _CITED,
    }


def tex_xparse_optionals(n: int) -> Files:
    pre = "\\NewDocumentCommand\\x{ooooooooo}{\\cite{#1}}\n"
    return {"paper.tex": _tex("\\x" + "[" * n + "cited" + "]" * n + "\n", pre), "refs.bib": _CITED}


def tex_delimited_unfound(n: int) -> Files:
    pre = "\\def\\a#1.{\\cite{#1}}\n"
    return {"paper.tex": _tex("\\a cited x " * n + "\n", pre), "refs.bib": _CITED}


# -- BibTeX --------------------------------------------------------------------------


def bib_ids_alias_cycle(n: int) -> Files:
    entries = "".join(
        f"@article{{k{i}, ids={{k{(i + 1) % n}}}, crossref={{k{(i + 1) % n}}}, title={{T}}}}\n"
        for i in range(n)
    )
    return {"paper.md": "As shown [@k0] [@cited].\n", "refs.bib": entries + _CITED}


def bib_ids_flood(n: int) -> Files:
    ids = ",".join(f"alias{i}" for i in range(n))
    return {
        "paper.md": "As shown [@alias1] [@cited].\n",
        "refs.bib": f"@article{{k, ids={{{ids}}}, title={{T}}, year=2001}}\n" + _CITED,
    }


def bib_xdata_crossref_mixed(n: int) -> Files:
    entries = "".join(
        f"@article{{k{i}, xdata={{k{(i + 1) % n}}}, crossref={{k{(i + 2) % n}}}, title={{T{i}}}}}\n"
        for i in range(n)
    )
    return {"paper.md": "As shown [@k0] [@cited].\n", "refs.bib": entries + _CITED}


def bib_set_members(n: int) -> Files:
    members = ",".join(f"k{i}" for i in range(n))
    entries = f"@set{{s, entryset={{{members}}}}}\n" + "".join(
        f"@article{{k{i}, entryset={{s}}, crossref={{s}}, title={{T{i}}}}}\n" for i in range(n)
    )
    return {"paper.md": "As shown [@s] [@cited].\n", "refs.bib": entries + _CITED}


def bib_title_macro_nesting(n: int) -> Files:
    title = "\\textbf{" * n + "x" + "}" * n
    return {
        "paper.md": "As shown [@k] [@cited].\n",
        "refs.bib": f"@article{{k, title={{{title}}}, year=2001}}\n" + _CITED,
    }


def bib_title_math_nesting(n: int) -> Files:
    title = "$\\frac{" * n + "x" + "}{y}$" * n
    return {
        "paper.md": "As shown [@k] [@cited].\n",
        "refs.bib": f"@article{{k, title={{{title}}}, year=2001}}\n" + _CITED,
    }


def bib_string_long_use(n: int) -> Files:
    strings = '@string{big = "' + "x" * 1000 + '"}\n'
    uses = " # ".join(["big"] * n)
    return {
        "paper.md": "As shown [@k] [@cited].\n",
        "refs.bib": strings + f"@article{{k, title={uses}, year=2001}}\n" + _CITED,
    }


def bib_string_many_entries(n: int) -> Files:
    strings = '@string{big = "' + "x" * 100_000 + '"}\n'
    entries = "".join(f"@article{{k{i}, title=big, note=big, year=2001}}\n" for i in range(n))
    return {"paper.md": "As shown [@k1] [@cited].\n", "refs.bib": strings + entries + _CITED}


# -- DOCX ----------------------------------------------------------------------------

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def docx_alternate_nesting(n: int) -> FilesOrBytes:
    ac = f'<mc:AlternateContent xmlns:mc="{_MC}"><mc:Choice Requires="w14">'
    end = "</mc:Choice><mc:Fallback/></mc:AlternateContent>"
    return {"paper.docx": _docx(f"<w:p>{ac * n}{_CITE}{end * n}</w:p>" + _DLIST)}


def docx_alternate_fallbacks(n: int) -> FilesOrBytes:
    ac = (
        f'<mc:AlternateContent xmlns:mc="{_MC}"><mc:Choice Requires="zz">{_CITE}'
        f"</mc:Choice><mc:Fallback>{_CITE}</mc:Fallback></mc:AlternateContent>"
    )
    return {"paper.docx": _docx(f"<w:p>{ac * n}</w:p>" + _DLIST)}


def docx_math_nesting(n: int) -> FilesOrBytes:
    inner = f'<m:oMath xmlns:m="{_M}">' + "<m:f><m:num>" * n + "<m:r><m:t>x</m:t></m:r>"
    inner += "</m:num><m:den/></m:f>" * n + "</m:oMath>"
    return {"paper.docx": _docx(f"<w:p>{_CITE}{inner}</w:p>" + _DLIST)}


def docx_section_headers(n: int) -> FilesOrBytes:
    from freeze22_scaling import _RELS_NS  # noqa: F401

    rel = (
        '<Relationship Id="h1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/header" Target="header1.xml"/>'
    )
    header = (
        '<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main">' + f"<w:p>{_CITE}</w:p>" * 200 + "</w:hdr>"
    )
    sect = (
        '<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="h1"/>'
        "</w:sectPr></w:pPr></w:p>"
    )
    return {
        "paper.docx": _docx(
            f"<w:p>{_CITE}</w:p>" + sect * n + _DLIST, {"word/header1.xml": header}, rel
        )
    }


def docx_core_title(n: int) -> FilesOrBytes:
    core = (
        '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.'
        'org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/'
        f'1.1/"><dc:title>{"(Chen, 2018). " * n}</dc:title></cp:coreProperties>'
    )
    return {"paper.docx": _docx(f"<w:p>{_CITE}</w:p>" + _DLIST, {"docProps/core.xml": core})}


def docx_prop_changes(n: int) -> FilesOrBytes:
    rpr = '<w:rPr><w:b/><w:rPrChange w:id="1"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr>'
    run = f"<w:r>{rpr}<w:t>a</w:t></w:r>"
    return {"paper.docx": _docx(f"<w:p>{_CITE}{run * n}</w:p>" + _DLIST)}


def docx_attribute_flood(n: int) -> FilesOrBytes:
    """n empty paragraphs of 50 attributes each (one varying, so the part compresses
    under the reader's 1000:1 bound): ~40 MB of XML at 100x, two "<" a paragraph."""
    rnd = random.Random(38)
    names = " ".join(f'x:a{j}="1"' for j in range(49))
    paras = "".join(f'<w:p xmlns:x="urn:x" {names} y="{rnd.getrandbits(8)}"/>' for _ in range(n))
    return {"paper.docx": _docx(f"<w:p>{_CITE}</w:p>{paras}{_DLIST}")}


def docx_utf7_body(n: int) -> FilesOrBytes:
    """A body declared UTF-7, every character encoded ("<" is "+ADw-"): n paragraphs
    behind a byte count of one "<" (3 million at 100x, past the 2 million tag cap)."""
    rnd = random.Random(38)
    paras = "".join(rnd.choice(("<w:p/>", "<w:r/>")) for _ in range(n))
    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p>{_CITE}</w:p>{paras}{_DLIST}</w:body></w:document>"
    )
    encoded = base64.b64encode(body.encode("utf-16-be")).rstrip(b"=")
    part = b'<?xml version="1.0" encoding="UTF-7"?>+' + encoded + b"-"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", part)
    return {"paper.docx": buffer.getvalue()}


def bib_fat_parent(n: int) -> Files:
    """A parent of five 100,000-character fields and n children inheriting them."""
    fat = "w " * 50_000
    parent = f"@book{{p, title={{{fat}}}, booktitle={{{fat}}}, note={{{fat}}}, "
    parent += f"publisher={{{fat}}}, abstract={{{fat}}}, year=2001}}\n"
    children = "".join(
        f"@inbook{{c{i}, crossref={{p}}, author={{Lund{i}, K.}}, chapter={{C}}}}\n"
        for i in range(n)
    )
    return {"paper.md": "As shown [@c1] [@cited].\n", "refs.bib": parent + children + _CITED}


def csl_fat_shared(n: int) -> Files:
    """n CSL-JSON items each holding the same 100,000-character title (each written)."""
    fat = "w " * 50_000
    items = ",".join(
        f'{{"id": "k{i}", "title": "{fat}", "container-title": "{fat}"}}' for i in range(n)
    )
    return {"paper.md": "As shown [@k1].\n", "refs.json": f"[{items}]"}


SHAPES = [
    Shape("docx-attribute-flood", docx_attribute_flood, 1250, "n paragraphs of 50 attributes"),
    Shape("docx-utf7-body", docx_utf7_body, 30000, "a UTF-7 body of n paragraphs"),
    Shape("bib-fat-parent", bib_fat_parent, 100, "a 500 KB parent, n children"),
    Shape("md-quote-list-line", md_quote_list_line, 2000, "'> - ' x n on one line"),
    Shape("md-inline-note-nesting", md_inline_note_nesting, 2000, "^[ x n, closed"),
    Shape("md-span-nesting", md_span_nesting, 2000, "[ x n, ]{.c} x n"),
    Shape("md-div-nesting", md_div_nesting, 2000, "::: fences nested n deep"),
    Shape("md-fence-in-quotes", md_fence_in_quotes, 1000, "fences opened in quotes"),
    Shape("md-line-blocks", md_line_blocks, 2000, "n Pandoc line-block lines"),
    Shape("tex-input-spellings", tex_input_spellings, 300, "a.tex inputs itself 6 ways"),
    Shape("tex-input-pair-cycle", tex_input_pair_cycle, 300, "a inputs b n times, b a"),
    Shape("tex-xparse-optionals", tex_xparse_optionals, 1000, "\\x[[[..]]] nested"),
    Shape("tex-delimited-unfound", tex_delimited_unfound, 1000, "\\def\\a#1. used n times"),
    Shape("bib-ids-alias-cycle", bib_ids_alias_cycle, 500, "ids and crossref in a ring"),
    Shape("bib-ids-flood", bib_ids_flood, 5000, "one entry, n ids aliases"),
    Shape("bib-xdata-crossref-mixed", bib_xdata_crossref_mixed, 500, "xdata+crossref ring"),
    Shape("bib-set-members", bib_set_members, 500, "@set of n members, back-links"),
    Shape("bib-title-macro-nesting", bib_title_macro_nesting, 500, "\\textbf{ x n title"),
    Shape("bib-title-math-nesting", bib_title_math_nesting, 300, "$\\frac{ x n title"),
    Shape("bib-string-long-use", bib_string_long_use, 200, "1 KB @string used n times"),
    Shape("bib-string-many-entries", bib_string_many_entries, 20, "100 KB string, n entries"),
    Shape("docx-alternate-nesting", docx_alternate_nesting, 200, "mc:AlternateContent deep"),
    Shape("docx-alternate-fallbacks", docx_alternate_fallbacks, 500, "n AC with fallbacks"),
    Shape("docx-math-nesting", docx_math_nesting, 100, "m:f nested n deep"),
    Shape("docx-section-headers", docx_section_headers, 200, "n sections, one header"),
    Shape("docx-core-title", docx_core_title, 2000, "core.xml title of n cites"),
    Shape("docx-prop-changes", docx_prop_changes, 2000, "n runs with rPrChange"),
]


if __name__ == "__main__":
    if os.environ.get("RT38Z_SRC"):  # another tree's figures: the children import it first
        os.environ["PYTHONPATH"] = os.environ["RT38Z_SRC"]
        sys.path.insert(0, os.environ["RT38Z_SRC"])
    sys.exit(shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 10, 100]))
