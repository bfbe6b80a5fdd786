"""docbib28: hostile BibTeX, matching and rules shapes the earlier rounds did not grow.

freeze20-26_scaling.py and linearity.py grow BibTeX floods, chains and near-duplicate
titles. This round adds: year suffix letters a..zzz (entries and citations), many
entries of one surname and one year cited bare, citations naming thousands of
authors against an entry of thousands, organisation authors named in the text,
narrative runs of comma-separated names, accented name floods, an entry's author
list holding the same person many times, and an entry keyed by thousands of
characters cited many times (the report's size). Each runs a whole offline audit in
a child with a CPU limit (benches/shape_children.py).

    nice .venv/bin/python benches/docbib28_scaling.py [--only NAME ...] [--scales 1 4 16]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from linearity import Files, Shape  # noqa: E402
from linearity import _alpha as _suffix  # noqa: E402  a, b, ..., z, aa, ab, ...


def _name(i: int) -> str:
    letters = "abcdefghij"
    return "Sm" + "".join(letters[int(d)] for d in str(i))


def bib_suffix_letters(n: int) -> Files:
    """n Smith 2020a..2020zz entries, each cited by key and by name with its suffix."""
    entries = "".join(
        f"@article{{k{i}, author = {{Smith, J.}}, year = {{2020{_suffix(i)}}}, "
        f"title = {{T {i}}}}}\n"
        for i in range(n)
    )
    cites = " ".join(f"(Smith, 2020{_suffix(i)})" for i in range(n))
    return {"paper.md": f"As [@k0]. {cites} (Smith, 2020).\n", "refs.bib": entries}


def md_suffix_letters(n: int) -> Files:
    """A Markdown list of n Smith 2020<suffix> entries, cites of each and n bare."""
    entries = "\n".join(f"Smith, J. (2020{_suffix(i)}). Title {i}. J. X." for i in range(n))
    cites = " ".join(f"(Smith, 2020{_suffix(i)})" for i in range(n))
    bare = " ".join("(Smith, 2020)" for _ in range(n))
    return {"paper.md": f"{cites}\n\n{bare}\n\n# References\n\n{entries}\n"}


def bib_same_surname_year(n: int) -> Files:
    """n entries Smith 2020 of other given names and titles; n bare cites."""
    entries = "".join(
        f"@article{{k{i}, author = {{Smith, {_name(i).upper()[:3]}. and Lee, B.}}, "
        f"year = 2020, title = {{Work number {i} on things}}}}\n"
        for i in range(n)
    )
    cites = " ".join("Smith (2020) and Smith et al. (2020)." for _ in range(n))
    return {"paper.md": cites + "\n", "refs.bib": entries}


def md_cite_many_authors(n: int) -> Files:
    """One citation naming n authors, an entry listing the same n authors."""
    names = [_name(i).capitalize() for i in range(n)]
    cite = "(" + ", ".join(names[:-1]) + " & " + names[-1] + ", 2020)"
    entry = ", ".join(f"{x}, J." for x in names) + " (2020). A title. J. X, 1, 2."
    return {"paper.md": f"As {cite}. And {cite}.\n\n# References\n\n{entry}\n"}


def bib_cite_many_authors(n: int) -> Files:
    """An entry of n authors; n cites naming the first author with another co-author."""
    names = [_name(i).capitalize() for i in range(n)]
    author = " and ".join(f"{x}, J." for x in names)
    cites = " ".join(f"({names[0]} & {names[i]}, 2020)" for i in range(1, n))
    return {
        "paper.md": f"As [@k]. {cites}\n",
        "refs.bib": f"@article{{k, author = {{{author}}}, year = 2020, title = {{T}}}}\n",
    }


def bib_org_authors(n: int) -> Files:
    """n organisation authors (dated and undated) named in the text."""
    entries = "".join(
        f"@misc{{o{i}, author = {{{{Agency {_name(i).capitalize()} of Water Things}}}}, "
        + (f"year = {2000 + i % 20}, " if i % 2 else "")
        + f"title = {{Report {i}}}}}\n"
        for i in range(n)
    )
    body = " ".join(
        f"The Agency {_name(i).capitalize()} of Water Things ({2000 + i % 20}) said so."
        for i in range(n)
    )
    return {"paper.md": body + "\n", "refs.bib": entries}


def md_narrative_name_run(n: int) -> Files:
    """'Aa, Bb, Cc, ... and Zz (2020)' of n capitalised names, narrative."""
    names = ", ".join(_name(i).capitalize() for i in range(n))
    return {
        "paper.md": f"{names} and Smith (2020) said. {names} et al. (2020).\n\n"
        "# References\n\nSmith, J. (2020). T. J.\n"
    }


def bib_accented_names(n: int) -> Files:
    """n authors each written with TeX accents on every letter."""

    def acc(i: int) -> str:
        return "".join('{\\"' + c + "}" for c in _name(i))

    author = " and ".join(f"{acc(i)}, J." for i in range(n))
    return {
        "paper.md": "As [@k]. (Smith, 2020)\n",
        "refs.bib": f"@article{{k, author = {{{author}}}, year = 2020, title = {{T}}}}\n",
    }


def bib_same_person_repeated(n: int) -> Files:
    """One entry whose author list is 'Smith, J.' n times; cites 'Smith & Smith'."""
    author = " and ".join(["Smith, J."] * n)
    return {
        "paper.md": "As [@k]. (Smith & Smith, 2020) (Smith et al., 2020)\n",
        "refs.bib": f"@article{{k, author = {{{author}}}, year = 2020, title = {{T}}}}\n",
    }


def bib_year_disagree(n: int) -> Files:
    """n entries of distinct surnames, each cited by name with a wrong year, twice."""
    entries = "".join(
        f"@article{{k{i}, author = {{{_name(i).capitalize()}, J.}}, year = 2020, "
        f"title = {{T {i}}}}}\n"
        for i in range(n)
    )
    cites = " ".join(
        f"({_name(i).capitalize()}, 2019; {_name(i).capitalize()}, 2021)" for i in range(n)
    )
    return {"paper.md": cites + "\n", "refs.bib": entries}


def bib_near_duplicate_keys(n: int) -> Files:
    """n entries of one author, year and title differing by key and a page only."""
    entries = "".join(
        f"@article{{k{i}, author = {{Smith, J.}}, year = 2020, "
        f"title = {{A study of things and more {i % 7}}}, pages = {{{i}}}}}\n"
        for i in range(n)
    )
    return {"paper.md": "As [@k0].\n", "refs.bib": entries}


def bib_long_key_cited(n: int) -> Files:
    """One entry keyed by 5,000n characters, cited 50n times by name, half with another
    year: before docbib28 the report held the key once per citation and thrice per
    finding (product of the two sizes)."""
    key = "k" * (5_000 * n)
    cites = " ".join(f"(Smith, {2019 + i % 2}, p. {i})" for i in range(50 * n))
    return {
        "paper.md": f"As {cites}.\n",
        "refs.bib": f"@article{{{key}, author = {{Smith, J.}}, title = {{T}}, year = 2020}}\n",
    }


SHAPES = [
    Shape("bib-suffix-letters", bib_suffix_letters, 100, "n entries 2020a..2020zz"),
    Shape("md-suffix-letters", md_suffix_letters, 100, "n list entries 2020a.., cites"),
    Shape("bib-same-surname-year", bib_same_surname_year, 100, "n Smith 2020, bare cites"),
    Shape("md-cite-many-authors", md_cite_many_authors, 200, "a cite of n authors"),
    Shape("bib-cite-many-authors", bib_cite_many_authors, 100, "n authors, n co-author cites"),
    Shape("bib-org-authors", bib_org_authors, 100, "n organisations named"),
    Shape("md-narrative-name-run", md_narrative_name_run, 500, "n names before (2020)"),
    Shape("bib-accented-names", bib_accented_names, 200, "n accented authors"),
    Shape("bib-same-person-repeated", bib_same_person_repeated, 500, "Smith x n"),
    Shape("bib-year-disagree", bib_year_disagree, 100, "n entries, 2n wrong-year cites"),
    Shape("bib-long-key-cited", bib_long_key_cited, 1, "a 5,000n key, 50n cites"),
    Shape("bib-near-duplicate-keys", bib_near_duplicate_keys, 200, "n near-identical"),
]


def report_sizes(scales: list[int]) -> int:
    """The JSON report's bytes and the audit's CPU for `bib_long_key_cited` (the shape
    table above does not render reports): ``--report-size``."""
    import tempfile
    import time

    from citeaudit.audit import AuditInput, audit
    from citeaudit.report.json import JsonReporter

    print(f"{'scale':>5} {'upload bytes':>12} {'report bytes':>13} {'cpu s':>7}")
    for scale in scales:
        files = bib_long_key_cited(scale)
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for name, text in files.items():
                path = Path(folder) / name
                path.write_text(text, encoding="utf-8")
                paths.append(path)
            start = time.process_time()
            report = JsonReporter().render(audit(AuditInput.from_paths(paths)))
            spent = time.process_time() - start
        size = sum(len(t) for t in files.values())
        print(f"{scale:4d}x {size:12,d} {len(report):13,d} {spent:7.2f}", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--report-size" in args:
        return report_sizes([1, 4, 16])
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 4, 16], argv)


if __name__ == "__main__":
    sys.exit(main())
