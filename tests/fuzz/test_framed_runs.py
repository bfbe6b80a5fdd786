"""Fuzz: a compound unit repeated thousands of times inside a frame, whole audit.

`strategies.repeated` repeats one syntax piece up to 300 times; the super-linear
shapes of the red-team rounds were mostly a *group* of pieces repeated many times
inside something that gives it meaning: "(" + "Smith et al., " x n + "2020)",
"[" + "1," x n + "]", a reference list of n one-line entries, a line of n initials,
n nested list items. This target builds those -- an opening, a unit of one to four
pieces (citation, numeric, name, Markdown and bibliography syntax) repeated up to
1,500 times, a closing -- in a manuscript beside a reference list or with a
bibliography file, and runs the whole offline audit and the JSON report on it.
Property: it completes (the fuzz bench's deadline is the hang bound). At most 1,500
repeats: 3,000 one-line list entries take ~3 CPU s, linear, but overran the 10 s
wall-clock deadline at a load of eight per CPU; growth is judged in
benches/freeze21_scaling.py.
"""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import Phase
from citeaudit.report.json import JsonReporter
from tests.fuzz import strategies as s
from tests.fuzz.harness import example, scratch

UNIT_PIECES = (
    "Smith et al., ",
    "Smith et al. ",
    "Smith, 2020; ",
    "Smith & Lee, 2019a, ",
    "; ",
    ", ",
    "2020, ",
    "(2020) ",
    "1,",
    "1-",
    "-",
    "–",
    ",",
    "9",
    "12",
    "A. ",
    "B. C. ",
    "J.-P. ",
    "(",
    ")",
    "[",
    "]",
    "([",
    "])",
    "^1,2^",
    "<sup>3</sup>",
    "Smith, J. (2020). T. J. 1, 2.\n",
    "1. Lee K. Work. J. 2020;3:1-5.\n",
    "[1] A. B. Lee, \u201cT,\u201d J., 2020.\n",
    "  - ",
    "> ",
    "[a](http://example.org/x) ",
    "[r]: http://example.org/r\n",
    "<!-- c -->",
    "<!--",
    "![",
    "](x)",
    "[^1]",
    "\n",
    "\n\n",
    "    ",
    "&amp;",
    "<div>",
    "TY  - JOUR\nAU  - Lee, K.\nPY  - 2020\nER  - \n",
)
FRAMES = ("", "(", "[", "Text (", "As ", "# References\n\n", "References\n\n", "^", "<!--")
CLOSINGS = ("", ")", "]", " 2020)", "^", "-->", "\n\n# References\n\nSmith, J. (2020). T.\n")

unit = st.lists(st.sampled_from(UNIT_PIECES + s.COMMON), min_size=1, max_size=4).map("".join)
framed_run = st.builds(
    lambda opening, body, count, closing: opening + body * count + closing,
    st.sampled_from(FRAMES),
    unit,
    st.integers(1, 1500),
    st.sampled_from(CLOSINGS),
)
suffixes = st.sampled_from((".md", ".txt"))
bibliographies = st.none() | st.sampled_from(
    (
        (".ris", "TY  - JOUR\nAU  - Smith, J.\nPY  - 2020\nTI  - T\nER  - \n"),
        (".json", '[{"id": "smith2020", "author": [{"family": "Smith"}], "title": "T"}]'),
        (".bib", "@article{smith2020, author = {Smith, J.}, title = {T}, year = 2020}\n"),
    )
)


@given(framed_run, suffixes, bibliographies)
def test_framed_run_audit(text: str, suffix: str, bibliography: tuple[str, str] | None) -> None:
    folder = scratch("framed")
    paper = folder / f"paper{suffix}"
    paper.write_bytes(text.encode("utf-8", "surrogatepass"))
    bibs = []
    if bibliography is not None:
        bib = folder / f"refs{bibliography[0]}"
        bib.write_text(bibliography[1], encoding="utf-8")
        bibs.append(bib)
    with example("framed", text[:200], len(text), suffix, bibliography):
        result = audit(
            AuditInput((paper,), tuple(bibs)),
            skipped={Phase.RESOLUTION: "offline", Phase.LINKS: "offline"},
        )
        JsonReporter().write(result, io.StringIO())
