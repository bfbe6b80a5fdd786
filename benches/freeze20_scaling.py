"""freeze20: can a hostile upload freeze a worker? CPU seconds and peak memory at 1x/4x/16x.

Shapes the earlier rounds (benches/linearity.py, benches/r5z_hostile.py) do not grow,
one or more for every input kind -- BibTeX, RIS, CSL-JSON, CSL-YAML, Markdown, plain
text, LaTeX, DOCX, a free-text reference list -- and for the cross-check (many entries
times many citations). Each runs a whole offline audit (read, extract, match, every
rule, the JSON report) in a child of its own with benches/linearity.py's measurement,
its address-space limit and a CPU-time limit; growth is judged by the same rule, on the
step from one scale to the next (SUPER-LINEAR when the time grows over twice as fast
as the size, past half a second).

    nice .venv/bin/python benches/freeze20_scaling.py [--only NAME ...] [--scales 1 4 16]
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
from linearity import _W, Files, FilesOrBytes, Shape, _latex, _letters, _run  # noqa: E402

_MD_LIST = "\n\n# References\n\nSmith, J. (2020). A title. J. Things, 1, 2.\n"


# -- LaTeX ---------------------------------------------------------------------------


def tex_csname_doubling(n: int) -> Files:
    """Macros defined through \\csname, each using the one below twice (2**n)."""
    defs = "\\expandafter\\def\\csname ma\\endcsname{\\cite{k}}\n" + "".join(
        f"\\expandafter\\def\\csname m{_letters(i)}\\endcsname"
        f"{{\\csname m{_letters(i - 1)}\\endcsname\\csname m{_letters(i - 1)}\\endcsname}}\n"
        for i in range(1, n)
    )
    return {"paper.tex": _latex(f"\\csname m{_letters(n - 1)}\\endcsname", defs)}


def tex_csname_chain(n: int) -> Files:
    """n macros through \\csname, each using the one below once; the top used n times."""
    defs = "\\expandafter\\def\\csname ma\\endcsname{x}\n" + "".join(
        f"\\expandafter\\def\\csname m{_letters(i)}\\endcsname"
        f"{{\\csname m{_letters(i - 1)}\\endcsname}}\n"
        for i in range(1, n)
    )
    return {"paper.tex": _latex(f"\\csname m{_letters(n - 1)}\\endcsname \\cite{{k}}\n" * n, defs)}


def tex_let_chain(n: int) -> Files:
    """\\let chains n long, the top used n times."""
    defs = "\\def\\ma{\\cite{k}}\n" + "".join(
        f"\\let\\m{_letters(i)}=\\m{_letters(i - 1)}\n" for i in range(1, n)
    )
    return {"paper.tex": _latex(f"\\m{_letters(n - 1)} x\n" * n, defs)}


def tex_macro_chain_uses(n: int) -> Files:
    """n macros each using the one below once; the top used n times (n*n expansions)."""
    defs = "\\newcommand{\\ma}{y}\n" + "".join(
        f"\\newcommand{{\\m{_letters(i)}}}{{\\m{_letters(i - 1)}}}\n" for i in range(1, n)
    )
    return {"paper.tex": _latex(f"\\m{_letters(n - 1)} \\cite{{k}}\n" * n, defs)}


def tex_environment_doubling(n: int) -> Files:
    """Environments each opening the one below twice (2**n)."""
    defs = "\\newenvironment{ea}{\\cite{k}}{}\n" + "".join(
        f"\\newenvironment{{e{_letters(i)}}}"
        f"{{\\begin{{e{_letters(i - 1)}}}\\begin{{e{_letters(i - 1)}}}}}"
        f"{{\\end{{e{_letters(i - 1)}}}\\end{{e{_letters(i - 1)}}}}}\n"
        for i in range(1, n)
    )
    top = _letters(n - 1)
    return {"paper.tex": _latex(f"\\begin{{e{top}}}x\\end{{e{top}}}", defs)}


def tex_optional_default_doubling(n: int) -> Files:
    """Optional-argument defaults each holding the macro below twice (2**n)."""
    defs = "\\newcommand{\\ma}{\\cite{k}}\n" + "".join(
        f"\\newcommand{{\\m{_letters(i)}}}[1][\\m{_letters(i - 1)}\\m{_letters(i - 1)}]{{#1}}\n"
        for i in range(1, n)
    )
    return {"paper.tex": _latex(f"\\m{_letters(n - 1)}", defs)}


def tex_iffalse_depth(n: int) -> Files:
    return {"paper.tex": _latex("\\iffalse " * n + "x " + "\\fi " * n + "\\cite{k}")}


def tex_backslashes(n: int) -> Files:
    return {"paper.tex": _latex("\\\\" * n + "\\cite{k}")}


def tex_many_defs(n: int) -> Files:
    """n distinct macros, each used once."""
    defs = "".join(f"\\newcommand{{\\m{_letters(i)}}}{{w{i}}}\n" for i in range(n))
    body = " ".join(f"\\m{_letters(i)}" for i in range(n)) + " \\cite{k}"
    return {"paper.tex": _latex(body, defs)}


def tex_delimited_def(n: int) -> Files:
    """A macro with a delimited argument whose delimiter never comes, used n times."""
    return {"paper.tex": _latex("\\def\\a#1.end{#1}\n" + "\\a x " * n + "\\cite{k}")}


def tex_renew_same(n: int) -> Files:
    """One macro redefined n times in terms of itself (\\renewcommand\\a{\\a x})."""
    defs = "\\newcommand{\\ma}{\\cite{k}}\n" + "\\let\\old\\ma\\renewcommand{\\ma}{\\old x}\n" * n
    return {"paper.tex": _latex("\\ma", defs)}


# -- BibTeX / RIS / CSL ---------------------------------------------------------------


def bib_string_fanout(n: int) -> Files:
    """One 10 KB @string, and n entries whose title is that string 4 times."""
    bib = (
        "@string{big = {"
        + "word " * 2000
        + "}}\n"
        + "".join(
            f"@article{{k{i}, author = {{A{_letters(i)}, B.}}, title = big # big # big # big, "
            f"year = 2020}}\n"
            for i in range(n)
        )
    )
    return {"refs.bib": bib, "paper.md": "As shown [@k1].\n"}


def bib_crossref_fanin(n: int) -> Files:
    """n children of one parent whose fields are 10 KB."""
    bib = "".join(
        f"@inbook{{c{i}, crossref = {{p}}, title = {{T{i}}}, author = {{A{_letters(i)}, B.}}}}\n"
        for i in range(n)
    )
    bib += "@book{p, booktitle = {" + "word " * 2000 + "}, publisher = {" + "x " * 3000
    bib += "}, year = 2000}\n"
    return {"refs.bib": bib, "paper.md": "As shown [@c1].\n"}


def bib_near_duplicates(n: int) -> Files:
    """n entries whose titles and authors differ by one letter: fuzzy duplicate pairs."""
    bib = "".join(
        f"@article{{k{i}, author = {{Smyth{_letters(i)}, John}}, "
        f"title = {{The harbours of the empire and their trade {_letters(i)}}}, "
        f"journal = {{J}}, year = {2000 + i % 5}}}\n"
        for i in range(n)
    )
    return {"refs.bib": bib, "paper.md": "As shown [@k1].\n"}


def bib_nested_name_braces(n: int) -> Files:
    bib = "@article{k, author = {" + "{" * n + "Smith" + "}" * n + "}, year = 2020}\n"
    return {"refs.bib": bib, "paper.md": "As shown [@k].\n"}


def bib_comment_flood(n: int) -> Files:
    return {
        "refs.bib": "@comment{" * n + "\n@article{k, title={T}, year=2020}\n",
        "paper.md": "As [@k].\n",
    }


def bib_many_authors_cited(n: int) -> Files:
    """One entry of n distinct authors, cited by n different first authors ('X et al.')."""
    names = " and ".join(f"Au{_letters(i)}, B." for i in range(n))
    body = " ".join(f"(Au{_letters(i)} et al., 2020)" for i in range(0, n, 7))
    return {
        "refs.bib": f"@article{{k, author = {{{names}}}, title = {{T}}, year = 2020}}\n",
        "paper.md": f"As shown [@k]. {body}\n",
    }


def ris_many_tags_kinds(n: int) -> Files:
    """n records of every tag twice."""
    record = "TY  - JOUR\nAU  - Lee, K.\nAU  - Ng, P.\nTI  - T\nPY  - 2020\nJO  - J\n"
    record += "KW  - a\nKW  - b\nN1  - note\nER  - \n"
    return {"refs.ris": record * n, "paper.md": "As shown (Lee & Ng, 2020).\n"}


def csl_json_wide_item(n: int) -> Files:
    fields = ",".join(f'"f{i}":"v"' for i in range(n))
    return {"refs.json": f'[{{"id":"k","title":"T",{fields}}}]', "paper.md": "As [@k].\n"}


def csl_json_deep_author(n: int) -> Files:
    inner = '{"family":' * n + '"x"' + "}" * n
    return {"refs.json": f'[{{"id":"k","author":[{inner}]}}]', "paper.md": "As [@k].\n"}


def csl_yaml_merge_keys(n: int) -> Files:
    """Merge keys ('<<: [*a, *a]') n levels deep."""
    rows = ["m0: &m0 {family: Okafor, given: Ada, note: x}"]
    rows += [f"m{i}: &m{i}\n  <<: [*m{i - 1}, *m{i - 1}]\n  k{i}: v" for i in range(1, n)]
    items = f"references:\n- id: k\n  title: T\n  author: [*m{n - 1}]\n  issued: 2020\n"
    return {"refs.yaml": "\n".join(rows) + "\n" + items, "paper.md": "As shown [@k].\n"}


def csl_yaml_many_anchors(n: int) -> Files:
    """n anchors each used n//100+1 times (aliases linear in the file)."""
    rows = [f"a{i}: &a{i} {{family: F{_letters(i)}}}" for i in range(n)]
    items = (
        "references:\n- id: k\n  title: T\n  author: ["
        + ", ".join(f"*a{i}" for i in range(n))
        + "]\n  issued: 2020\n"
    )
    return {"refs.yaml": "\n".join(rows) + "\n" + items, "paper.md": "As shown [@k].\n"}


