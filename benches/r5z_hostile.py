"""Hostile inputs of the r5z red-team round: time and peak memory at 1x/10x/100x.

Shapes benches/linearity.py does not grow (a biblatex ``.bbl`` of many entries, TeX's
\\edef/\\expandafter/argument doubling, BibTeX crossref chains and cycles, runs of one
character on a 1 MB line, 200k tiny lines, long capitalised narratives, many zip
members, a deep PDF outline, a page tree that claims a billion pages...). Each runs a
whole offline audit in a child of its own with benches/linearity.py's measurement, CPU
time limit and address-space limit, and is judged by the same rule (SUPER-LINEAR when
time(100x)/time(10x) passes 20 with over half a second).

    nice .venv/bin/python benches/r5z_hostile.py [--only NAME ...] [--scales 1 10 100]
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from linearity import _alpha as _letters  # a macro name for i: letters only

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from linearity import Files, FilesOrBytes, Shape, _docx, _pdf, _run  # noqa: E402

_MD_LIST = "\n\n# References\n\nSmith, J. (2020). A title. J. Things, 1, 2.\n"


def _md_run(piece: str) -> object:
    def build(n: int) -> Files:
        return {"paper.md": "Text (Smith, 2020) " + piece * n + "\n" + _MD_LIST}

    return build


def _txt_run(piece: str) -> object:
    def build(n: int) -> Files:
        return {"paper.txt": "Text (Smith, 2020) " + piece * n + "\n" + _MD_LIST}

    return build


def tiny_lines(n: int) -> Files:
    return {"paper.md": "Text (Smith, 2020).\n" + "a\n" * n + _MD_LIST}


def tiny_list_lines(n: int) -> Files:
    return {"paper.md": "Text (Smith, 2020).\n" + _MD_LIST + "S\n" * n}


def bbl_entries(n: int) -> Files:
    entry = (
        "\\entry{k%d}{article}{}\n\\name{author}{1}{}{%%\n{{hash=h}{family={Smith%d},"
        " familyi={S\\bibinitperiod}, given={J.}, giveni={J\\bibinitperiod}}}%%\n}\n"
        "\\field{title}{Title %d}\n\\field{year}{2020}\n\\endentry\n"
    )
    body = "".join(entry % (i, i, i) for i in range(n))
    bbl = "\\refsection{0}\n\\datalist[entry]{nty/global//global/global}\n" + body
    bbl += "\\enddatalist\n\\endrefsection\n"
    tex = "\\documentclass{article}\n\\begin{document}\nSee \\cite{k1}.\n"
    tex += "\\printbibliography\n\\bibliography{refs}\n\\end{document}\n"
    return {"paper.tex": tex, "paper.bbl": bbl}


def _tex(body: str) -> Files:
    tex = "\\documentclass{article}\n\\begin{document}\n" + body + "\nSee \\cite{k}.\n"
    return {"paper.tex": tex + "\\end{document}\n"}


def tex_edef_doubling(n: int) -> Files:
    defs = "\\edef\\mz{ab}\n" + "".join(
        f"\\edef\\m{_letters(i + 1)}{{\\m{_letters(i)}\\m{_letters(i)}}}\n" for i in range(n)
    )
    return _tex(defs + f"\\m{_letters(n)}")


def tex_expandafter(n: int) -> Files:
    return _tex("\\expandafter" * n + "\\cite{k}")


def tex_catcode(n: int) -> Files:
    return _tex("\\catcode`\\{=12 \\catcode`\\{=1 " * n)


def tex_argument_doubling(n: int) -> Files:
    return _tex("\\newcommand{\\dd}[1]{#1#1}\n" + "\\dd{" * n + "x" + "}" * n)


def tex_def_self_argument(n: int) -> Files:
    return _tex("\\def\\a#1{\\a{#1#1}}\n" + "\\a{x} " * n)


def tex_group_depth(n: int) -> Files:
    return _tex("\\begingroup " * n + "x" + "\\endgroup " * n)


def bib_crossref_chain(n: int) -> Files:
    bib = "@book{c0, title = {Root}, author = {Root, A.}, year = 2000}\n" + "".join(
        f"@inbook{{c{i}, crossref = {{c{i - 1}}}, title = {{T{i}}}}}\n" for i in range(1, n)
    )
    return {"refs.bib": bib, "paper.md": f"As shown [@c{n - 1}] and [@c1].\n"}


def bib_crossref_cycle(n: int) -> Files:
    bib = "".join(
        f"@inbook{{c{i}, crossref = {{c{(i + 1) % n}}}, title = {{T{i}}}}}\n" for i in range(n)
    )
    return {"refs.bib": bib, "paper.md": "As shown [@c0].\n"}


def bib_same_title(n: int) -> Files:
    """n entries, one title, authors varied: the duplicate check's pairing by title."""
    bib = "".join(
        f"@article{{k{i}, author = {{Auth{i}, A.}}, title = {{One Title}}, "
        f"year = {1900 + i % 100}}}\n"
        for i in range(n)
    )
    return {"refs.bib": bib, "paper.md": "As shown [@k1].\n"}


