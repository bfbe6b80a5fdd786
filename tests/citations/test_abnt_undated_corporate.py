"""ABNT's undated corporate citation "(GIT)" for the entry "GIT. Documentação oficial.
Disponível em: ..." (issue 12, review of real Word manuscripts: the entry was "never
cited"). Weak: linked only to an undated entry opening with that name."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_TCC = """# Introdução

O versionamento usa o Git (GIT) e o estilo (MATERIALIZECSS); a OMS (WHO) também.

# Referências

GIT. Documentação oficial. Disponível em: https://example.org/git. Acesso em: 1 jan. 2020.

MATERIALIZECSS. Documentação. Disponível em: https://example.org/m. Acesso em: 1 jan. 2020.

NODE. Documentação. Disponível em: https://example.org/n. Acesso em: 1 jan. 2020.
"""


def test_undated_corporate_citations_cite_their_entries(tmp_path: Path) -> None:
    path = tmp_path / "tcc.md"
    path.write_text(_TCC, encoding="utf-8")
    findings = audit(AuditInput(manuscripts=(path,))).findings
    # NODE is really never cited; "(WHO)" is an acronym, no citation, no finding
    assert [(f.code, "NODE" in f.message) for f in findings] == [("CIT001", True)]


def test_a_dated_entry_is_not_cited_by_the_bare_name(tmp_path: Path) -> None:
    path = tmp_path / "tcc.md"
    path.write_text(_TCC.replace("Documentação oficial.", "Documentação oficial. 2019."), "utf-8")
    codes = [(f.code, f.message[:12]) for f in audit(AuditInput(manuscripts=(path,))).findings]
    assert ("CIT001", "GIT (2019) i") in codes and not any(c == "CIT004" for c, _ in codes)
