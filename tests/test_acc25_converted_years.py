"""Converted Markdown's author-year citations (acc25): a year linked alone after the
author's name ("[Walden 1963](#CR1) and again in [2008](#CR2)") and an emphasised year
in a link or beside a name ("[Corbin **2012a**](#CR4)", "Walden [**1963**](#CR1)").
Both were read by no reader, their entries called "never cited" though the page links
them. Made-up names, titles and numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_LIST = """
## References

1. Walden R (1963) Coastal erosion in the north. Mar Geol 1:1–10
2. Walden R (2008) Coastal erosion revisited. Mar Geol 250:11–20
3. Prinz A, Holt B (2001) Sediment budgets. J Coast Res 17:100–110
4. Corbin T (2012a) Dune migration. Geomorphology 140:1–9
5. Corbin T (2012b) Dune migration again. Geomorphology 141:1–9
6. Holt B, Prinz A, Walden R (1999) Tides. Estuaries 22:1–9
7. Holt B, Prinz A, Walden R (2003) Tides again. Estuaries 26:1–9
"""


def _audit(tmp_path: Path, body: str) -> tuple[list[str], list[str], list[str]]:
    md = tmp_path / "m.md"
    md.write_text(f"# Shores\n\n## Introduction\n\n{body}\n{_LIST}", encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))

    def messages(rule: str) -> list[str]:
        return [f.message for f in result.findings if f.rule == rule]

    return (
        messages("uncited-reference"),
        messages("missing-reference"),
        messages("citation-year-mismatch"),
    )


_ALL_CITED = (
    " Others agree ([Prinz and Holt 2001](#CR3); [Corbin 2012a](#CR4), [2012b](#CR5);"
    " [Holt et al. 1999](#CR6), [2003](#CR7))."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Erosion was measured by [Walden 1963](#CR1) and again in [2008](#CR2), later.",
        "Erosion was measured by Walden ([1963](#CR1)) and then in [**2008**](#CR2).",
        "Walden ([1963](#CR1)) measured it; the rates were revised in [*2008*](#CR2).",
    ],
)
def test_a_year_linked_alone_cites_the_name_before_it(tmp_path: Path, sentence: str) -> None:
    uncited, missing, years = _audit(tmp_path, sentence + _ALL_CITED)
    assert uncited == []
    assert missing == []
    assert years == []


def test_a_linked_year_with_no_listed_name_of_that_year_is_no_citation(
    tmp_path: Path,
) -> None:
    # a link to a year no listed name before it carries: a date, a table, nothing cited
    body = "The storm of [2008](#tab2) hit the coast." + _ALL_CITED + " Walden (1963) too."
    uncited, missing, _ = _audit(tmp_path, body)
    assert uncited == ["Walden (2008) is in the reference list but never cited in the text"]
    assert missing == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Dunes moved, as in [Corbin **2012a**](#CR4) and [Corbin *2012b*](#CR5).",
        "As Corbin [**2012a**](#CR4) and Corbin [**2012b**](#CR5) show, dunes moved.",
        "As *Corbin*, 2012a and *Corbin*, 2012b show, dunes moved.",
    ],
)
def test_an_emphasised_year_beside_a_name_is_read(tmp_path: Path, sentence: str) -> None:
    rest = (
        " Others agree ([Prinz and Holt 2001](#CR3); [Holt et al. 1999](#CR6), [2003](#CR7);"
        " Walden [1963](#CR1), [2008](#CR2))."
    )
    uncited, missing, years = _audit(tmp_path, sentence + rest)
    assert uncited == []
    assert missing == []
    assert years == []
