"""A numbered list with sub-labels, as Wiley prints chemistry lists ("1a ...; 1b ...;
2. ..."): "[1]" cites 1a and 1b together, as the publisher's links do.

Read by position, the sub-labelled entries shifted every later number: "[2]" landed
on 1b, and entries 2 and 3b were "never cited" while the text cites them.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

LIST = """\
1a A. Bauer, Chem. Rev. 2001, 101, 1-9;
1b C. Diaz, J. Org. Chem. 2002, 67, 3-4.
2. E. Fox, Angew. Chem. 2003, 42, 10-12.
3a G. Hale, Org. Lett. 2004, 6, 5-6;
3b I. Jones, Org. Lett. 2005, 7, 7-8.
4. K. Lowe, Chem. Sci. 2006, 1, 20-21.
"""


def _audit(tmp_path: Path, body: str) -> dict[str, list[str]]:
    path = tmp_path / "paper.md"
    path.write_text(f"# Results\n\n{body}\n\n## References\n\n{LIST}", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    found: dict[str, list[str]] = {}
    for finding in result.findings:
        found.setdefault(finding.rule, []).append(finding.message)
    assert len(result.data.references) == 6, [r.raw for r in result.data.references]
    return found


def test_each_number_cites_its_sub_labelled_entries(tmp_path: Path) -> None:
    found = _audit(tmp_path, "Catalysis was shown [1], extended [2] and reviewed [3,4].")
    assert "uncited-reference" not in found, found
    assert "missing-reference" not in found, found


def test_an_entry_the_text_leaves_out_is_still_uncited(tmp_path: Path) -> None:
    found = _audit(tmp_path, "Catalysis was shown [1] and reviewed [3].")
    uncited = found.get("uncited-reference", [])
    assert len(uncited) == 2, found  # Fox (2.) and Lowe (4.), not a sub-labelled one
    assert any("Fox" in m for m in uncited) and any("Lowe" in m for m in uncited), uncited


def test_a_number_past_the_list_is_still_missing(tmp_path: Path) -> None:
    found = _audit(tmp_path, "Shown [1], [2], [3] and [4], and later [5].")
    assert len(found.get("missing-reference", [])) == 1, found
