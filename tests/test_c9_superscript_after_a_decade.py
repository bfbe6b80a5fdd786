"""Class: a superscript citation after a decade, "in the early 1990's^5^", "1980s^5^".

The word before the superscript was read as the one letter "s" -- a variable or the
unit of seconds -- so the citation was refused as an exponent and its entry called
never cited. A decade (a year ending in 0, then "s", "'s" or "’s") is a word a
sentence ends on like any other. Made-up superscript papers; a real one-letter unit's
power ("5 s^2^") stays no citation (the control).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_ENTRIES = "\n\n".join(
    f"{n}. Autor{chr(64 + n)} X, Other Y. Study number {n}. J Test. 20{10 + n};{n}:1-2."
    for n in range(1, 9)
)


def _uncited(tmp_path: Path, sentence: str) -> set[int]:
    path = tmp_path / "m.md"
    path.write_text(
        "# Introduction\n\nThe burden is high.^1^ It grows.^2,3^ Many studies agree.^4^\n\n"
        f"{sentence} Over half of people used it.^6^ Others.^7,8^\n\n# References\n\n"
        f"{_ENTRIES}\n"
    )
    result = audit(AuditInput.from_paths([path]))
    index = {r.id: r.index for r in result.data.references}
    return {index[f.reference] for f in result.findings if f.code == "CIT001" and f.reference}


@pytest.mark.parametrize(
    "sentence",
    [
        "The system was created in the early 1990’s^5^.",
        "The system was created in the early 1990's^5^.",
        "The system was created in the 1980s^5^, in Brazil.",
        "Los sistemas se crearon en los años 2000s^5^.",
    ],
)
def test_superscript_after_a_decade_cites(tmp_path: Path, sentence: str) -> None:
    assert _uncited(tmp_path, sentence) == set()


def test_a_one_letter_unit_power_stays_no_citation(tmp_path: Path) -> None:
    sentence = "The acceleration was 5 m/s^5^ at the start."
    assert 5 in _uncited(tmp_path, sentence)
