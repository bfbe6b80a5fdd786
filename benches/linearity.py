"""Linearity of every reader and extractor on the pathological shapes of issue 11.

Each shape is a small hostile input that once made citeaudit super-linear (a regex
backtracking, an expansion multiplying, a scan per item). The bench grows it 1x, 10x
and 100x and runs a whole offline audit on it -- read the manuscript and the
bibliography, extract citations, parse the reference list, cross-match, every rule,
the JSON report -- in a process of its own (CPU time counts the PDF engine's child
process too), with a time limit (a shape that is still
quadratic shows "> 60 cpu s" rather than hanging the bench) and an address-space limit.
Growth, goals and the limit are judged on the child's CPU time (`--clock cpu`, the
default: on a machine shared by several jobs, wall time grew tenfold with the load
and flagged linear shapes); `--clock wall` judges on wall time.

    .venv/bin/python benches/linearity.py [--only NAME ...] [--limit 60] [--scales 1 10 100]
                                          [--full] [--clock cpu|wall]

The report is written to a file as `citeaudit check -o` writes it (streamed).
Prints, per shape and scale, the input size, the wall time, the CPU time (the
machine may be shared: CPU time is what load does not inflate), the part of the wall
time spent writing the report, and the peak memory the audit and report added
(resident set, over the process after imports), then the growth ratios
time(100x)/time(1x) and time(100x)/time(10x). Linear growth is 100 and 10. A shape is
flagged SUPER-LINEAR when time(100x)/time(10x) passes 20 (twice linear, to absorb
noise) with time(100x) over half a second, or when a run hits the time or memory
limit. Goals are printed last, one line each, MET or MISSED: 5 MB on one line
audited in under 10 s (issue 12), one \\cite{} with 80,000 keys in under 300 MB.

To stay quick, the 100x run of a shape without a goal is skipped when its 10x run
already took over 2 s and grew linearly from 1x (the estimate is printed); `--full`
runs every scale.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ADDRESS_LIMIT = 4 * 1024**3
SUPER_LINEAR = 2.0  # growth of time over growth of size that flags a shape
NOISE_FLOOR = 0.5  # seconds: below this, ratios are mostly start-up noise
LONG_ENOUGH = 2.0  # seconds at 10x past which a linear shape need not run at 100x

Files = dict[str, str]  # file name -> content; the first is the manuscript or bibliography
FilesOrBytes = dict[str, str | bytes]  # DOCX and PDF are bytes


FAMILIES = ("Smith", "Nguyen", "García", "Müller", "Okafor", "Santoso", "Rahman", "Rossi")


def thebibliography(body: str) -> str:
    return (
        "\\documentclass{article}\n\\begin{document}\nText \\cite{a}.\n"
        f"\\begin{{thebibliography}}{{9}}\n{body}\n\\end{{thebibliography}}\n\\end{{document}}\n"
    )


def bibitem_optional_groups(n: int) -> Files:
    return {
        "paper.tex": thebibliography("\\bibitem{a} A. Author. Title. 2019.\n\\bibitem[" + "{a}" * n)
    }


def ieee_initials(n: int) -> Files:
    entry = "[1] " + "A. " * n + "Title of the work, J. Things, vol. 1, 2020."
    return {"paper.md": f"As shown [1].\n\n# References\n\n{entry}\n"}


def input_fan_out(n: int) -> Files:
    """Eight files, each splicing the next `n // 8` times: n lines, (n/8)^8 splices."""
    per_file = max(1, n // 8)
    files = {"paper.tex": "\\documentclass{article}\n\\begin{document}\n"}
    files["paper.tex"] += "\\input{f1}\n" * per_file + "\\end{document}\n"
    for level in range(1, 8):
        files[f"f{level}.tex"] = f"\\input{{f{level + 1}}}\n" * per_file
    files["f8.tex"] = "Smith (2020) says so \\cite{k}.\n"
    return files


def string_doubling(n: int) -> Files:
    macros = "".join(f"@string{{m{i} = m{i - 1} # m{i - 1}}}\n" for i in range(1, n))
    bib = (
        '@string{m0 = "0123456789"}\n' + macros + f"@article{{k, title = m{n - 1}, year = 2020}}\n"
    )
    return {"refs.bib": bib, "paper.md": "As shown [@k].\n"}


def cite_many_keys(n: int) -> Files:
    keys = ",".join(f"key{i}" for i in range(n))
    body = f"See \\cite{{{keys}}}.\n"
    return {
        "paper.tex": f"\\documentclass{{article}}\n\\begin{{document}}\n{body}\\end{{document}}\n"
    }


def backticks(n: int) -> Files:
    return {"paper.md": "Text (Smith, 2020).\n\n" + "`" * n + "\n"}


def year_in_parentheses(n: int) -> Files:
    return {"paper.md": "Smith " + "(2020) " * n + "\n"}


def doi_flood(n: int) -> Files:
    flood = "10.1000/x " * n
    return {"paper.md": f"Body {flood}\n\n# References\n\n1. Smith, J. (2020). T. {flood}\n"}


def bibitems_one_line(n: int) -> Files:
    """n entries on one line, by different authors (same-author-year measures the rule)."""
    items = "".join(
        f"\\bibitem{{k{i}}} {FAMILIES[i % 8]}{i // 8}, A. Title {i}. J. Things, {1900 + i % 125}. "
        for i in range(n)
    )
    return {"paper.tex": thebibliography(items)}


def csl_json_items(n: int) -> Files:
    """n items, as varied as a real library (authors and years spread)."""
    items = ",\n".join(
        f'{{"id": "k{i}", "type": "article-journal", "title": "Title {i}", '
        f'"author": [{{"family": "{FAMILIES[i % 8]}{i // 8}", "given": "J."}}], '
        f'"issued": {{"date-parts": [[{1900 + i % 125}]]}}}}'
        for i in range(n)
    )
    return {"refs.json": f"[{items}]\n", "paper.md": "As shown [@k1] and [@k2].\n"}


def same_author_and_year(n: int) -> Files:
    """n entries by one author in one year: every pair is a duplicate candidate."""
    entries = "".join(
        f"@article{{k{i}, author = {{Smith, J.}}, year = 2020, title = {{Title {i}}}}}\n"
        for i in range(n)
    )
    return {"refs.bib": entries, "paper.md": "As shown [@k1].\n"}


def single_line_manuscript(n: int) -> Files:
    """Issue 12: a manuscript exported as one line (n sentences, ~80 bytes each)."""
    sentence = "As Smith (2020) and Lee & Park (2019a) show [1], the effect holds (Chen, 2018). "
    return {"paper.md": sentence * n}


def _bib(bib: str, name: str = "refs.bib") -> Files:
    """A bibliography with one good entry after the hostile part, and a paper citing it."""
    good = "\n@article{good, author = {Lee, K.}, title = {Fine}, year = 2021}\n"
    return {name: bib + good, "paper.md": "As shown [@good].\n"}


def bib_deep_braces(n: int) -> Files:
    return _bib("@article{k, title = {" + "{" * n + "x" + "}" * n + "}, year = 2020}\n")


def bib_unbalanced_braces(n: int) -> Files:
    return _bib("@article{k, title = {" + "{a " * n + "\n")


def bib_unterminated_quote(n: int) -> Files:
    return _bib('@article{k, title = "' + "a b " * n + "\n")


def bib_string_chain(n: int) -> Files:
    chain = "".join(f'@string{{s{i} = s{i - 1} # "x"}}\n' for i in range(1, n))
    return _bib('@string{s0 = "x"}\n' + chain + f"@article{{k, title = s{n - 1}}}\n")


def bib_macro_concatenation(n: int) -> Files:
    return _bib('@string{a = "ab"}\n@article{k, title = ' + " # ".join(["a"] * n) + "}\n")


def bib_huge_field(n: int) -> Files:
    return _bib("@article{k, title = {" + "word " * n + "}, year = {2020" + " " * n + "x}}\n")


def bib_at_flood(n: int) -> Files:
    return _bib("@a{" * n)


def bib_at_lines(n: int) -> Files:
    return _bib("@a{\n" * n)


def bib_unclosed_lines(n: int) -> Files:
    return _bib("@article{k, title = {x\n" * n)


def txt_person_lines(n: int) -> Files:
    """A reference section of n lines that each look like an entry's start."""
    return {"paper.txt": "Text (Smith, 2019).\n\nReferences\n" + "Smith, J.\n" * n}