def csl_yaml_deep_mapping(n: int) -> Files:
    return {
        "refs.yaml": "references: " + "{a: " * n + "x" + "}" * n + "\n",
        "paper.md": "As [@k].\n",
    }


# -- Markdown and text ----------------------------------------------------------------


def _md(body: str) -> Files:
    return {"paper.md": "Text (Smith, 2020).\n\n" + body + _MD_LIST}


def md_emphasis_alternating(n: int) -> Files:
    return _md("*a _b " * n + "\n")


def md_html_comments_unclosed(n: int) -> Files:
    return _md("<!-- x\n" * n)


def md_html_nesting(n: int) -> Files:
    return _md("<div>" * n + "(Smith, 2020)" + "</div>" * n + "\n")


def md_hidden_spans(n: int) -> Files:
    return _md('<span style="display:none">' * n + "(Lee, 2019)" + "</span>" * n + "\n")


def md_table_cells(n: int) -> Files:
    header = "|" + " a |" * n + "\n|" + "---|" * n + "\n"
    return _md(header + ("|" + " (Smith, 2020) |" * n + "\n") * 4)


def md_footnotes(n: int) -> Files:
    refs = " ".join(f"word[^n{i}]" for i in range(n))
    defs = "".join(f"[^n{i}]: See Smith (2020), p. {i}.\n" for i in range(n))
    return _md(refs + "\n\n" + defs)


