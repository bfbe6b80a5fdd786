"""Survey 12, class ST (benches/REAL_MANUSCRIPTS_12.md): a draft ends its typed list
with a thematic break and a status note -- an emphasised line, then check-mark bullets
-- and each status line was read as an entry "never cited". The fix lies in list
cutting (reference_section._rule_then_note, owner sv13): /work/helpers/sv12-rule-then-
status-note.diff. Made-up example in the same shape; a guard keeps entries after a
rule."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult

_LIST = (
    "# Results\n\nThe receptors cluster as reported (Lind et al., 2017) and (Okoro et al.,"
    " 2020).\n\n# Referências\n\n"
    "LIND A et al. (2017) Receptor kinases in made-up plants. *Plant Cell* 29:618–637.\n\n"
    "OKORO B et al. (2020) Surface receptors of made-up cells. *J Cell Sci* 131:1–9.\n\n"
)
_STATUS = (
    "---\n\n*Draft updated on 2026-06-30. Status of the sections:*\n"
    "- *§2 Motifs* ✅ *done; §2 all genes* ⏳ *running (job 28900)*\n"
    "- *§3 Expression* ✅ *done (data from GEO/SRA)*\n"
    "- *§4 Ka/Ks* ✅ *done — 13 pairs, all Ka/Ks < 1*\n"
)


def _audit(tmp_path: Path, text: str) -> AuditResult:
    path = tmp_path / "artigo.md"
    path.write_text(text, encoding="utf-8")
    return audit(AuditInput.from_paths([path]))


def test_st_status_note_after_the_rule_is_no_entry(tmp_path: Path) -> None:
    result = _audit(tmp_path, _LIST + _STATUS)
    assert len(result.data.references) == 2
    assert not [f for f in result.findings if f.code == "CIT001"]


def test_st_guard_an_entry_after_the_rule_is_still_read(tmp_path: Path) -> None:
    text = _LIST + "---\n\nWREN C (2018) A made-up book on pots. Pot Press.\n"
    assert any("WREN" in r.raw for r in _audit(tmp_path, text).data.references)