def csl_deep_nesting(n: int) -> Files:
    return {"refs.json": "[" * n + "]" * n, "paper.md": "As shown [@k].\n"}


def csl_huge_number(n: int) -> Files:
    item = '{"id": "k", "title": "T", "issued": {"date-parts": [[' + "9" * n + "]]}}"
    return {"refs.json": f"[{item}]", "paper.md": "As shown [@k].\n"}


def csl_duplicate_keys(n: int) -> Files:
    item = "{" + ", ".join(f'"id": "k{i}"' for i in range(n)) + ', "title": "T"}'
    return {"refs.json": f"[{item}]", "paper.md": "As shown [@k1].\n"}


def ris_many_tags(n: int) -> Files:
    ris = "TY  - JOUR\n" + "AU  - Smith, J.\n" * n + "TI  - T\nPY  - 2020\nER  - \n"
    return {"refs.ris": ris, "paper.md": "As shown (Smith, 2020).\n"}


def ris_run_on_abstract(n: int) -> Files:
    """rispy joined each continuation line onto the whole value so far (quadratic)."""
    ris = "TY  - JOUR\nAU  - Smith, J.\nTI  - T\nPY  - 2020\nAB  - start\n"
    ris += "word word word\n" * n + "ER  - \n"
    return {"refs.ris": ris, "paper.md": "As shown (Smith, 2020).\n"}


def ris_many_records(n: int) -> Files:
    ris = "TY  - JOUR\nAU  - Smith, J.\nTI  - T\nPY  - 2020\nER  - \n" * n
    return {"refs.ris": ris, "paper.md": "As shown (Smith, 2020).\n"}


def _md_line(unit: str) -> Callable[[int], Files]:
    def build(n: int) -> Files:
        return {"paper.md": "Text (Smith, 2020).\n\n" + unit * n + "\n"}

    return build


def md_link_spaces(n: int) -> Files:
    return {"paper.md": "Text (Smith, 2020).\n\n![a](" + " " * n + "x\n"}


def txt_delimiters(n: int) -> Files:
    return {"paper.txt": "Text (Smith, 2020). " + "[(*_" * n + "\n\nReferences\n\n" + "(" * n}