def bib_same_doi_key_url(n: int) -> Files:
    """n entries sharing one key, one DOI and one URL: every pair is a duplicate."""
    bib = "".join(
        f"@article{{k, author = {{Auth{i}, A.}}, title = {{T{i}}}, year = 2020, "
        "doi = {10.1000/same}, url = {https://example.org/same}}\n"
        for i in range(n)
    )
    return {"refs.bib": bib, "paper.md": "As shown [@k].\n"}


def ris_lines(n: int) -> Files:
    ris = "TY  - JOUR\n" + "AU  - Smith, J.\n" * n + "ER  - \n"
    return {"refs.ris": ris, "paper.md": "As shown (Smith, 2020).\n"}


def bib_authors(n: int) -> Files:
    """One BibTeX entry naming n persons ('a and a and ...'): 6 bytes a person."""
    bib = "@article{k, author = {" + " and ".join(["a"] * n) + "}, year = 2020}\n"
    return {"refs.bib": bib, "paper.md": "As shown [@k].\n"}


def json_authors(n: int) -> Files:
    items = ",".join(['{"family":"a"}'] * n)
    return {"refs.json": '[{"id":"k","author":[' + items + "]}]", "paper.md": "As [@k].\n"}


def bib_entries_authors(n: int) -> Files:
    """n entries of 1,000 persons each: no one list is long, the file's total is."""
    names = " and ".join(["a"] * 1000)
    bib = "".join(f"@article{{k{i}, author = {{{names}}}, year = 2020}}\n" for i in range(n))
    return {"refs.bib": bib, "paper.md": "As shown [@k1].\n"}


def bib_fields(n: int) -> Files:
    """One BibTeX entry of n distinct fields ('f1=1,'): 6 bytes a field."""
    bib = "@article{k, author = {Lee, K.}, year = 2020, " + ",".join(f"f{i}=1" for i in range(n))
    return {"refs.bib": bib + "}\n", "paper.md": "As shown [@k].\n"}


def ris_urls(n: int) -> Files:
    ris = "TY  - JOUR\nAU  - Lee, K.\nPY  - 2020\n"
    ris += "".join(f"UR  - http://a.example/{i}\n" for i in range(n)) + "ER  - \n"
    return {"refs.ris": ris, "paper.md": "As shown (Lee, 2020).\n"}


def narrative_capitals(n: int) -> Files:
    names = " ".join(f"Van{_letters(i).capitalize()} De" for i in range(n))
    return {"paper.md": f"As {names} (2020) showed." + _MD_LIST}


def citations_times_entries(n: int) -> Files:
    body = " ".join(f"({_letters(i).capitalize()}son, {1900 + i % 120})." for i in range(n))
    lst = "".join(
        f"{_letters(i).capitalize()}son, A. ({1900 + (i * 7) % 120}). T{i}. J.\n\n"
        for i in range(n)
    )
    return {"paper.md": body + "\n\n# References\n\n" + lst}


