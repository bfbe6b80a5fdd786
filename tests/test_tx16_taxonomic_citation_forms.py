"""Citation forms of taxonomic and biodiversity writing (made-up manuscripts, shaped
as ZooKeys- and PhytoKeys-like articles write them): "& al." for "et al.", a quoted
name before a year, and names before "et al." after a comma."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_LIST = (
    "\n\n## References\n\n"
    "Feinberg JA, Newman CE, Shaffer HB (2014) Cryptic diversity of a city frog. "
    "Example Journal 1: 1–20.\n\n"
    "Okafor JA, Lund CE, Park HB (2017) A clade of moths. Example Journal 2: 1–9.\n\n"
    "Lindqvist JA, Lund CE, Park HB (2019) Another clade. Example Journal 3: 1–9.\n\n"
    "Jeannel R (1940) Les calosomes. Example Journal 4: 1–200.\n\n"
    "Ruiz H, Pavon J (1794) Florae exempli prodromus. Example Press, Madrid, 153 pp.\n\n"
    "Tanaka D (2011) Never named. Example Journal 5: 1–9.\n"
)


_BACKED_OUT = pytest.mark.xfail(
    strict=True,
    reason="lead: tx16's three reading rules ('& al.', a quoted name, names before et al.) "
    "are backed out together -- with them the held-out split fresh3 had 24 more false "
    "'never cited' (65 -> 89, link FN 70 -> 82), none on the study splits; which rule did it "
    "is not known",
)


def _findings(tmp_path: Path, body: str) -> tuple[list[str], list[str]]:
    """(the first words of the uncited entries, the missing citations' texts)."""
    paper = tmp_path / "paper.md"
    paper.write_text("# A revision\n\n## Introduction\n\n" + body + _LIST, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    raw = {r.id: r.raw for r in result.data.references}
    cits = {c.id: c.text for c in result.data.citations}
    uncited = sorted(
        raw[f.reference or ""].split()[0] for f in result.findings if f.code == "CIT001"
    )
    missing = sorted(cits.get(f.citation or "", "") for f in result.findings if f.code == "CIT002")
    return uncited, missing


_CITES_THE_REST = "Jeannel (1940) kept it. Ruiz and Pavon (1794) named it. "


@_BACKED_OUT
def test_ampersand_al_is_et_al(tmp_path: Path) -> None:
    body = (
        _CITES_THE_REST + "New species include the frog Rana exempla Feinberg & al., 2014, and "
        "others. The clade was resolved (Okafor & al. 2017) and Lindqvist & al. (2019) agreed."
    )
    uncited, missing = _findings(tmp_path, body)
    assert uncited == ["Tanaka"]
    assert missing == []


@_BACKED_OUT
def test_a_quoted_name_before_a_year_is_no_author_of_a_missing_work(tmp_path: Path) -> None:
    body = (
        _CITES_THE_REST + "Feinberg et al. (2014), Okafor et al. (2017) and Lindqvist et al. "
        "(2019) agree. The only exception was a population (“Exemplia” 1940: 129) from the "
        "north, which Jeannel kept apart."
    )
    uncited, missing = _findings(tmp_path, body)
    assert missing == []
    assert uncited == ["Tanaka"]


def test_a_quoted_title_as_apa_writes_it_is_still_missing(tmp_path: Path) -> None:
    body = (
        _CITES_THE_REST + "Feinberg et al. (2014), Okafor et al. (2017) and Lindqvist et al. "
        '(2019) agree. Sensors are described elsewhere ("Sustainability," 2019).'
    )
    _, missing = _findings(tmp_path, body)
    assert missing == ['("Sustainability," 2019)']


@_BACKED_OUT
def test_a_place_named_before_et_al_after_a_comma_is_no_author(tmp_path: Path) -> None:
    body = (
        _CITES_THE_REST + "Lindqvist et al. (2019) agree. The bark is called hwentea (Exland, "
        "Aburi and Kondo Regions, Feinberg et al. 2014) or hwentia (Exland, Okafor et al. 2017)."
    )
    uncited, missing = _findings(tmp_path, body)
    assert missing == []
    assert uncited == ["Tanaka"]


@_BACKED_OUT
def test_names_before_et_al_with_no_entry_are_no_missing_work(tmp_path: Path) -> None:
    body = (
        _CITES_THE_REST + "Feinberg et al. (2014), Okafor et al. (2017) and Lindqvist et al. "
        "(2019) agree; the tree grows in the hills (Exland, Coastal Regions, Moreau et al. 2002)."
    )
    _, missing = _findings(tmp_path, body)
    # "Moreau et al. 2002" is read as a guess (weak): no entry confirms it, so no finding
    assert missing == []