def md_same_label_definitions(n: int) -> Files:
    return _md("[a]: http://example.org/x\n" * n + "[a] " * n + "\n")


def md_autolinks_unclosed(n: int) -> Files:
    return _md("<http://a.example/" * n + "\n")


def md_many_reference_headings(n: int) -> Files:
    """n 'References' headings, each over one entry."""
    body = "".join(f"# References\n\nSmith, J. ({1900 + i % 120}). T{i}. J.\n\n" for i in range(n))
    return {"paper.md": "Text (Smith, 2020).\n\n" + body}


def md_indent_staircase(n: int) -> Files:
    """n list items, each indented two spaces more than the last."""
    return _md("".join(" " * (2 * (i % 400)) + "- (Smith, 2020) x\n" for i in range(n)))


def txt_many_reference_headings(n: int) -> Files:
    body = "".join(f"References\n\nSmith, J. ({1900 + i % 120}). T{i}. J.\n\n" for i in range(n))
    return {"paper.txt": "Text (Smith, 2020).\n\n" + body}


def txt_long_author_entry(n: int) -> Files:
    """A free-text entry of n authors ('Smith, A., Lee, B., ...')."""
    names = ", ".join(f"{_letters(i).capitalize()}son, A." for i in range(n))
    return {"paper.txt": f"Text (Aason et al., 2020).\n\nReferences\n\n{names} (2020). T. J.\n"}


