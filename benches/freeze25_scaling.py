"""freeze25: hostile uploads the earlier scaling rounds did not grow, reader by reader.

linearity.py, r5z_hostile.py and freeze20-23_scaling.py grow about 350 shapes. This
round adds: nesting 100,000 deep on one line (parentheses, brackets, list and quote
markers, \\begin{itemize}, BibTeX braces), Markdown nesting (blockquotes, lists,
emphasis runs, HTML tags, link reference definitions, footnotes), one parenthesis of
many author-year cites with near-miss names, numeric lists of many ranges and one
huge range, 'et al.' floods, 100,000 short lines, entries of many initials or years,
many entries of one author cited many times with near-miss years (the matcher's
pairs), BibTeX 'and' floods and '#' chains of defined strings, RIS author floods,
Word paragraphs of many runs and many footnotes. Each runs a whole offline audit in
a child with a CPU limit (benches/shape_children.py); a step whose time grows over
twice as fast as the size, past half a second, is flagged SUPER-LINEAR.

    nice .venv/bin/python benches/freeze25_scaling.py [--only NAME ...] [--scales 1 10 100]
                                                      [--limit 60]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from freeze22_scaling import _docx  # noqa: E402
from freeze23_scaling import _LIST, _bib, _md, _txt  # noqa: E402
from linearity import Files, FilesOrBytes, Shape, _run  # noqa: E402

_DLIST = "<w:p>" + _run("References") + "</w:p><w:p>" + _run("Smith, J. (2020). T. J.") + "</w:p>"


def _name(i: int) -> str:
    letters = "abcdefghij"
    return "Sm" + "".join(letters[int(d)] for d in str(i))


# -- Markdown structure ------------------------------------------------------------


def md_blockquote_depth(n: int) -> Files:
    """A citation inside n nested blockquotes, n lines deep each one deeper."""
    return _md("\n".join("> " * i + "As (Smith, 2020)." for i in range(1, n)) + "\n")


def md_list_depth(n: int) -> Files:
    """A list n levels deep, a cite on every level."""
    return _md("\n".join("  " * i + "- (Smith, 2020)" for i in range(n)) + "\n")


def md_emphasis_run(n: int) -> Files:
    """'***' x n around a cite, one '_' x n unclosed."""
    return _md("*" * n + "(Smith, 2020)" + "*" * n + " " + "_" * n + " (Smith, 2020)\n")


def md_html_nesting(n: int) -> Files:
    """<span><div>... n open tags, a cite, n close tags, and n unclosed '<a'."""
    return _md("<span>" * n + "(Smith, 2020)" + "</span>" * n + " " + "<a " * n + "\n")


def md_link_definitions(n: int) -> Files:
    """n link reference definitions, each used once in body text."""
    body = " ".join(f"[x{i}] (Smith, 2020)" for i in range(n))
    defs = "\n".join(f"[x{i}]: https://example.org/{i}" for i in range(n))
    return _md(body + "\n\n" + defs + "\n")


def md_footnotes(n: int) -> Files:
    """n footnotes each holding a cite."""
    body = " ".join(f"Claim[^{i}]." for i in range(n))
    notes = "\n".join(f"[^{i}]: See Smith (2020)." for i in range(n))
    return _md(body + "\n\n" + notes + "\n")


def md_code_fence_flood(n: int) -> Files:
    """n opening code fences of growing length, none closed, cites between."""
    return _md("\n".join("`" * (3 + i % 50) + f"\n(Smith, 2020) {i}" for i in range(n)) + "\n")


# -- citations ----------------------------------------------------------------------


def md_one_paren_cites(n: int) -> Files:
    """(A1, 2000; A2, 2001; ...) n near-miss names, one list of n entries."""
    cites = "; ".join(f"{_name(i)}, {1900 + i % 100}" for i in range(n))
    entries = "\n".join(f"{_name(i)}, J. ({1900 + (i + 1) % 100}). T." for i in range(n))
    return _md(f"As ({cites}).\n", "\n\n# References\n\n" + entries + "\n")


def md_numeric_ranges(n: int) -> Files:
    """[1-2,3-4,...] n ranges, one [1–999999999], a numbered list of 20."""
    ranges = ",".join(f"{2 * i + 1}-{2 * i + 2}" for i in range(n))
    entries = "\n".join(f"[{i}] Smith, J. (2020). T{i}." for i in range(1, 21))
    text = f"As [{ranges}] and [1–999999999] and [1-{10**n}].\n\n"
    return {"paper.md": text + f"# References\n\n{entries}\n"}


def md_et_al_flood(n: int) -> Files:
    """'Smith et al. ' x n then (2020)."""
    return _md("Smith et al. " * n + "(2020).\n" + "(Smith et al., et al., " * n + "2020)\n")


def txt_short_lines(n: int) -> Files:
    """1,000n lines of 'a (Smith, 2020)'."""
    return _txt("a (Smith, 2020)\n" * (1000 * n))


def txt_one_line(n: int) -> Files:
    """one line of 50n KB: cites, words, no newline."""
    return {"paper.txt": "Text (Smith, 2020) word. " * (2000 * n) + _LIST.replace("\n", " ")}


_SUFFIX = "abcdefghijklmnopqrstuvwxyz"


def md_many_entries_one_author(n: int) -> Files:
    """n entries by Smith (years 1900+i, suffixes) and n cites of years not in it."""
    entries = "\n".join(
        f"Smith, J. ({1900 + i % 100}{_SUFFIX[i // 100 % 26]}). T{i}. J." for i in range(n)
    )
    cites = " ".join(f"(Smith, {2000 + i % 20}{_SUFFIX[i % 26]})" for i in range(n))
    return {"paper.md": cites + "\n\n# References\n\n" + entries + "\n"}


def md_near_miss_matrix(n: int) -> Files:
    """n cites and n entries, all different near-miss names (did-you-mean pairs)."""
    entries = "\n".join(f"{_name(i)}son, J. (2020). T{i}." for i in range(n))
    cites = " ".join(f"({_name(i)}sen, 2020)" for i in range(n))
    return {"paper.md": cites + "\n\n# References\n\n" + entries + "\n"}


def txt_entry_initials(n: int) -> Files:
    """An entry of 'A. ' x 100n initials then a year."""
    return _txt("", _LIST + "\nLee, " + "A. " * (100 * n) + "(2019). T.\n")


def txt_entry_many_years(n: int) -> Files:
    """An entry of '(2019) ' x 100n."""
    return _txt("", _LIST + "\nLee, A. " + "(2019) 2018, " * (100 * n) + "T.\n")


def txt_entry_commas(n: int) -> Files:
    """An entry of 'Aa, B., ' x 100n then a year."""
    return _txt("", _LIST + "\n" + "Aa, B., " * (100 * n) + "(2019). T.\n")


# -- bibliography files ------------------------------------------------------------


def bib_and_flood(n: int) -> Files:
    """author = A and B and ... 200n names."""
    names = " and ".join(f"{_name(i)}, J." for i in range(200 * n))
    return _bib(f"@article{{k, author = {{{names}}}, title = {{T}}, year = 2020}}\n")


def bib_defined_hash_chain(n: int) -> Files:
    """@string{a = "x"}; title = a # a # ... 200n."""
    chain = " # ".join(["a"] * (200 * n))
    return _bib(f'@string{{a = "x"}}\n@article{{k, title = {chain}, year = 2020}}\n')


