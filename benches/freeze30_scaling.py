"""freeze30: nesting, long tokens, shared names and marks, grown 1x, 2x, 4x, 8x.

Shapes the earlier scaling rounds grew by ten (or not at all), doubled here so a ratio
past 2.5 a doubling shows: nesting (markdown quotes and lists, brackets, LaTeX braces,
environments and macros, YAML anchors), one long line or word, many entries of one
author and year cited many times, a numeric range to the end of the integers, a line of
DOIs, combining marks and bidi controls in names, names made of emphasis marks (the
exponential search of `author_index._joined_by_and` before freeze30), zip in zip. Each
size runs a whole offline audit in a child with a CPU limit (benches/shape_children.py).

    nice .venv/bin/python benches/freeze30_scaling.py [--only NAME ...] [--scales 1 2 4 8]
                                                      [--limit 60]
"""

from __future__ import annotations

import io
import itertools
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from linearity import Files, FilesOrBytes, Shape, _letters  # noqa: E402

_BIB = (
    "@article{k0, author={Smith, John and Jones, Ann}, title={The Great Work}, "
    "journal={J}, year={2020}}\n"
    "@article{k1, author={Lee, Kim}, title={Other Work}, journal={J}, year={2019}}\n"
)
_LIST = (
    "\n\n# References\n\n"
    "Smith, J., & Jones, A. (2020). The great work. J, 1, 1-2.\n\n"
    "Lee, K. (2019). Other work. J, 2, 3-4.\n"
)


def md(body: str, listed: str = _LIST) -> Files:
    return {"paper.md": body + listed}


def md_quote_nesting(n: int) -> Files:
    """A paragraph under n '>' quote marks, citing."""
    return md(">" * n + " As (Smith & Jones, 2020) show.\n")


def md_list_nesting(n: int) -> Files:
    """n list items, each indented two more spaces than the one before, citing."""
    return md("".join(" " * (2 * i) + "- item (Lee, 2019)\n" for i in range(n)))


def md_bracket_nesting(n: int) -> Files:
    """A link text nested n brackets deep around a citation."""
    return md("[" * n + "Smith and Jones (2020)" + "](x)" * n + "\n")


def md_emphasis_nesting(n: int) -> Files:
    """'*_' x n around a narrative citation, and again unclosed."""
    return md("*_" * n + "Smith and Jones (2020)" + "_*" * n + " " + "*_" * n + "x\n")


def md_marks_named(n: int) -> Files:
    """'(Zed ' + '_ ' x n + 'Jones and Smith, 2020)' and a run of n underscores."""
    return md("Text (Zed " + "_ " * n + "Jones and Smith, 2020) " + "_" * n + ".\n")


def md_one_long_word(n: int) -> Files:
    """One word of 1,000n letters between two citations."""
    return md("(Lee, 2019) " + "a" * 1000 * n + " (Smith & Jones, 2020).\n")


def md_one_capital_run(n: int) -> Files:
    """One line of 'Smith ' x 1,000n before a year (a name run to a year)."""
    return md("As " + "Smith " * 1000 * n + "(2020) said.\n")


def md_shared_author_year(n: int) -> Files:
    """n entries of Smith 2020 (titles apart), each cited by its title's word."""
    entries = "".join(
        f"Smith, J. (2020). Work number w{i} on things. J, {i}, 1-2.\n\n" for i in range(n)
    )
    cites = "".join(f"Smith (2020, w{i}) and (Smith, 2020). " for i in range(n))
    return md(cites + "\n", "\n\n# References\n\n" + entries)


def md_many_cites_one_entry(n: int) -> Files:
    """(Lee, 2019) cited 1,000n times on one line."""
    return md("Text " + "(Lee, 2019) " * 1000 * n + ".\n")


def md_numeric_range(n: int) -> Files:
    """n markers [1-99999999] and [1–99999999] beside a numbered list of two."""
    listed = "\n\n# References\n\n1. Smith J. Work. J. 2020;1:1.\n2. Lee K. Other. J. 2019;2:3.\n"
    return md("Text [1-99999999] and [1–99999999]. " * n + "\n", listed)