def tex_unbalanced(n: int) -> Files:
    body = "Text \\cite{a}. " + "{" * n + "\\def\\a{\\a\\a}\\a " * (n // 10)
    return {"paper.tex": f"\\documentclass{{article}}\n\\begin{{document}}\n{body}\n"}


def freetext_long_entry(n: int) -> Files:
    entry = "Smith, J., Lee, K. (2020). " + "Word title, Journal 1(2), 3-4. " * n
    return {"paper.md": f"As shown (Smith, 2020).\n\n# References\n\n{entry}\n"}


def pandoc_citation_flood(n: int) -> Files:
    """'[@a] ' x n: n citations past the cap; extraction's memory must stay flat."""
    return {
        "paper.md": "Text " + "[@a] " * n + "\n",
        "refs.bib": "@book{a, title={T}, year=2001}\n",
    }


def _numeric_flood(unit: str) -> Callable[[int], Files]:
    """A numeric marker repeated past the cap, in a paper with a numbered list: the
    extractor weighs the whole page's evidence, and must not hold its candidates."""

    def build(n: int) -> Files:
        entries = "\n".join(f"{k}. Writer{k} A. Work {k}. J. 2020;{k}:1-5." for k in range(1, 61))
        return {"paper.md": f"Text {unit * n}\n\n# References\n\n{entries}\n"}

    return build


def narrative_key_flood(n: int) -> Files:
    return {"paper.md": "Text " + "@a " * n + "\n", "refs.bib": "@book{a, title={T}, year=2001}\n"}


def bare_key_flood(n: int) -> Files:
    """'[smith2019] ' x n: the author-year extractor still holds its markers."""
    return {"paper.md": "Text " + "[smith2019] " * n + "\n"}


def pandoc_key_punctuation(n: int) -> Files:
    """Runs of '-', '.-' and ':/' after keys: each a place where a pandoc key may end."""
    text = "as @a" + "-" * n + "b" + ".-" * n + " says [@c" + ":/" * (n * 3 // 5) + "]"
    return {"paper.md": text + "\n", "refs.bib": "@book{a, title={T}, year=2001}\n"}


def bib_blank_lines_then_at(n: int) -> Files:
    return _bib("@article{k, title = {" + "\n" * n + "@x}, year = 2020}\n")


# -- issue 12 point 4: one long line through every reader and extractor --------------

_SENTENCE_TEX = "As \\citet{k1} and \\citep[p.~3]{k2,k3} show, Smith (2020) holds (Chen, 2018). "


def _latex(body: str, preamble: str = "") -> str:
    return f"\\documentclass{{article}}\n{preamble}\\begin{{document}}\n{body}\n\\end{{document}}\n"


def single_line_latex(n: int) -> Files:
    """A LaTeX body on one line: \\cite commands and author-year text (~80 bytes each)."""
    bib = "".join(f"@article{{k{i}, author={{A, B}}, title={{T}}, year=2020}}\n" for i in (1, 2, 3))
    body = _SENTENCE_TEX * n
    return {
        "paper.tex": _latex(body),
        "refs.bib": bib,
    }


def single_line_text(n: int) -> Files:
    """Plain text on one line: author-year, narrative and numeric forms, then a list."""
    sentence = "Lee and Park (2019) and others [3, 5-7] show it (Chen 2018, Okafor et al. 2001). "
    return {"paper.txt": sentence * n + "\n\nReferences\n\nChen, A. (2018). T. J. 1, 2.\n"}


def single_line_links(n: int) -> Files:
    """Markdown links and bare addresses on one line, all on one host."""
    unit = "See [the data](https://example.org/d/{i}?q=1) and <https://example.org/p{i}>. "
    return {"paper.md": "Text (Smith, 2020). " + "".join(unit.format(i=i) for i in range(n))}


def long_url(n: int) -> Files:
    """One address of ~10n characters, in the text and in an entry."""
    url = "https://example.org/" + "abcdefghi/" * n
    return {
        "paper.md": f"Text (Smith, 2020) at {url} and [here]({url}).\n\n# References\n\n"
        f"Smith, J. (2020). Title. {url}\n"
    }


def combining_marks(n: int) -> Files:
    """A name carrying n combining marks (Zalgo text), in a citation and in the list."""
    name = "Sm" + "\u0301\u0327" * n + "ith"
    return {"paper.md": f"Text ({name}, 2020).\n\n# References\n\n{name}, J. (2020). T.\n"}


def tiny_entries(n: int) -> Files:
    """A free-text reference list of n three-word entries."""
    entries = "".join(f"{FAMILIES[i % 8]}{i}, A. {1900 + i % 125}.\n" for i in range(n))
    return {"paper.md": f"Text (Smith0, 1900).\n\n# References\n\n{entries}"}


def tex_deep_braces(n: int) -> Files:
    """A LaTeX body nested n groups and n \\textbf deep, a \\cite at the bottom."""
    body = "{" * n + "\\textbf{" * n + "\\cite{k}" + "}" * (2 * n)
    return {
        "paper.tex": f"\\documentclass{{article}}\n\\begin{{document}}\n{body}\n\\end{{document}}\n"
    }


def tex_macro_chain(n: int) -> Files:
    """n macros each defined by the one before, the last holding a \\cite."""
    defs = "\\newcommand{\\ma}{\\cite{k}}\n" + "".join(
        f"\\newcommand{{\\m{_alpha(i)}}}{{\\m{_alpha(i - 1)}\\m{_alpha(i - 1)}}}\n"
        for i in range(1, n)
    )
    last = _alpha(n - 1)
    return {"paper.tex": _latex(f"\\m{last}", defs)}


def tex_macro_empty_ladder(n: int) -> Files:
    """A macro defined citing, then redefined empty; 20 macros each using the one below
    four times (4**20 empty expansions a use, nothing written); n uses of the top."""
    defs = "\\newcommand{\\ma}{\\cite{k}}\n\\renewcommand{\\ma}{}\n" + "".join(
        f"\\newcommand{{\\m{_alpha(i)}}}{{" + f"\\m{_alpha(i - 1)}" * 4 + "}\n"
        for i in range(1, 20)
    )
    return {"paper.tex": _latex(f"\\m{_alpha(19)} text\n" * n, defs)}


def _alpha(i: int) -> str:
    """A macro name for `i` (LaTeX names are letters only)."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(97 + r) + out
    return out


def yaml_front_matter_aliases(n: int) -> Files:
    """Front matter of n levels of aliases, each doubling the last ('billion laughs')."""
    rows = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    rows += [f"a{i}: &a{i} [*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1}]" for i in range(1, n)]
    head = "---\ntitle: T\n" + "\n".join(rows) + "\nbibliography: refs.bib\n---\n"
    return {
        "paper.md": head + "\nAs shown [@k].\n",
        "refs.bib": "@book{k, title={T}, year=2001}\n",
    }


def csl_yaml_aliases(n: int) -> Files:
    """A CSL YAML bibliography whose items repeat an alias n levels deep."""
    rows = ["x0: &x0 {family: Okafor, given: Ada}"]
    rows += [f"x{i}: &x{i} [*x{i - 1}, *x{i - 1}, *x{i - 1}, *x{i - 1}]" for i in range(1, n)]
    items = f"references:\n- id: k\n  title: T\n  author: *x{n - 1}\n  issued: 2020\n"
    return {"refs.yaml": "\n".join(rows) + "\n" + items, "paper.md": "As shown [@k].\n"}


def csl_yaml_items(n: int) -> Files:
    items = "".join(
        f"- id: k{i}\n  title: Title {i}\n  author:\n  - family: {FAMILIES[i % 8]}{i}\n"
        f"    given: J.\n  issued: {1900 + i % 125}\n"
        for i in range(n)
    )
    return {"refs.yaml": "references:\n" + items, "paper.md": "As shown [@k1].\n"}


def csl_yaml_deep(n: int) -> Files:
    return {"refs.yaml": "references: " + "[" * n + "]" * n + "\n", "paper.md": "As [@k].\n"}


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(body: str) -> bytes:
    import io
    import zipfile

    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


_LIST = "<w:p>" + _run("References") + "</w:p><w:p>" + _run("Chen, A. (2018). T. J.") + "</w:p>"


def docx_one_paragraph(n: int) -> FilesOrBytes:
    """A Word body of one paragraph of n sentences (one run)."""
    text = "As Smith (2020) and Lee &amp; Park (2019a) show, it holds (Chen, 2018). " * n
    return {"paper.docx": _docx("<w:p>" + _run(text) + "</w:p>" + _LIST)}


def docx_many_runs(n: int) -> FilesOrBytes:
    """One paragraph of n runs of a few characters (1,000,000 at 100x)."""
    runs = "".join(_run("(Chen, 2018). " if i % 50 == 0 else "word ") for i in range(n))
    return {"paper.docx": _docx("<w:p>" + runs + "</w:p>" + _LIST)}


def docx_entities(n: int) -> FilesOrBytes:
    """An XML entity declared n levels deep, each ten of the last (entity expansion)."""
    decls = '<!ENTITY e0 "lol">' + "".join(
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, n)
    )
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{decls}]>'
        f'<w:document xmlns:w="{_W}"><w:body><w:p>{_run(f"&e{n - 1};")}</w:p>'
        f"<w:p>{_run('(Chen, 2018).')}</w:p></w:body></w:document>"
    )
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return {"paper.docx": buffer.getvalue()}


def docx_field_pieces(n: int) -> FilesOrBytes:
    """One field whose code is cut into n runs (was joined and judged at every piece)."""
    pieces = '<w:r><w:instrText xml:space="preserve">x</w:instrText></w:r>' * n
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f"{pieces}"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{_run('(Chen, 2018)')}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return {"paper.docx": _docx(f"<w:p>{field}</w:p>" + _LIST)}


def pdf_pages(n: int) -> FilesOrBytes:
    """A printed PDF of n pages of author-year text (reportlab), then a list."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for page in range(n):
        y = 780.0
        for line in range(50):
            canvas.setFont("Times-Roman", 10)
            canvas.drawString(
                56,
                y,
                f"As Smith (2020) and Lee (2019) show [{line % 9 + 1}], "
                f"page {page} holds (Chen, 2018).",
            )
            y -= 14
        canvas.showPage()
    canvas.drawString(56, 780, "References")
    canvas.drawString(56, 766, "Chen, A. (2018). Title. Journal 1, 2-3.")
    canvas.showPage()
    canvas.save()
    return {"paper.pdf": buffer.getvalue()}


# -- the red team's freeze round: depth, floods and bombs per reader ------------------


def md_blockquote_depth(n: int) -> Files:
    """One line quoted n levels deep ('> > > ...'), a citation at the bottom."""
    return {"paper.md": "Text.\n\n" + "> " * n + "(Smith, 2020)\n"}


def md_list_depth(n: int) -> Files:
    """One line of n list markers ('- - - ...'): a list nested n deep in CommonMark."""
    return {"paper.md": "Text.\n\n" + "- " * n + "(Smith, 2020)\n"}


def md_link_nesting(n: int) -> Files:
    """'[' x n, a word, then '](x)' x n: links inside links, n deep."""
    return {"paper.md": "Text (Smith, 2020) " + "[" * n + "a" + "](x)" * n + "\n"}


def md_reference_definitions(n: int) -> Files:
    """n link reference definitions and n uses of them."""
    defs = "".join(f"[r{i}]: https://example.org/{i}\n" for i in range(n))
    uses = " ".join(f"[r{i}]" for i in range(n))
    return {"paper.md": f"Text (Smith, 2020) {uses}.\n\n{defs}"}


def tex_flat_braces(n: int) -> Files:
    """A LaTeX body n groups deep ('{' x n) around one \\cite."""
    return {"paper.tex": _latex("{" * n + "\\cite{k}" + "}" * n)}


def tex_environment_depth(n: int) -> Files:
    """n nested environments around one \\cite."""
    body = "\\begin{quote}" * n + "\\cite{k}" + "\\end{quote}" * n
    return {"paper.tex": _latex(body)}


def tex_unclosed_optional(n: int) -> Files:
    """'\\cite[' x n: optional arguments never closed."""
    return {"paper.tex": _latex("Text \\cite{k}. " + "\\cite[a " * n)}


def pandoc_many_keys(n: int) -> Files:
    """One bracket of n keys: '[@k0; @k1; ...]'."""
    keys = "; ".join(f"@k{i}" for i in range(n))
    return {"paper.md": f"Text [{keys}].\n", "refs.bib": "@book{k0, title={T}, year=2001}\n"}


def pandoc_open_brackets(n: int) -> Files:
    """'[@a' then a line break, n times: brackets that never close over n lines."""
    return {"paper.md": "Text " + "[@a x\n" * n, "refs.bib": "@book{a, title={T}, year=2001}\n"}


def numeric_huge_ranges(n: int) -> Files:
    """'[1-999999999] ' x n: ranges whose ends are far apart, with a numbered list."""
    return _numeric_flood("[1-999999999] ")(n)


def bidi_controls(n: int) -> Files:
    """Text and an entry whose name is wrapped in n bidi overrides and isolates."""
    name = "\u202e\u2067" * n + "Smith" + "\u2069\u202c" * n
    return {"paper.md": f"Text ({name}, 2020).\n\n# References\n\n{name}, J. (2020). T.\n"}


def ris_long_line(n: int) -> Files:
    """One RIS title of n words on one line."""
    ris = "TY  - JOUR\nAU  - Smith, J.\nTI  - " + "word " * n + "\nPY  - 2020\nER  - \n"
    return {"refs.ris": ris, "paper.md": "As shown (Smith, 2020).\n"}


def ris_stray_lines(n: int) -> Files:
    """n lines outside any record, n end tags without a start, then one record."""
    ris = "stray\nER  - \n" * n + "TY  - JOUR\nAU  - Smith, J.\nPY  - 2020\nER  - \n"
    return {"refs.ris": ris, "paper.md": "As shown (Smith, 2020).\n"}


def ris_duplicate_tags(n: int) -> Files:
    """One record repeating a single-value tag n times, each with a continuation line."""
    ris = "TY  - JOUR\nAU  - Smith, J.\n" + "TI  - t\nmore\n" * n + "PY  - 2020\nER  - \n"
    return {"refs.ris": ris, "paper.md": "As shown (Smith, 2020).\n"}


def csl_json_long_string(n: int) -> Files:
    """A CSL-JSON title of n words, escaped characters and lone surrogates among them."""
    title = "w\\u00e9 \\ud800 " * n
    item = f'{{"id": "k", "title": "{title}", "author": [{{"family": "Smith"}}],'
    item += ' "issued": {"date-parts": [[2020]]}}'
    return {"refs.json": f"[{item}]", "paper.md": "As shown [@k].\n"}


def csl_json_many_authors(n: int) -> Files:
    """One CSL-JSON item with n authors."""
    authors = ", ".join(f'{{"family": "F{i}", "given": "G"}}' for i in range(n))
    item = f'{{"id": "k", "title": "T", "author": [{authors}], '
    item += '"issued": {"date-parts": [[2020]]}}'
    return {"refs.json": f"[{item}]", "paper.md": "As shown [@k].\n"}


def csl_yaml_long_scalar(n: int) -> Files:
    """A CSL YAML title of n words, folded over n lines."""
    title = "".join("    word\n" for _ in range(n))
    return {
        "refs.yaml": f"references:\n- id: k\n  issued: 2020\n  title: >\n{title}",
        "paper.md": "As shown [@k].\n",
    }


def docx_many_paragraphs(n: int) -> FilesOrBytes:
    """n short Word paragraphs, each citing (250,000 at 100x: the paragraph cap)."""
    body = "".join("<w:p>" + _run("(Chen, 2018).") + "</w:p>" for _ in range(n))
    return {"paper.docx": _docx(body + _LIST)}


def docx_unpacked_text(n: int) -> FilesOrBytes:
    """A part that unpacks ~n KB of one paragraph's text from a small upload."""
    runs = "".join(_run(f"word{i} (Chen, 2018) " * 40) for i in range(n))  # ~1 KB each
    return {"paper.docx": _docx("<w:p>" + runs + "</w:p>" + _LIST)}


def docx_table_depth(n: int) -> FilesOrBytes:
    """Tables nested n deep (XML nesting past libxml2's own depth limit at 100x)."""
    cell = "<w:tbl><w:tr><w:tc>" * n + "<w:p>" + _run("(Chen, 2018).") + "</w:p>"
    return {"paper.docx": _docx(cell + "</w:tc></w:tr></w:tbl>" * n + _LIST)}


def docx_many_fields(n: int) -> FilesOrBytes:
    """n one-run fields opened and never closed."""
    field = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    field += '<w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM x</w:instrText></w:r>'
    return {"paper.docx": _docx("<w:p>" + field * n + "</w:p>" + _LIST)}


def pdf_flate_bomb(n: int) -> FilesOrBytes:
    """A page whose content stream deflates ~n MB of spaces from a small file."""
    import zlib

    stream = zlib.compress(b"BT /F1 10 Tf 56 700 Td (Smith 2020) Tj ET " + b" " * (n << 20), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return {"paper.pdf": _pdf(objects)}


def pdf_page_tree_loop(n: int) -> FilesOrBytes:
    """A page tree of n nodes whose last node lists the root again as a kid."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for i in range(n):
        kid = 3 + i if i + 1 < n else 2
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % kid)
    return {"paper.pdf": _pdf(objects)}


def pdf_many_objects(n: int) -> FilesOrBytes:
    """One page and n unused objects (arrays nested 100 deep each)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    objects += [b"[" * 100 + b"]" * 100] * n
    return {"paper.pdf": _pdf(objects)}


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file of `objects` (numbered from 1), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        start,
    )
    return bytes(out)


def _letters(i: int) -> str:
    """A made-up word for `i`, letters only (a name reader skips digits)."""
    out = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        out = chr(97 + rest) + out
    return out


def _uncited_books(n: int, family: Callable[[int], str]) -> str:
    return "".join(
        f"@book{{k{i}, author = {{{family(i)}, Ann}}, "
        f"title = {{Tall{_letters(i)} harbours of empire}}, publisher = {{Press}}}}\n"
        for i in range(n)
    )


def rules_paragraphs_entries(n: int) -> Files:
    """n one-line paragraphs beside n uncited entries: the no-year styles' name-and-title
    check looked at every entry in every paragraph (10,000: 27.7 CPU s)."""
    body = "".join(f"Plain{_letters(i)} words here.\n\n" for i in range(n))
    return {"paper.md": body, "refs.bib": _uncited_books(n, lambda i: f"Writer{_letters(i)}")}


def rules_author_page_fanout(n: int) -> Files:
    """n works of one author and n '(Smith Zed 4)': MLA's author-page check folded every
    work's title per parenthesis (1,000: 2.1 CPU s)."""
    body = "Text " + "(Smith Zed 4) " * n + "\n"
    return {"paper.md": body, "refs.bib": _uncited_books(n, lambda i: "Smith")}


def md_years_run(n: int) -> Files:
    """'Smith' then n bare years on one line: n weak citations sharing the run as their
    text; the matcher searched the whole run for each one's item (600 KB: 19 CPU s)."""
    return {"paper.md": "Text Smith " + "2020, " * n + "\n"}


def md_html_item_blanks(n: int) -> Files:
    """An HTML list item padded with n blanks: its closing tag was searched for from
    every blank (80,000: 10.5 CPU s)."""
    item = "<li>Smith, J. (2020). Tides." + " " * n + "x"
    return {"paper.md": f"Text (Smith, 2020).\n\n# References\n\n<ol>\n{item}\n</ol>\n"}


@dataclass(frozen=True)
class Shape:
    name: str
    build: Callable[[int], Files] | Callable[[int], FilesOrBytes]
    base: int  # size at 1x
    what: str


SHAPES = (
    Shape("bibitem-optional-groups", bibitem_optional_groups, 400, "\\bibitem[ + {a} x n"),
    Shape("ieee-initials", ieee_initials, 400, "reference line of 'A. ' x n"),
    Shape("input-fan-out", input_fan_out, 16, "8 files, each \\input of the next n/8 times"),
    Shape("string-doubling", string_doubling, 20, "@string{m_i = m_i-1 # m_i-1}, n macros"),
    Shape("cite-many-keys", cite_many_keys, 800, "one \\cite{} with n keys"),
    Shape("backticks", backticks, 1600, "a line of n backticks"),
    Shape("year-in-parentheses", year_in_parentheses, 200, "'(2020) ' x n in body text"),
    Shape("doi-flood", doi_flood, 400, "'10.1000/x ' x n, body and reference list"),
    Shape("bibitems-one-line", bibitems_one_line, 50, "n \\bibitem on one line"),
    Shape("csl-json-items", csl_json_items, 200, "CSL-JSON with n items"),
    Shape("same-author-year", same_author_and_year, 100, "n BibTeX entries, one author and year"),
    Shape("single-line-manuscript", single_line_manuscript, 625, "one line, ~50 KB at 1x"),
    Shape("bib-deep-braces", bib_deep_braces, 1000, "a field nested n braces deep"),
    Shape("bib-unbalanced-braces", bib_unbalanced_braces, 3000, "'{a ' x n never closed"),
    Shape("bib-unterminated-quote", bib_unterminated_quote, 3000, "a quote never closed"),
    Shape("bib-string-chain", bib_string_chain, 1000, "@string s_i = s_i-1 # 'x', n macros"),
    Shape("bib-macro-concat", bib_macro_concatenation, 2000, "one value 'a # a # ...' n times"),
    Shape("bib-huge-field", bib_huge_field, 2000, "one field of n words, a year of n spaces"),
    Shape("bib-at-flood", bib_at_flood, 10_000, "'@a{' x n on one line"),
    Shape("bib-at-lines", bib_at_lines, 10_000, "'@a{' on n lines"),
    Shape("bib-unclosed-lines", bib_unclosed_lines, 10_000, "n entries left open, one a line"),
    Shape("txt-person-lines", txt_person_lines, 1_000, "a list of n lines 'Smith, J.'"),
    Shape("csl-deep-nesting", csl_deep_nesting, 1000, "CSL-JSON '[' x n ']' x n"),
    Shape("csl-huge-number", csl_huge_number, 1000, "a year of n digits"),
    Shape("csl-duplicate-keys", csl_duplicate_keys, 1000, "one item with 'id' n times"),
    Shape("ris-many-tags", ris_many_tags, 2000, "one RIS record with n AU tags"),
    Shape("ris-many-records", ris_many_records, 1000, "n RIS records"),
    Shape("ris-run-on-abstract", ris_run_on_abstract, 3200, "an abstract of n continuation lines"),
    Shape("md-brackets", _md_line("["), 10_000, "a line of n '['"),
    Shape("md-parens", _md_line("("), 10_000, "a line of n '('"),
    Shape("md-link-spaces", md_link_spaces, 2000, "'[a](' then n spaces, never closed"),
    Shape("md-stars", _md_line("*"), 10_000, "a line of n '*'"),
    Shape("md-underscores", _md_line("_"), 10_000, "a line of n '_'"),
    Shape("md-mixed", _md_line("[(*_`\\"), 2000, "'[(*_`\\' x n on one line"),
    Shape("txt-delimiters", txt_delimiters, 2000, "plain text: '[(*_' x n, a list of '('"),
    Shape("tex-unbalanced", tex_unbalanced, 5000, "'{' x n and \\def\\a{\\a\\a} loops"),
    Shape("freetext-long-entry", freetext_long_entry, 300, "one reference of ~32n characters"),
    Shape("pandoc-citation-flood", pandoc_citation_flood, 10_000, "'[@a] ' x n (cap 50,000)"),
    Shape("narrative-key-flood", narrative_key_flood, 10_000, "'@a ' x n (cap 50,000)"),
    Shape("bare-key-flood", bare_key_flood, 10_000, "'[smith2019] ' x n (cap 50,000)"),
    Shape("numeric-flood", _numeric_flood("[1] "), 4000, "'[1] ' x n, numbered list"),
    Shape("numeric-range-flood", _numeric_flood("[1-50] "), 4000, "'[1-50] ' x n"),
    Shape("superscript-flood", _numeric_flood("word.^1^ "), 4000, "'word.^1^ ' x n"),
    Shape("flattened-flood", _numeric_flood("word 1. "), 4000, "'word 1. ' x n (list order)"),
    Shape("code-span-flood", _md_line("`a` "), 4000, "'`a` ' x n: a code span each"),
    Shape("joined-split-flood", _numeric_flood("9 9^,^"), 4000, "'9 9^,^' x n (once 95 s)"),
    Shape("flattened-cells", _numeric_flood("Tiles.^3^ cells 4 were "), 1000, "flattened x n"),
    Shape("bracket-separators", _numeric_flood("1), ("), 4000, "'1), (' x n, numbered list"),
    Shape("joined-after-word", _numeric_flood("x 5^,^6 "), 4000, "'x 5^,^6 ' x n"),
    Shape("pandoc-key-punctuation", pandoc_key_punctuation, 5000, "'-', '.-', ':/' runs of n"),
    Shape(
        "bib-blank-lines-then-at", bib_blank_lines_then_at, 2000, "n blank lines, '@x' in a title"
    ),
    Shape("single-line-latex", single_line_latex, 625, "LaTeX body on one line, ~50 KB at 1x"),
    Shape("single-line-text", single_line_text, 625, "plain text on one line, ~50 KB at 1x"),
    Shape("single-line-links", single_line_links, 625, "2n links to one host on one line"),
    Shape("long-url", long_url, 1000, "one address of ~10n characters"),
    Shape("combining-marks", combining_marks, 1000, "a name with 2n combining marks"),
    Shape("tiny-entries", tiny_entries, 200, "a free-text list of n tiny entries"),
    Shape("tex-deep-braces", tex_deep_braces, 200, "n groups and n \\textbf deep"),
    Shape("tex-macro-chain", tex_macro_chain, 20, "\\m_i = \\m_i-1\\m_i-1, n macros"),
    Shape("tex-macro-empty-ladder", tex_macro_empty_ladder, 100, "n uses of a 4**20 empty ladder"),
    Shape("yaml-front-matter-aliases", yaml_front_matter_aliases, 3, "n alias levels, x4 each"),
    Shape("csl-yaml-aliases", csl_yaml_aliases, 3, "CSL YAML author list n alias levels deep"),
    Shape("csl-yaml-items", csl_yaml_items, 200, "CSL YAML with n items"),
    Shape("csl-yaml-deep", csl_yaml_deep, 1000, "CSL YAML '[' x n"),
    Shape("docx-one-paragraph", docx_one_paragraph, 625, "one Word paragraph, ~50 KB at 1x"),
    Shape("docx-many-runs", docx_many_runs, 10_000, "one Word paragraph of n runs"),
    Shape("docx-entities", docx_entities, 2, "an XML entity n levels deep, x10 each"),
    Shape("docx-field-pieces", docx_field_pieces, 1000, "one field code cut into n runs"),
    Shape("pdf-pages", pdf_pages, 2, "a printed PDF of n pages"),
    Shape("md-blockquote-depth", md_blockquote_depth, 1000, "'> ' x n on one line"),
    Shape("md-list-depth", md_list_depth, 1000, "'- ' x n on one line"),
    Shape("md-link-nesting", md_link_nesting, 1000, "'[' x n, 'a', '](x)' x n"),
    Shape("md-reference-definitions", md_reference_definitions, 1000, "n definitions, n uses"),
    Shape("tex-flat-braces", tex_flat_braces, 1000, "'{' x n around a \\cite"),
    Shape("tex-environment-depth", tex_environment_depth, 100, "n nested environments"),
    Shape("tex-unclosed-optional", tex_unclosed_optional, 1000, "'\\cite[a ' x n"),
    Shape("pandoc-many-keys", pandoc_many_keys, 500, "'[@k0; @k1; ...]' n keys"),
    Shape("pandoc-open-brackets", pandoc_open_brackets, 1000, "'[@a x' + newline, n times"),
    Shape("numeric-huge-ranges", numeric_huge_ranges, 4000, "'[1-999999999] ' x n"),
    Shape("bidi-controls", bidi_controls, 1000, "a name inside 2n bidi controls"),
    Shape("ris-long-line", ris_long_line, 10_000, "a RIS title of n words"),
    Shape("ris-stray-lines", ris_stray_lines, 2000, "n stray lines and n lone end tags"),
    Shape("ris-duplicate-tags", ris_duplicate_tags, 1000, "TI repeated n times, continued"),
    Shape("csl-json-long-string", csl_json_long_string, 10_000, "a title of n escaped words"),
    Shape("csl-json-many-authors", csl_json_many_authors, 500, "one item with n authors"),
    Shape("csl-yaml-long-scalar", csl_yaml_long_scalar, 2000, "a folded title of n lines"),
    Shape("docx-many-paragraphs", docx_many_paragraphs, 2500, "n Word paragraphs"),
    Shape("docx-unpacked-text", docx_unpacked_text, 100, "one paragraph of ~n KB"),
    Shape("docx-table-depth", docx_table_depth, 3, "tables nested n deep"),
    Shape("docx-many-fields", docx_many_fields, 500, "n fields begun, never ended"),
    Shape("pdf-flate-bomb", pdf_flate_bomb, 1, "a content stream deflating to n MB"),
    Shape("pdf-page-tree-loop", pdf_page_tree_loop, 100, "a page tree of n nodes, looped"),
    Shape("pdf-many-objects", pdf_many_objects, 1000, "n unused objects, nested arrays"),
    Shape("rules-paragraphs-entries", rules_paragraphs_entries, 100, "n paragraphs, n entries"),
    Shape("rules-author-page-fanout", rules_author_page_fanout, 20, "n works, n '(Smith Zed 4)'"),
    Shape("md-years-run", md_years_run, 1000, "'Smith' then '2020, ' x n on one line"),
    Shape("md-html-item-blanks", md_html_item_blanks, 1000, "an <li> item padded with n blanks"),
)
SINGLE_LINE_GOAL = ("single-line-manuscript", 100, 10.0)  # shape, scale, seconds (5 MB)
# shape, scale, what, limit, unit ("s": wall seconds, "MB": peak memory the run added)
GOALS = (
    ("single-line-manuscript", 100, "5 MB single-line manuscript, offline audit", 10.0, "s"),
    ("cite-many-keys", 100, "one \\cite{} with 80,000 keys, peak memory", 300.0, "MB"),
)


def _cpu() -> float:
    """CPU seconds of this process and of its finished children: the PDF engine reads in
    a child process of its own (`pdf_isolated`), whose time the process's clock misses
    (a PDF shape showed 0.02 s however large)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def measure(shape: Shape, scale: int) -> dict[str, float | int | str]:
    """In the child: build the input, run one offline audit, and report time and memory."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))
    from citeaudit.audit import AuditInput, audit
    from citeaudit.audit_data import Phase
    from citeaudit.report.json import JsonReporter

    files = shape.build(shape.base * scale)
    with tempfile.TemporaryDirectory(prefix="citeaudit-linearity-") as folder:
        paths = []
        for name, content in files.items():
            path = Path(folder) / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            paths.append(path)
        size = sum(p.stat().st_size for p in paths)
        manuscripts = [
            p
            for p in paths
            if p.suffix in (".md", ".tex", ".txt", ".docx", ".pdf") and p.name.startswith("paper")
        ]
        bibliographies = [p for p in paths if p.suffix in (".bib", ".json", ".ris", ".yaml")]
        report = Path(folder) / "report.json"
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cwd = os.getcwd()
        os.chdir(folder)  # \input{f1} is read relative to the manuscript's folder
        started, cpu = time.perf_counter(), _cpu()
        try:
            result = audit(
                AuditInput(tuple(manuscripts), tuple(bibliographies)),
                skipped={Phase.RESOLUTION: "offline", Phase.LINKS: "offline"},
            )
            audited = time.perf_counter()
            with report.open("w", encoding="utf-8") as stream:  # as `citeaudit check -o`
                JsonReporter().write(result, stream)
        finally:
            os.chdir(cwd)
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
        report_bytes = report.stat().st_size
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    return {
        "bytes": size,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "report_seconds": seconds - (audited - started),
        "peak_mb": grown / 1024,
        "findings": len(result.findings),
        "references": len(result.data.references),
        "citations": len(result.data.citations),
        "report_bytes": report_bytes,
    }


def run_child(
    shape: Shape, scale: int, limit: float, clock: str = "cpu"
) -> dict[str, float | int | str]:
    """One measurement in a child. With the CPU clock the limit is the child's CPU time
    (RLIMIT_CPU: load does not make a linear shape look stuck); the wall clock waits up
    to ten times as long before giving up on a loaded machine."""
    command = [sys.executable, __file__, "--child", shape.name, "--scale", str(scale)]
    if clock == "cpu":
        command += ["--cpu-limit", str(limit)]
        limit_wall = limit * 10
    else:
        limit_wall = limit
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=limit_wall, env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"> {limit_wall:g} s"}
    if clock == "cpu" and done.returncode == -signal.SIGXCPU:
        return {"error": f"> {limit:g} cpu s"}
    try:
        data: dict[str, float | int | str] = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        tail = (done.stderr or "").strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        return {"error": f"failed: {tail[0][:120]}"}
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=[], help="shapes whose name contains this")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds per measurement")
    parser.add_argument("--scales", nargs="*", type=int, default=[1, 10, 100])
    parser.add_argument(
        "--full", action="store_true", help="measure every scale (no skip of a long 100x)"
    )
    parser.add_argument(
        "--clock",
        choices=("cpu", "wall"),
        default="cpu",
        help="judge growth, goals and the limit on CPU time (default: a shared machine's "
        "load does not inflate it) or wall time",
    )
    parser.add_argument("--cpu-limit", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    by_name = {s.name: s for s in SHAPES}

    if args.child:
        if args.cpu_limit:
            seconds = int(args.cpu_limit) + 1
            resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 5))
        print(json.dumps(measure(by_name[args.child], args.scale)))
        return 0

    shapes = [s for s in SHAPES if not args.only or any(o in s.name for o in args.only)]
    flagged: list[str] = []
    goals: list[str] = []
    print(
        f"{'shape':26} {'scale':>5} {'bytes':>10} {'seconds':>9} {'cpu s':>7} {'report s':>8} "
        f"{'peak MB':>8} {'refs':>6} {'cites':>6} {'findings':>8}"
    )
    for shape in shapes:
        times: dict[int, float | None] = {}
        peaks: dict[int, float] = {}
        for scale in args.scales:
            skip = None if args.full else _skip(shape, scale, times, args.scales)
            if skip:
                print(f"{shape.name:26} {scale:4d}x {'':>10} {'skipped':>9}  {skip}")
                continue
            got = run_child(shape, scale, args.limit, args.clock)
            if "error" in got:
                print(f"{shape.name:26} {scale:4d}x {'':>10} {got['error']:>9}")
                times.update(dict.fromkeys(args.scales[args.scales.index(scale) :]))
                break  # a bigger size cannot do better
            times[scale] = float(got["cpu_seconds" if args.clock == "cpu" else "seconds"])
            peaks[scale] = float(got["peak_mb"])
            print(
                f"{shape.name:26} {scale:4d}x {got['bytes']:10d} {got['seconds']:9.3f} "
                f"{got['cpu_seconds']:7.2f} {got['report_seconds']:8.2f} "
                f"{got['peak_mb']:8.1f} {got['references']:6d} {got['citations']:6d} "
                f"{got['findings']:8d}",
                flush=True,
            )
        verdict = _verdict(shape, times, args.scales, args.limit)
        if verdict and not verdict.startswith("NOT MEASURED"):
            flagged.append(f"{shape.name}: {verdict}")
        goals.extend(_goal_lines(shape, times, peaks))
        flag = f"  {verdict}" if verdict else ""
        print(f"{'':26} {shape.what}; {_ratios(times, args.scales)}{flag}\n")
    print("flagged:" if flagged else "no shape flagged: every one grew linearly")
    for line in flagged:
        print(f"  {line}")
    for line in goals:
        print(line)
    return 1 if flagged or any(" MISSED " in line for line in goals) else 0


