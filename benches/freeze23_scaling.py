"""freeze23: hostile uploads the earlier scaling rounds did not grow, reader by reader.

linearity.py, r5z_hostile.py and freeze20-22_scaling.py grow about 300 shapes. This
round adds: zero-width and combining characters inside cited names, words of a
megabyte, particle and hyphen chains in names, year-suffix runs, superscript digit
runs, comment-joined LaTeX lines, \\phantom and colour nesting, conditionals
interleaved, BibTeX names of many commas and lowercase words, comma floods in an
entry, dollar runs in titles, RIS and CSL names and dates of pathological length,
Word field codes carrying deep JSON or XML, numbering style links in cycles, and link
text of nested parentheses. Each runs a whole offline audit in a child with a CPU
limit (benches/shape_children.py); a step whose time grows over twice as fast as the
size, past half a second, is flagged SUPER-LINEAR.

    nice .venv/bin/python benches/freeze23_scaling.py [--only NAME ...] [--scales 1 10 100]
                                                      [--limit 60]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from freeze22_scaling import _docx, _pdf_page, _tex  # noqa: E402
from linearity import Files, FilesOrBytes, Shape, _letters, _run  # noqa: E402

_LIST = "\n\n# References\n\nSmith, J. (2020). A title. J. Things, 1, 2.\n"
_DLIST = "<w:p>" + _run("References") + "</w:p><w:p>" + _run("Chen, A. (2018). T. J.") + "</w:p>"


def _md(body: str, tail: str = _LIST) -> Files:
    return {"paper.md": "Text (Smith, 2020).\n\n" + body + tail + "\n"}


def _txt(body: str, tail: str = _LIST) -> Files:
    return {"paper.txt": "Text (Smith, 2020).\n\n" + body + tail.replace("# ", "") + "\n"}


def _bib(entry: str, paper: str = "As shown [@k].\n") -> Files:
    return {"paper.md": paper, "refs.bib": entry}


# -- Unicode --------------------------------------------------------------------------


def md_zero_width_name(n: int) -> Files:
    """A cited name with a zero-width space after every letter, n letters, twice."""
    name = "\u200b".join("Smith" * (n // 5 + 1))
    return _md(f"As ({name}, 2020) and {name} (2020) said.\n", _LIST + f"\n{name}, J. (2020). T.\n")


def md_combining_everywhere(n: int) -> Files:
    """n words, each letter carrying three combining marks, cited in between."""
    word = "".join(c + "\u0301\u0308\u0327" for c in "Smith")
    return _md(" ".join(f"{word} ({word}, 2020)" for _ in range(n)) + "\n")


def md_megabyte_word(n: int) -> Files:
    """A body word of 10n KB with no space, then citations."""
    return _md("x" * (10_000 * n) + " (Smith, 2020).\n")


def list_megabyte_word(n: int) -> Files:
    """A reference entry holding one word of 10n KB."""
    return _md("", _LIST + "\nLee, A. (2019). " + "Y" * (10_000 * n) + ". J.\n")


def md_bidi_mixed(n: int) -> Files:
    """n cites each wrapped in a different bidi control and a zero-width joiner."""
    controls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200d\u200c\ufeff"
    body = " ".join(f"{controls[i % 12]}(Smith,{controls[(i + 3) % 12]} 2020)" for i in range(n))
    return _md(body + "\n")


def md_invalid_utf8(n: int) -> FilesOrBytes:
    """n invalid UTF-8 bytes between cites."""
    body = b" ".join(b"\xff\xfe(Smith, 2020)\xc3" for _ in range(n))
    return {"paper.md": b"Text (Smith, 2020).\n\n" + body + _LIST.encode()}


# -- names and citations -----------------------------------------------------------------


def md_particle_chain(n: int) -> Files:
    """'van der de la von ' x n before a cited surname."""
    return _md("As " + "van der de la von " * n + "Smith (2020) said.\n")


def md_hyphen_surname(n: int) -> Files:
    """A cited surname of n capitalised parts joined by hyphens."""
    name = "-".join(_letters(i).capitalize() for i in range(n))
    return _md(f"As {name} (2020) and ({name}, 2020).\n")


def md_apostrophe_chain(n: int) -> Files:
    """'O'' x n before a cited surname."""
    return _md("As " + "O'" * n + "Brien (2020) and (" + "O'" * n + "Brien, 2020).\n")