def md_doi_line(n: int) -> Files:
    """One reference line with 500n DOIs."""
    dois = " ".join(f"https://doi.org/10.1000/x{i}" for i in range(500 * n))
    listed = f"\n\n# References\n\nLee, K. (2019). Other work. J, 2, 3-4. {dois}\n"
    return md("Text (Lee, 2019).\n", listed)


def md_url_line(n: int) -> Files:
    """A body line of 500n URLs and DOIs glued by commas."""
    links = ",".join(f"https://ex.org/a{i},10.1000/y{i}" for i in range(500 * n))
    return md("Text (Lee, 2019) " + links + "\n")


def md_combining_name(n: int) -> Files:
    """A cited name and an entry's name with 500n combining marks."""
    name = "Le" + "\u0301" * 500 * n + "e"
    listed = f"\n\n# References\n\n{name}, K. (2019). Other work. J, 2, 3-4.\n"
    return md(f"Text ({name}, 2019).\n", listed)


def md_bidi_line(n: int) -> Files:
    """1,000n bidi controls between citations on one line."""
    return md("Text (Lee, 2019) " + "\u202e\u2066x\u2069\u202c" * 1000 * n + " (Lee, 2019)\n")


def md_many_authors_entry(n: int) -> Files:
    """One list entry of 500n authors, cited by its first."""
    authors = ", ".join(f"Name{i}, A." for i in range(500 * n))
    listed = f"\n\n# References\n\n{authors} (2019). Other work. J, 2, 3-4.\n"
    return md("Text (Name0 et al., 2019).\n", listed)


def md_many_and_cite(n: int) -> Files:
    """One parenthesis naming 200n authors joined by 'and'."""
    names = " and ".join(f"Lee{i}" for i in range(200 * n))
    return md(f"Text ({names}, 2019).\n")


def tex(body: str) -> Files:
    return {
        "paper.tex": "\\documentclass{article}\n\\begin{document}\n"
        + body
        + "\n\\bibliography{refs}\n\\end{document}\n",
        "refs.bib": _BIB,
    }


def tex_brace_nesting(n: int) -> Files:
    """A \\cite inside 500n nested groups."""
    return tex("{" * 500 * n + "\\cite{k0}" + "}" * 500 * n)


def tex_environment_nesting(n: int) -> Files:
    """100n nested itemize environments around a \\cite."""
    return tex("\\begin{itemize}\\item " * 100 * n + "\\cite{k0}" + "\\end{itemize}" * 100 * n)


def tex_macro_doubling(n: int) -> Files:
    """\\newcommand\\mI{\\mH\\mH} chains of 10n macros (expansion doubling each step)."""
    names = [f"\\m{chr(65 + i % 26)}{chr(65 + i // 26)}" for i in range(10 * n)]
    defs = f"\\newcommand{{{names[0]}}}{{\\cite{{k0}}}}\n" + "".join(
        f"\\newcommand{{{b}}}{{{a}{a}}}\n" for a, b in itertools.pairwise(names)
    )
    return tex(defs + names[-1])


def tex_unclosed_braces(n: int) -> Files:
    """1,000n '\\cite{' never closed."""
    return tex("\\cite{k0" * 1000 * n)


def yaml_anchors(n: int) -> Files:
    """CSL YAML with anchors doubling n times (a billion-laughs shape)."""
    lines = ["a0: &a0 [x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]" for i in range(1, 3 * n)]
    item = (
        "- id: k0\n  type: book\n  title: T\n  note: *a"
        + str(3 * n - 1)
        + "\n  issued: {year: 2020}\n"
    )
    return {
        "paper.md": "As shown [@k0].\n",
        "refs.yaml": "\n".join(lines) + "\nreferences:\n" + item,
    }


def bib_deep_braces(n: int) -> Files:
    """A BibTeX title nested 500n braces deep."""
    body = "{" * 500 * n + "x" + "}" * 500 * n
    return {
        "paper.md": "As shown [@k0].\n",
        "refs.bib": f"@article{{k0, author={{Smith, J}}, title={body}, year={{2020}}}}\n",
    }


