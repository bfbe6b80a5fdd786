"""Class: a flattened superscript glued to a word's full stop before a year in parentheses.

"... was shown.4 (2015)" or "Haqqi et al.5 (2015)": the author-year reader took the word
and its glued number ("shown.4", "al.5") for a user's handle citing that year (WEAK,
matching nothing) and claimed the span, so the numeric reader never saw the number and
its entry was called never cited. Made-up plain-text papers; a real handle before a
year ("jdoe_42 (2021)") still cites its entry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from tests.superscript_paper import uncited_numbers

_NAMES = ["Abel", "Brandt", "Cruz", "Dias", "Haqqi", "Faro"]


def _uncited(tmp_path: Path, sentence: str) -> set[int]:
    return uncited_numbers(
        tmp_path, f"The burden is high.1 It grows.2,3 {sentence} Others agree.6", _NAMES
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "It was shown.4 (2014) Haqqi et al.5 (2015) then agreed.",
        "A trial was confirmed.4 (2014) and Haqqi et al.5 (2015) in adults.",
        "As reported.4 (2014) and by Haqqi et al5 (2015) in adults.",
    ],
)
def test_glued_superscript_before_a_year_cites(tmp_path: Path, sentence: str) -> None:
    assert _uncited(tmp_path, sentence) == set()


def test_a_handle_before_a_year_still_cites(tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    path.write_text(
        "# Intro\n\nThe tool by jdoe_42 (2021) and Smith (2020) helped.\n\n"
        "# References\n\njdoe_42. (2021). Tool. GitHub.\n\n"
        "Smith, A. (2020). A study. J Test, 1, 1-2.\n"
    )
    result = audit(AuditInput.from_paths([path]))
    assert not [f for f in result.findings if f.code in ("CIT001", "CIT002")]
