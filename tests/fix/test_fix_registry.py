"""Registry-based fixes against the loopback registry stand-in: a confident DOI added
in each bibliography format, and the year where text and registry agree."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.phases import PhaseOptions, default_enrichers
from citeaudit.resolve.enricher import ResolutionEnricher
from citeaudit.settings import Settings
from tests.fix.conftest import Runner
from tests.stand_ins.registry_server import RegistryStandIn

LECUN_DOI = "10.1038/nature14539"
NUMPY_DOI = "10.1038/s41586-020-2649-2"

MARKDOWN = (
    "# Deep nets\n\n"
    "Deep learning changed the field (LeCun et al., 2015). "
    "Arrays matter too (Harris et al., 2020).\n\n"
    "## References\n\n"
    "- LeCun, Y., Bengio, Y., & Hinton, G. (2017). Deep learning. *Nature*, 521(7553), "
    "436–444. https://doi.org/10.1038/nature14539\n"
    "- Harris, C. R., Millman, K. J., & van der Walt, S. J. (2020). Array programming "
    "with NumPy. *Nature*, 585(7825), 357–362.\n"
)

BIBTEX = """% kept as written
@article{lecun2015,
    author  = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
    title   = {Deep learning},
    journal = {Nature},
    year    = {2015},
    volume  = {521},
    pages   = {436--444}
}

@Article{harris2020,
  AUTHOR = {Harris, Charles R. and Millman, K. Jarrod and van der Walt, St{\\'e}fan J.},
  TITLE = {Array programming with {NumPy}},
  JOURNAL = {Nature},
  YEAR = {2020},
  VOLUME = {585},
  PAGES = {357--362},
}
"""

RIS = """TY  - JOUR
AU  - LeCun, Yann
AU  - Bengio, Yoshua
AU  - Hinton, Geoffrey
TI  - Deep learning
JO  - Nature
PY  - 2015
VL  - 521
SP  - 436
EP  - 444
ER  -
"""

CSL = [
    {
        "id": "lecun",
        "type": "article-journal",
        "title": "Deep learning",
        "author": [
            {"family": "LeCun", "given": "Yann"},
            {"family": "Bengio", "given": "Yoshua"},
            {"family": "Hinton", "given": "Geoffrey"},
        ],
        "container-title": "Nature",
        "issued": {"date-parts": [[2015]]},
        "volume": "521",
        "page": "436-444",
    }
]


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[RegistryStandIn]:
    server = RegistryStandIn().start()
    for name in ("CROSSREF_URL", "DOI_URL", "DATACITE_URL"):
        monkeypatch.setenv(f"CITEAUDIT_{name}", server.url)
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CITEAUDIT_MAILTO", "editor@example.org")
    monkeypatch.delenv("CITEAUDIT_REDIS_URL", raising=False)
    yield server
    server.stop()


def _findings_left(*paths: Path) -> list[str]:
    """What a fresh audit, registry included, still finds."""
    options = PhaseOptions(links=False)
    enrichers = default_enrichers(Settings(), options)
    try:
        result = audit(AuditInput.from_paths(paths), enrichers, skipped=options.skip_reasons())
    finally:
        for enricher in enrichers:
            if isinstance(enricher, ResolutionEnricher):
                enricher.resolver.close()  # type: ignore[attr-defined]
    return [f.code for f in result.findings]


def _fix(cli: Runner, path: Path, *extra: str) -> tuple[int, str, str]:
    return cli("fix", "--no-links", *extra, str(path))


def test_markdown_year_confirmed_by_text_and_doi_added(
    cli: Runner, registry: RegistryStandIn, tmp_path: Path
) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(MARKDOWN, "utf-8")
    code, out, err = _fix(cli, paper)
    assert code == 0, err
    assert "REG003" in out and "REG005" in out
    lines = paper.read_text("utf-8").split("\n")
    expected = MARKDOWN.split("\n")
    expected[6] = expected[6].replace("(2017)", "(2015)")
    expected[7] += f" https://doi.org/{NUMPY_DOI}"
    assert lines == expected
    code, out, _ = _fix(cli, paper)
    assert "Fixed 0 problem(s)" in out
    assert _findings_left(paper) == []


def test_bibtex_doi_added_in_the_entrys_own_layout(
    cli: Runner, registry: RegistryStandIn, tmp_path: Path
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIBTEX, "utf-8")
    code, _out, err = _fix(cli, bib)
    assert code == 0, err
    text = bib.read_text("utf-8")
    assert "    pages   = {436--444},\n    doi     = {10.1038/nature14539}\n}" in text
    assert "  PAGES = {357--362},\n  DOI = {10.1038/s41586-020-2649-2},\n}" in text
    assert (
        text.replace(",\n    doi     = {10.1038/nature14539}", "").replace(
            "  DOI = {10.1038/s41586-020-2649-2},\n", ""
        )
        == BIBTEX
    )
    assert "Fixed 0 problem(s)" in _fix(cli, bib)[1]
    assert _findings_left(bib) == []


def test_ris_and_csl_json_get_the_doi(
    cli: Runner, registry: RegistryStandIn, tmp_path: Path
) -> None:
    ris = tmp_path / "refs.ris"
    ris.write_text(RIS, "utf-8")
    csl = tmp_path / "refs.json"
    csl.write_text(json.dumps(CSL, indent=2) + "\n", "utf-8")
    code, _out, err = cli("fix", "--no-links", str(ris), str(csl))
    assert code == 0, err
    assert ris.read_text("utf-8") == RIS.replace("ER  -", f"DO  - {LECUN_DOI}\nER  -")
    items = json.loads(csl.read_text("utf-8"))
    assert items == [{**CSL[0], "DOI": LECUN_DOI}]
    assert list(items[0])[-1] == "DOI"  # added last, the other keys in their order
    assert json.dumps(CSL, indent=2)[:-8] in csl.read_text("utf-8")  # layout kept
    assert "Fixed 0 problem(s)" in cli("fix", "--no-links", str(ris), str(csl))[1]


def test_an_unconfirmed_year_waits_for_unsafe_fixes(
    cli: Runner, registry: RegistryStandIn, tmp_path: Path
) -> None:
    bib = tmp_path / "refs.bib"
    pages = "    pages   = {436--444}"
    with_doi = BIBTEX.replace(f"{pages}\n}}", f"{pages},\n    doi     = {{{LECUN_DOI}}}\n}}")
    bib.write_text(with_doi.replace("{2015}", "{2017}"), "utf-8")
    _, out, _ = _fix(cli, bib)
    assert "1 more with --unsafe-fixes" in out  # no citation says which year is right
    assert "year    = {2017}" in bib.read_text("utf-8")
    _code, out, _ = _fix(cli, bib, "--unsafe-fixes")
    assert "REG003" in out
    assert "year    = {2015}" in bib.read_text("utf-8")