def bib_string_chain(n: int) -> Files:
    """20n @strings each the previous # "x"."""
    strings = '@string{s0 = "x"}\n' + "".join(
        f'@string{{s{i} = s{i - 1} # "x"}}\n' for i in range(1, 20 * n)
    )
    return _bib(strings + f"@article{{k, title = s{20 * n - 1}, year = 2020}}\n")


def bib_many_entries_cited(n: int) -> Files:
    """100n entries, a cite of each, one \\cite list of all keys."""
    entries = "".join(
        f"@article{{k{i}, author = {{{_name(i)}, J.}}, year = 2020, title = {{T}}}}\n"
        for i in range(100 * n)
    )
    keys = "; ".join(f"@k{i}" for i in range(100 * n))
    return _bib(entries, f"As [{keys}].\n")


def ris_author_flood(n: int) -> Files:
    """One RIS record of 200n AU lines."""
    aus = "".join(f"AU  - {_name(i)}, J.\n" for i in range(200 * n))
    return {
        "paper.md": "As (Smith, 2020).\n",
        "refs.ris": f"TY  - JOUR\n{aus}PY  - 2020\nTI  - T\nER  - \n",
    }


def csl_json_many_items(n: int) -> Files:
    """100n CSL-JSON items, cited all at once."""
    import json

    items = [
        {
            "id": f"k{i}",
            "type": "article",
            "author": [{"family": _name(i), "given": "J"}],
            "issued": {"date-parts": [[2020]]},
            "title": "T",
        }
        for i in range(100 * n)
    ]
    keys = "; ".join(f"@k{i}" for i in range(100 * n))
    return {"paper.md": f"As [{keys}].\n", "refs.json": json.dumps(items)}


# -- Word -------------------------------------------------------------------------


def docx_many_runs(n: int) -> FilesOrBytes:
    """One paragraph of 500n runs, one character each, spelling cites."""
    text = "(Smith, 2020) " * (40 * n)
    body = "<w:p>" + "".join(_run(c) for c in text) + "</w:p>"
    return {"paper.docx": _docx(body + _DLIST)}


def docx_many_paragraphs_cites(n: int) -> FilesOrBytes:
    """500n paragraphs each '(Smith, 2020)'."""
    body = ("<w:p>" + _run("As (Smith, 2020).") + "</w:p>") * (500 * n)
    return {"paper.docx": _docx(body + _DLIST)}


