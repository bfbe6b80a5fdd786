"""Reference-list headings in more languages and English variants: under a title the
reader did not know, the list was body text -- every entry lost, every citation
"possibly missing"."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit


@pytest.mark.parametrize(
    "title",
    [
        "Sources Consulted", "Bibliography and Sources", "Bibliographical References",
        "Referanser", "Kildeliste", "Heimildir", "Källförteckning", "Lähdeluettelo",
        "Kasutatud kirjandus", "Šaltiniai", "Izmantotā literatūra", "Burimet",
        "Източници", "Библиографија", "Bibliyografya", "Yararlanılan Kaynaklar",
        "Quellen- und Literaturverzeichnis", "Références citées", "参考书目", "文献一覧",
    ],
)  # fmt: skip
def test_list_under_title_is_read(tmp_path: Path, title: str) -> None:
    path = tmp_path / "paper.md"
    path.write_text(
        f"# Intro\n\nAs Adams (2015) showed.\n\n# {title}\n\n"
        "Adams, A. (2015). Rivers. *W*, 3, 1-5.\n\nBrown, B. (2014). Lakes. *W*, 3, 1-5.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([path]))
    assert len(result.data.references) == 2
    assert [f.rule for f in result.findings] == ["uncited-reference"]
