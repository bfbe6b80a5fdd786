"""H1: the hybrid "(Name, year) [n]": the number points, the names and year repeat it.

Judged alone, the author-year half was a missing reference whenever its year was a
draft's ("(Wirawan, 2019) [1]" over "[1] Wirawan ... (2021)"), though the number
resolves. Every input here is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_NUMBERED = (
    "# Daftar Pustaka\n\n"
    "[1] Wirawan, A. (2021). Derau citra. Jurnal Contoh, 2(1), 1-9.\n\n"
    "[2] Kusnadi, B. (2020). Filter Gaussian. Jurnal Contoh, 3(2), 10-19.\n\n"
    "[3] Lestari, C. (2018). Sensor murah. Jurnal Contoh, 1(1), 5-8.\n"
)


def _codes(tmp_path: Path, body: str, entries: str = _NUMBERED) -> list[str]:
    md = tmp_path / "jurnal.md"
    md.write_text("# Pendahuluan\n\n" + body + "\n\n" + entries, encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))
    wanted = ("CIT001", "CIT002", "CIT004", "CIT005", "CIT007")
    return sorted(f.code for f in result.findings if f.code in wanted)


@pytest.mark.parametrize(
    "body",
    [
        "Menurut (Wirawan, 2019) [1], derau muncul. Penelitian (Kusnadi, 2019) [2] dan "
        "(Lestari, 2017) [3] menguji filter.",
        "Menurut Wirawan (2019) [1], derau muncul. Kusnadi dkk. (2019) [2, 3] menguji.",
        "Derau muncul (Wirawan, 2019)(1). Filter diuji (Kusnadi, 2019; Lestari, 2017) (2-3).",
        "Derau muncul (Wirawan, 2019)^1^. Filter diuji (Kusnadi, 2019)<sup>2,3</sup>.",
        "Derau muncul (Wirawan, 2019)¹. Filter diuji (Kusnadi, 2019) [2]; (Lestari, 2017)³.",
    ],
)
def test_the_number_cites_the_author_year_half_is_not_missing(tmp_path: Path, body: str) -> None:
    assert _codes(tmp_path, body) == []


def test_an_author_year_citation_without_a_number_is_still_judged(tmp_path: Path) -> None:
    # a list cited by number: a name and year no entry has is a possible missing one
    body = "Menurut (Wirawan, 2021) [1] dan [2], [3]. Lain (Zamora, 2015) menguji."
    assert _codes(tmp_path, body) == ["CIT005"]


def test_an_author_year_list_keeps_its_citations_sure(tmp_path: Path) -> None:
    entries = (
        "# References\n\n"
        "Wirawan, A. (2021). Derau citra. Jurnal Contoh, 2(1), 1-9.\n\n"
        "Kusnadi, B. (2020). Filter Gaussian. Jurnal Contoh, 3(2), 10-19.\n"
    )
    body = "Noise (Wirawan, 2021) [1] and filters (Kusnadi, 2020). Also (Zamora, 2015) [2]."
    assert _codes(tmp_path, body, entries) == ["CIT002"]