def docx_many_footnotes(n: int) -> FilesOrBytes:
    """100n footnotes each a cite, each referenced once."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    notes = "".join(
        f'<w:footnote w:id="{i}"><w:p>{_run("See Smith (2020).")}</w:p></w:footnote>'
        for i in range(1, 100 * n)
    )
    refs = "".join(f'<w:r><w:footnoteReference w:id="{i}"/></w:r>' for i in range(1, 100 * n))
    parts = {"word/footnotes.xml": f"<w:footnotes {ns}>{notes}</w:footnotes>"}
    return {"paper.docx": _docx(f"<w:p>{refs}</w:p>" + _DLIST, parts)}


# -- nesting, one line deep ----------------------------------------------------------


def md_paren_depth(n: int) -> Files:
    """A cite inside 1000n parentheses and 1000n square brackets."""
    k = 1000 * n
    return _md("As " + "(" * k + "Smith, 2020" + ")" * k + " " + "[" * k + "@k" + "]" * k + "\n")


def md_marker_depth(n: int) -> Files:
    """'>' x 1000n then '- ' x 1000n before a cite."""
    return _md(">" * (1000 * n) + " (Smith, 2020)\n\n" + "- " * (1000 * n) + "(Smith, 2020)\n")


def tex_begin_depth(n: int) -> Files:
    """\\begin{itemize} nested 1000n deep around a \\cite."""
    k = 1000 * n
    body = "\\begin{itemize}\\item " * k + "\\cite{k}" + "\\end{itemize}" * k
    return {
        "paper.tex": "\\documentclass{article}\\begin{document}" + body + "\\end{document}\n",
        "refs.bib": "@article{k, title={T}, year=2020}\n",
    }


def bib_brace_depth(n: int) -> Files:
    """A title of 1000n nested braces."""
    k = 1000 * n
    return _bib("@article{k, title = {" + "{" * k + "T" + "}" * k + "}, year = 2020}\n")


SHAPES = [
    Shape("md-blockquote-depth", md_blockquote_depth, 20, "n lines, blockquotes 1..n deep"),
    Shape("md-list-depth", md_list_depth, 20, "a list n levels deep"),
    Shape("md-emphasis-run", md_emphasis_run, 1000, "'*' x n around a cite, '_' x n"),
    Shape("md-html-nesting", md_html_nesting, 500, "<span> x n, '<a ' x n"),
    Shape("md-link-definitions", md_link_definitions, 200, "n link definitions"),
    Shape("md-footnotes", md_footnotes, 200, "n footnotes with cites"),
    Shape("md-code-fence-flood", md_code_fence_flood, 100, "n unclosed fences"),
    Shape("md-one-paren-cites", md_one_paren_cites, 100, "(A, 2000; ...) n near misses"),
    Shape("md-numeric-ranges", md_numeric_ranges, 200, "[1-2,3-4...] n ranges"),
    Shape("md-et-al-flood", md_et_al_flood, 200, "'Smith et al. ' x n"),
    Shape("txt-short-lines", txt_short_lines, 2, "1000n short lines"),
    Shape("txt-one-line", txt_one_line, 2, "one line of 50n KB"),
    Shape("md-many-entries-one-author", md_many_entries_one_author, 50, "n Smith entries, n cites"),
    Shape("md-near-miss-matrix", md_near_miss_matrix, 50, "n near-miss cites x entries"),
    Shape("txt-entry-initials", txt_entry_initials, 2, "'A. ' x 100n"),
    Shape("txt-entry-many-years", txt_entry_many_years, 2, "'(2019) 2018, ' x 100n"),
    Shape("txt-entry-commas", txt_entry_commas, 2, "'Aa, B., ' x 100n"),
    Shape("bib-and-flood", bib_and_flood, 1, "200n authors"),
    Shape("bib-defined-hash-chain", bib_defined_hash_chain, 1, "a # a ... 200n"),
    Shape("bib-string-chain", bib_string_chain, 1, "20n chained @strings"),
    Shape("bib-many-entries-cited", bib_many_entries_cited, 1, "100n entries, one cite list"),
    Shape("ris-author-flood", ris_author_flood, 1, "200n AU lines"),
    Shape("csl-json-many-items", csl_json_many_items, 1, "100n items, one cite list"),
    Shape("docx-many-runs", docx_many_runs, 1, "one paragraph of 560n runs"),
    Shape("docx-many-paragraphs", docx_many_paragraphs_cites, 1, "500n cite paragraphs"),
    Shape("docx-many-footnotes", docx_many_footnotes, 1, "100n footnotes"),
    Shape("md-paren-depth", md_paren_depth, 1, "1000n '(' and '[' deep"),
    Shape("md-marker-depth", md_marker_depth, 1, "'>' and '- ' x 1000n"),
    Shape("tex-begin-depth", tex_begin_depth, 1, "\\begin{itemize} 1000n deep"),
    Shape("bib-brace-depth", bib_brace_depth, 1, "a title 1000n braces deep"),
]


def main(argv: list[str] | None = None) -> int:
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 10, 100], argv)


if __name__ == "__main__":
    sys.exit(main())