# -- Cross-check: entries x citations -------------------------------------------------


def xcheck_one_surname(n: int) -> Files:
    """n entries of one surname (years apart), n citations of it in years none has."""
    body = " ".join(f"(Smith, {2100 + i % 50}{_letters(i)})." for i in range(n))
    lst = "".join(f"Smith, J. ({1800 + i}). Title {_letters(i)}. J.\n\n" for i in range(n))
    return {"paper.md": body + "\n\n# References\n\n" + lst}


def xcheck_near_names(n: int) -> Files:
    """n entries and n citations of near-miss surnames: fuzzy did-you-mean, n x n."""
    body = " ".join(f"(Harbourm{_letters(i)}x, 2020)." for i in range(n))
    lst = "".join(f"Harbourm{_letters(i)}, J. (2020). Title {i}. J.\n\n" for i in range(n))
    return {"paper.md": body + "\n\n# References\n\n" + lst}


def xcheck_bib_same_surname(n: int) -> Files:
    """A BibTeX file of n entries by one surname (even years), and n author-year
    citations of it in odd years: no year fits, each citation asks every entry whether
    its text holds the cited year (n x n), with years and year pairs all different."""
    bib = "".join(
        f"@article{{k{i}, author = {{Smith, J.}}, title = {{T {_letters(i)}}}, "
        f"year = {1500 + 2 * (i % 270)}}}\n"
        for i in range(n)
    )
    body = " ".join(f"(Smith, {1501 + 2 * ((i * 7) % 270)})." for i in range(n))
    return {"refs.bib": bib, "paper.md": body + "\n"}


def xcheck_list_same_surname(n: int) -> Files:
    """The same in a Markdown reference list (free text)."""
    lst = "".join(
        f"Smith, J. ({1500 + 2 * (i % 270)}). Title {_letters(i)}. J. Things, 2, 3.\n\n"
        for i in range(n)
    )
    body = " ".join(f"(Smith, {1501 + 2 * ((i * 7) % 270)})." for i in range(n))
    return {"paper.md": body + "\n\n# References\n\n" + lst}


# -- DOCX -----------------------------------------------------------------------------

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _docx_parts(body: str, parts: dict[str, str] | None = None, rels: str = "") -> bytes:
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>{body}</w:body></w:document>'
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


_DLIST = "<w:p>" + _run("References") + "</w:p><w:p>" + _run("Chen, A. (2018). T. J.") + "</w:p>"


def docx_bookmarks(n: int) -> FilesOrBytes:
    marks = "".join(
        f'<w:bookmarkStart w:id="{i}" w:name="b{i}"/>{_run("w")}<w:bookmarkEnd w:id="{i}"/>'
        for i in range(n)
    )
    return {"paper.docx": _docx_parts(f"<w:p>{marks}{_run('(Chen, 2018).')}</w:p>" + _DLIST)}


