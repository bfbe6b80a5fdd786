"""docx29: hostile Word uploads the earlier scaling rounds did not grow.

freeze20-25_scaling.py and linearity.py grow the Word reader's nesting, fields, runs,
footnotes, styles and members. This round adds: tracked changes alternating insert /
delete inside one word, one paragraph of one-character runs alternating superscript,
comment ranges overlapping n deep, n paragraphs each a hyperlink to its own
relationship, a numbering definition of n levels and n overrides, many Zotero /
Mendeley / EndNote fields against a list of same-named entries, a Word sources part of
n sources, n endnotes read as the list, n smart tags and custom-XML wrappers nested.
Each runs a whole offline audit in a child with a CPU limit (benches/shape_children.py).

    nice .venv/bin/python benches/docx29_scaling.py [--only NAME ...] [--scales 1 4 16]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from freeze22_scaling import _CITE, _DLIST, _docx  # noqa: E402
from linearity import FilesOrBytes, Shape, _run  # noqa: E402

_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SUP = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{}</w:t></w:r>'


def _part(root: str, inner: str) -> str:
    return f'<?xml version="1.0"?><w:{root} xmlns:w="{_W}">{inner}</w:{root}>'


def _field(code: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _run(shown)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _entries(n: int) -> str:
    return "".join(
        f"<w:p>{_run(f'Chen, A. ({1500 + i % 500}). Title {i}. J. {i}.')}</w:p>" for i in range(n)
    )


def ins_del_word(n: int) -> FilesOrBytes:
    """One word of n letters, each in w:ins then a deleted letter in w:del."""
    pieces = "".join(
        f'<w:ins w:id="{2 * i}"><w:r><w:t>a</w:t></w:r></w:ins>'
        f'<w:del w:id="{2 * i + 1}"><w:r><w:delText>b</w:delText></w:r></w:del>'
        for i in range(n)
    )
    return {"paper.docx": _docx(f"<w:p>{_CITE}{pieces}</w:p>" + _DLIST)}


def superscript_alternating(n: int) -> FilesOrBytes:
    """One paragraph of n one-character runs, superscript and plain alternating."""
    pieces = "".join(_SUP.format(i % 10) if i % 2 else _run(",") for i in range(n))
    return {"paper.docx": _docx(f"<w:p>{_CITE}{pieces}</w:p>" + _DLIST)}


def superscript_paragraphs(n: int) -> FilesOrBytes:
    """n paragraphs each 'Text' + a superscript '1,2', and a numbered list of n."""
    body = "".join(f"<w:p>{_run('Claim')}{_SUP.format('1,2')}</w:p>" for i in range(n))
    entries = "".join(
        f"<w:p>{_run(f'{i + 1}. Chen A. Title {i}. J. 2018.')}</w:p>" for i in range(n)
    )
    return {"paper.docx": _docx(body + "<w:p>" + _run("References") + "</w:p>" + entries)}


def comments_overlap(n: int) -> FilesOrBytes:
    """n comment ranges each opened inside the previous, closed in reverse."""
    starts = "".join(f'<w:commentRangeStart w:id="{i}"/>' for i in range(n))
    ends = "".join(
        f'<w:commentRangeEnd w:id="{i}"/><w:r><w:commentReference w:id="{i}"/></w:r>'
        for i in reversed(range(n))
    )
    comments = "".join(
        f'<w:comment w:id="{i}"><w:p>{_run("See (Chen, 2018).")}</w:p></w:comment>'
        for i in range(n)
    )
    body = f"<w:p>{starts}{_CITE}{ends}</w:p>" + _DLIST
    return {"paper.docx": _docx(body, {"word/comments.xml": _part("comments", comments)})}


def hyperlink_rels(n: int) -> FilesOrBytes:
    """n paragraphs each a hyperlink to its own relationship."""
    body = "".join(
        f'<w:p><w:hyperlink r:id="rId{i}">{_run(f"https://doi.org/10.1/{i}")}</w:hyperlink></w:p>'
        for i in range(n)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_RELS}/hyperlink" '
        f'Target="https://example.org/{i}" TargetMode="External"/>'
        for i in range(n)
    )
    return {"paper.docx": _docx(body + _DLIST, rels=rels)}


def numbering_levels(n: int) -> FilesOrBytes:
    """One abstractNum of n levels, n nums each overriding every 100th level; n numbered
    paragraphs at growing levels."""
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:lvlText w:val="%{i % 9 + 1}."/></w:lvl>'
        for i in range(n)
    )
    nums = "".join(
        f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="0"/>'
        + "".join(f'<w:lvlOverride w:ilvl="{j}"/>' for j in range(0, n, max(n // 10, 1)))
        + "</w:num>"
        for i in range(n)
    )
    numbering = _part(
        "numbering", f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>{nums}'
    )
    body = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{i % 9}"/><w:numId w:val="{i % n + 1}"/>'
        f"</w:numPr></w:pPr>{_run('Chen, A. (2018). T. J.')}</w:p>"
        for i in range(n)
    )
    return {"paper.docx": _docx(_CITE + body, {"word/numbering.xml": numbering})}


def zotero_same_name(n: int) -> FilesOrBytes:
    """n Zotero fields each naming 'Chen' with a year no entry has, n Chen entries."""
    body = "".join(
        "<w:p>"
        + _field(
            "ADDIN ZOTERO_ITEM CSL_CITATION "
            + json.dumps(
                {
                    "citationItems": [
                        {
                            "itemData": {
                                "author": [{"family": "Chen", "given": "A"}],
                                "issued": {"date-parts": [[2100 + i % 50]]},
                                "title": f"Other {i}",
                            }
                        }
                    ]
                }
            ),
            "(Chen, 2018)",
        )
        + "</w:p>"
        for i in range(n)
    )
    return {"paper.docx": _docx(body + "<w:p>" + _run("References") + "</w:p>" + _entries(n))}


def endnote_cites(n: int) -> FilesOrBytes:
    """n EN.CITE fields, each of 50 Cite elements naming Chen, n Chen entries."""
    cite = (
        "&lt;Cite&gt;&lt;Author&gt;Chen&lt;/Author&gt;&lt;Year&gt;2018&lt;/Year&gt;"
        "&lt;record&gt;&lt;titles&gt;&lt;title&gt;Other&lt;/title&gt;&lt;/titles&gt;"
        "&lt;/record&gt;&lt;/Cite&gt;"
    )
    code = "ADDIN EN.CITE &lt;EndNote&gt;" + cite * 50 + "&lt;/EndNote&gt;"
    body = "".join(f"<w:p>{_field(code, '(Chen, 2018)')}</w:p>" for i in range(n))
    return {"paper.docx": _docx(body + "<w:p>" + _run("References") + "</w:p>" + _entries(n))}


def word_sources(n: int) -> FilesOrBytes:
    """A sources part of n b:Source, n CITATION fields each naming one."""
    b = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"
    sources = "".join(
        f"<b:Source><b:Tag>S{i}</b:Tag><b:Year>2018</b:Year><b:Title>T{i}</b:Title>"
        "<b:Author><b:Author><b:NameList><b:Person><b:Last>Chen</b:Last></b:Person>"
        "</b:NameList></b:Author></b:Author></b:Source>"
        for i in range(n)
    )
    part = f'<?xml version="1.0"?><b:Sources xmlns:b="{b}">{sources}</b:Sources>'
    body = "".join(
        "<w:p>" + _field(f"CITATION S{i} \\l 1033", "(Chen, 2018)") + "</w:p>" for i in range(n)
    )
    return {
        "paper.docx": _docx(
            body + "<w:p>" + _run("References") + "</w:p>" + _entries(n),
            {"customXml/item1.xml": part},
        )
    }


def endnotes_list(n: int) -> FilesOrBytes:
    """n endnote marks in the body, n endnotes each a reference: the list."""
    body = "".join(
        f'<w:p>{_run("Claim")}<w:r><w:endnoteReference w:id="{i + 1}"/></w:r></w:p>'
        for i in range(n)
    )
    notes = "".join(
        f'<w:endnote w:id="{i + 1}"><w:p>'
        + _run(f"Chen A. Title {i}. J. 2018;{i}:1.")
        + "</w:p></w:endnote>"
        for i in range(n)
    )
    return {"paper.docx": _docx(body, {"word/endnotes.xml": _part("endnotes", notes)})}


def smart_tag_nesting(n: int) -> FilesOrBytes:
    """A cite inside n smartTag / customXml wrappers, alternating, nested."""
    opens = "".join(
        '<w:smartTag w:element="x">' if i % 2 else '<w:customXml w:element="y">' for i in range(n)
    )
    closes = "".join("</w:smartTag>" if i % 2 else "</w:customXml>" for i in reversed(range(n)))
    return {"paper.docx": _docx(f"<w:p>{opens}{_CITE}{closes}</w:p>" + _DLIST)}


def field_bibliography(n: int) -> FilesOrBytes:
    """A BIBLIOGRAPHY field over n paragraphs of entries, each with a soft break."""
    entries = "".join(
        "<w:p>"
        + _run(f"Chen, A. ({1500 + i % 500}). Title {i}.")
        + f"<w:r><w:br/></w:r>{_run('J.')}</w:p>"
        for i in range(n)
    )
    body = (
        f"<w:p>{_CITE}</w:p><w:p>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> BIBLIOGRAPHY </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>'
        + entries
        + '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    return {"paper.docx": _docx(body)}


SHAPES = [
    Shape("docx-ins-del-word", ins_del_word, 10_000, "n ins/del letter pairs in one word"),
    Shape(
        "docx-sup-alternating", superscript_alternating, 20_000, "n runs, superscript alternating"
    ),
    Shape("docx-sup-paragraphs", superscript_paragraphs, 2_000, "n superscript-cite paragraphs"),
    Shape("docx-comments-overlap", comments_overlap, 2_000, "n comment ranges nested"),
    Shape("docx-hyperlink-rels", hyperlink_rels, 5_000, "n hyperlinks, n relationships"),
    Shape("docx-numbering-levels", numbering_levels, 500, "n levels, n nums x 10 overrides"),
    Shape("docx-zotero-same-name", zotero_same_name, 300, "n Zotero fields, n Chen entries"),
    Shape("docx-endnote-cites", endnote_cites, 100, "n EN.CITE of 50 cites, n entries"),
    Shape("docx-word-sources", word_sources, 300, "n sources, n CITATION fields"),
    Shape("docx-endnotes-list", endnotes_list, 1_000, "n endnotes read as the list"),
    Shape("docx-smart-tag-nesting", smart_tag_nesting, 50, "n smartTag/customXml nested"),
    Shape("docx-field-bibliography", field_bibliography, 1_000, "BIBLIOGRAPHY over n paragraphs"),
]


def main(argv: list[str] | None = None) -> int:
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 4, 16], argv)


if __name__ == "__main__":
    sys.exit(main())
