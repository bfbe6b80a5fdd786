"""Arabic-script manuscripts: the Arabic comma and semicolon separate as ASCII ones
do, and Persian, Urdu, Hebrew, Hindi and Bengali reference headings open the list.

"الشمري، محمد. (2019)" was read as two family names (the comma unseen), so the
entry's first author was the given name and "(الشمري، 2019)" cited nothing; a list
under "منابع" (Persian) was not found at all ("nothing was checked"). Made-up
entries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit


def test_arabic_commas_separate_names_and_citations(tmp_path: Path) -> None:
    md = tmp_path / "p.md"
    md.write_text(
        "# مقدمة\n\nتشير الدراسات إلى ارتفاع الأسعار (الشمري، 2019؛ القحطاني، 2018).\n\n"
        "## المراجع\n\n"
        "الشمري، محمد. (2019). الأسعار في الخليج. مجلة الاقتصاد، 5(2)، 10-20.\n\n"
        "القحطاني، فهد. (2018). الأسواق. الرياض: دار النشر.\n\n"
        "الغامدي، ناصر. (2015). عنوان آخر. جدة: دار.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    firsts = [r.authors[0].family for r in result.data.references]
    assert firsts == ["الشمري", "القحطاني", "الغامدي"]
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    assert len(uncited) == 1 and "الغامدي" in uncited[0]


@pytest.mark.parametrize("heading", ["منابع", "فهرست منابع", "רשימת מקורות", "संदर्भ सूची"])
def test_reference_headings_of_other_scripts_open_the_list(tmp_path: Path, heading: str) -> None:
    md = tmp_path / "p.md"
    md.write_text(
        f"# Text\n\nPrices fell (Roe, 2019).\n\n## {heading}\n\n"
        "Roe, M. (2019). Prices. Example Press.\n\n"
        "Poe, N. (2018). Other. Example Press.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    assert len(result.data.references) == 2
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    assert len(uncited) == 1 and "Poe" in uncited[0]