def docx_numbering(n: int) -> FilesOrBytes:
    """n list definitions of 9 levels, n paragraphs each in a list of its own."""
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="%1.%2.%3.%4.%5.%6.%7.%8.%9"/></w:lvl>'
        for k in range(9)
    )
    abstract = "".join(
        f'<w:abstractNum w:abstractNumId="{i}">{levels}</w:abstractNum>' for i in range(n)
    )
    nums = "".join(
        f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="{i}"/></w:num>' for i in range(n)
    )
    numbering = f'<?xml version="1.0"?><w:numbering xmlns:w="{_W}">{abstract}{nums}</w:numbering>'
    paras = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{i % 9}"/><w:numId w:val="{i + 1}"/></w:numPr>'
        f"</w:pPr>{_run(f'Item {i} (Chen, 2018).')}</w:p>"
        for i in range(n)
    )
    rels = (
        '<Relationship Id="rN" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/numbering" Target="numbering.xml"/>'
    )
    return {"paper.docx": _docx_parts(paras + _DLIST, {"word/numbering.xml": numbering}, rels)}


def docx_attributes(n: int) -> FilesOrBytes:
    attrs = " ".join(f'x:a{i}="1"' for i in range(n))
    run = f'<w:r xmlns:x="urn:x" {attrs}><w:t>(Chen, 2018).</w:t></w:r>'
    return {"paper.docx": _docx_parts(f"<w:p>{run}</w:p>" * 4 + _DLIST)}


def docx_hyperlinks(n: int) -> FilesOrBytes:
    rels = "".join(
        f'<Relationship Id="h{i}" Type="{_R}/hyperlink" Target="http://example.org/{i}" '
        'TargetMode="External"/>'
        for i in range(n)
    )
    links = "".join(f'<w:hyperlink r:id="h{i}">{_run(f"link {i}")}</w:hyperlink>' for i in range(n))
    return {
        "paper.docx": _docx_parts(f"<w:p>{links}{_run('(Chen, 2018).')}</w:p>" + _DLIST, rels=rels)
    }


def docx_footnotes(n: int) -> FilesOrBytes:
    notes = "".join(
        f'<w:footnote w:id="{i + 1}"><w:p>{_run(f"See Chen (2018), p. {i}.")}</w:p></w:footnote>'
        for i in range(n)
    )
    part = f'<?xml version="1.0"?><w:footnotes xmlns:w="{_W}">{notes}</w:footnotes>'
    refs = "".join(f'<w:r><w:footnoteReference w:id="{i + 1}"/></w:r>{_run("w")}' for i in range(n))
    rels = f'<Relationship Id="rF" Type="{_R}/footnotes" Target="footnotes.xml"/>'
    return {
        "paper.docx": _docx_parts(f"<w:p>{refs}</w:p>" + _DLIST, {"word/footnotes.xml": part}, rels)
    }


def docx_styles(n: int) -> FilesOrBytes:
    """n styles each based on the one before, n paragraphs each in another style."""
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="Style {i}"/>'
        + (f'<w:basedOn w:val="s{i - 1}"/>' if i else "")
        + '<w:rPr><w:color w:val="000001"/></w:rPr></w:style>'
        for i in range(n)
    )
    part = f'<?xml version="1.0"?><w:styles xmlns:w="{_W}">{styles}</w:styles>'
    paras = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="s{i}"/></w:pPr>{_run("(Chen, 2018) x.")}</w:p>'
        for i in range(n)
    )
    rels = f'<Relationship Id="rS" Type="{_R}/styles" Target="styles.xml"/>'
    return {"paper.docx": _docx_parts(paras + _DLIST, {"word/styles.xml": part}, rels)}


