"""freeze21: hostile uploads against every stage after reading, grown 1x/10x/100x.

The shapes earlier rounds (benches/linearity.py, benches/freeze20_scaling.py) do not
grow: many citations on one line, brackets and parentheses nested thousands deep, one
parenthesis of thousands of "et al." or semicolons, a reference list of 50,000 one-line
entries, one 5 MB entry, a 5 MB line of initials, runs of digits, dashes and commas in
numeric citations, huge RIS / CSL-JSON / CSL-YAML values, and Markdown of thousands of
nested lists, links, reference definitions and HTML comments. Each runs a whole offline
audit (read, extract, parse the list, match, every rule, the JSON report) in a child
with a CPU-time limit (benches/shape_children.py); a step from one scale to the next
whose time grows over twice as fast as the size, past half a second, is SUPER-LINEAR.

    nice .venv/bin/python benches/freeze21_scaling.py [--only NAME ...] [--scales 1 10 100]
                                                      [--limit 60]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from linearity import Files, Shape, _letters  # noqa: E402

_LIST = "\n\n# References\n\nSmith, J. (2020). A title. J. Things, 1, 2.\n"
_NUMBERED = "\n\n# References\n\n" + "\n".join(
    f"{k}. Writer{k} A. Work {k}. J. 2020;{k}:1-5." for k in range(1, 41)
)


def _md(body: str, tail: str = _LIST) -> Files:
    return {"paper.md": "Text (Smith, 2020).\n\n" + body + tail + "\n"}


# -- citations: one line, nesting, floods inside one parenthesis ----------------------


def line_author_year(n: int) -> Files:
    """n parenthetical author-year citations of n different works, all on one line."""
    body = " ".join(f"x ({_letters(i).capitalize()}son, {1900 + i % 120})." for i in range(n))
    return _md(body)


def line_narrative(n: int) -> Files:
    body = " ".join(f"{_letters(i).capitalize()}son et al. ({1900 + i % 120}) y" for i in range(n))
    return _md(body)


def nested_parens(n: int) -> Files:
    return _md("(" * n + "Smith, 2020" + ")" * n + " x\n")


def nested_brackets(n: int) -> Files:
    return _md("[" * n + "1" + "]" * n + " x\n", _NUMBERED)


def nested_mixed(n: int) -> Files:
    return _md("([" * n + "Smith 2020, 1" + "])" * n + " x\n")


def nested_parens_lines(n: int) -> Files:
    """n lines, each one level deeper in parentheses ('(' never closed across lines)."""
    return _md("".join("(" * (i % 300) + f"Smith ({2020}) x\n" for i in range(n)))


def et_al_flood(n: int) -> Files:
    """One parenthesis of n 'Name et al.' and one year."""
    return _md(
        "(" + ", ".join(f"{_letters(i).capitalize()}son et al." for i in range(n)) + " 2020)"
    )


def et_al_years_flood(n: int) -> Files:
    """One parenthesis of n 'Name et al., year;' items."""
    return _md(
        "(" + "; ".join(f"{_letters(i).capitalize()}son et al., 2020" for i in range(n)) + ")"
    )


def semicolon_flood(n: int) -> Files:
    return _md("(Smith, 2020" + "; " * n + ")")


def semicolon_items(n: int) -> Files:
    return _md("(" + "Smith, 2020; " * n + "Lee, 2019)")


def unclosed_parens(n: int) -> Files:
    return _md("(Smith " * n + "\n")


def unclosed_paren_year(n: int) -> Files:
    return _md("(Smith, 2020 " * n + "\n")


def unclosed_paren_lines(n: int) -> Files:
    return _md("(Smith and Lee\n" * n)


def same_work_cited(n: int) -> Files:
    """One work cited n times, each with another page: rules and report per citation."""
    return _md(" ".join(f"x (Smith, 2020, p. {i})." for i in range(n)))


# -- numeric markers -----------------------------------------------------------------


def numeric_commas(n: int) -> Files:
    return _md("[" + ",".join(str(1 + i % 40) for i in range(n)) + "] x", _NUMBERED)


def numeric_dashes(n: int) -> Files:
    return _md("[1" + "-" * n + "2] x", _NUMBERED)


def numeric_dash_chain(n: int) -> Files:
    return _md("[" + "-".join(str(1 + i % 40) for i in range(n)) + "] x", _NUMBERED)


def numeric_digits(n: int) -> Files:
    return _md("[" + "9" * n + "] x", _NUMBERED)


def numeric_comma_run(n: int) -> Files:
    return _md("[1" + "," * n + "2] x", _NUMBERED)


def numeric_superscript_commas(n: int) -> Files:
    return _md("word.^" + ",".join(str(1 + i % 40) for i in range(n)) + "^ x", _NUMBERED)


def numeric_unclosed(n: int) -> Files:
    return _md("[1, " * n + "x", _NUMBERED)


def numeric_bare_digits_line(n: int) -> Files:
    """A line of n space-separated small numbers (a flattened table)."""
    return _md(" ".join(str(1 + i % 40) for i in range(n)) + ".", _NUMBERED)


# -- reference lists --------------------------------------------------------------------


def list_one_line_entries(n: int) -> Files:
    """A reference list of n one-line entries (no blank lines between)."""
    entries = "\n".join(
        f"{_letters(i).capitalize()}son, J. ({1900 + i % 120}). Title {i}. J. Things, 1, 2."
        for i in range(n)
    )
    return {"paper.md": "Text (Aason, 1900).\n\n# References\n\n" + entries + "\n"}


def list_numbered_entries(n: int) -> Files:
    entries = "\n".join(f"{k}. Writer{k} A. Work {k}. J. 2020;{k}:1-5." for k in range(1, n + 1))
    return {"paper.md": "Text [1], [2].\n\n# References\n\n" + entries + "\n"}


def list_huge_entry(n: int) -> Files:
    """One free-text entry of ~50n bytes (5 MB at 100x with base 1000)."""
    entry = "Smith, J. (2020). " + "A long title of words, and more words here. " * n + "J. 1."
    return {"paper.md": "Text (Smith, 2020).\n\n# References\n\n" + entry + "\n"}


def list_initials_line(n: int) -> Files:
    """A reference entry of n initials 'A. B. C. ...' on one line."""
    initials = " ".join(f"{chr(65 + i % 26)}." for i in range(n))
    return {"paper.md": f"Text (Smith, 2020).\n\n# References\n\nSmith, {initials} (2020). T.\n"}


def body_initials_line(n: int) -> Files:
    initials = " ".join(f"{chr(65 + i % 26)}." for i in range(n))
    return _md(f"As {initials} Smith (2020) says.")


def list_commas_entry(n: int) -> Files:
    """An entry of n comma-separated surnames without initials."""
    names = ", ".join(f"{_letters(i).capitalize()}son" for i in range(n))
    return {"paper.md": f"Text (Aason, 2020).\n\n# References\n\n{names}. (2020). T. J.\n"}


def list_years_entry(n: int) -> Files:
    """An entry with n years in it."""
    years = " ".join(f"({1900 + i % 120})" for i in range(n))
    return {"paper.md": f"Text (Smith, 2020).\n\n# References\n\nSmith, J. {years}. T.\n"}


def txt_list_one_line_entries(n: int) -> Files:
    entries = "\n".join(
        f"{_letters(i).capitalize()}son, J. ({1900 + i % 120}). Title {i}. J. Things, 1, 2."
        for i in range(n)
    )
    return {"paper.txt": "Text (Aason, 1900).\n\nReferences\n\n" + entries + "\n"}


# -- RIS / CSL-JSON / CSL-YAML ------------------------------------------------------------


def _with(name: str, text: str, paper: str = "As shown [@k].\n") -> Files:
    return {name: text, "paper.md": paper}


def ris_huge_year(n: int) -> Files:
    return _with(
        "refs.ris",
        "TY  - JOUR\nAU  - Lee, K.\nTI  - T\nPY  - " + "9" * n + "\nER  - \n",
        "As (Lee, 2020).\n",
    )


def ris_many_keywords(n: int) -> Files:
    body = "".join(f"KW  - k{i}\n" for i in range(n))
    return _with(
        "refs.ris",
        f"TY  - JOUR\nAU  - Lee, K.\nTI  - T\nPY  - 2020\n{body}ER  - \n",
        "As (Lee, 2020).\n",
    )


def ris_one_line_records(n: int) -> Files:
    """n records whose lines run together with no newlines (one line of n records)."""
    rec = "TY  - JOUR AU  - Lee, K. TI  - T PY  - 2020 ER  - "
    return _with("refs.ris", rec * n + "\n", "As (Lee, 2020).\n")


def ris_unknown_tags(n: int) -> Files:
    body = "".join(f"{chr(65 + i % 26)}{i % 10}  - v{i}\n" for i in range(n))
    return _with("refs.ris", f"TY  - JOUR\nAU  - Lee, K.\n{body}ER  - \n", "As (Lee, 2020).\n")


def csl_json_huge_exponent(n: int) -> Files:
    item = '{"id": "k", "title": "T", "issued": {"date-parts": [[1' + "0" * n + "e99999]]}}"
    return _with("refs.json", f"[{item}]")


def csl_json_many_items_keys(n: int) -> Files:
    """n items, each of 20 unknown keys."""
    extra = ",".join(f'"x{j}": "v"' for j in range(20))
    items = ",".join(
        f'{{"id": "k{i}", "title": "T{i}", {extra}, "author": [{{"family": "F{_letters(i)}"}}]}}'
        for i in range(n)
    )
    return _with("refs.json", f"[{items}]")


def csl_json_date_parts(n: int) -> Files:
    parts = ",".join("[2020, 1, 1]" for _ in range(n))
    return _with(
        "refs.json", f'[{{"id": "k", "title": "T", "issued": {{"date-parts": [{parts}]}}}}]'
    )


def csl_json_same_id(n: int) -> Files:
    items = ",".join(f'{{"id": "k", "title": "T{i}"}}' for i in range(n))
    return _with("refs.json", f"[{items}]")


def csl_yaml_huge_int(n: int) -> Files:
    return _with("refs.yaml", "references:\n- id: k\n  title: T\n  issued: " + "9" * n + "\n")


def csl_yaml_huge_float(n: int) -> Files:
    return _with("refs.yaml", "references:\n- id: k\n  title: T\n  volume: 1" + "0" * n + ".5e9\n")


def csl_yaml_many_keys(n: int) -> Files:
    keys = "".join(f"  x{i}: v\n" for i in range(n))
    return _with("refs.yaml", f"references:\n- id: k\n  title: T\n{keys}")


def csl_yaml_block_staircase(n: int) -> Files:
    """A block mapping n levels deep (one more indent each line)."""
    rows = "".join(" " * (i + 2) + f"a{i}:\n" for i in range(n))
    return _with(
        "refs.yaml", "references:\n- id: k\n  title: T\n  note:\n" + rows + " " * (n + 2) + "x\n"
    )


def csl_yaml_many_items(n: int) -> Files:
    items = "".join(
        f"- id: k{i}\n  title: T{i}\n  author: [{{family: F{_letters(i)}}}]\n" for i in range(n)
    )
    return _with("refs.yaml", "references:\n" + items)


# -- Markdown structure -----------------------------------------------------------------


def md_list_staircase(n: int) -> Files:
    """n list items, each nested one level deeper than the last (no wrap)."""
    return _md("".join(" " * (2 * i) + "- x (Smith, 2020)\n" for i in range(n)))


def md_blockquote_staircase(n: int) -> Files:
    return _md("".join("> " * i + "x (Smith, 2020)\n" for i in range(n)))


def md_links_one_line(n: int) -> Files:
    return _md(" ".join(f"[w{i}](http://example.org/{i})" for i in range(n)))


def md_links_lines(n: int) -> Files:
    return _md("".join(f"See [w{i}](http://example.org/{i}) (Smith, 2020).\n" for i in range(n)))


def md_reference_defs_unused(n: int) -> Files:
    return _md("".join(f'[r{i}]: http://example.org/{i} "T{i}"\n' for i in range(n)))


def md_reference_uses_undefined(n: int) -> Files:
    return _md(" ".join(f"[r{i}][q{i}]" for i in range(n)))


def md_comments_one_line(n: int) -> Files:
    return _md("<!-- c --> x " * n)


def md_comments_lines(n: int) -> Files:
    return _md("<!--\nhidden (Lee, 2019)\n-->\nshown (Smith, 2020)\n" * n)


def md_images_nested(n: int) -> Files:
    return _md("![" * n + "a" + "](x)" * n)


def md_angle_run(n: int) -> Files:
    return _md("<" * n + "x")


def md_entities(n: int) -> Files:
    return _md("&amp; &#40; &#x29; " * n)


def md_footnote_refs_unclosed(n: int) -> Files:
    return _md("[^" * n)


def md_footnote_defs_nested(n: int) -> Files:
    return _md(
        "".join(" " * (4 * (i % 50)) + f"[^n{i}]: (Smith, 2020) [^n{i + 1}]\n" for i in range(n))
    )


def md_code_fence_flood(n: int) -> Files:
    return _md("```\n(Lee, 2019)\n" * n)


def md_html_blocks(n: int) -> Files:
    return _md("<div>\n(Smith, 2020)\n\n" * n)


# -- the cross-check, list splitting and free-text parsing -----------------------------


def _cap(i: int) -> str:
    return _letters(i).capitalize() + "son"


def list_identical_entries(n: int) -> Files:
    """n identical entries: every pair a duplicate."""
    entries = "Smith, J. (2020). The same title. J. Things, 1, 2.\n\n" * n
    return {"paper.md": "Text (Smith, 2020).\n\n# References\n\n" + entries}


def xcheck_ambiguous(n: int) -> Files:
    """n entries of one author and year, n citations of that author and year."""
    entries = "".join(f"Smith, J. (2020). Title {_letters(i)}. J.\n\n" for i in range(n))
    body = " ".join("x (Smith, 2020)." for _ in range(n))
    return {"paper.md": body + "\n\n# References\n\n" + entries}


def xcheck_all_good(n: int) -> Files:
    """n citations of n works, all in the list (the big well-formed paper)."""
    entries = "".join(f"{_cap(i)}, J. ({1900 + i % 120}). Title {i}. J.\n\n" for i in range(n))
    body = "\n\n".join(f"As shown ({_cap(i)}, {1900 + i % 120})." for i in range(n))
    return {"paper.md": body + "\n\n# References\n\n" + entries}


def list_continuation_lines(n: int) -> Files:
    """A list whose one entry runs on over n lines."""
    return {
        "paper.md": "Text (Smith, 2020).\n\n# References\n\nSmith, J. (2020). "
        + "words of a title that goes on,\n" * n
    }


def list_alternating_lines(n: int) -> Files:
    lines = "".join(f"{_cap(i)}, J. (2020).\ncontinued title {i}, J.\n" for i in range(n))
    return {"paper.md": "Text (Aason, 2020).\n\n# References\n\n" + lines}


def list_et_al_entry(n: int) -> Files:
    return {
        "paper.md": "Text (Smith, 2020).\n\n# References\n\nSmith, J., "
        + "et al., " * n
        + "(2020). T. J.\n"
    }


def list_and_entry(n: int) -> Files:
    names = " and ".join(f"{_cap(i)}, K." for i in range(n))
    return {
        "paper.md": f"Text (Smith, 2020).\n\n# References\n\nSmith, J. and {names} (2020). T.\n"
    }


def line_numbered_manuscript(n: int) -> Files:
    body = "".join(
        f"{i + 1}   Text goes here (Smith,\n" if i % 2 == 0 else f"{i + 1}   2020) on.\n"
        for i in range(n)
    )
    return {"paper.txt": "Introduction\n" + body + "\nReferences\n\nSmith, J. (2020). T.\n"}


def numeric_whole_range(n: int) -> Files:
    entries = "\n".join(f"{k}. Writer{k} A. Work {k}. J. 2020;{k}:1-5." for k in range(1, n + 1))
    return {"paper.md": f"Text [1-{n}] and [{n}-1].\n\n# References\n\n" + entries + "\n"}


def narrative_many_years(n: int) -> Files:
    return _md("Smith (" + ", ".join(str(1900 + i % 120) for i in range(n)) + ") says.")


def locator_flood(n: int) -> Files:
    return _md("(Smith, 2020, " + ", ".join(f"pp. {i}-{i + 1}" for i in range(n)) + ")")


def prefix_flood(n: int) -> Files:
    return _md("(" + "see also " * n + "Smith, 2020)")


def citation_many_authors(n: int) -> Files:
    names = ", ".join(_cap(i) for i in range(n))
    entry_names = ", ".join(f"{_cap(i)}, A." for i in range(n))
    return {
        "paper.md": f"Text ({names}, & Lee, 2020).\n\n# References\n\n"
        f"{entry_names}, & Lee, K. (2020). T. J.\n"
    }


def same_doi_entries(n: int) -> Files:
    entries = "".join(
        f"{_cap(i)}, J. (2020). T{i}. https://doi.org/10.1000/same\n\n" for i in range(n)
    )
    return {"paper.md": "Text (Aason, 2020).\n\n# References\n\n" + entries}


def txt_single_line_cites(n: int) -> Files:
    body = " ".join(f"x ({_cap(i)}, {1900 + i % 120})." for i in range(n))
    return {"paper.txt": body + "\n\nReferences\n\nSmith, J. (2020). T.\n"}


def hidden_spans_unclosed(n: int) -> Files:
    return _md('<span style="display:none">x\n' * n)


def hidden_divs_lines(n: int) -> Files:
    return _md("<div hidden>\n(Lee, 2019)\n</div>\n(Smith, 2020)\n" * n)


def list_long_entries(n: int) -> Files:
    """n entries each just under the parser's 10,000-character cap: the free-text
    parser's heaviest text per byte ("Vol. 1, No. 2, " runs)."""
    entry = "Smith, J. (2020). " + "Vol. 1, No. 2, " * 600 + "J. 1."
    entries = "".join(f"{_cap(i)}{entry}\n\n" for i in range(n))
    return {"paper.md": "Text (Aason, 2020).\n\n# References\n\n" + entries}