def bib_shared_author_year(n: int) -> Files:
    """200n BibTeX entries of Smith 2020, each cited by key and by name."""
    entries = "".join(
        f"@article{{k{i}, author={{Smith, John}}, title={{T{i}}}, year={{2020}}}}\n"
        for i in range(200 * n)
    )
    cites = " ".join(f"[@k{i}] (Smith, 2020)" for i in range(200 * n))
    return {"paper.md": cites + "\n", "refs.bib": entries}


def ris_many_authors(n: int) -> Files:
    """One RIS record with 1,000n AU lines."""
    aus = "".join(f"AU  - Name{i}, A.\n" for i in range(1000 * n))
    return {
        "paper.md": "As (Name0 et al., 2020).\n",
        "refs.ris": f"TY  - JOUR\nID  - k0\n{aus}TI  - t\nPY  - 2020\nER  - \n",
    }


def zip_in_zip(n: int) -> FilesOrBytes:
    """A docx-named zip holding 100n zips (a project inside a project)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as outer:
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w") as z:
            z.writestr("paper.md", "As (Lee, 2019).\n" + _LIST)
        for i in range(100 * n):
            outer.writestr(f"p{i}.zip", inner.getvalue())
        outer.writestr("word/document.xml", "<w:document/>")
    return {"paper.docx": buffer.getvalue()}


def _name(i: int) -> str:
    return "Q" + _letters(i)


def md_and_names_cite(n: int) -> Files:
    """One parenthesis naming 200n lettered authors joined by ', ' and a last 'and'."""
    names = ", ".join(_name(i) for i in range(200 * n))
    return md(f"Text ({names} and Lee, 2019). As {names} and Lee (2019) said.\n")


def md_group_items(n: int) -> Files:
    """One parenthesis of 500n items 'Qab, 2019;'."""
    items = "; ".join(f"{_name(i)}, 2019" for i in range(500 * n))
    return md(f"Text ({items}; Lee, 2019).\n")


def md_many_years(n: int) -> Files:
    """Lee (2019a, 2019b, ...) with 500n years and suffixes."""
    years = ", ".join(f"{1600 + i % 400}{_letters(i // 400)}" for i in range(500 * n))
    return md(f"As Lee ({years}) said.\n")


def md_suffix_entries(n: int) -> Files:
    """100n list entries Smith (2020a..), each cited, and one cited name of letters."""
    entries = "".join(
        f"Smith, J. (2020{_letters(i)}). Work {_letters(i)}. J, 1, 1-2.\n\n" for i in range(100 * n)
    )
    cites = "".join(f"(Smith, 2020{_letters(i)}) " for i in range(100 * n))
    return md(cites + "\n", "\n\n# References\n\n" + entries)


def md_shared_family_given(n: int) -> Files:
    """200n entries of one family and year, given names apart, cited with initials."""
    entries = "".join(
        f"Smith, {_letters(i).upper()}. (2020). Work {i}. J, 1, 1-2.\n\n" for i in range(200 * n)
    )
    cites = "".join(f"(Smith, {_letters(i).upper()}., 2020) " for i in range(200 * n))
    return md(cites + "\n", "\n\n# References\n\n" + entries)


def md_combining_letters(n: int) -> Files:
    """A cited family of 200n letters each with a combining mark, listed the same."""
    name = "L" + "e\u0301" * 200 * n
    listed = f"\n\n# References\n\n{name}, K. (2019). Other work. J, 2, 3-4.\n"
    return md(f"Text ({name}, 2019). {name} (2019) said.\n", listed)


def md_entry_lettered_authors(n: int) -> Files:
    """One list entry of 300n lettered authors, cited by its first."""
    authors = ", ".join(f"{_name(i)}, A." for i in range(300 * n))
    listed = f"\n\n# References\n\n{authors} (2019). Other work. J, 2, 3-4.\n"
    return md(f"Text ({_name(0)} et al., 2019).\n", listed)


def md_txt_one_line(n: int) -> Files:
    """A .txt manuscript of one line: 500n '(Qab et al., 2019) and' units, list after."""
    body = " ".join(f"({_name(i)} et al., 2019) and" for i in range(500 * n))
    return {"paper.txt": body + "\n\nReferences\n\nLee, K. (2019). Other work. J, 2.\n"}


def bib_crossref_chain(n: int) -> Files:
    """200n BibTeX entries, each crossref-ing the one before."""
    entries = ["@book{c0, author={Smith, John}, title={T}, year={2020}}\n"]
    entries += [
        f"@inbook{{c{i}, crossref={{c{i - 1}}}, title={{T{i}}}}}\n" for i in range(1, 200 * n)
    ]
    return {"paper.md": "As [@c1] and [@c5].\n", "refs.bib": "".join(entries)}


def bib_many_authors(n: int) -> Files:
    """One BibTeX entry of 1,000n authors joined by 'and'."""
    names = " and ".join(f"{_name(i)}, A." for i in range(1000 * n))
    return {
        "paper.md": f"As ({_name(0)} et al., 2020).\n",
        "refs.bib": f"@article{{k0, author={{{names}}}, title={{T}}, year={{2020}}}}\n",
    }


def csl_json_shared_name(n: int) -> Files:
    """300n CSL-JSON items of Smith 2020, given names apart, cited by name."""
    items = ",".join(
        f'{{"id":"k{i}","type":"book","title":"T{i}","author":[{{"family":"Smith",'
        f'"given":"{_letters(i).upper()}"}}],"issued":{{"date-parts":[[2020]]}}}}'
        for i in range(300 * n)
    )
    cites = " ".join(f"(Smith, {_letters(i).upper()}., 2020)" for i in range(300 * n))
    return {"paper.md": cites + "\n", "refs.json": "[" + items + "]"}


def tex_def_recursion(n: int) -> Files:
    """\\def\\a{\\a x} used 100n times (expansion that never ends)."""
    return tex("\\def\\loopy{\\loopy x}\n" + "\\loopy \\cite{k0} " * 100 * n)


def tex_argument_doubling(n: int) -> Files:
    """\\newcommand\\dX[1]{#1#1} chained 10n deep around \\cite."""
    names = [f"\\d{_letters(i)}" for i in range(10 * n)]
    defs = "".join(f"\\newcommand{{{m}}}[1]{{#1#1}}\n" for m in names)
    return tex(defs + "".join(f"{m}{{" for m in names) + "\\cite{k0}" + "}" * len(names))


def docx_nested_tables(n: int) -> FilesOrBytes:
    """A docx of a table nested 50n deep around a cited paragraph."""
    cell = "<w:p><w:r><w:t>As (Lee, 2019).</w:t></w:r></w:p>"
    for _ in range(50 * n):
        cell = f"<w:tbl><w:tr><w:tc>{cell}<w:p/></w:tc></w:tr></w:tbl>"
    listed = "".join(
        f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
        for t in ("References", "Lee, K. (2019). Other work. J, 2, 3-4.")
    )
    return {"paper.docx": _docx(cell + listed)}


def _docx(body: str) -> bytes:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        z.writestr("word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>")
    return buffer.getvalue()


def docx_deep_runs(n: int) -> FilesOrBytes:
    """A docx paragraph of 2,000n runs, each one letter, naming (Lee, 2019) at the end."""
    runs = "".join(f"<w:r><w:t>{c}</w:t></w:r>" for c in "ab " * 700 * n)
    paragraph = f"<w:p>{runs}<w:r><w:t>(Lee, 2019).</w:t></w:r></w:p>"
    listed = "".join(
        f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
        for t in ("References", "Lee, K. (2019). Other work. J, 2, 3-4.")
    )
    return {"paper.docx": _docx(paragraph + listed)}


def md_hidden_html(n: int) -> Files:
    """500n '<div hidden><span style="display:none">' opened, never closed, citing."""
    return md('<div hidden><span style="display:none">(Lee, 2019) ' * 500 * n + "\n")


def md_unclosed_comments(n: int) -> Files:
    """1,000n '<!-- (Lee, 2019)' never closed, and '-->' after each line."""
    return md("<!-- (Lee, 2019)\n-->x\n" * 1000 * n)


def md_footnote_definitions(n: int) -> Files:
    """500n footnotes, each marker cited in the next's text."""
    body = "".join(f"Text[^f{i}] (Lee, 2019).\n\n" for i in range(500 * n))
    notes = "".join(f"[^f{i}]: See note[^f{i + 1}] and Lee (2019).\n" for i in range(500 * n))
    return md(body + notes)


def md_link_definitions(n: int) -> Files:
    """500n link definitions '[a]: url' and uses of each."""
    uses = " ".join(f"[x][d{i}] (Lee, 2019)" for i in range(500 * n))
    defs = "".join(f"[d{i}]: https://ex.org/{i}\n" for i in range(500 * n))
    return md(uses + "\n\n" + defs)


def md_caret_markers(n: int) -> Files:
    """1,000n superscript note markers '^1^' and numbered notes at the end."""
    body = " ".join(f"Text^{i % 99 + 1}^ (Lee, 2019)" for i in range(1000 * n))
    notes = "".join(f"{i}. Note (Smith & Jones, 2020).\n" for i in range(1, 100))
    return md(body + "\n\n# Notes\n\n" + notes)


def md_line_numbered(n: int) -> Files:
    """1,000n lines each opening with its line number, citing."""
    return md("".join(f"{i} As shown (Lee, 2019).\n" for i in range(1, 1000 * n)))


def md_list_of_lists(n: int) -> Files:
    """A references heading followed by 300n entries, each under a heading of its own."""
    entries = "".join(
        f"# References\n\nSmith, J. (2020). Work {i}. J, 1, 1-2.\n\n" for i in range(300 * n)
    )
    return md("As (Smith, 2020).\n", "\n\n" + entries)


def tex_conditionals(n: int) -> Files:
    """\\iffalse nested 300n deep and 300n unbalanced \\fi and \\else."""
    body = "\\iffalse " * 300 * n + "\\cite{k0}" + "\\fi " * 300 * n
    return tex(body + " \\else " * 300 * n + "\\fi " * 300 * n + "\\cite{k1}")


def tex_comment_environments(n: int) -> Files:
    """300n nested \\begin{comment} and 300n unclosed \\verb."""
    body = "\\begin{comment}" * 300 * n + "\\end{comment}" * 300 * n
    return tex(body + "\\cite{k0} " + "\\verb|x " * 300 * n)


def tex_bbl_items(n: int) -> Files:
    """A .bbl of 500n \\bibitem beside a .tex citing each."""
    items = "".join(
        f"\\bibitem{{b{i}}} J. Smith. Work {i}. \\newblock J, 2020.\n" for i in range(500 * n)
    )
    cites = " ".join(f"\\cite{{b{i}}}" for i in range(500 * n))
    return {
        "paper.tex": "\\documentclass{article}\\begin{document}\n"
        + cites
        + "\n\\input{paper.bbl}\n\\end{document}\n",
        "paper.bbl": "\\begin{thebibliography}{9}\n" + items + "\\end{thebibliography}\n",
    }


def tex_argument_chain(n: int) -> Files:
    """\\newcommand\\pass[1]{#1} written 1,000n times before {\\cite{k0}}."""
    return tex("\\newcommand{\\pass}[1]{#1}\n" + "\\pass" * 1000 * n + "{\\cite{k0}} x")


def tex_swapping_arguments(n: int) -> Files:
    """\\def\\swap#1#2{#2#1} written 500n times before two groups."""
    return tex("\\def\\swap#1#2{#2#1}\n" + "\\swap" * 500 * n + "{\\cite{k0}}{\\cite{k1}}")


def tex_mutual_macros(n: int) -> Files:
    """\\def\\x{\\y}, \\def\\y{\\x} used 500n times among citations."""
    return tex("\\def\\x{\\y}\\def\\y{\\x}\n" + "\\x \\cite{k0} " * 500 * n)


def md_near_names(n: int) -> Files:
    """200n entries 'Smithson<letters>' 2020, each cited one letter off."""
    entries = "".join(
        f"Smithson{_letters(i)}, J. (2020). Work {i}. J, 1, 1-2.\n\n" for i in range(200 * n)
    )
    cites = "".join(f"(Smithsen{_letters(i)}, 2020) " for i in range(200 * n))
    return md(cites + "\n", "\n\n# References\n\n" + entries)


def md_title_citations(n: int) -> Files:
    """200n untitled-author entries cited by title words."""
    entries = "".join(
        f"Great work on things {_letters(i)}. (2020). J, 1, 1-2.\n\n" for i in range(200 * n)
    )
    cites = "".join(f"(Great Work on Things {_letters(i)}, 2020) " for i in range(200 * n))
    return md(cites + "\n", "\n\n# References\n\n" + entries)


def md_organisation_entries(n: int) -> Files:
    """200n entries of bodies sharing words, cited by acronyms and names."""
    entries = "".join(
        f"World Health Organization {_letters(i)} (WHO{_letters(i).upper()}). (2020). "
        f"Report {i}.\n\n"
        for i in range(200 * n)
    )
    cites = "".join(
        f"(WHO{_letters(i).upper()}, 2020) (World Health Organization, 2020) "
        for i in range(200 * n)
    )
    return md(cites + "\n", "\n\n# References\n\n" + entries)


def bib_duplicate_keys(n: int) -> Files:
    """500n BibTeX entries of one key, and keys 'a~2', 'a~3' ... written too."""
    one = "@article{{{k}, author={{Smith, J}}, title={{T}}, year={{2020}}}}\n"
    entries = "".join(one.format(k="a") + one.format(k=f"a~{i + 2}") for i in range(500 * n))
    return {"paper.md": "As [@a] and [@a~2].\n", "refs.bib": entries}


def bib_same_work_many_keys(n: int) -> Files:
    """300n entries of one work (title, authors, year, DOI) under keys apart."""
    entries = "".join(
        f"@article{{k{i}, author={{Smith, John}}, title={{The Same Work}}, year={{2020}}, "
        f"doi={{10.1000/same}}, journal={{J}}}}\n"
        for i in range(300 * n)
    )
    return {"paper.md": "As [@k0] and (Smith, 2020).\n", "refs.bib": entries}


def bib_near_titles(n: int) -> Files:
    """300n entries of titles one word apart, authors and year shared."""
    entries = "".join(
        f"@article{{k{i}, author={{Smith, John}}, title={{A study of things number "
        f"{_letters(i)}}}, year={{2020}}, journal={{J}}}}\n"
        for i in range(300 * n)
    )
    return {"paper.md": "As [@k0].\n", "refs.bib": entries}


def md_repeated_author_dashes(n: int) -> Files:
    """300n list entries '———. (2020x). Work.' after one named entry."""
    entries = "Smith, J. (2019). First. J, 1.\n\n" + "".join(
        f"———. (2020{_letters(i)}). Work {i}. J, 1.\n\n" for i in range(300 * n)
    )
    return md("As (Smith, 2020a) and (Smith, 2019).\n", "\n\n# References\n\n" + entries)


def md_full_ranges(n: int) -> Files:
    """A numbered list of 5,000 entries and 50n markers [1-5000] spanning it all."""
    listed = "\n\n# References\n\n" + "".join(
        f"{i}. Smith J. Work {i}. J. 2020;1:1.\n" for i in range(1, 5001)
    )
    return md("Text [1-999] and [1–999, 7]. " * 50 * n + "\n", listed)


def md_many_numbers_one_marker(n: int) -> Files:
    """One marker listing 2,000n numbers, most past the list's end."""
    numbers = ",".join(str(i) for i in range(1, 2000 * n))
    listed = "\n\n# References\n\n1. Smith J. Work. J. 2020;1:1.\n2. Lee K. Other. J. 2019;2:3.\n"
    return md(f"Text [{numbers}].\n", listed)


def _zotero_field(items: list[tuple[str, str, str]]) -> str:
    """A Zotero citation field citing `items` (id, family, title), shown '(Cited)'."""
    cited = ",".join(
        f'{{"id":"{i}","uris":["http://zotero.org/users/1/items/{i}"],"itemData":{{"id":"{i}",'
        f'"type":"article-journal","title":"{t}","author":[{{"family":"{f}","given":"J"}}],'
        f'"issued":{{"date-parts":[[2020]]}}}}}}'
        for i, f, t in items
    )
    code = (
        ' ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"c","properties":{},'
        f'"citationItems":[{cited}]}}'
    )
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>(Cited, 2020)</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def docx_zotero_fields(n: int) -> FilesOrBytes:
    """500n Zotero fields, each citing 5 of 2,500n items (each item cited once)."""
    paragraphs = "".join(
        "<w:p><w:r><w:t>Text </w:t></w:r>"
        + _zotero_field([(f"i{5 * k + j}", f"Smith{_letters(5 * k + j)}", "T") for j in range(5)])
        + "</w:p>"
        for k in range(500 * n)
    )
    listed = "".join(
        f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
        for t in [
            "References",
            *(f"Smith{_letters(i)}, J. (2020). T. J, 1, 1-2." for i in range(2500 * n)),
        ]
    )
    return {"paper.docx": _docx(paragraphs + listed)}


def docx_zotero_one_item(n: int) -> FilesOrBytes:
    """1,000n Zotero fields citing one item id, its title different in each."""
    paragraphs = "".join(
        "<w:p><w:r><w:t>Text </w:t></w:r>"
        + _zotero_field([("same", "Smith", f"Title {k}")])
        + "</w:p>"
        for k in range(1000 * n)
    )
    listed = "".join(
        f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
        for t in ["References", *(f"Smith, J. (2020). Title {k}. J, 1." for k in range(1000 * n))]
    )
    return {"paper.docx": _docx(paragraphs + listed)}


SHAPES = [
    Shape("md-quote-nesting", md_quote_nesting, 2000, "n '>' marks"),
    Shape("md-list-nesting", md_list_nesting, 250, "n items, each deeper (bytes grow as n^2)"),
    Shape("md-bracket-nesting", md_bracket_nesting, 2000, "link text n brackets deep"),
    Shape("md-emphasis-nesting", md_emphasis_nesting, 2000, "'*_' x n, closed and not"),
    Shape("md-marks-named", md_marks_named, 2000, "'_ ' x n in a name, n underscores"),
    Shape("md-one-long-word", md_one_long_word, 100, "a word of 1,000n letters"),
    Shape("md-one-capital-run", md_one_capital_run, 10, "'Smith ' x 1,000n then (2020)"),
    Shape("md-shared-author-year", md_shared_author_year, 250, "n Smith 2020 entries"),
    Shape("md-many-cites-one", md_many_cites_one_entry, 10, "(Lee, 2019) x 1,000n"),
    Shape("md-numeric-range", md_numeric_range, 250, "n [1-99999999]"),
    Shape("md-doi-line", md_doi_line, 4, "a list line of 500n DOIs"),
    Shape("md-url-line", md_url_line, 4, "a body line of 500n links"),
    Shape("md-combining-name", md_combining_name, 4, "names of 500n combining marks"),
    Shape("md-bidi-line", md_bidi_line, 10, "1,000n bidi controls on a line"),
    Shape("md-many-authors-entry", md_many_authors_entry, 4, "an entry of 500n authors"),
    Shape("md-many-and-cite", md_many_and_cite, 4, "200n names joined by 'and'"),
    Shape("tex-brace-nesting", tex_brace_nesting, 4, "\\cite 500n groups deep"),
    Shape("tex-environment-nesting", tex_environment_nesting, 4, "100n nested itemize"),
    Shape("tex-macro-doubling", tex_macro_doubling, 3, "10n macros, each doubling"),
    Shape("tex-unclosed-braces", tex_unclosed_braces, 10, "'\\cite{k0' x 1,000n"),
    Shape("yaml-anchors", yaml_anchors, 3, "anchors doubling 3n times"),
    Shape("bib-deep-braces", bib_deep_braces, 4, "a title 500n braces deep"),
    Shape("bib-shared-author-year", bib_shared_author_year, 4, "200n Smith 2020 entries"),
    Shape("ris-many-authors", ris_many_authors, 4, "a record of 1,000n AU lines"),
    Shape("zip-in-zip", zip_in_zip, 4, "a docx of 100n inner zips"),
    Shape("md-and-names-cite", md_and_names_cite, 4, "200n names, then 'and Lee'"),
    Shape("md-group-items", md_group_items, 4, "a group of 500n items"),
    Shape("md-many-years", md_many_years, 4, "Lee with 500n years"),
    Shape("md-suffix-entries", md_suffix_entries, 4, "100n Smith 2020a.. entries"),
    Shape("md-shared-family-given", md_shared_family_given, 4, "200n Smith, X. 2020"),
    Shape("md-combining-letters", md_combining_letters, 4, "a name of 200n marked letters"),
    Shape("md-entry-lettered-authors", md_entry_lettered_authors, 4, "an entry of 300n authors"),
    Shape("txt-one-line", md_txt_one_line, 4, "one .txt line of 500n et al. groups"),
    Shape("bib-crossref-chain", bib_crossref_chain, 4, "200n crossrefs in a chain"),
    Shape("bib-many-authors", bib_many_authors, 4, "an entry of 1,000n authors"),
    Shape("csl-json-shared-name", csl_json_shared_name, 4, "300n Smith 2020, given apart"),
    Shape("tex-def-recursion", tex_def_recursion, 4, "\\def\\loopy{\\loopy x} used 100n times"),
    Shape("tex-argument-doubling", tex_argument_doubling, 2, "10n macros #1#1 nested"),
    Shape("docx-nested-tables", docx_nested_tables, 4, "tables 50n deep"),
    Shape("docx-deep-runs", docx_deep_runs, 4, "a paragraph of 2,100n runs"),
    Shape("md-hidden-html", md_hidden_html, 4, "500n hidden tags never closed"),
    Shape("md-unclosed-comments", md_unclosed_comments, 4, "1,000n '<!--' lines"),
    Shape("md-footnote-definitions", md_footnote_definitions, 4, "500n chained footnotes"),
    Shape("md-link-definitions", md_link_definitions, 4, "500n link definitions"),
    Shape("md-caret-markers", md_caret_markers, 4, "1,000n '^k^' note markers"),
    Shape("md-line-numbered", md_line_numbered, 4, "1,000n numbered lines"),
    Shape("md-list-of-lists", md_list_of_lists, 4, "300n reference headings"),
    Shape("tex-conditionals", tex_conditionals, 4, "\\iffalse 300n deep, unbalanced"),
    Shape("tex-comment-environments", tex_comment_environments, 4, "300n nested comment"),
    Shape("tex-bbl-items", tex_bbl_items, 4, "a .bbl of 500n items"),
    Shape("tex-argument-chain", tex_argument_chain, 4, "\\pass x 1,000n"),
    Shape("tex-swapping-arguments", tex_swapping_arguments, 4, "\\swap x 500n"),
    Shape("tex-mutual-macros", tex_mutual_macros, 4, "\\x -> \\y -> \\x, 500n uses"),
    Shape("md-near-names", md_near_names, 4, "200n names cited one letter off"),
    Shape("md-title-citations", md_title_citations, 4, "200n entries cited by title"),
    Shape("md-organisation-entries", md_organisation_entries, 4, "200n bodies, acronyms"),
    Shape("bib-duplicate-keys", bib_duplicate_keys, 4, "500n 'a' and 'a~k' keys"),
    Shape("bib-same-work-many-keys", bib_same_work_many_keys, 4, "300n copies of one work"),
    Shape("bib-near-titles", bib_near_titles, 4, "300n titles one word apart"),
    Shape("md-repeated-author-dashes", md_repeated_author_dashes, 4, "300n '———.' entries"),
    Shape("md-full-ranges", md_full_ranges, 1, "50n markers [1-999] over 5,000 entries"),
    Shape("md-many-numbers-one-marker", md_many_numbers_one_marker, 1, "[1,2,...,2,000n]"),
    Shape("docx-zotero-fields", docx_zotero_fields, 1, "500n fields of 5 items, 2,500n entries"),
    Shape(
        "docx-zotero-one-item",
        docx_zotero_one_item,
        1,
        "1,000n fields of one id, 1,000n Smith 2020",
    ),
]


def main(argv: list[str] | None = None) -> int:
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 2, 4, 8], argv)


if __name__ == "__main__":
    sys.exit(main())
