"""tex27: hostile LaTeX, Markdown and Word shapes the earlier scaling rounds did not grow.

freeze20-26 grew macro chains, \\input fan-out by \\input, deep nesting and floods. This
round adds: macros applied inside their own argument (\\d{\\d{...}} with \\d doubling
it), self- and mutually recursive macros, \\input reached through a macro of one
argument, bibliography names repeated, includes and bibliographies named in front
matter many times, Quarto include shortcodes fanning out, catcode tricks, comment
environments never closed, cite commands with many optional arguments. Each runs a
whole offline audit in a child with a CPU limit (benches/shape_children.py) at
1x/4x/16x; a step whose time grows over twice as fast as the size, past half a
second, is flagged SUPER-LINEAR.

Found: md-link-def-continuations and md-raw-latex-blocks -- a manuscript read whole as
a reference list (no heading) whose lines continue one entry: the list's cut joined
the entry's lines again for every line (tests/security/test_tex27_entry_lines.py,
entry_so_far.py).

    nice .venv/bin/python benches/tex27_scaling.py [--only NAME ...] [--scales 1 4 16]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from linearity import Files, Shape  # noqa: E402

_BIB = "@article{k, author={Smith, J.}, title={T}, journal={J}, year=2020}\n"


def _tex(body: str, preamble: str = "") -> str:
    return f"\\documentclass{{article}}\n{preamble}\\begin{{document}}\n{body}\n\\end{{document}}\n"


def tex_doubling_argument_nest(n: int) -> Files:
    """\\d{#1#1} applied n deep around a \\cite: 2^n copies if expanded eagerly."""
    pre = "\\newcommand{\\dd}[1]{#1#1}\n"
    body = "\\dd{" * n + "\\cite{k}" + "}" * n
    return {"paper.tex": _tex(body, pre), "refs.bib": _BIB}


def tex_self_recursive_uses(n: int) -> Files:
    """\\def\\x{\\x\\x} and n uses of it."""
    pre = "\\def\\xx{\\xx\\xx\\cite{k}}\n"
    return {"paper.tex": _tex("\\xx text\n" * n, pre), "refs.bib": _BIB}


def tex_mutual_recursion(n: int) -> Files:
    """n macros in a ring, each naming the next twice, n uses."""
    names = [f"\\r{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)}" for i in range(n)]
    pre = "".join(
        f"\\def{names[i]}{{{names[(i + 1) % n]}{names[(i + 1) % n]}}}\n" for i in range(n)
    )
    return {"paper.tex": _tex("".join(f"{x} \\cite{{k}}\n" for x in names), pre), "refs.bib": _BIB}


def tex_input_through_macro(n: int) -> Files:
    """\\newcommand\\inc[1]{\\input{#1}\\input{#1}}: 20 files each \\inc of the next, n uses."""
    pre = "\\newcommand{\\inc}[1]{\\input{#1}\\input{#1}}\n"
    files = {"paper.tex": _tex("\\inc{f1}\n" * n, pre), "refs.bib": _BIB}
    for level in range(1, 20):
        files[f"f{level}.tex"] = f"\\inc{{f{level + 1}}}\n"
    files["f20.tex"] = "Smith \\cite{k}.\n"
    return files


def tex_include_binary_chain(n: int) -> Files:
    """20 files each \\include of the next twice (2^20 splices), n lines of text too."""
    files = {"paper.tex": _tex("\\include{f1}\n\\include{f1}\n" + "Text \\cite{k}.\n" * n)}
    for level in range(1, 20):
        files[f"f{level}.tex"] = f"\\include{{f{level + 1}}}\n\\include{{f{level + 1}}}\n"
    files["f20.tex"] = "Smith \\cite{k}.\n"
    files["refs.bib"] = _BIB
    return files


def tex_subfile_binary_chain(n: int) -> Files:
    """20 files each \\subfile / \\import of the next twice, n lines."""
    files = {"paper.tex": _tex("\\subfile{f1}\n\\import{./}{f1}\n" + "Text \\cite{k}.\n" * n)}
    for level in range(1, 20):
        nxt = f"f{level + 1}"
        files[f"f{level}.tex"] = f"\\subfile{{{nxt}}}\n\\subimport{{./}}{{{nxt}}}\n"
    files["f20.tex"] = "Smith \\cite{k}.\n"
    files["refs.bib"] = _BIB
    return files


def tex_bibliography_repeated(n: int) -> Files:
    """\\bibliography{refs,refs,...} n names, refs.bib of n entries."""
    bib = "".join(
        f"@article{{k{i}, author={{Smith{i}, J.}}, title={{T}}, year=2020}}\n" for i in range(n)
    )
    body = "\\cite{k1}\n\\bibliography{" + ",".join(["refs"] * n) + "}\n"
    body += "\\addbibresource{refs.bib}\n" * n
    return {"paper.tex": _tex(body), "refs.bib": bib}


def tex_catcode_escape(n: int) -> Files:
    """\\catcode`\\|=0 then |cite{k} n times and n backslash-free macros."""
    pre = "\\catcode`\\|=0\n\\catcode`\\[=1 \\catcode`\\]=2\n"
    return {"paper.tex": _tex("|cite[k] and \\cite{k}\n" * n, pre), "refs.bib": _BIB}


def tex_comment_env_unclosed(n: int) -> Files:
    """\\begin{comment} never closed, n lines of cites after."""
    body = "\\cite{k}\n" + "\\begin{comment}\n" + "\\cite{k} \\begin{comment} x\n" * n
    return {"paper.tex": _tex(body), "refs.bib": _BIB}


def tex_cite_many_optionals(n: int) -> Files:
    """\\cite[a][b]...[z]{k} with n optional groups, n/10 times."""
    one = "\\cite" + "[p]" * 50 + "{k} "
    return {"paper.tex": _tex(one * n), "refs.bib": _BIB}


def tex_cite_unclosed_keys(n: int) -> Files:
    """n \\cite{ never closed on one line."""
    return {"paper.tex": _tex("\\cite{k" * n + "\n\\cite{k}"), "refs.bib": _BIB}


def tex_csname_unclosed(n: int) -> Files:
    """n \\csname with no \\endcsname, one line."""
    return {"paper.tex": _tex("\\csname cite" * n + "\n\\cite{k}"), "refs.bib": _BIB}


def tex_newcommand_nested_defs(n: int) -> Files:
    """\\newcommand whose body defines a macro whose body defines one, n deep."""
    body = "\\cite{k}"
    for i in range(n):
        body = f"\\def\\n{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{{{body}}}"
    return {"paper.tex": _tex("\\na\\nb\n", body + "\n"), "refs.bib": _BIB}


def tex_def_hash_flood(n: int) -> Files:
    """\\def\\a#1#2...{##1} with many '#' and parameters delimited by text."""
    pre = "\\def\\aa#1.#2.#3.{#1#2#3\\cite{k}}\n"
    body = "\\aa" + "x" * n + "\n" + "\\aa a.b.c. " * n
    return {"paper.tex": _tex(body, pre), "refs.bib": _BIB}


def tex_verb_flood(n: int) -> Files:
    """\\verb| never closed, n times on one line, and many lines."""
    return {"paper.tex": _tex("\\verb|\\cite{k} " * n + "\n" + "\\verb+x\n" * n), "refs.bib": _BIB}


def tex_thebibliography_unclosed(n: int) -> Files:
    """\\begin{thebibliography} n times, never closed, \\bibitem each."""
    body = "\\cite{k}\n" + "\\begin{thebibliography}{9}\n\\bibitem{k} Smith. T. 2020.\n" * n
    return {"paper.tex": _tex(body)}


def md_include_fan_out(n: int) -> Files:
    """Quarto include shortcodes: 20 files each including the next twice, n lines."""
    files = {
        "paper.qmd": "Text (Smith, 2020).\n\n{{< include f1.qmd >}}\n\n" * 2 + "Line [@k].\n" * n
    }
    for level in range(1, 20):
        files[f"f{level}.qmd"] = f"{{{{< include f{level + 1}.qmd >}}}}\n\n" * 2
    files["f20.qmd"] = "Smith [@k].\n"
    files["refs.bib"] = _BIB
    files["paper.md"] = files.pop("paper.qmd")
    return files


def md_knitr_child_fan_out(n: int) -> Files:
    """knitr child chunks: 20 files each a child of the next twice, n lines."""
    chunk = "```{{r, child='f{x}.Rmd'}}\n```\n\n"
    files = {"paper.md": chunk.format(x=1) * 2 + "Line [@k].\n" * n}
    for level in range(1, 20):
        files[f"f{level}.Rmd"] = chunk.format(x=level + 1) * 2
    files["f20.Rmd"] = "Smith [@k].\n"
    files["refs.bib"] = _BIB
    return files


def md_front_matter_bib_repeated(n: int) -> Files:
    """Front matter naming the same bibliography n times."""
    bib = "".join(
        f"@article{{k{i}, author={{Smith{i}, J.}}, title={{T}}, year=2020}}\n" for i in range(n)
    )
    head = "---\nbibliography:\n" + "- refs.bib\n" * n + "---\n"
    return {"paper.md": head + "As [@k1].\n", "refs.bib": bib}


def md_front_matter_yaml_alias_list(n: int) -> Files:
    """bibliography: an alias of a list repeated n times (alias fan-out of names)."""
    bib = "@article{k1, author={Smith, J.}, title={T}, year=2020}\n"
    head = (
        "---\nx: &x [refs.bib, refs.bib, refs.bib, refs.bib]\nbibliography: ["
        + ", ".join(["*x"] * n)
        + "]\n---\n"
    )
    return {"paper.md": head + "As [@k1].\n", "refs.bib": bib}


def md_link_def_continuations(n: int) -> Files:
    """A link reference definition whose label runs n lines, many times."""
    return {"paper.md": "Text (Smith, 2020).\n\n" + ("[a\nb" * n + "]: /u\n\n") * 4}


def md_backslash_escapes(n: int) -> Files:
    """'\\[' x n and '\\*' runs between cites on one line."""
    return {"paper.md": "(Smith, 2020) " + "\\[\\*\\`" * n + " (Smith, 2020)\n"}


def md_raw_latex_blocks(n: int) -> Files:
    """Markdown with raw LaTeX \\begin{...} never closed, n times, \\cite inside."""
    return {"paper.md": "As [@k].\n\n" + "\\begin{figure}\n\\cite{k} x\n" * n, "refs.bib": _BIB}


def md_div_fences_unclosed(n: int) -> Files:
    """Pandoc ::: divs opened n times, never closed, each growing colons."""
    return {
        "paper.md": "".join(":" * (3 + i % 40) + " {.x}\nText [@k].\n\n" for i in range(n)),
        "refs.bib": _BIB,
    }


def md_prose_long_paragraph(n: int) -> Files:
    """No reference heading (read whole as a list): four short paragraphs, then one
    hard-wrapped paragraph of n lines opening in lower case -- one 'entry'."""
    head = "Intro.\n\nSecond.\n\nThird.\n\nFourth (Smith, 2020).\n\nThe long one starts\n"
    return {"paper.md": head + "and goes on in lower case for a while\n" * n}


SHAPES = [
    Shape("tex-doubling-argument-nest", tex_doubling_argument_nest, 20, "\\dd{ n deep"),
    Shape("tex-self-recursive-uses", tex_self_recursive_uses, 200, "n uses of \\xx{\\xx\\xx}"),
    Shape("tex-mutual-recursion", tex_mutual_recursion, 100, "ring of n macros"),
    Shape("tex-input-through-macro", tex_input_through_macro, 2, "n uses, 20-deep doubling"),
    Shape("tex-include-binary-chain", tex_include_binary_chain, 500, "2^20 include, n lines"),
    Shape("tex-subfile-binary-chain", tex_subfile_binary_chain, 500, "2^20 subfile, n lines"),
    Shape("tex-bibliography-repeated", tex_bibliography_repeated, 200, "n names x n entries"),
    Shape("tex-catcode-escape", tex_catcode_escape, 500, "n |cite lines"),
    Shape("tex-comment-env-unclosed", tex_comment_env_unclosed, 2000, "n lines"),
    Shape("tex-cite-many-optionals", tex_cite_many_optionals, 200, "n cites of 50 options"),
    Shape("tex-cite-unclosed-keys", tex_cite_unclosed_keys, 2000, "n '\\cite{k'"),
    Shape("tex-csname-unclosed", tex_csname_unclosed, 2000, "n '\\csname cite'"),
    Shape("tex-newcommand-nested-defs", tex_newcommand_nested_defs, 50, "defs n deep"),
    Shape("tex-def-hash-flood", tex_def_hash_flood, 500, "delimited def, n uses"),
    Shape("tex-verb-flood", tex_verb_flood, 1000, "n \\verb| unclosed"),
    Shape("tex-thebibliography-unclosed", tex_thebibliography_unclosed, 200, "n lists"),
    Shape("md-include-fan-out", md_include_fan_out, 500, "2^20 Quarto includes, n lines"),
    Shape("md-knitr-child-fan-out", md_knitr_child_fan_out, 500, "2^20 knitr children"),
    Shape("md-front-matter-bib-repeated", md_front_matter_bib_repeated, 200, "n names"),
    Shape("md-front-matter-yaml-alias-list", md_front_matter_yaml_alias_list, 200, "n aliases"),
    Shape("md-link-def-continuations", md_link_def_continuations, 200, "labels of n lines"),
    Shape("md-backslash-escapes", md_backslash_escapes, 5000, "n escapes"),
    Shape("md-raw-latex-blocks", md_raw_latex_blocks, 500, "n unclosed \\begin"),
    Shape("md-prose-long-paragraph", md_prose_long_paragraph, 3000, "a paragraph of n lines"),
    Shape("md-div-fences-unclosed", md_div_fences_unclosed, 500, "n ::: divs"),
]


def main(argv: list[str] | None = None) -> int:
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 4, 16], argv)


if __name__ == "__main__":
    sys.exit(main())