def _listed(lines: str) -> Files:
    return {"paper.md": "Text (Aason, 2020) [1].\n\n# References\n\n" + lines}


def list_same_number(n: int) -> Files:
    return _listed("".join(f"1. {_cap(i)}, J. (2020). T{i}. J.\n" for i in range(n)))


def list_falling_numbers(n: int) -> Files:
    return _listed("".join(f"{n - i}. {_cap(i)}, J. (2020). T{i}. J.\n" for i in range(n)))


def list_mixed_markers(n: int) -> Files:
    marks = ("- ", "* ", "1. ", "[1] ", "1) ", "(1) ")
    return _listed("".join(f"{marks[i % 6]}{_cap(i)}, J. (2020). T{i}.\n" for i in range(n)))


def list_indent_alternating(n: int) -> Files:
    return _listed(
        "".join(f"{'    ' if i % 2 else ''}{_cap(i)}, J. (2020). T{i}.\n" for i in range(n))
    )


def numeric_descending(n: int) -> Files:
    """n numbered entries cited n..1: every citation out of order."""
    entries = "\n".join(f"{k}. Writer{k} A. Work {k}. J. 2020;{k}:1-5." for k in range(1, n + 1))
    body = " ".join(f"x [{k}]." for k in range(n, 0, -1))
    return {"paper.md": body + "\n\n# References\n\n" + entries + "\n"}


