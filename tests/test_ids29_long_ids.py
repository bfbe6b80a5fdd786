"""ids29: an RIS, CSL-JSON, CSL YAML or ``\\bibitem`` entry's id is copied into every
citation and finding about it.

docbib28 bounded a BibTeX entry's id (`bibliography.entry_ids`); the other readers
still made an entry's id its key whole: RIS ``ID``, a CSL item's ``id`` (JSON and
YAML), a ``\\bibitem{key}`` in a LaTeX reference list. Each citation matched to the
entry lists the id among its targets, each finding names it, so one entry with a
32,000-character id and 640 short name-year citations of it (a 46 KB upload) wrote a
42 MB JSON report -- 13x the report for 4x the upload, the product of the two sizes.
Counted here in report bytes at 1x, 4x and 16x (never seconds): each step may grow
the report about as the upload grows, not as its square. Matching still reads the
whole key (``[@key]`` cites a CSL item by its whole id), and an id of up to
`LONGEST_ID` characters is its key as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, AuditResult, audit
from citeaudit.bibliography.csl_json import parse_csl_json
from citeaudit.bibliography.csl_yaml import parse_csl_yaml
from citeaudit.bibliography.entry_ids import LONGEST_ID, entry_id
from citeaudit.bibliography.ris import parse_ris
from citeaudit.report.json import JsonReporter

SCALES = (1, 4, 16)
STEP = 4
# linear growth is STEP a step; the product of two growing sizes is STEP**2
MAX_STEP_GROWTH = 2 * STEP

Files = dict[str, str]


def _ris(key: str) -> str:
    return f"TY  - JOUR\nID  - {key}\nAU  - Smith, J.\nTI  - T\nPY  - 2020\nER  - \n"


def _csl_item(key: str, family: str = "Smith") -> dict[str, object]:
    return {
        "id": key,
        "type": "article-journal",
        "author": [{"family": family, "given": "J."}],
        "title": "T",
        "issued": {"date-parts": [[2020]]},
    }


def _csl_json(key: str) -> str:
    return json.dumps([_csl_item(key)])


def _csl_yaml(key: str) -> str:
    return (
        f"references:\n- id: {key}\n  type: article-journal\n  author:\n"
        "  - family: Smith\n    given: J.\n  title: T\n"
        "  issued:\n    date-parts:\n    - [2020]\n"
    )


def _name_year_cites(cites: int, year: int) -> str:
    return " ".join(f"(Smith, {year}, p. {i})" for i in range(cites))


def _with_ris(key: str, cites: int, year: int) -> Files:
    return {"paper.md": f"As {_name_year_cites(cites, year)}.\n", "refs.ris": _ris(key)}


def _with_csl_json(key: str, cites: int, year: int) -> Files:
    return {"paper.md": f"As {_name_year_cites(cites, year)}.\n", "refs.json": _csl_json(key)}


def _with_csl_yaml(key: str, cites: int, year: int) -> Files:
    return {"paper.md": f"As {_name_year_cites(cites, year)}.\n", "refs.yaml": _csl_yaml(key)}


def _with_bibitem(key: str, cites: int, year: int) -> Files:
    """A LaTeX paper citing by name and year, its list a thebibliography environment."""
    return {
        "paper.tex": (
            "\\documentclass{article}\n\\begin{document}\n"
            f"As {_name_year_cites(cites, year)}.\n"
            "\\begin{thebibliography}{1}\n"
            f"\\bibitem{{{key}}} Smith, J. (2020). T. Journal, 1, 1-2.\n"
            "\\end{thebibliography}\n\\end{document}\n"
        )
    }


def _audit(folder: Path, files: Files) -> AuditResult:
    folder.mkdir()
    paths = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return audit(AuditInput.from_paths(paths))


def _report_bytes(tmp_path: Path, shape: Callable[[str, int, int], Files], year: int) -> list[int]:
    """The JSON report's length at each scale s: one entry keyed by 2,000s characters,
    cited 40s times."""
    sizes = []
    for scale in SCALES:
        files = shape("k" * (2_000 * scale), 40 * scale, year)
        result = _audit(tmp_path / f"{scale}-{year}", files)
        sizes.append(len(JsonReporter().render(result)))
    return sizes


def _steps(sizes: list[int]) -> list[float]:
    return [large / small for small, large in pairwise(sizes)]


SHAPES = {"ris": _with_ris, "csl-json": _with_csl_json, "csl-yaml": _with_csl_yaml}


@pytest.mark.parametrize("year", [2020, 2019], ids=["matched", "year-mismatch"])
@pytest.mark.parametrize("shape", list(SHAPES), ids=list(SHAPES))
def test_citations_of_a_long_id_grow_the_report_linearly(
    tmp_path: Path, shape: str, year: int
) -> None:
    # before (report bytes at 1x/4x/16x, matched): 208,747 / 2,752,075 / 41,726,995,
    # steps of 13.2x and 15.2x for 4x the upload (RIS; CSL-JSON and YAML alike)
    steps = _steps(_report_bytes(tmp_path, SHAPES[shape], year))
    assert max(steps) <= MAX_STEP_GROWTH, steps


def test_citations_of_a_long_bibitem_key_grow_the_report_linearly(tmp_path: Path) -> None:
    # before: 214,091 / 2,769,663 / 41,793,545 bytes (steps of 12.9x and 15.1x)
    steps = _steps(_report_bytes(tmp_path, _with_bibitem, 2019))
    assert max(steps) <= MAX_STEP_GROWTH, steps


PARSERS: dict[str, Callable[[str], str]] = {
    "ris": _ris,
    "csl-json": _csl_json,
    "csl-yaml": _csl_yaml,
}


def _parse(fmt: str, key: str) -> tuple[str, str | None]:
    text = PARSERS[fmt](key)
    parse = {"ris": parse_ris, "csl-json": parse_csl_json, "csl-yaml": parse_csl_yaml}[fmt]
    (ref,) = parse(text, "refs").references
    return ref.id, ref.key


@pytest.mark.parametrize("fmt", list(PARSERS))
def test_an_id_of_up_to_the_longest_is_its_key(fmt: str) -> None:
    for key in ("smith2020", "doi:10.1000/xyz-123", "k" * LONGEST_ID):
        assert _parse(fmt, key) == (key, key)


@pytest.mark.parametrize("fmt", list(PARSERS))
def test_a_long_id_is_bounded_and_its_key_kept_whole(fmt: str) -> None:
    key = "k" * 50_000
    ref_id, ref_key = _parse(fmt, key)
    assert ref_id == entry_id(key)
    assert len(ref_id) == LONGEST_ID
    assert ref_key == key


def test_pandoc_keys_still_cite_long_csl_ids_by_the_whole_key(tmp_path: Path) -> None:
    """Two items whose long ids share their head stay two, and ``[@id]`` cites the
    one whose whole id it writes; nothing is missing or uncited."""
    head = "k" * 5_000
    items = [_csl_item(head + "a", "Smith"), _csl_item(head + "b", "Jones")]
    result = _audit(
        tmp_path / "pandoc",
        {"paper.md": f"As [@{head}a] and [@{head}b].\n", "refs.json": json.dumps(items)},
    )
    refs = result.data.references
    assert [r.key for r in refs] == [head + "a", head + "b"]
    assert [r.id for r in refs] == [entry_id(head + "a"), entry_id(head + "b")]
    assert len({r.id for r in refs}) == 2
    targets = [m.targets for m in result.data.matches]
    assert targets == [(refs[0].id,), (refs[1].id,)]
    assert not [f for f in result.findings if f.rule in {"missing-reference", "uncited-reference"}]