def docx_many_members(n: int) -> FilesOrBytes:
    buffer = io.BytesIO()
    document = _docx("<w:p>" + _run("Text (Smith, 2020).") + "</w:p>")
    with (
        zipfile.ZipFile(io.BytesIO(document)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive,
    ):
        for item in source.infolist():
            archive.writestr(item, source.read(item))
        for i in range(n):
            archive.writestr(f"customXml/item{i}.xml", "")
    return {"paper.docx": buffer.getvalue()}


def docx_nested_zip(n: int) -> FilesOrBytes:
    inner = _docx("<w:p>" + _run("x " * (n << 10)) + "</w:p>")
    buffer = io.BytesIO()
    outer = _docx("<w:p>" + _run("Text (Smith, 2020).") + "</w:p>")
    with (
        zipfile.ZipFile(io.BytesIO(outer)) as s,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for item in s.infolist():
            archive.writestr(item, s.read(item))
        for i in range(8):
            archive.writestr(f"word/embeddings/doc{i}.docx", inner)
    return {"paper.docx": buffer.getvalue()}


def docx_deep_elements(n: int) -> FilesOrBytes:
    return {
        "paper.docx": _docx(
            "<w:p>" + "<w:smartTag>" * n + _run("x") + "</w:smartTag>" * n + "</w:p>"
        )
    }


def pdf_deep_outline(n: int) -> FilesOrBytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
    ]
    content = b"BT /F1 10 Tf 56 700 Td (Smith 2020) Tj ET"
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i in range(n):
        number = 6 + i
        child = b" /First %d 0 R /Last %d 0 R" % (number + 1, number + 1) if i + 1 < n else b""
        objects.append(
            b"<< /Title (o) /Parent %d 0 R /Dest [3 0 R /Fit]%s >>" % (max(number - 1, 6), child)
        )
    return {"paper.pdf": _pdf(objects)}


def pdf_huge_count(n: int) -> FilesOrBytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b"3 0 R " * n + b"] /Count 999999999 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    return {"paper.pdf": _pdf(objects)}


SHAPES = [
    Shape("r5z-spaces", _md_run(" "), 10_000, "a line of n spaces"),
    Shape("r5z-digits", _md_run("1"), 10_000, "a line of n digits"),
    Shape("r5z-commas", _md_run(","), 10_000, "a line of n commas"),
    Shape("r5z-dots", _md_run("."), 10_000, "a line of n dots"),
    Shape("r5z-parens-open", _md_run("(Smith "), 2000, "'(Smith ' x n, never closed"),
    Shape("r5z-et-al", _md_run("et al. "), 2000, "'et al. ' x n"),
    Shape("r5z-capitals", _md_run("Smith "), 2000, "'Smith ' x n"),
    Shape("r5z-semicolons", _md_run("; "), 5000, "'; ' x n"),
    Shape("r5z-cite-list", _md_run("Smith, 2020; "), 1000, "'Smith, 2020; ' x n, no brackets"),
    Shape("r5z-year-list", _md_run("2020, "), 2000, "'2020, ' x n"),
    Shape("r5z-txt-et-al", _txt_run("Smith et al. "), 1000, "text: 'Smith et al. ' x n"),
    Shape("r5z-txt-numbers", _txt_run("1, 2, "), 2000, "text: '1, 2, ' x n"),
    Shape("r5z-tiny-lines", tiny_lines, 2000, "n lines 'a'"),
    Shape("r5z-tiny-lines-past-cap", tiny_lines, 1_000_000, "n lines 'a' (past the line cap)"),
    Shape("r5z-tiny-list-lines", tiny_list_lines, 2000, "n list lines 'S'"),
    Shape("r5z-bbl-entries", bbl_entries, 1000, "a biblatex .bbl of n entries"),
    Shape("r5z-tex-edef", tex_edef_doubling, 20, "\\edef doubling n levels"),
    Shape("r5z-tex-expandafter", tex_expandafter, 1000, "'\\expandafter' x n"),
    Shape("r5z-tex-catcode", tex_catcode, 1000, "catcode changes x n"),
    Shape("r5z-tex-arg-doubling", tex_argument_doubling, 10, "\\dd{ n deep, #1#1"),
    Shape("r5z-tex-def-self", tex_def_self_argument, 100, "\\def\\a#1{\\a{#1#1}} used n times"),
    Shape("r5z-tex-groups", tex_group_depth, 1000, "\\begingroup x n"),
    Shape("r5z-bib-crossref-chain", bib_crossref_chain, 100, "n entries, crossref chain"),
    Shape("r5z-bib-crossref-cycle", bib_crossref_cycle, 100, "n entries, crossref cycle"),
    Shape("r5z-bib-same-title", bib_same_title, 50, "n entries, one title"),
    Shape("r5z-bib-same-doi-key-url", bib_same_doi_key_url, 50, "n entries, one key/DOI/URL"),
    Shape("r5z-ris-lines", ris_lines, 10_000, "one RIS record, n AU lines"),
    Shape("r5z-bib-authors", bib_authors, 10_000, "one entry of n persons"),
    Shape("r5z-json-authors", json_authors, 10_000, "one CSL-JSON item of n persons"),
    Shape("r5z-bib-entries-authors", bib_entries_authors, 10, "n entries of 1,000 persons"),
    Shape("r5z-ris-authors", ris_lines, 10_000, "one RIS record, n AU lines"),
    Shape("r5z-bib-fields", bib_fields, 3000, "one entry of n fields"),
    Shape("r5z-ris-urls", ris_urls, 3000, "one RIS record of n UR lines"),
    Shape("r5z-narrative-capitals", narrative_capitals, 100, "n capitalised name words"),
    Shape("r5z-cites-x-entries", citations_times_entries, 50, "n citations, n entries"),
    Shape("r5z-docx-members", docx_many_members, 500, "n empty zip members"),
    Shape("r5z-docx-nested-zip", docx_nested_zip, 1, "8 embedded .docx of n KB"),
    Shape("r5z-docx-deep-elements", docx_deep_elements, 1000, "n nested smartTags"),
    Shape("r5z-pdf-deep-outline", pdf_deep_outline, 10, "an outline n deep"),
    Shape("r5z-pdf-huge-count", pdf_huge_count, 10, "n kids, /Count 999999999"),
]


def main(argv: list[str] | None = None) -> int:
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 10, 100], argv)


if __name__ == "__main__":
    sys.exit(main())