def list_same_title(n: int) -> Files:
    """n entries by different authors with one title."""
    entries = "".join(f"{_cap(i)}, J. ({1900 + i % 120}). One title. J.\n\n" for i in range(n))
    return {"paper.md": "Text (Aason, 1900).\n\n# References\n\n" + entries}


SHAPES = [
    Shape("line-author-year", line_author_year, 100, "n (Name, year) on one line"),
    Shape("line-narrative", line_narrative, 100, "n 'Name et al. (year)' on one line"),
    Shape("nested-parens", nested_parens, 200, "'(' x n around one citation"),
    Shape("nested-brackets", nested_brackets, 200, "'[' x n around [1]"),
    Shape("nested-mixed", nested_mixed, 100, "'([' x n around a citation"),
    Shape("nested-parens-lines", nested_parens_lines, 20, "n lines, deeper '(' each"),
    Shape("et-al-flood", et_al_flood, 100, "(A et al., B et al., ... 2020)"),
    Shape("et-al-years-flood", et_al_years_flood, 100, "(A et al., 2020; ... ) n items"),
    Shape("semicolon-flood", semicolon_flood, 500, "(Smith, 2020; ; ; ...)"),
    Shape("semicolon-items", semicolon_items, 100, "(Smith, 2020; x n)"),
    Shape("unclosed-parens", unclosed_parens, 500, "'(Smith ' x n"),
    Shape("unclosed-paren-year", unclosed_paren_year, 200, "'(Smith, 2020 ' x n"),
    Shape("unclosed-paren-lines", unclosed_paren_lines, 100, "'(Smith and Lee' lines x n"),
    Shape("same-work-cited", same_work_cited, 100, "one work cited n times"),
    Shape("numeric-commas", numeric_commas, 200, "[1,2,...] n numbers"),
    Shape("numeric-dashes", numeric_dashes, 500, "[1----2] n dashes"),
    Shape("numeric-dash-chain", numeric_dash_chain, 200, "[1-2-3-...] n numbers"),
    Shape("numeric-digits", numeric_digits, 500, "[999...] n digits"),
    Shape("numeric-comma-run", numeric_comma_run, 500, "[1,,,,2] n commas"),
    Shape("numeric-superscript", numeric_superscript_commas, 200, "^1,2,...^ n numbers"),
    Shape("numeric-unclosed", numeric_unclosed, 200, "'[1, ' x n"),
    Shape("numeric-bare-line", numeric_bare_digits_line, 200, "n bare numbers on a line"),
    Shape("list-one-line-entries", list_one_line_entries, 500, "n one-line entries"),
    Shape("list-numbered-entries", list_numbered_entries, 500, "n numbered entries"),
    Shape("txt-list-one-line", txt_list_one_line_entries, 500, "n one-line entries (txt)"),
    Shape("list-huge-entry", list_huge_entry, 1000, "one entry of ~50n bytes"),
    Shape("list-initials-line", list_initials_line, 2000, "an entry of n initials"),
    Shape("body-initials-line", body_initials_line, 2000, "a body line of n initials"),
    Shape("list-commas-entry", list_commas_entry, 200, "an entry of n surnames"),
    Shape("list-years-entry", list_years_entry, 200, "an entry of n years"),
    Shape("ris-huge-year", ris_huge_year, 1000, "PY of n digits"),
    Shape("ris-many-keywords", ris_many_keywords, 500, "one record, n KW"),
    Shape("ris-one-line-records", ris_one_line_records, 200, "n records on one line"),
    Shape("ris-unknown-tags", ris_unknown_tags, 500, "one record, n unknown tags"),
    Shape("csl-json-huge-exponent", csl_json_huge_exponent, 1000, "a number of n digits e99999"),
    Shape("csl-json-many-items-keys", csl_json_many_items_keys, 100, "n items x 20 keys"),
    Shape("csl-json-date-parts", csl_json_date_parts, 500, "n date-parts"),
    Shape("csl-json-same-id", csl_json_same_id, 100, "n items of one id"),
    Shape("csl-yaml-huge-int", csl_yaml_huge_int, 1000, "issued of n digits"),
    Shape("csl-yaml-huge-float", csl_yaml_huge_float, 1000, "a float of n digits"),
    Shape("csl-yaml-many-keys", csl_yaml_many_keys, 200, "one item of n keys"),
    Shape("csl-yaml-block-staircase", csl_yaml_block_staircase, 20, "a block map n deep"),
    Shape("csl-yaml-many-items", csl_yaml_many_items, 50, "n items"),
    Shape("md-list-staircase", md_list_staircase, 20, "n items, one level deeper each"),
    Shape("md-blockquote-staircase", md_blockquote_staircase, 20, "n lines, '> ' x i"),
    Shape("md-links-one-line", md_links_one_line, 200, "n links on one line"),
    Shape("md-links-lines", md_links_lines, 100, "n lines with a link and a citation"),
    Shape("md-ref-defs-unused", md_reference_defs_unused, 200, "n definitions, unused"),
    Shape("md-ref-uses-undefined", md_reference_uses_undefined, 200, "n [a][b] undefined"),
    Shape("md-comments-one-line", md_comments_one_line, 200, "'<!-- c --> x' x n"),
    Shape("md-comments-lines", md_comments_lines, 100, "n comments hiding a citation"),
    Shape("md-images-nested", md_images_nested, 100, "'![' x n"),
    Shape("md-angle-run", md_angle_run, 1000, "'<' x n"),
    Shape("md-entities", md_entities, 200, "entities x n"),
    Shape("md-footnote-unclosed", md_footnote_refs_unclosed, 500, "'[^' x n"),
    Shape("md-footnote-defs-nested", md_footnote_defs_nested, 50, "n footnote definitions"),
    Shape("md-code-fence-flood", md_code_fence_flood, 100, "'```' x n"),
    Shape("md-html-blocks", md_html_blocks, 100, "n html blocks"),
    Shape("list-identical-entries", list_identical_entries, 50, "n identical entries"),
    Shape("xcheck-ambiguous", xcheck_ambiguous, 50, "n Smith 2020 entries, n cites"),
    Shape("xcheck-all-good", xcheck_all_good, 50, "n cites of n listed works"),
    Shape("list-continuation", list_continuation_lines, 100, "one entry over n lines"),
    Shape("list-alternating", list_alternating_lines, 50, "n two-line entries"),
    Shape("list-et-al-entry", list_et_al_entry, 200, "an entry of n 'et al.,'"),
    Shape("list-and-entry", list_and_entry, 100, "an entry of n ' and ' names"),
    Shape("line-numbered", line_numbered_manuscript, 100, "n margin-numbered lines"),
    Shape("numeric-whole-range", numeric_whole_range, 100, "[1-n] over n entries"),
    Shape("narrative-many-years", narrative_many_years, 100, "Smith (y1, y2, ... yn)"),
    Shape("locator-flood", locator_flood, 100, "(Smith, 2020, pp. x n)"),
    Shape("prefix-flood", prefix_flood, 200, "'see also ' x n"),
    Shape("citation-many-authors", citation_many_authors, 50, "n authors cited and listed"),
    Shape("same-doi-entries", same_doi_entries, 50, "n entries of one DOI"),
    Shape("txt-single-line-cites", txt_single_line_cites, 100, "n cites on one txt line"),
    Shape("hidden-spans-unclosed", hidden_spans_unclosed, 100, "hidden span lines x n"),
    Shape("list-long-entries", list_long_entries, 2, "n entries of ~9,000 characters"),
    Shape("list-same-number", list_same_number, 50, "n entries all numbered 1."),
    Shape("list-falling-numbers", list_falling_numbers, 50, "n entries numbered n..1"),
    Shape("list-mixed-markers", list_mixed_markers, 50, "n entries, six kinds of marker"),
    Shape("list-indent-alternating", list_indent_alternating, 50, "n entries, indented by turns"),
    Shape("numeric-descending", numeric_descending, 50, "n entries cited n..1"),
    Shape("list-same-title", list_same_title, 50, "n entries of one title"),
    Shape("hidden-divs-lines", hidden_divs_lines, 100, "n hidden divs with citations"),
]


def main(argv: list[str] | None = None) -> int:
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 10, 100], argv)


if __name__ == "__main__":
    sys.exit(main())
