"""The fast BibTeX splitter gives bibtexparser's blocks, block for block.

`bibtexparser_blocks.split` reads the common shapes itself and gives the rest to
bibtexparser; whatever it does, the blocks (types, keys, fields, values, line
numbers, raw text, errors) must be those bibtexparser's own splitter gives for the
whole text. Compared on the committed real sample, on the odd shapes each rule of
bibtexparser's splitter is about, and on thousands of damaged variants of the
sample; and `parse_bibtex` must read the sample exactly as the code before the
splitter did (a record made with it is committed beside the sample).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from bibtexparser.entrypoint import parse_string
from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ImplicitComment,
    ParsingFailedBlock,
    String,
)

from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.bibliography.bibtexparser_blocks import split
from citeaudit.bibliography.interface import Bibliography
from tests.security.counted_work import Case, assert_linear

DATA = Path(__file__).parent / "data"
SAMPLE = (DATA / "tugboat-sample.bib").read_text(encoding="utf-8")
# Read by parse_bibtex before the fast splitter (commit ebabe05); see `record`.
EXPECTED = DATA / "tugboat-sample.expected.json"

# The shapes each rule of bibtexparser's splitter is about, after one good entry each.
ODD = [
    "@article(paren, title = {In (parentheses)}, year = 2001)",
    '@string(pm = "Paren macro")',
    "@comment{a comment with @article{inside, x = {1}}}",
    '@preamble{"\\newcommand{\\noop}[1]{}"}',
    '@misc{q, title = "a {"} quote", note = {n}}',
    '@misc{esc, title = {a \\} and \\{ brace}, note = "a \\" quote, with comma"}',
    "@misc{bsnl, title = {one\\\nline}, note = {two\n lines}}",
    "@misc{at, note = {mail me@example.org or @misc{x}}, title = {T}}",
    "@misc{atline, title = {cut\n@misc{inner, title = {Inner}}\n",
    "@misc{atspace, title = {cut\n\u00a0@misc{nbsp, title = {After a no-break space}}\n",
    "@misc{deep, title = {" + "{" * 9 + "nine deep" + "}" * 9 + "}}",
    "@misc{deep8, title = {" + "{" * 7 + "eight deep" + "}" * 7 + "}}",
    "@misc{twice, title = {A}, title = {B}, year = 2000}",
    "@misc{dupkey, title = {First}}",
    "@misc{dupkey, title = {Second}}",
    "@misc(dupkey, title = {Third, in parentheses})",
    "@misc{trailing, title = {T},\n}",
    "@misc{nofields}",
    "@misc{nocomma title = {T}}",
    "@misc{k, = {no name}}",
    "@misc{k2, title {no equals}}",
    "@misc{k3, title = {T} junk, year = 1999}",
    '@misc{concat, title = pm # { and } # "more" # 12, month = jan}',
    "@misc{crlf,\r\n  title = {Windows},\r\n  year = 2003\r\n}",
    '@misc{quoted, title = "brace { inside quotes", note = {quote " inside braces}}',
    '@misc{empty, title = {}, note = "", year = }',
    "@misc{back\\slash, title = {T}}",
    "@misc{at@key, title = {T}}",
    "@STRING{Upper = {Upper case macro}}",
    "@string{bad = }",
    "@string{nobrace}",
    "@misc{unclosed, title = {never closed, year = 2000\n",
    '@misc{unclosedquote, title = "never closed, year = 2000\n',
    "@  misc  {spaced, title = {Spaced head}}",
    "@{notype, title = {No type}}",
    "stray text @ between blocks and a tab\t@misc{midline, title = {Mid-line}}",
    # Read by bibtexparser, its lines offset: a problem on a field's line.
    "@misc(twiceparen,\n title = {A},\n title = {B})",
    "@misc(undefparen,\n title = {T},\n note = nosuchmacro)",
]
GOOD = '@article{goodN, author = {M{\\"u}ller, A.}, title = {Good N}, year = 2020}\n'


def good(number: int) -> str:
    return GOOD.replace("N", str(number))


def describe(block: Block, offset: int) -> tuple[Any, ...]:
    """Everything bibtexparser's splitter puts in a block, its lines made absolute."""
    line = (block.start_line or 0) + offset
    if isinstance(block, DuplicateBlockKeyBlock | DuplicateFieldKeyBlock):
        inner = block.ignore_error_block
        keys = sorted(getattr(block, "duplicate_keys", ()))
        return (type(block).__name__, line, block.raw, keys, inner and describe(inner, offset))
    if isinstance(block, Entry):
        fields = [(f.key, f.value, f.start_line + offset) for f in block.fields]
        return ("entry", line, block.raw, block.entry_type, block.key, fields)
    if isinstance(block, String):
        return ("string", line, block.raw, block.key, block.value)
    if isinstance(block, ParsingFailedBlock):
        return ("failed", line, block.raw, getattr(block.error, "abort_reason", None))
    return (type(block).__name__, line, block.raw)


def bibtexparser_view(text: str) -> list[tuple[Any, ...]]:
    blocks = parse_string(text, parse_stack=[]).blocks
    return [describe(b, 0) for b in blocks if not isinstance(b, ImplicitComment)]


