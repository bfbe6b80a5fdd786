"""Hostile bibliography files (issue 11 points 4 and 5): findings, never a traceback.

Each input is generated here. Every test runs the real CLI (`citeaudit check
--offline`), so it covers the reader, the rules and the report writer together: a
crash anywhere is exit 1 with a traceback, not a finding with the file and line.
No clock: the shapes that once took minutes of CPU are counted at a base size and
at 8 times it (tests/security/counted_work.py; linear grows 8x, quadratic 64x).
"""

from __future__ import annotations

import json
import resource
from pathlib import Path

import pytest

from citeaudit.bibliography.bibtex import MAX_EXPANDED_VALUE, parse_bibtex
from citeaudit.bibliography.csl_json import parse_csl_json
from citeaudit.cli import main
from tests.security.counted_work import Case, assert_linear

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _csl_items(count: int) -> str:
    items = ",\n".join(
        f'{{"id": "k{i}", "title": "T", "issued": {{"date-parts": [[2020]]}}}}'
        for i in range(count)
    )
    return f"[{items}]"


def _string_doubling(count: int) -> str:
    macros = "".join(f"@string{{m{i} = m{i - 1} # m{i - 1}}}\n" for i in range(1, count))
    return (
        '@string{m0 = "0123456789"}\n'
        + macros
        + f"@article{{bomb, title = m{count - 1}, year = 2020}}\n"
        + "@article{fine, title = {Fine}, year = 2021}\n"
    )


def _missing_parents(count: int) -> str:
    return "".join(f"@misc{{k{i}, crossref = {{none}}}}\n" for i in range(count))


def _latex_field(count: int) -> str:
    return (
        "@misc{slow, title = {T}, abstract = {" + "\\'e\\emph{x}" * count + "}}\n"
        '@misc{fine, title = {M{\\"u}ller}}\n'
    )


def _bib(text: str) -> object:
    return parse_bibtex(text, "refs.bib")


CASES = {
    "csl-json items": Case(_csl_items, lambda text: parse_csl_json(text, "refs.json"), 300),
    "bibtex string doubling": Case(_string_doubling, _bib, 40),
    "bibtex missing crossref parents": Case(_missing_parents, _bib, 300),
    "bibtex field of latex markup": Case(_latex_field, _bib, 1_000),
}


@pytest.mark.parametrize("name", CASES)
def test_reading_work_grows_linearly(name: str) -> None:
    assert_linear(__name__, name)


def check(path: Path, capsys: pytest.CaptureFixture[str], fmt: str = "json") -> tuple[int, str]:
    code = main(["check", "--offline", "--format", fmt, "--fail-on", "never", str(path)])
    return code, capsys.readouterr().out


