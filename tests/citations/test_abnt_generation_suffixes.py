"""A generation after an ABNT surname written one way in the text and another in the
list (issue 12): "(SILVA JR., 2010)" for "SILVA JUNIOR, J.", "(SOUZA JUNIOR, 2011)" for
"SOUZA JR., S.", "(PRADO JR, 2012)" for "PRADO JÚNIOR, C.". The same name: each was a
missing work and an uncited entry. Made-up names."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_LIST = """# Referências

PRADO JÚNIOR, C. **Formação**. São Paulo: Editora Exemplo, 2012.

SILVA JUNIOR, J. **Cinco**. São Paulo: Editora Exemplo, 2010.

SOUZA JR., S. Seis. **Revista Exemplo**, v. 1, p. 1-9, 2011.

LIMA NETO, L. **Sete**. São Paulo: Editora Exemplo, 2009.
"""


def _findings(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "artigo.md"
    path.write_text(f"# Texto\n\n{body}\n\n{_LIST}", encoding="utf-8")
    return [(f.code, f.message[:50]) for f in audit(AuditInput(manuscripts=(path,))).findings]


def test_jr_and_junior_are_one_name(tmp_path: Path) -> None:
    body = "Primeiro (SILVA JR., 2010; SOUZA JUNIOR, 2011; PRADO JR, 2012; LIMA NETO, 2009)."
    assert _findings(tmp_path, body) == []


def test_another_surname_with_a_generation_is_missing(tmp_path: Path) -> None:
    body = "Primeiro (SILVA JR., 2010; SOUZA JUNIOR, 2011; PRADO JR, 2012; Costa Jr., 2009)."
    found = _findings(tmp_path, body)
    assert ("CIT002", '"Costa Jr., 2009" has no matching entry in the ref') in found