def _skip(shape: Shape, scale: int, times: dict[int, float | None], scales: list[int]) -> str:
    """Why a long last scale need not run: the one before already shows linear growth.

    A shape with a goal is always measured at its goal's scale. Otherwise the last
    scale is skipped when the one before took over `LONG_ENOUGH` seconds (not start-up
    noise) and grew at most linearly from the one before it: a quadratic shape shows
    itself there already, and the skipped run would take ten times as long.
    """
    if scale != scales[-1] or len(scales) < 3 or any(g[0] == shape.name for g in GOALS):
        return ""
    small, large = scales[-3], scales[-2]
    before, after = times.get(small), times.get(large)
    if not before or not after or after < LONG_ENOUGH:
        return ""
    if after / before > SUPER_LINEAR * large / small:
        return ""
    estimate = after * scale / large
    return (
        f"time({large}x)/time({small}x) = {after / before:.1f} already linear; "
        f"~{estimate:.0f} s at {scale}x (--full runs it)"
    )


def _goal_lines(shape: Shape, times: dict[int, float | None], peaks: dict[int, float]) -> list[str]:
    lines = []
    for name, scale, what, limit, unit in GOALS:
        if name != shape.name:
            continue
        got = (times if unit == "s" else peaks).get(scale)
        if got is None:
            lines.append(f"GOAL NOT MEASURED: {what} (goal < {limit:g} {unit})")
            continue
        state = "MET" if got < limit else "MISSED"
        lines.append(f"GOAL {state} : {what} -> {got:.1f} {unit} (goal < {limit:g} {unit})")
    return lines