def report(path: Path, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    code, out = check(path, capsys)
    assert code == 0, out
    data: dict = json.loads(out)  # type: ignore[type-arg]
    return data


def bib002(data: dict) -> list[dict]:  # type: ignore[type-arg]
    return [f for f in data["findings"] if f["code"] == "BIB002"]


def keys(data: dict) -> list[str]:  # type: ignore[type-arg]
    return [r["key"] for r in data["references"]]


GOOD_CSL = '{"id": "good", "title": "Readable", "issued": {"date-parts": [[2020]]}}'


def test_csl_json_nested_past_the_recursion_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "[" * 5000 + "]" * 5000
    path = tmp_path / "refs.json"
    path.write_text(f"[\n{GOOD_CSL},\n{deep},\n{GOOD_CSL.replace('good', 'after')}\n]\n")
    data = report(path, capsys)
    assert keys(data) == ["good", "after"]  # the items around it are still read
    (finding,) = bib002(data)
    assert finding["location"] == {"file": str(path), "line": 3, "column": None}
    assert "nested too deeply" in finding["message"]


def test_csl_json_deep_and_never_closed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "refs.json"
    path.write_text(f"[{GOOD_CSL},\n" + "{" * 200_000)
    data = report(path, capsys)
    assert keys(data) == ["good"]
    assert [f["location"]["line"] for f in bib002(data)] == [2]


def test_csl_json_integers_past_4300_digits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "9" * 5000
    path = tmp_path / "refs.json"
    path.write_text(
        f'[{{"id": "big", "volume": {huge}, "issued": {{"date-parts": [[{huge}]]}}}},\n{GOOD_CSL}]'
    )
    data = report(path, capsys)
    assert keys(data) == ["big", "good"]
    big = data["references"][0]
    assert big["year"] is None
    (finding,) = bib002(data)
    assert finding["location"]["line"] == 1
    assert "not a year" in finding["message"]


@pytest.mark.parametrize("year", ['"²⁰²⁰"', '"²"', '"١٢٣٤٥"', "true", "-99999"])
def test_csl_json_year_that_is_no_year(
    year: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "refs.json"
    path.write_text(f'[{{"id": "odd", "issued": {{"date-parts": [[{year}]]}}}}, {GOOD_CSL}]')
    data = report(path, capsys)
    assert keys(data) == ["odd", "good"]
    assert data["references"][0]["year"] is None
    assert [f["location"]["line"] for f in bib002(data)] == [1]


@pytest.mark.parametrize("fmt", ["json", "sarif", "html", "text"])
def test_lone_surrogates_reach_every_writer_as_replacement_characters(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "refs.json"
    path.write_text(
        '[{"id": "k\\ud800", "title": "T\\udfff", "DOI": "10.1000/\\ud83d",'
        ' "author": [{"family": "F\\ud800"}], "note\\udc00": "x\\u0000y"}]'
    )
    code, out = check(path, capsys, fmt)
    assert code == 0
    out.encode("utf-8")  # would raise on a lone surrogate
    assert "\x00" not in out
    assert "\ufffd" in out


def test_csl_json_with_many_items_reads_in_bounded_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = ",\n".join(
        f'{{"id": "k{i}", "title": "T", "issued": {{"date-parts": [[2020]]}}}}'
        for i in range(5_000)
    )
    path = tmp_path / "refs.json"
    path.write_text(f"[{items}]")
    data = report(path, capsys)  # quadratic line counting took minutes: counted above
    assert len(data["references"]) == 5_000
    assert data["references"][-1]["location"]["line"] == 5_000


def test_bibtex_string_doubling_is_capped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    macros = "".join(f"@string{{m{i} = m{i - 1} # m{i - 1}}}\n" for i in range(1, 40))
    path = tmp_path / "refs.bib"
    path.write_text(
        '@string{m0 = "0123456789"}\n'
        + macros
        + "@article{bomb, title = m39, year = 2020}\n"
        + "@article{fine, title = {Fine}, year = 2021}\n"
    )
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    data = report(path, capsys)  # uncapped: 10 * 2**39 characters
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 500_000
    assert keys(data) == ["bomb", "fine"]  # the entry is still listed
    bomb = data["references"][0]
    assert bomb["title"] is None or len(bomb["title"]) <= MAX_EXPANDED_VALUE
    lines = {f["location"]["line"] for f in bib002(data)}
    assert 41 in lines  # the field that uses the macro, on its line
    assert min(lines) == 15  # the first @string past the cap (10 * 2**14 characters)


def test_bibtex_missing_crossref_parents_are_linear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "refs.bib"
    path.write_text("".join(f"@misc{{k{i}, crossref = {{none}}}}\n" for i in range(5_000)))
    data = report(path, capsys)  # one search of every key per entry took minutes: counted above
    assert len(bib002(data)) == 5_000  # one an entry: not capped at the 1,000 problems (`limits`)


def test_bibtex_field_of_latex_markup_is_read_quickly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(
        "@misc{slow, title = {T}, abstract = {" + "\\'e\\emph{x}" * 50_000 + "}}\n"
        '@misc{fine, title = {M{\\"u}ller}}\n'
    )
    data = report(path, capsys)  # through pylatexenc: about a minute
    assert data["references"][1]["title"] == "Müller"


@pytest.mark.parametrize(
    "text",
    [
        "TY  - JOUR\nPY  - " + "9" * 5000 + "\nER  - \nTY  - JOUR\nTI  - Fine\nER  - \n",
        "TY  - JOUR\nPY  - ²⁰²⁰\nER  - \nTY  - JOUR\nTI  - Fine\nER  - \n",
        "ER  - \nTY  - \nAU  - \nER  - \nTY  - JOUR\nTI  - Fine\nER  - \n",
    ],
)
def test_ris_oddities_are_read_around(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "refs.ris"
    path.write_text(text)
    data = report(path, capsys)
    assert any(r["title"] == "Fine" for r in data["references"])


# A flood of tiny units: each was one problem (a finding, a report line) or one entry,
# so 20 MB of them held and wrote millions. `limits` caps both, and says so.
FLOODS = [
    ("refs.bib", "@a{" * 3_000 + "\n@article{good, title = {Readable}, year = 2020}\n"),
    ("refs.bib", "@a{\n" * 3_000 + "@article{good, title = {Readable}, year = 2020}\n"),
    ("refs.ris", "ER  - \n" * 3_000 + "TY  - JOUR\nID  - good\nTI  - Readable\nER  - \n"),
    ("refs.ris", "stray line\n" * 3_000 + "TY  - JOUR\nID  - good\nTI  - Readable\nER  - \n"),
    ("refs.json", "[" + "1," * 3_000 + GOOD_CSL + "]"),
]


@pytest.mark.parametrize(("name", "text"), FLOODS, ids=[f"{n}-{t[:6]!r}" for n, t in FLOODS])
def test_a_flood_of_bad_units_is_listed_only_so_far(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    from citeaudit.bibliography.limits import MAX_PROBLEMS

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    data = report(path, capsys)
    assert "good" in keys(data)
    problems = bib002(data)
    assert MAX_PROBLEMS < len(problems) <= MAX_PROBLEMS + 2  # one more an entry read
    assert "more problems in this file from here on are not listed" in problems[-1]["message"]


def test_a_flood_of_empty_items_is_read_only_so_far(tmp_path: Path) -> None:
    from citeaudit.bibliography.csl_json import parse_csl_json
    from citeaudit.bibliography.limits import MAX_ENTRIES

    text = "[\n" + "{},\n" * (MAX_ENTRIES + 10) + GOOD_CSL + "]"
    bibliography = parse_csl_json(text, "refs.json")
    assert len(bibliography.references) == MAX_ENTRIES
    (cut,) = bibliography.problems
    assert f"more than {MAX_ENTRIES:,} entries" in cut.message
    assert cut.location.line == MAX_ENTRIES + 2  # where reading stopped
