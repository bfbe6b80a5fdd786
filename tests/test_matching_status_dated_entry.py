"""A citation "in press" of an entry dated since, whose text still says "in press".

Authors cite "(Smith, in press)" and the list, updated at proof, gives the entry its
year and keeps the status: "Smith, J. (2021). Title. Journal. In press." The entry says
so itself: it is the work cited, not another year of it (a false year mismatch, and the
entry "uncited" when no other citation named it). An entry with a year and no status
stays a mismatch. Made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit


def _codes(tmp_path: Path, citation: str, entry: str) -> list[str]:
    md = tmp_path / "p.md"
    md.write_text(
        f"# Intro\n\nA claim {citation}.\n\n# References\n\n{entry}\n\n"
        "Roe, M. (2017). Uncited. Example Press.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    return sorted(f.code for f in result.findings if f.code.startswith("CIT"))


@pytest.mark.parametrize(
    ("citation", "entry"),
    [
        ("(Smith, in press)", "Smith, J. (2021). A title. Journal of Things. In press."),
        ("(Smith, no prelo)", "Smith, J. (2021). Um título. Revista. No prelo."),
        ("(Smith, in press)", "Smith, J. (2021). A title. Journal. Advance online publication."),
        ("(Smith, forthcoming)", "Smith, J. 2021 (forthcoming). A title. Journal."),
    ],
)
def test_the_dated_entry_that_says_so_is_the_work(
    tmp_path: Path, citation: str, entry: str
) -> None:
    assert _codes(tmp_path, citation, entry) == ["CIT001"]


def test_a_dated_entry_without_a_status_is_still_a_mismatch(tmp_path: Path) -> None:
    codes = _codes(tmp_path, "(Smith, in press)", "Smith, J. (2021). A title. Journal.")
    assert "CIT004" in codes