def split_view(text: str) -> list[tuple[Any, ...]]:
    return [describe(block, offset) for block, offset in split(text)]


def odd_file() -> str:
    last = good(len(ODD))
    return "\n".join(good(i) + odd for i, odd in enumerate(ODD)) + "\n" + last


def test_the_real_sample_splits_as_bibtexparser_splits_it() -> None:
    assert split_view(SAMPLE) == bibtexparser_view(SAMPLE)


@pytest.mark.parametrize("odd", ODD)
def test_each_odd_shape_splits_as_bibtexparser_splits_it(odd: str) -> None:
    text = f"{good(1)}{odd}\n{good(2)}"
    assert split_view(text) == bibtexparser_view(text)


def test_all_odd_shapes_in_one_file() -> None:
    text = odd_file()
    assert split_view(text) == bibtexparser_view(text)


_MARKS = ["{", "}", '"', ",", "=", "@misc{", "\n", "\\", "\n@a{", "#", " ", "(", ")", '{"}']


def _damaged(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text))
        if rng.random() < 0.4:
            text = text[:at] + text[at + rng.randint(1, 3) :]
        else:
            text = text[:at] + rng.choice(_MARKS) + text[at:]
    return text


def test_damaged_variants_split_as_bibtexparser_splits_them() -> None:
    """Random damage near delimiters, seeded: the same variants every run."""
    rng = random.Random(15)
    entries = SAMPLE.split("\n@")
    for _ in range(1_500):
        start = rng.randrange(len(entries) - 3)
        text = "\n@".join(entries[start : start + 3])
        damaged = _damaged(text, rng)
        assert split_view(damaged) == bibtexparser_view(damaged), damaged


def _splitter_runs(text: str) -> int:
    """How many times bibtexparser's own splitter runs while `split` reads `text`."""
    runs = [0]

    def profile(frame: FrameType, event: str, arg: object) -> None:
        code = frame.f_code
        if event == "call" and code.co_name == "split" and "bibtexparser/" in code.co_filename:
            runs[0] += 1

    sys.setprofile(profile)
    try:
        split(text)
    finally:
        sys.setprofile(None)
    return runs[0]


def test_the_real_sample_is_read_without_bibtexparser() -> None:
    """Its entries and @strings are all in the shapes read fast: running bibtexparser's
    splitter over them was where the time went. A @preamble goes to it."""
    assert _splitter_runs(SAMPLE) == 0
    assert _splitter_runs(SAMPLE + '@preamble{"\\input tugboat.def"}\n') == 1


def _record(bibliography: Bibliography) -> dict[str, Any]:
    """What parse_bibtex gives, as JSON: every reference field and every problem (raw
    text as a digest)."""

    def plain(reference: Any) -> dict[str, Any]:
        fields = dataclasses.asdict(reference)
        fields["raw"] = hashlib.sha256(reference.raw.encode()).hexdigest()[:16]
        return fields

    return json.loads(
        json.dumps(
            {
                "references": [plain(r) for r in bibliography.references],
                "problems": [
                    [p.location.line, p.message, hashlib.sha256(p.raw.encode()).hexdigest()[:16]]
                    for p in bibliography.problems
                ],
            },
            default=list,
        )
    )


def record() -> dict[str, Any]:
    """The sample, and the odd shapes after it, as parse_bibtex reads them. To remake
    the committed record with another version's code:
    ``PYTHONPATH=OTHER/src python -c "from tests.bibliography.test_bibtexparser_blocks
    import record; import json; print(json.dumps(record()))"``."""
    return {
        "sample": _record(parse_bibtex(SAMPLE, "tugboat-sample.bib")),
        "odd": _record(parse_bibtex(odd_file(), "odd.bib")),
    }


def test_the_sample_reads_as_it_did_before_the_fast_splitter() -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    now = record()
    assert len(now["sample"]["references"]) == 100
    for before, after in zip(
        expected["sample"]["references"], now["sample"]["references"], strict=True
    ):
        assert after == before, before["key"]
    assert now == expected


def _bib(text: str) -> object:
    return split(text)


CASES = {
    # Each fails the fast path and is given to bibtexparser up to the next line.
    "nested past the fast depth": Case(
        lambda n: ("@misc{k, t = {" + "{" * 20 + "x" + "}" * 20 + "}}\n") * n, _bib, 200
    ),
    "braces never closed, one line": Case(lambda n: "@misc{k, t = {x " * n, _bib, 300),
    "braces never closed, mid-line blocks then lines": Case(
        lambda n: ("@misc{k, t = {x @misc{j, t={y}} " * 20 + "\n") * n, _bib, 20
    ),
    "quote escapes in every entry": Case(lambda n: '@misc{k, t = "a {"} b"}\n' * n, _bib, 300),
    "backslashes": Case(lambda n: "@misc{k, t = {" + "\\" * n + "}}\n", _bib, 3_000),
    "a long name never given a value": Case(lambda n: "@misc{k, " + "t" * n, _bib, 3_000),
    "mid-line blocks on one line": Case(lambda n: "@misc{k, t = {x}} " * n, _bib, 300),
}


@pytest.mark.parametrize("name", CASES)
def test_splitting_work_grows_linearly(name: str) -> None:
    assert_linear(__name__, name)
