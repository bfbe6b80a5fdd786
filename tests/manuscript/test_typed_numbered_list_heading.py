"""A reference list under a typed numbered heading ("3. References", "5. Kaynaklar"),
as a report saved as text writes its chapters. The table of contents names the same
line first: the list is the one under the later line, and the contents' line joins no
chain of lists. Every entry is made up."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_TEXT = (
    "Contents\n\n1. Introduction\n2. Methods\n3. {title}\n\n"
    "1. Introduction\n\nDashboards help (Wang, 2015). Maps help more (Murray, 2017).\n\n"
    "3. {title}\n\n"
    "Murray, S. (2017). Interactive maps. Example Media.\n\n"
    "Wang, L. (2015). Big data. Example Technologies, 1(1), 33-38.\n\n"
    "Zed, A. (2010). Never cited. Example Letters, 2, 1-2.\n"
)


def test_the_list_under_the_later_numbered_heading(tmp_path: Path) -> None:
    for title in ("References", "Kaynaklar", "Daftar Pustaka"):
        path = tmp_path / "report.txt"
        path.write_text(_TEXT.format(title=title), encoding="utf-8")
        result = audit(AuditInput.from_paths([path]))
        assert [r.raw[:4] for r in result.data.references] == ["Murr", "Wang", "Zed,"], title
        uncited = [f.reference for f in result.findings if f.code == "CIT001"]
        assert [f.code for f in result.findings if f.code.startswith("CIT")] == ["CIT001"]
        assert len(uncited) == 1, title
