"""List labels a hand-typed list of web sources writes (survey 5 classes NG and NS).

"1)https://..." glues the label to the address, "2,3,4) https://..." gives one source
the several numbers its citations used. Read as no label, each such line was joined to
the entry before it. Examples are made up.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _entries(tmp_path: Path, items: str) -> list[str]:
    md = tmp_path / "makale.md"
    md.write_text("Giris [1] ve [2].\n\n## Kaynaklar\n\n" + items, encoding="utf-8")
    return [r.raw for r in audit(AuditInput.from_paths([md])).data.references]


def test_label_glued_to_its_link_opens_an_entry(tmp_path: Path) -> None:
    raws = _entries(
        tmp_path,
        "1)https://example.org/tez/1\n2)https://example.org/tez/2\n3) https://example.org/3\n",
    )
    assert [r[:2] for r in raws] == ["1)", "2)", "3)"]


def test_shared_label_opens_an_entry(tmp_path: Path) -> None:
    raws = _entries(
        tmp_path,
        "1) https://example.org/a\n\n2,3,4) https://example.org/b\n\n"
        "(5, 6) https://example.org/c\n\n[7, 8] https://example.org/d\n\n9) https://example.org/e\n",
    )
    assert [r.split()[0] for r in raws] == ["1)", "2,3,4)", "(5,", "[7,", "9)"]
