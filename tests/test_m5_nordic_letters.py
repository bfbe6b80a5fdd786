"""Nordic letters written out (made up): "Soerensen" for Sørensen, "Aasen" for Åsen.

Danish and Norwegian write ø as "oe" and å as "aa" where the letter is missing (and
"Aa" was the official spelling of Å until 1948): "Soerensen (2015)" for an entry of
Sørensen is the same name, as "Mueller" is Müller. It matched only as a misspelling,
and citation-name-mismatch called it one; "Sorensen" (the letter's base) matched
plainly already.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.matching.names import names_match


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("Soerensen", "Sørensen"),
        ("Aasen", "Åsen"),
        ("Bjørnstad", "Bjoernstad"),
        ("Laerkesen", "Lærkesen"),
        ("Sorensen", "Sørensen"),
    ],
)
def test_a_nordic_letter_written_out_is_the_same_name(cited: str, listed: str) -> None:
    assert names_match(cited, listed)


def test_other_names_stay_apart() -> None:
    assert not names_match("Sorensen", "Soerensenn")
    assert not names_match("Aasen", "Asen")


def test_no_name_mismatch_is_reported(tmp_path: Path) -> None:
    md = tmp_path / "paper.md"
    md.write_text(
        "# Intro\n\nAs Soerensen (2015) shows, and Aasen (2016) and Bjørnstad (2017).\n\n"
        "# References\n\n"
        "Sørensen, J. (2015). A title. Journal of Tests, 1, 2-3.\n\n"
        "Åsen, K. (2016). A title. Journal of Tests, 2, 4-5.\n\n"
        "Bjoernstad, L. (2017). A title. Journal of Tests, 3, 6-7.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == []
