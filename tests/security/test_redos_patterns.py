"""The patterns benches/redos_scan.py flagged stay linear, through the code that uses them.

Each input is what the scan built to make one pattern backtrack (a run the pattern's
quantifiers could split many ways, with nothing at the end to match): a Markdown link
never closed after a run of spaces, a BibTeX year of spaces, a GOST entry without its
"//", an access-date lead-in, an edition parenthesis never closed, a chain of
editors. Each runs at a base size and at 4 times it; the bound is on the growth, not
on seconds, so a slow or shared machine does not fail it: linear work grows 4x,
quadratic work 16x, and the test fails past `MAX_GROWTH` (10x, as in the other ReDoS
modules; at 8x and 24x the runs cost twice the CPU for the same verdicts).
The time is CPU time, the best of a few runs, on a base size that takes milliseconds.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.bibliography.freetext import parse_fields
from citeaudit.manuscript.citations.names import _SPLIT
from citeaudit.manuscript.citations.numeric import _SPAN_LIST
from citeaudit.manuscript.citations.pandoc import _NOCITE
from citeaudit.manuscript.docx_front_matter import _OPENING
from citeaudit.manuscript.markup import strip_markdown
from citeaudit.manuscript.reading import read_manuscript
from tests.security.growth import growth_at

MAX_GROWTH = 10.0
SCALE = 4


growth = growth_at(SCALE)


def bib_year(text: str) -> object:
    return parse_bibtex("@article{k, title = {T}, year = {" + text + "}}\n", "refs.bib")


def markdown_file(text: str) -> object:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "paper.md"
        path.write_text(text + "\n\nText (Smith, 2020).\n", encoding="utf-8")
        return read_manuscript(path)


# (name, input of size n, the code that reads it, base n). The old patterns took
# seconds at the base size already (2 s for 10,000 spaces after "[a](").
SHAPES: list[tuple[str, Callable[[int], str], Callable[[str], object], int]] = [
    ("markdown-link-then-spaces", lambda n: "![a](" + " " * n + "x", strip_markdown, 20_000),
    ("markdown-link-title-spaces", lambda n: '[a]( "' * (n // 6), strip_markdown, 20_000),
    ("markdown-heading-then-spaces", lambda n: "# a" + " " * n + "b", markdown_file, 20_000),
    ("latex-heading-then-spaces", lambda n: "\\part*" + " " * n + "x", markdown_file, 20_000),
    ("bibtex-year-of-spaces", lambda n: "2020" + " " * n + "!", bib_year, 20_000),
    (
        "gost-names-without-slashes",
        lambda n: "Aa A. " + ", Aa A. " * (n // 8) + "!",
        parse_fields,
        4_000,
    ),
    (
        "access-date-then-nothing",
        lambda n: "Title. last diakses " + "0 " * (n // 2),
        parse_fields,
        4_000,
    ),
    (
        "edition-bracket-never-closed",
        lambda n: "Aa, B. (2020). T [a" + " ed." * (n // 4),
        parse_fields,
        4_000,
    ),
    ("title-then-digits", lambda n: "Aa, B. (2020). Title " + "0" * n + " x", parse_fields, 2_000),
    ("title-then-commas", lambda n: "Aa, B. (2020). Title" + "," * n + "x", parse_fields, 2_000),
    (
        "paren-colon-then-years",
        lambda n: "Aa, B. (2020). Title, (a:a" + "1500" * (n // 4),
        parse_fields,
        2_000,
    ),
    # names split at "," / "&" / "and" over a run of line breaks: tried from every position
    ("names-over-a-run-of-breaks", lambda n: "Smith" + "\n" * n + "x", _SPLIT.split, 20_000),
    # a pandoc "nocite:" line followed by an indented line of blanks only
    (
        "nocite-then-blank-indent",
        lambda n: "nocite :a\n" + " " * n,
        lambda text: list(_NOCITE.finditer(text)),
        20_000,
    ),
    # a Word superscript run of blanks with no number
    ("superscript-of-blanks", lambda n: " " * n + "x", _SPAN_LIST.fullmatch, 20_000),
    # a Word paragraph opening "1. key" and blanks, never "words"
    ("front-matter-key-then-blanks", lambda n: "1. key" + " " * n + "\n", _OPENING.match, 20_000),
    # a DOI followed by a run of backslashes with no escaped character after it
    (
        "doi-then-backslashes",
        lambda n: "Aa, B. (2020). Title. doi:10.1234/a" + "\\" * n + "x",
        parse_fields,
        4_000,
    ),
    (
        "editor-chain",
        lambda n: "Aa, B. (2020). T. In A. Aa" + " and A. Aa" * (n // 10),
        parse_fields,
        4_000,
    ),
]


@pytest.mark.parametrize(("name", "build", "run", "base"), SHAPES, ids=[s[0] for s in SHAPES])
def test_work_grows_linearly(
    name: str, build: Callable[[int], str], run: Callable[[str], object], base: int
) -> None:
    ratio = growth(build, run, base)
    assert ratio < MAX_GROWTH, f"{name}: x{SCALE} the input took x{ratio:.0f} the time"


def test_the_fixed_patterns_still_read_what_they_are_for() -> None:
    linked = strip_markdown('[the text](https://example.org/a "Title")')
    assert linked == "the text https://example.org/a"
    assert strip_markdown("[a]( <https://example.org/b> )") == "a https://example.org/b"
    bib = parse_bibtex("@article{k, title = {T}, year = { 2019b }}\n", "refs.bib")
    assert bib.references[0].year == 2019
    gost = parse_fields("Иванов И. И., Петров П. П. Название статьи // Журнал. 2019. № 3.")
    assert gost.style == "gost" and gost.title == "Название статьи"
    escaped = parse_fields("Aa, B. (2020). Title. https://doi.org/10.1000/a\\\\_b\\_c")
    assert escaped.doi == "10.1000/a_b_c"


# Exponential shapes: growth is no measure (the old pattern never finishes at 8x), so
# each runs once, at a size the old pattern needed hours for, in a child process
# whose CPU time is capped: the old code is killed there, the fixed one takes ms.
EXPONENTIAL = {
    # "ʼ" (U+02BC) is a letter and an apostrophe: every split of the run was a reading
    "name": "from citeaudit.manuscript.citations.names import valid_name\n"
    "valid_name('A' + '\u02bc' * 60 + '-')\n",
    "manuscript": "import pathlib, tempfile\n"
    "from citeaudit.audit import AuditInput, audit\n"
    "from citeaudit.audit_data import Phase\n"
    "path = pathlib.Path(tempfile.mkdtemp()) / 'paper.md'\n"
    "path.write_text('Text (A' + '\u02bc' * 60 + '-, 2020).\\n', encoding='utf-8')\n"
    "audit(AuditInput.from_paths([path]), skipped={Phase.RESOLUTION: 'off', Phase.LINKS: 'off'})\n",
}


def _cpu_capped(code: str) -> subprocess.CompletedProcess[str]:
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (20, 21))

    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        preexec_fn=cap,  # a child of its own: the cap is only its
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("name", sorted(EXPONENTIAL))
def test_letter_apostrophes_in_a_name_are_read_at_once(name: str) -> None:
    done = _cpu_capped(EXPONENTIAL[name])
    assert done.returncode == 0, f"killed or failed ({done.returncode}): {done.stderr[-500:]}"
