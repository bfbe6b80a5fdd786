"""ABNT forms found by made-up manuscripts (issue 12):

* "apud" after the page of the work read: "(FREIRE, 1987, p. 12 apud QUEIROZ, 2006)",
  "Freire (1970, p. 33 apud RAMOS, 2005)". The original is read through the work after
  it, which the list holds; only "apud" right after the year was seen, so the original
  was reported missing.
* "et al." after a semicolon, "(DIAS; et al., 2016)": the group was not read at all.
* Portuguese "e cols." after a narrative name, "Gomes e cols. (2013)": not read.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_LIST = """# Referências

DIAS, D. et al. Um estudo. **Revista Exemplo**, v. 1, p. 1-2, 2016.

GOMES, G.; ALVES, A.; BRITO, B. Outro estudo. **Revista Exemplo**, v. 1, p. 3-4, 2013.

QUEIROZ, Q. **Um livro**. São Paulo: Editora Exemplo, 2006.

RAMOS, R. **Outro livro**. São Paulo: Editora Exemplo, 2005.
"""


def _findings(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "artigo.md"
    path.write_text(f"# Texto\n\n{body}\n\n{_LIST}", encoding="utf-8")
    return [(f.code, f.message[:50]) for f in audit(AuditInput(manuscripts=(path,))).findings]


def test_apud_after_a_page_reads_the_original_through_the_listed_work(tmp_path: Path) -> None:
    body = (
        "Educar é libertar (FREIRE, 1987, p. 12 apud QUEIROZ, 2006). Como diz Freire "
        "(1970, p. 33 apud RAMOS, 2005), e (DIAS et al., 2016; GOMES et al., 2013)."
    )
    assert _findings(tmp_path, body) == []


def test_a_semicolon_before_et_al(tmp_path: Path) -> None:
    body = "Há estudos (DIAS; et al., 2016), (QUEIROZ, 2006; RAMOS, 2005; GOMES et al., 2013)."
    assert _findings(tmp_path, body) == []


def test_e_cols_after_a_narrative_name(tmp_path: Path) -> None:
    body = "Gomes e cols. (2013) mostram, como (DIAS et al., 2016; QUEIROZ, 2006; RAMOS, 2005)."
    assert _findings(tmp_path, body) == []


def test_a_page_without_apud_is_still_a_missing_work(tmp_path: Path) -> None:
    body = (
        "Educar é libertar (FREIRE, 1987, p. 12; QUEIROZ, 2006; RAMOS, 2005; DIAS et al., "
        "2016; GOMES et al., 2013)."
    )
    assert _findings(tmp_path, body) == [
        ("CIT002", '"FREIRE, 1987, p. 12" has no matching entry in the')
    ]
