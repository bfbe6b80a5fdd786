"""rt35z: hostile shapes the earlier scaling rounds did not grow, and reports, 1x, 4x, 16x.

Each shape size is a whole offline audit in a child with a CPU limit
(benches/shape_children.py); read the cpu and peak MB columns. All held (linear, tens
of MB): Markdown math, angle, brace, pipe, entity, autolink and footnote floods,
zero-width and ligature names, quoted and MLA titles, acronyms, dates, taxa, specimen
numbers, one-letter paragraphs, page locators, lone surrogates in CSL-JSON, long name
runs, a pasted numbered list.

`--reports` measures the report writers instead: a result of 5,000n findings (as an
audit lists up to 25,000 of each rule), each format written to a discarding stream and
served as the service serves it (`service.reports.served_report`), in a child each;
CPU seconds, peak MB traced (tracemalloc) and the report's MB. Before rt35z the SARIF
log was held as data, one string and two copies (~6.7 bytes a byte written) and the
service held every report as one string.

    nice .venv/bin/python benches/rt35z_scaling.py [--only NAME ...] [--scales 1 4 16]
    nice .venv/bin/python benches/rt35z_scaling.py --reports [--scales 1 4 16]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from linearity import Files, Shape, _letters  # noqa: E402

_LIST = (
    "\n\n# References\n\n"
    "Smith, J., & Jones, A. (2020). The great work. J, 1, 1-2.\n\n"
    "Lee, K. (2019). Other work. J, 2, 3-4.\n"
)


def md(body: str, listed: str = _LIST) -> Files:
    return {"paper.md": body + listed}


def md_dollars(n: int) -> Files:
    return md("Text (Lee, 2019) " + "$a " * 5000 * n + "\n")


def md_double_dollars(n: int) -> Files:
    return md("Text (Lee, 2019) " + "$$ a " * 5000 * n + "\n")


def md_angles(n: int) -> Files:
    return md("Text (Lee, 2019) " + "<a " * 5000 * n + "\n")


def md_braces(n: int) -> Files:
    return md("Text (Lee, 2019) " + "{#a " * 5000 * n + "\n")


def md_pipes(n: int) -> Files:
    row = "|" + " a |" * 200 + "\n"
    return md("Text (Lee, 2019)\n\n" + row + "|" + "---|" * 200 + "\n" + row * 25 * n)


def md_entities(n: int) -> Files:
    return md("Text (Lee, 2019) " + "&#12345 &amp " * 3000 * n + "\n")


def md_autolinks(n: int) -> Files:
    return md("Text (Lee, 2019) " + "<http://a.b/c " * 3000 * n + "\n")


def md_footnote_refs(n: int) -> Files:
    return md("Text (Lee, 2019) " + "[^a " * 5000 * n + "\n")


def md_zero_width(n: int) -> Files:
    name = "\u200b".join("Smith")
    return md(f"Text ({name}, 2020) " * 1000 * n + "\n")


def md_ligatures(n: int) -> Files:
    return md("Text (Lee, 2019) " + "\ufdfa " * 10000 * n + "\n")


def md_quoted_titles(n: int) -> Files:
    entries = "".join(
        f"Author{_letters(i)}, J. (2020). Title words {_letters(i)}. J, 1, 1-2.\n\n"
        for i in range(200 * n)
    )
    body = "".join(f'As "Title words {_letters(i)}" shows. ' for i in range(200 * n))
    return md(body + "\n", "\n\n# References\n\n" + entries)


def md_no_citations(n: int) -> Files:
    entries = "".join(
        f"Author{_letters(i)}, J. (2020). Title words {_letters(i)}. J, 1, 1-2.\n\n"
        for i in range(200 * n)
    )
    body = "".join(f"Author{_letters(i)} wrote title words here. " for i in range(200 * n))
    return md(body + "\n", "\n\n# References\n\n" + entries)


def md_mla_titles(n: int) -> Files:
    entries = "".join(
        f'Author{_letters(i)}, John. "Title Words {_letters(i)}." Journal, 2020.\n\n'
        for i in range(200 * n)
    )
    body = "".join(f'("Title Words {_letters(i)}" 12) ' for i in range(200 * n))
    return md(body + "\n", "\n\n# Works Cited\n\n" + entries)


def md_acronyms(n: int) -> Files:
    body = "".join(
        f"The World {_letters(i).title()} Organization (W{_letters(i).upper()}O) said. "
        for i in range(300 * n)
    )
    return md(body + "\n")


def md_dates(n: int) -> Files:
    return md("Text (Lee, 2019) " + "on 12 March 2020, " * 3000 * n + "\n")


def md_taxa(n: int) -> Files:
    return md("Text (Lee, 2019) " + "Aus bus L. 1758, " * 3000 * n + "\n")


def md_specimens(n: int) -> Files:
    return md("Text (Lee, 2019) " + "Smith 1234, " * 3000 * n + "\n")


def md_tiny_paragraphs(n: int) -> Files:
    return md("Text (Lee, 2019).\n\n" + "a\n\n" * 20000 * n)


def md_initials(n: int) -> Files:
    return md("Text (Lee, 2019) " + "J. K. " * 5000 * n + "\n")


def md_pages(n: int) -> Files:
    return md("Text (Lee, 2019, pp. " + "1-2, " * 5000 * n + ")\n")


def md_quotes(n: int) -> Files:
    return md("Text (Lee, 2019) " + '"a ' * 5000 * n + "\n")


def md_curly_quotes(n: int) -> Files:
    return md("Text (Lee, 2019) " + "\u201ca " * 5000 * n + "\n")


def csl_surrogates(n: int) -> Files:
    items = [
        {"id": f"k{i}", "type": "article", "title": "T\ud800x", "author": [{"family": "S\udc00"}]}
        for i in range(50 * n)
    ]
    return {
        "paper.md": "Text [@k0] [@zz].\n",
        "refs.json": json.dumps(items),
    }


def md_list_surnames_no_year(n: int) -> Files:
    names = ", ".join(f"Nam{_letters(i)}" for i in range(2000 * n))
    return md(f"Text (Lee, 2019) {names} and others.\n")


def md_capital_runs_years(n: int) -> Files:
    return md("Text " + "Smith Jones Lee Brown (2020) " * 2000 * n + "\n")


def md_superscript_urls(n: int) -> Files:
    return md("Text (Lee, 2019) " + "www.a" * 5000 * n + "\n")


def txt_pasted(n: int) -> Files:
    entries = "".join(
        f"{i + 1}. Author{_letters(i)} J, Other K. Title {_letters(i)}. J Things. "
        f"2020;{i}:1-2. doi:10.1000/x{i}\n"
        for i in range(200 * n)
    )
    body = "Text " + " ".join(f"[{i + 1}]" for i in range(200 * n)) + ".\n\nReferences\n\n"
    return {"paper.txt": body + entries}


SHAPES = [
    Shape("md-dollars", md_dollars, 1, "'$a ' x 5,000n"),
    Shape("md-double-dollars", md_double_dollars, 1, "'$$ a ' x 5,000n"),
    Shape("md-angles", md_angles, 1, "'<a ' x 5,000n"),
    Shape("md-braces", md_braces, 1, "'{#a ' x 5,000n"),
    Shape("md-pipes", md_pipes, 1, "a table of 25n rows of 200 cells"),
    Shape("md-entities", md_entities, 1, "unfinished entities x 3,000n"),
    Shape("md-autolinks", md_autolinks, 1, "'<http://a.b/c ' x 3,000n"),
    Shape("md-footnote-refs", md_footnote_refs, 1, "'[^a ' x 5,000n"),
    Shape("md-zero-width", md_zero_width, 1, "S\\u200bm.. cited 1,000n times"),
    Shape("md-ligatures", md_ligatures, 1, "U+FDFA x 10,000n"),
    Shape("md-quoted-titles", md_quoted_titles, 1, "200n titles cited in quotes"),
    Shape("md-no-citations", md_no_citations, 1, "200n entries named, no citation"),
    Shape("md-mla-titles", md_mla_titles, 1, "200n MLA short titles"),
    Shape("md-acronyms", md_acronyms, 1, "300n acronyms defined"),
    Shape("md-dates", md_dates, 1, "dates x 3,000n"),
    Shape("md-taxa", md_taxa, 1, "taxa x 3,000n"),
    Shape("md-specimens", md_specimens, 1, "'Smith 1234, ' x 3,000n"),
    Shape("md-tiny-paragraphs", md_tiny_paragraphs, 1, "20,000n one-letter paragraphs"),
    Shape("md-initials", md_initials, 1, "'J. K. ' x 5,000n"),
    Shape("md-pages", md_pages, 1, "a locator of 5,000n pages"),
    Shape("md-quotes", md_quotes, 1, "'\"a ' x 5,000n"),
    Shape("md-curly-quotes", md_curly_quotes, 1, "left quotes x 5,000n"),
    Shape("csl-surrogates", csl_surrogates, 1, "50n items with lone surrogates"),
    Shape("md-surnames-no-year", md_list_surnames_no_year, 1, "2,000n names, no year"),
    Shape("md-capital-runs-years", md_capital_runs_years, 1, "4 names + year x 2,000n"),
    Shape("md-www", md_superscript_urls, 1, "'www.a' x 5,000n"),
    Shape("txt-pasted", txt_pasted, 1, "a pasted numbered list of 200n entries"),
]


_FORMATS = ("sarif", "json", "html", "text")


def _report_child(fmt: str, how: str, scale: int) -> None:
    import io
    import tracemalloc

    sys.path.insert(0, str(ROOT))
    from tests.report.builders import make_result

    from citeaudit.model import Finding, Fix, Location, Severity
    from citeaudit.report.formats import get_reporter
    from citeaudit.service import reports

    found = tuple(
        Finding(
            "missing-reference",
            "CIT001",
            Severity.ERROR,
            f"(Zed{i}, 2020) cites a work the reference list does not hold: no entry by "
            f"Zed{i} in any year " + "padding " * 12,
            Location("paper.md", i + 1, 3),
            citation=f"cit-{i}",
            fix=Fix(f"Add the entry for Zed{i} 2020, or correct the citation"),
        )
        for i in range(5_000 * scale)
    )
    result = make_result(found=found)

    class Repo:
        def result(self, audit_id: str) -> object:
            return result

    class Sink(io.TextIOBase):
        size = 0

        def write(self, text: str) -> int:
            self.size += len(text.encode("utf-8"))
            return len(text)

    def run(result: object) -> int:
        if how == "served":
            served: Any = reports.served_report(Repo(), 1, "a", fmt)  # type: ignore[arg-type]
            if isinstance(served, tuple):  # before rt35z: (media type, the whole text)
                return len(served[1].encode("utf-8"))
            return sum(len(chunk) for chunk in served.chunks())  # as the answer reads it
        sink = Sink()
        get_reporter(fmt).write(result, sink)  # type: ignore[arg-type]
        return sink.size

    run(make_result())  # first imports
    tracemalloc.start()
    started = time.process_time()
    size = run(result)
    cpu = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1]
    print(json.dumps({"cpu": cpu, "peak_mb": peak / 2**20, "mb": size / 2**20}))


def _reports(scales: list[int]) -> int:
    print(
        f"{'format':8} {'how':8} {'scale':>5} {'findings':>9} {'cpu s':>7} {'peak MB':>8} "
        f"{'report MB':>9}"
    )
    for fmt in _FORMATS:
        for how in ("written", "served"):
            for scale in scales:
                done = subprocess.run(
                    [sys.executable, __file__, "--report-child", fmt, how, str(scale)],
                    capture_output=True,
                    text=True,
                    env={"PYTHONPATH": f"{ROOT / 'src'}:{ROOT}", "PATH": "/usr/bin:/bin"},
                )
                try:
                    got = json.loads(done.stdout.strip().splitlines()[-1])
                except (IndexError, json.JSONDecodeError):
                    print(f"{fmt:8} {how:8} {scale:4d}x failed: {done.stderr.strip()[-160:]}")
                    continue
                print(
                    f"{fmt:8} {how:8} {scale:4d}x {5_000 * scale:9d} {got['cpu']:7.2f} "
                    f"{got['peak_mb']:8.1f} {got['mb']:9.1f}",
                    flush=True,
                )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--report-child"]:
        _report_child(args[1], args[2], int(args[3]))
        return 0
    if args[:1] == ["--reports"]:
        rest = args[1:]
        scales = [int(x) for x in rest[rest.index("--scales") + 1 :]] if "--scales" in rest else []
        return _reports(scales or [1, 4, 16])
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 4, 16], args)


if __name__ == "__main__":
    sys.exit(main())