def docx_nested_fields(n: int) -> FilesOrBytes:
    """Fields nested n deep (begin x n, each with a code, then separate/end x n)."""
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM x </w:instrText></w:r>'
    )
    end = (
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _run("(Chen, 2018)")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return {"paper.docx": _docx_parts(f"<w:p>{begin * n}{end * n}</w:p>" + _DLIST)}


def docx_zotero_items(n: int) -> FilesOrBytes:
    """n Zotero citation fields, each embedding the same 60-item CSL JSON."""
    items = ",".join(
        f'{{"id":{j},"itemData":{{"id":{j},"type":"article-journal","title":"T{j}",'
        f'"author":[{{"family":"Chen{_letters(j)}","given":"A"}}],'
        f'"issued":{{"date-parts":[[2018]]}}}}}}'
        for j in range(60)
    )
    code = f' ADDIN ZOTERO_ITEM CSL_CITATION {{"citationItems":[{items}]}} '
    code = code.replace("&", "&amp;").replace("<", "&lt;")
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _run("(Chen, 2018)")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return {"paper.docx": _docx_parts(f"<w:p>{field}</w:p>" * n + _DLIST)}


def docx_overlapping_headers(n: int) -> FilesOrBytes:
    """n header parts whose zip entries all point at one 2 MB deflated blob (overlap)."""
    text = _run("word " * 400_000)
    header = f'<?xml version="1.0"?><w:hdr xmlns:w="{_W}"><w:p>{text}</w:p></w:hdr>'
    rels = "".join(
        f'<Relationship Id="hd{i}" Type="{_R}/header" Target="header{i}.xml"/>' for i in range(n)
    )
    sect = "".join(f'<w:headerReference w:type="default" r:id="hd{i}"/>' for i in range(n))
    body = f"<w:p>{_run('(Chen, 2018).')}</w:p>" + _DLIST + f"<w:sectPr>{sect}</w:sectPr>"
    data = _docx_parts(body, {"word/header0.xml": header}, rels)
    return {
        "paper.docx": _overlap(
            data, "word/header0.xml", [f"word/header{i}.xml" for i in range(1, n)]
        )
    }


def _overlap(data: bytes, source: str, names: list[str]) -> bytes:
    """`data` with central-directory entries `names` added, each pointing at the local
    entry of `source` (a zip whose members overlap: one blob, read under many names)."""
    import struct

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(source)
        infos = archive.infolist()
    end = data.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack("<II", data[end + 12 : end + 20])
    central = data[cd_offset : cd_offset + cd_size]
    # the source's own central record, to copy with another name
    at = 0
    record = b""
    while at < len(central):
        name_len, extra_len, comment_len = struct.unpack("<HHH", central[at + 28 : at + 34])
        size = 46 + name_len + extra_len + comment_len
        name = central[at + 46 : at + 46 + name_len].decode()
        if name == source:
            record = central[at : at + size]
        at += size
    added = b""
    for name in names:
        raw = name.encode()
        fixed = bytearray(record[:46])
        struct.pack_into("<H", fixed, 28, len(raw))
        struct.pack_into("<HH", fixed, 30, 0, 0)
        added += bytes(fixed) + raw
    count = len(infos) + len(names)
    new_central = central + added
    tail = bytearray(data[end : end + 22])
    struct.pack_into("<HHII", tail, 8, count, count, len(new_central), cd_offset)
    del info
    return data[:cd_offset] + new_central + bytes(tail)


SHAPES = [
    Shape("tex-csname-doubling", tex_csname_doubling, 4, "\\csname macros, each x2, n deep"),
    Shape("tex-csname-chain", tex_csname_chain, 100, "\\csname chain n long, used n times"),
    Shape("tex-let-chain", tex_let_chain, 100, "\\let chain n long, used n times"),
    Shape("tex-macro-chain-uses", tex_macro_chain_uses, 100, "macro chain n long, n uses"),
    Shape("tex-environment-doubling", tex_environment_doubling, 4, "environments x2, n deep"),
    Shape("tex-optional-doubling", tex_optional_default_doubling, 4, "[default] x2, n deep"),
    Shape("tex-iffalse-depth", tex_iffalse_depth, 2000, "\\iffalse x n ... \\fi x n"),
    Shape("tex-backslashes", tex_backslashes, 20_000, "'\\\\\\\\' x n"),
    Shape("tex-many-defs", tex_many_defs, 2000, "n macros, each used once"),
    Shape("tex-delimited-def", tex_delimited_def, 2000, "\\def\\a#1.end, n uses, no delimiter"),
    Shape("tex-renew-same", tex_renew_same, 50, "\\let\\old\\ma\\renewcommand\\ma{\\old x} x n"),
    Shape("bib-string-fanout", bib_string_fanout, 100, "n entries of a 10 KB @string x4"),
    Shape("bib-crossref-fanin", bib_crossref_fanin, 200, "n children of one 16 KB parent"),
    Shape("bib-near-duplicates", bib_near_duplicates, 200, "n entries one letter apart"),
    Shape("bib-nested-name-braces", bib_nested_name_braces, 2000, "author = {{{...Smith}}}"),
    Shape("bib-comment-flood", bib_comment_flood, 5000, "'@comment{' x n"),
    Shape("bib-many-authors-cited", bib_many_authors_cited, 500, "one entry n authors, n/7 cites"),
    Shape("ris-records-every-tag", ris_many_tags_kinds, 500, "n RIS records of ten tags"),
    Shape("csl-json-wide-item", csl_json_wide_item, 5000, "one item of n keys"),
    Shape("csl-json-deep-author", csl_json_deep_author, 500, "an author nested n deep"),
    Shape("csl-yaml-merge-keys", csl_yaml_merge_keys, 3, "merge keys <<: [*a,*a] n deep"),
    Shape("csl-yaml-many-anchors", csl_yaml_many_anchors, 1000, "n anchors, n aliases"),
    Shape("csl-yaml-deep-mapping", csl_yaml_deep_mapping, 500, "'{a: ' x n"),
    Shape("md-emphasis-alternating", md_emphasis_alternating, 2000, "'*a _b ' x n"),
    Shape("md-html-comments", md_html_comments_unclosed, 2000, "'<!-- x' lines x n"),
    Shape("md-html-nesting", md_html_nesting, 2000, "'<div>' x n"),
    Shape("md-hidden-spans", md_hidden_spans, 1000, "hidden <span> x n"),
    Shape("md-table-cells", md_table_cells, 500, "a table n cells wide"),
    Shape("md-footnotes", md_footnotes, 500, "n footnotes citing"),
    Shape("md-same-label-defs", md_same_label_definitions, 1000, "n definitions of [a]"),
    Shape("md-autolinks-unclosed", md_autolinks_unclosed, 2000, "'<http://a.example/' x n"),
    Shape("md-reference-headings", md_many_reference_headings, 200, "n References headings"),
    Shape("md-indent-staircase", md_indent_staircase, 500, "n items, deeper each"),
    Shape("txt-reference-headings", txt_many_reference_headings, 200, "n References headings"),
    Shape("txt-long-author-entry", txt_long_author_entry, 300, "a list entry of n authors"),
    Shape("xcheck-one-surname", xcheck_one_surname, 100, "n Smith entries, n unmatched cites"),
    Shape("xcheck-near-names", xcheck_near_names, 100, "n near-miss names, n entries"),
    Shape("xcheck-bib-same-surname", xcheck_bib_same_surname, 100, "n Smith entries, n cites"),
    Shape("xcheck-list-same-surname", xcheck_list_same_surname, 100, "the same, a free-text list"),
    Shape("docx-bookmarks", docx_bookmarks, 2000, "n bookmarks"),
    Shape("docx-numbering", docx_numbering, 200, "n lists of 9 levels, n paragraphs"),
    Shape("docx-attributes", docx_attributes, 2000, "runs of n attributes"),
    Shape("docx-hyperlinks", docx_hyperlinks, 1000, "n hyperlinks, n relationships"),
    Shape("docx-footnotes", docx_footnotes, 500, "n footnotes citing"),
    Shape("docx-styles", docx_styles, 300, "n styles basedOn chain, n paragraphs"),
    Shape("docx-nested-fields", docx_nested_fields, 300, "fields nested n deep"),
    Shape("docx-zotero-items", docx_zotero_items, 20, "n Zotero fields of 60 items"),
    Shape("docx-overlapping-headers", docx_overlapping_headers, 2, "n headers, one 2 MB blob"),
]


def main(argv: list[str] | None = None) -> int:
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 4, 16], argv)


if __name__ == "__main__":
    sys.exit(main())