def _ratios(times: dict[int, float | None], scales: list[int]) -> str:
    first, last = scales[0], scales[-1]
    parts = []
    if times.get(first) and times.get(last):
        parts.append(f"time({last}x)/time({first}x) = {times[last] / times[first]:.1f}")  # type: ignore[operator]
    if len(scales) >= 3 and times.get(scales[-2]) and times.get(last):
        parts.append(f"time({last}x)/time({scales[-2]}x) = {times[last] / times[scales[-2]]:.1f}")  # type: ignore[operator]
    return ", ".join(parts) or "no ratio"


def _verdict(shape: Shape, times: dict[int, float | None], scales: list[int], limit: float) -> str:
    name, goal_scale, goal = SINGLE_LINE_GOAL
    if shape.name == name and goal_scale in times:
        took = times[goal_scale]
        if took is None or took > goal:
            shown = f"{took:.1f} s" if took is not None else "over the limit"
            return f"MISSES GOAL (5 MB single line in {shown}, goal < {goal:g} s)"
    measured = [(scale, t) for scale, t in times.items() if t is not None]
    for (small, before), (large, after) in itertools.pairwise(measured):
        step = large / small
        if after > NOISE_FLOOR and after / before > SUPER_LINEAR * step:
            return (
                f"SUPER-LINEAR (x{after / before:.0f} for x{step:g} the size, {small}x->{large}x)"
            )
    stopped = [scale for scale, t in times.items() if t is None]
    if stopped:
        if not measured:
            return "SUPER-LINEAR? (even the smallest size hit the time or memory limit)"
        scale, seconds = measured[-1]
        linear = seconds * stopped[0] / scale
        if linear * SUPER_LINEAR < limit:
            return f"SUPER-LINEAR (hit the limit; linear growth would take ~{linear:.0f} s)"
        return f"NOT MEASURED at {stopped[0]}x (linear growth would take ~{linear:.0f} s)"
    return ""


if __name__ == "__main__":
    sys.exit(main())
