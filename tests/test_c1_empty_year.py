"""An author-year citation whose year slot is empty, "(Roe A.B., )" (class EY).

Pandoc and citeproc print a .bib entry with no date as the names, the comma and
nothing: the slot left empty. Not read, every such entry was "never cited". The
names are a citation where an entry has them; where no entry fits, it is no citation
(a comma before the bracket is a slip as often). Examples are made up.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from tests.manuscript.test_docx_reader import para, raw_docx, run
from tests.verdicts import uncited_and_missing

_LIST = (
    para(run("Referências"), style="Heading1")
    + para(run("LAGO A.B. Manejo de sementes nativas. Revista Exemplo."))
    + para(run("PINHO, C.; ROCHA, D. Sementes e solos. Exemplo, v. 2, 2019."))
    + para(run("TORRES M. Viveiros florestais. Editora Exemplo."))
)


def _audit(tmp_path: Path, *texts: str) -> AuditResult:
    body = "".join(para(run(t)) for t in texts) + _LIST
    return audit(AuditInput.from_paths([raw_docx(tmp_path / "tese.docx", body)]))


def test_citation_with_an_empty_year_cites_the_undated_entry(tmp_path: Path) -> None:
    result = _audit(
        tmp_path,
        "As sementes germinam devagar (LAGO A.B., ) em viveiros (PINHO; ROCHA, 2019).",
        "Os viveiros seguem a literatura (TORRES M., ).",
    )
    assert uncited_and_missing(result, 10) == (set(), set())
    assert {c.authors[0].split()[0] for c in result.data.citations} == {"LAGO", "PINHO", "TORRES"}


def test_empty_year_naming_no_entry_is_no_citation(tmp_path: Path) -> None:
    result = _audit(
        tmp_path,
        "As sementes germinam (LAGO A.B., ) e os solos (PINHO; ROCHA, 2019) variam "
        "(TORRES M., ) como diz o manual (SOUZA F., ) e a figura (Figura 2, ).",
    )
    assert uncited_and_missing(result, 10) == (set(), set())
    cited = {c.authors[0].split()[0] for c in result.data.citations}
    assert {"LAGO", "PINHO", "TORRES"} <= cited and "Figura" not in cited