def md_ampersand_chain(n: int) -> Files:
    """'(Smith & Lee & ...' n names, 2020)."""
    return _md("(" + " & ".join(_letters(i).capitalize() for i in range(n)) + ", 2020).\n")


def md_year_suffixes(n: int) -> Files:
    """(Smith, 2020a, b, c, ...) of n suffixes, and 2020a2020b... glued."""
    suffixes = ", ".join(_letters(i) for i in range(n))
    glued = "".join(f"2020{_letters(i)}" for i in range(n))
    return _md(f"(Smith, 2020{suffixes}) and Smith ({glued}).\n")


def md_cites_no_separator(n: int) -> Files:
    """'(Smith 2020 Lee 2021 ...' n pairs, no separators, one parenthesis."""
    return _md(
        "(" + " ".join(f"{_letters(i).capitalize()} {1900 + i % 120}" for i in range(n)) + ")\n"
    )


def md_possessive_flood(n: int) -> Files:
    """ "Smith's (2020) " x n on one line."""
    return _md("Smith's (2020) " * n + "\n")


def md_unicode_superscripts(n: int) -> Files:
    """A word followed by n superscript digits and commas, a numbered list."""
    digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
    run = "˒".join(digits[i % 10] + digits[(i // 10) % 10] for i in range(n))
    lst = "\n".join(f"{k}. Smith, J. Work {k}. J. 2020." for k in range(1, 11))
    return {"paper.md": f"Text{run} more¹.\n\n# References\n\n{lst}\n"}


def md_sup_tags(n: int) -> Files:
    """<sup>1,2,...</sup> of n numbers, and n <sup> tags nested."""
    lst = "\n".join(f"{k}. Smith, J. Work {k}. J. 2020." for k in range(1, 11))
    flat = ",".join(str(1 + i % 10) for i in range(n))
    nested = "<sup>" * n + "1" + "</sup>" * n
    return {"paper.md": f"Text<sup>{flat}</sup> and{nested}.\n\n# References\n\n{lst}\n"}


def md_brackets_adjacent(n: int) -> Files:
    """'[1][2][3]...' n markers glued, a numbered list of 10."""
    lst = "\n".join(f"{k}. Smith, J. Work {k}. J. 2020." for k in range(1, 11))
    return {
        "paper.md": "Text"
        + "".join(f"[{1 + i % 10}]" for i in range(n))
        + f".\n\n# References\n\n{lst}\n"
    }


def txt_initials_no_space(n: int) -> Files:
    """'A.B.C.D....' n initials glued, then a surname and a year, in a list entry."""
    initials = "".join(chr(65 + i % 26) + "." for i in range(n))
    return _txt(f"As {initials} Smith (2020).\n", _LIST + f"\nSmith, {initials} (2020). T.\n")


def txt_dotted_digits(n: int) -> Files:
    """'1.2.3.4...' n numbers on a line and as an entry's pages."""
    dotted = ".".join(str(i % 10) for i in range(n))
    return _txt(f"See {dotted} (Smith, 2020).\n", _LIST + f"\nLee, A. (2019). T. J. {dotted}.\n")


def txt_capital_words(n: int) -> Files:
    """'SMITH ' x n in capitals, then (2020)."""
    return _txt("SMITH " * n + "(2020).\n")


def txt_single_capitals(n: int) -> Files:
    """'A B C D ' n single capitals, then (2020), in the body and the list."""
    caps = " ".join(chr(65 + i % 26) for i in range(n))
    return _txt(f"{caps} (2020).\n", _LIST + f"\n{caps} (2019). T.\n")


def txt_entry_brackets(n: int) -> Files:
    """An entry of n '[' and '(' pairs never closed."""
    return _txt("", _LIST + "\nLee, A. (2019). " + "[(" * n + " T.\n")


def txt_entry_quotes(n: int) -> Files:
    """An entry of n unmatched quotes of every kind."""
    return _txt("", _LIST + "\nLee, A. (2019). " + '“‘"«' * n + " T.\n")


def txt_entry_colons(n: int) -> Files:
    """An entry 'Lee, A. (2019). T: ' + 'a: ' x n."""
    return _txt("", _LIST + "\nLee, A. (2019). T" + ": a" * n + ". J.\n")


def txt_entry_in_ed(n: int) -> Files:
    """An entry 'In ' + 'A. Bb (Ed.), ' x n."""
    return _txt("", _LIST + "\nLee, A. (2019). T. In " + "A. Bb (Ed.), " * n + "Book. P.\n")


def txt_entry_edited_by(n: int) -> Files:
    """An entry of 'edited by A. B. Cc and ' x n."""
    return _txt("", _LIST + "\nLee, A. (2019). T. " + "edited by A. B. Cc and " * n + "Eds. P.\n")


def txt_entry_urls(n: int) -> Files:
    """An entry of n glued addresses 'http://a.b/http://a.b/...'."""
    return _txt("", _LIST + "\nLee, A. (2019). T. " + "http://a.example/" * n + "\n")


def txt_entry_dois(n: int) -> Files:
    """An entry of n glued DOIs '10.1/a10.1/a...'."""
    return _txt("", _LIST + "\nLee, A. (2019). T. doi:" + "10.1000/a" * n + "\n")


def txt_entry_years(n: int) -> Files:
    """An entry of 'n.d. ' and '(2020) ' alternated n times."""
    return _txt("", _LIST + "\nLee, A. " + "n.d. (2020) " * n + "T.\n")


def txt_entry_vol_issue(n: int) -> Files:
    """An entry of '12(3), ' x n."""
    return _txt("", _LIST + "\nLee, A. (2019). T. J " + "12(3), " * n + "1-2.\n")


# -- LaTeX ---------------------------------------------------------------------------------


def tex_comment_joined(n: int) -> Files:
    """n lines each ending in '%', joined by TeX into one, a cite among them."""
    return _tex("Smith%\n" * n + "\\cite{k}.\n")


def tex_phantom_nesting(n: int) -> Files:
    """\\phantom{ n deep around a \\cite, and \\textcolor{white}{ n deep."""
    return _tex(
        "\\phantom{" * n + "\\cite{k}" + "}" * n + "\\textcolor{white}{" * n + "\\cite{k}" + "}" * n
    )


def tex_else_flood(n: int) -> Files:
    """\\iftrue then n \\else, a cite between each, then \\fi."""
    return _tex("\\iftrue " + "\\cite{k} \\else " * n + "\\fi\n")


def tex_newif_many(n: int) -> Files:
    """n \\newif switches set and tested around cites."""
    pre = "".join(f"\\newif\\if{_letters(i)}\\{_letters(i)}true\n" for i in range(n))
    body = "".join(f"\\if{_letters(i)} \\cite{{k}}\\fi\n" for i in range(n))
    return _tex(body, pre)


def tex_cite_optional_flood(n: int) -> Files:
    """'\\cite[a][b][c]...{k}' with n optional arguments, and \\cite\\cite\\cite... n."""
    return _tex("\\cite" + "[a]" * n + "{k} " + "\\cite" * n + "{k}\n")


def tex_many_params(n: int) -> Files:
    """\\def\\a#1#2...#9 with n delimiter words between, used n times."""
    pre = "\\def\\a#1x#2y#3z{#1#2#3}\n"
    return _tex("\\a" + "w" * n + "x" + "v" * n + "y" + "\\cite{k}" * n + "\n", pre)


def tex_begin_document_flood(n: int) -> Files:
    """n \\begin{document} and \\begin{thebibliography} never ended."""
    return _tex("\\begin{document}\n\\cite{k}\n" * n + "\\begin{thebibliography}{9}\n" * n)


def tex_math_dollars(n: int) -> Files:
    """'$a$ \\cite{k} ' x n and one unclosed '$'."""
    return _tex("$a$ \\cite{k} " * n + "$ \\cite{k}" * n)


# -- BibTeX ---------------------------------------------------------------------------------


def bib_name_commas(n: int) -> Files:
    """author = {a, b, c, ...} one name of n commas, then 'and' names of lowercase words."""
    commas = ", ".join(_letters(i) for i in range(n))
    lower = " ".join(_letters(i) for i in range(n))
    return _bib(
        f"@article{{k, author = {{{commas} and {lower} Smith}}, title = {{T}}, year = 2020}}\n"
    )


def bib_comma_flood(n: int) -> Files:
    """'@article{k' + ',' x n + fields."""
    return _bib("@article{k" + "," * n + " author = {Smith, J.}, title = {T}, year = 2020}\n")


def bib_title_dollars(n: int) -> Files:
    """A title of n '$a' with one '$' left open, and a run of n '\\\\'."""
    return _bib(
        "@article{k, author = {Smith, J.}, title = {" + "$a" * n + "\\\\" * n + "}, year = 2020}\n"
    )


def bib_title_urls(n: int) -> Files:
    """A title of n '\\url{' never closed and n '\\href{a}{' closed."""
    t = "\\href{a}{b}" * n + "\\url{" * n
    return _bib("@article{k, author = {Smith, J.}, title = {" + t + "}, year = 2020}\n")


def bib_title_begins(n: int) -> Files:
    """A title of n '\\begin{x}' and one '\\end{x}'."""
    return _bib(
        "@article{k, author = {Smith, J.}, title = {"
        + "\\begin{x}a" * n
        + "\\end{x}}, year = 2020}\n"
    )


def bib_pages_dashes(n: int) -> Files:
    """pages = 1-2-3-...n, a doi of n slashes, a year of n '2020/'."""
    pages = "-".join(str(i) for i in range(n))
    return _bib(
        f"@article{{k, author = {{Smith, J.}}, title = {{T}}, year = {{{'2020/' * n}}}, "
        f"pages = {{{pages}}}, doi = {{10.1/{'/' * n}}}}}\n"
    )


def bib_percent_lines(n: int) -> Files:
    """An entry of n comment lines between fields."""
    return _bib(
        "@article{k, author = {Smith, J.},\n"
        + "% a comment {\n" * n
        + "title = {T}, year = 2020}\n"
    )


def bib_long_key(n: int) -> Files:
    """An entry key of 10n characters cited by it."""
    key = "k" * (10 * n)
    return _bib(
        f"@article{{{key}, author = {{Smith, J.}}, title = {{T}}, year = 2020}}\n",
        f"As [@{key}].\n",
    )


def bib_many_undefined_strings(n: int) -> Files:
    """A title 'a # b # c ...' of n undefined @string names."""
    t = " # ".join(_letters(i) for i in range(n))
    return _bib(f"@article{{k, author = {{Smith, J.}}, title = {t}, year = 2020}}\n")


# -- RIS / CSL -----------------------------------------------------------------------------


def ris_name_commas(n: int) -> Files:
    """AU with a name of n commas, PY of n slashes, SP/EP of n digits."""
    name = ", ".join(_letters(i) for i in range(n))
    rec = f"TY  - JOUR\nAU  - {name}\nPY  - {'2020/' * n}\nTI  - T\nSP  - {'9' * n}\nER  - \n"
    return {"paper.md": "As (Smith, 2020).\n", "refs.ris": rec}


def csl_json_long_names(n: int) -> Files:
    """An item whose literal, family and raw date are n words long."""
    import json

    words = " ".join(_letters(i) for i in range(n))
    item = {
        "id": "k",
        "type": "article",
        "title": "T",
        "author": [
            {"literal": words},
            {"family": words, "given": words, "non-dropping-particle": words},
        ],
        "issued": {"raw": " ".join(str(2000 + i % 20) for i in range(n))},
    }
    return {"paper.md": "As [@k].\n", "refs.json": json.dumps([item])}


# -- DOCX ---------------------------------------------------------------------------------


def _field(code: str) -> str:
    from xml.sax.saxutils import escape

    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(code)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _run("(Chen, 2018)")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def docx_zotero_deep_json(n: int) -> FilesOrBytes:
    """A Zotero field whose JSON nests n arrays deep, and one of n items."""
    deep = " ADDIN ZOTERO_ITEM CSL_CITATION " + '{"citationItems":' + "[" * n + "]" * n + "}"
    item = (
        '{"itemData":{"type":"book","title":"T","author":[{"family":"Chen"}],'
        '"issued":{"date-parts":[[2018]]}}}'
    )
    many = " ADDIN ZOTERO_ITEM CSL_CITATION " + '{"citationItems":[' + ",".join([item] * n) + "]}"
    return {"paper.docx": _docx(f"<w:p>{_field(deep)}</w:p><w:p>{_field(many)}</w:p>" + _DLIST)}


def docx_endnote_deep_xml(n: int) -> FilesOrBytes:
    """An EndNote field whose XML nests n elements deep, and one of n Cites."""
    deep = " ADDIN EN.CITE <EndNote>" + "<Cite>" * n + "</Cite>" * n + "</EndNote>"
    cite = (
        "<Cite><Author>Chen</Author><Year>2018</Year>"
        "<record><titles><title>T</title></titles></record></Cite>"
    )
    many = " ADDIN EN.CITE <EndNote>" + cite * n + "</EndNote>"
    return {"paper.docx": _docx(f"<w:p>{_field(deep)}</w:p><w:p>{_field(many)}</w:p>" + _DLIST)}


def docx_field_code_braces(n: int) -> FilesOrBytes:
    """A field code of n '{' (a JSON never begun right) and one of n quotes."""
    code1 = " ADDIN CSL_CITATION " + "{" * n
    code2 = ' ADDIN ZOTERO_ITEM CSL_CITATION {"a":"' + '\\"' * n
    return {"paper.docx": _docx(f"<w:p>{_field(code1)}</w:p><w:p>{_field(code2)}</w:p>" + _DLIST)}


def docx_many_field_kinds(n: int) -> FilesOrBytes:
    """n paragraphs each with a HYPERLINK, REF, PAGEREF and SEQ field and a cite."""
    para = "".join(
        _field(code)
        for code in (
            ' HYPERLINK "http://a.example/x" ',
            " REF _Ref1 \\h ",
            " PAGEREF _Ref1 ",
            " SEQ Table ",
        )
    )
    return {"paper.docx": _docx(f"<w:p>{para}</w:p>" * n + _DLIST)}


def docx_superscript_markers(n: int) -> FilesOrBytes:
    """n superscript runs '1,2' after words, a numbered list of 10."""
    sup = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1,2</w:t></w:r>'
    body = "<w:p>" + (_run("word") + sup) * n + "</w:p>"
    lst = "".join(f"<w:p>{_run(f'{k}. Chen, A. Work {k}. J. 2018.')}</w:p>" for k in range(1, 11))
    return {"paper.docx": _docx(body + "<w:p>" + _run("References") + "</w:p>" + lst)}


def docx_paren_reach(n: int) -> FilesOrBytes:
    """'(' x n then a superscript marker then ')' x n, in one paragraph."""
    sup = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r>'
    body = "<w:p>" + (_run("(a ") + sup) * n + _run(")") * n + "</w:p>"
    lst = "".join(f"<w:p>{_run(f'{k}. Chen, A. Work {k}. J. 2018.')}</w:p>" for k in range(1, 11))
    return {"paper.docx": _docx(body + "<w:p>" + _run("References") + "</w:p>" + lst)}


def docx_hyperlink_titles(n: int) -> FilesOrBytes:
    """n HYPERLINK fields whose shown text is one title repeated in the paragraph."""
    code = ' HYPERLINK "http://a.example/x" '
    body = "<w:p>" + (_field(code) + _run(" (Chen, 2018) ")) * n + "</w:p>"
    return {"paper.docx": _docx(body + _DLIST)}


# -- PDF and long entries (what froze) ------------------------------------------------


def pdf_links_behind_entries(n: int) -> FilesOrBytes:
    """One page: 20 reference entries and n link rectangles as big as the page, each
    with its own address, so every one stands behind every entry (2,000: 7.3 s before)."""
    annots = b" /Annots [" + b" ".join(b"%d 0 R" % (6 + i) for i in range(n)) + b"]"
    extra = [
        b"<< /Type /Annot /Subtype /Link /Rect [0 0 612 792] /A << /S /URI "
        b"/URI (https://a.example/%d) >> >>" % i
        for i in range(n)
    ]
    lines = [
        b"BT /F1 10 Tf 56 740 Td (As Chen \\(2018\\) shows.) Tj ET\n",
        b"BT /F1 10 Tf 56 700 Td (References) Tj ET\n",
    ]
    for k in range(20):
        lines.append(
            b"BT /F1 10 Tf 56 %d Td (Chen, A. \\(%d\\). Title %d. Journal 1, 2-3.) Tj ET\n"
            % (680 - 14 * k, 1990 + k, k)
        )
    return {"paper.pdf": _pdf_page(b"".join(lines), annots, extra)}


def txt_container_brackets(n: int) -> Files:
    """n chapter entries of ~9,000 characters of "(ABC 1) x, 1 ": as many named
    brackets as cuts in the container, each cut tested against each bracket (about a
    tenth of such an entry's reading; the rest, the CRF tagger's, is linear)."""
    entry = (
        "Lee, A. 2019. \u201cT.\u201d In Book " + "(ABC 1) x, 1 " * 690 + ", edited by B. Cc. P."
    )
    entries = "\n\n".join(entry.replace("Lee", _letters(i).capitalize()) for i in range(n))
    return {"paper.txt": "Text (Lee, 2019).\n\nReferences\n\n" + entries + "\n"}


SHAPES = [
    Shape("md-zero-width-name", md_zero_width_name, 2000, "a name of n letters, ZWSP between"),
    Shape("md-combining-everywhere", md_combining_everywhere, 500, "n names of 3 marks a letter"),
    Shape("md-megabyte-word", md_megabyte_word, 10, "a body word of 10n KB"),
    Shape("list-megabyte-word", list_megabyte_word, 10, "an entry word of 10n KB"),
    Shape("md-bidi-mixed", md_bidi_mixed, 500, "n cites in bidi controls"),
    Shape("md-invalid-utf8", md_invalid_utf8, 500, "n invalid UTF-8 bytes"),
    Shape("md-particle-chain", md_particle_chain, 200, "'van der de la von ' x n Smith"),
    Shape("md-hyphen-surname", md_hyphen_surname, 200, "a surname of n hyphened parts"),
    Shape("md-apostrophe-chain", md_apostrophe_chain, 500, "'O'' x n Brien (2020)"),
    Shape("md-ampersand-chain", md_ampersand_chain, 200, "(A & B & ... n, 2020)"),
    Shape("md-year-suffixes", md_year_suffixes, 200, "2020a, b, c... n suffixes"),
    Shape("md-cites-no-separator", md_cites_no_separator, 200, "(A 1900 B 1901 ...) n pairs"),
    Shape("md-possessive-flood", md_possessive_flood, 500, "Smith's (2020) x n"),
    Shape("md-unicode-superscripts", md_unicode_superscripts, 500, "n superscript digit pairs"),
    Shape("md-sup-tags", md_sup_tags, 500, "<sup> of n numbers, n deep"),
    Shape("md-brackets-adjacent", md_brackets_adjacent, 1000, "[1][2]... n markers glued"),
    Shape("txt-initials-no-space", txt_initials_no_space, 500, "A.B.C... n initials glued"),
    Shape("txt-dotted-digits", txt_dotted_digits, 1000, "1.2.3... n numbers"),
    Shape("txt-capital-words", txt_capital_words, 1000, "SMITH x n (2020)"),
    Shape("txt-single-capitals", txt_single_capitals, 1000, "A B C ... n (2020)"),
    Shape("txt-entry-brackets", txt_entry_brackets, 1000, "an entry of '[(' x n"),
    Shape("txt-entry-quotes", txt_entry_quotes, 1000, "an entry of n open quotes"),
    Shape("txt-entry-colons", txt_entry_colons, 1000, "an entry of ': a' x n"),
    Shape("txt-entry-in-ed", txt_entry_in_ed, 500, "'In A. Bb (Ed.), ' x n"),
    Shape("txt-entry-edited-by", txt_entry_edited_by, 500, "'edited by A. B. Cc and ' x n"),
    Shape("txt-entry-urls", txt_entry_urls, 500, "n glued addresses"),
    Shape("txt-entry-dois", txt_entry_dois, 500, "n glued DOIs"),
    Shape("txt-entry-years", txt_entry_years, 500, "'n.d. (2020) ' x n"),
    Shape("txt-entry-vol-issue", txt_entry_vol_issue, 500, "'12(3), ' x n"),
    Shape("tex-comment-joined", tex_comment_joined, 1000, "n lines ending in %"),
    Shape("tex-phantom-nesting", tex_phantom_nesting, 200, "\\phantom{ and \\textcolor n deep"),
    Shape("tex-else-flood", tex_else_flood, 500, "\\iftrue then n \\else"),
    Shape("tex-newif-many", tex_newif_many, 200, "n \\newif switches"),
    Shape("tex-cite-optional-flood", tex_cite_optional_flood, 500, "\\cite[a] x n, \\cite x n"),
    Shape("tex-many-params", tex_many_params, 500, "delimited params over runs of n"),
    Shape("tex-begin-document-flood", tex_begin_document_flood, 200, "n \\begin{document}"),
    Shape("tex-math-dollars", tex_math_dollars, 500, "'$a$ \\cite' x n, '$' open"),
    Shape("bib-name-commas", bib_name_commas, 500, "a name of n commas, n lowercase words"),
    Shape("bib-comma-flood", bib_comma_flood, 2000, "'@article{k' + ',' x n"),
    Shape("bib-title-dollars", bib_title_dollars, 1000, "'$a' x n, '\\\\' x n"),
    Shape("bib-title-urls", bib_title_urls, 500, "\\href x n, '\\url{' x n open"),
    Shape("bib-title-begins", bib_title_begins, 500, "'\\begin{x}a' x n, one \\end"),
    Shape("bib-pages-dashes", bib_pages_dashes, 500, "pages 1-2-...-n, year '2020/' x n"),
    Shape("bib-percent-lines", bib_percent_lines, 1000, "n comment lines in an entry"),
    Shape("bib-long-key", bib_long_key, 1000, "a key of 10n characters"),
    Shape("bib-undefined-strings", bib_many_undefined_strings, 500, "a # b # ... n undefined"),
    Shape("ris-name-commas", ris_name_commas, 500, "AU of n commas, PY '2020/' x n"),
    Shape("csl-json-long-names", csl_json_long_names, 500, "names and raw date of n words"),
    Shape("docx-zotero-deep-json", docx_zotero_deep_json, 200, "Zotero JSON n deep, n items"),
    Shape("docx-endnote-deep-xml", docx_endnote_deep_xml, 200, "EN.CITE XML n deep, n Cites"),
    Shape("docx-field-code-braces", docx_field_code_braces, 1000, "codes of n '{', n quotes"),
    Shape("docx-many-field-kinds", docx_many_field_kinds, 100, "n paragraphs of 4 fields"),
    Shape("docx-superscript-markers", docx_superscript_markers, 500, "n superscript markers"),
    Shape("docx-paren-reach", docx_paren_reach, 200, "'(' markers x n, ')' x n"),
    Shape("docx-hyperlink-titles", docx_hyperlink_titles, 200, "n HYPERLINK fields, one para"),
    Shape("pdf-links-behind-entries", pdf_links_behind_entries, 20, "20 entries, n page links"),
    Shape("txt-container-brackets", txt_container_brackets, 2, "n 9 KB chapter entries"),
]


def main(argv: list[str] | None = None) -> int:
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 10, 100], argv)


if __name__ == "__main__":
    sys.exit(main())
