"""A translation's two years (made up): the original's and the translation's.

An entry dates a translation by the original's year and names the translation's
imprint later ("Bakhtin, M. (1975). Title (C. Emerson, Trans.). Press, 1981."), or
puts the original's year in parentheses before the translation's ("Weber, M. (1905)
2001."). The text cites either year; the list reader takes one, and a citation of the
other was called a wrong year. A year the entry holds only in its title still is one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.model.finding import Severity


def _codes(tmp_path: Path, body: str, entries: list[str], *, notes: bool = True) -> list[str]:
    md = tmp_path / "paper.md"
    md.write_text(
        "# Intro\n\n" + body + "\n\n# References\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    return sorted(
        f.code
        for f in result.findings
        if f.code.startswith("CIT") and (notes or f.severity is not Severity.INFO)
    )


_OTHER = "Orwin, T. (2010). Work on harbours. Journal of Tests, 1, 2-3."


@pytest.mark.parametrize(
    "entry",
    [
        "Brekov, M. (1975). The lamp and the quay (C. Ember, Trans.). Delta UP, 1981.",
        "Brekov, M. (1975). The lamp and the quay. Translated by C. Ember. Delta Press, 1981.",
        "BREKOV, M. A lâmpada e o cais. Trad. C. Ember. São Paulo: Delta, 1981 (1975).",
        "Brekov, M. (1975) 1981. The lamp and the quay. Delta Press.",
        "Brekov, M. [1975] 1981. The lamp and the quay. Delta Press.",
    ],
)
def test_the_translations_year_cites_the_entry(tmp_path: Path, entry: str) -> None:
    # matched: never missing nor uncited; the imprint's year alone is noted at info, as
    # APA asks for both years (tests/test_m6_translation_year_info.py)
    codes = _codes(
        tmp_path, "As Brekov (1981) wrote. Also (Orwin, 2010).", [entry, _OTHER], notes=False
    )
    assert codes == []


@pytest.mark.parametrize(
    "entry",
    [
        "Brekov, M. (1975) 1981. The lamp and the quay. Delta Press.",
        "Brekov, M. (1981). The lamp and the quay (C. Ember, Trans.). Delta Press. "
        "(Original work published 1975)",
    ],
)
def test_the_originals_year_cites_the_entry(tmp_path: Path, entry: str) -> None:
    codes = _codes(tmp_path, "As Brekov (1975) wrote. Also (Orwin, 2010).", [entry, _OTHER])
    assert codes == []


def test_a_year_in_a_translated_title_is_still_a_mismatch(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "As Brekov (1968) wrote. Also (Orwin, 2010).",
        [
            "Brekov, M. (1975). The spring of 1968 (C. Ember, Trans.). Delta Press, 1981.",
            _OTHER,
        ],
    )
    assert codes == ["CIT004"]


def test_another_year_of_a_translation_is_still_a_mismatch(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "As Brekov (1990) wrote. Also (Orwin, 2010).",
        [
            "Brekov, M. (1975). The lamp and the quay (C. Ember, Trans.). Delta Press, 1981.",
            _OTHER,
        ],
    )
    assert codes == ["CIT004"]


def test_a_journals_transactions_is_no_translation(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "As Brekov (1981) wrote. Also (Orwin, 2010).",
        [
            "Brekov, M. (1975). The lamp and the quay. Trans. Delta Soc. 1981, 4, 2-9.",
            _OTHER,
        ],
    )
    assert codes == ["CIT004"]
