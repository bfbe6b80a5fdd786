"""A Quarto/R Markdown source's typed reference section counts beside its .bib.

Made-up manuscript: ``bibliography: refs.bib`` cited by ``@key``, and an appendix
whose works are typed by hand under "# Supplementary References" and cited as
"(Okafor, 2019)". Both are the paper's entries.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.model.finding import Finding

_BIB = """@article{lund2021,
  author = {Lund, Mira and Vale, Tomas},
  title = {Outsourcing effort to machines},
  journal = {Journal of Made-up Studies},
  year = {2021}
}
"""

_TYPED = """
# Supplementary References

Okafor, B. L. (2019). SPARK: Simple text experiment toolkit (Version 1.2) [Computer
software]. https://example.org/spark

Pereira, A., & Okafor, B. L. (2022). Against the grain: Word use in online debates.
*Journal of Invented Language*, *4*(2), 10-20.

Ruiz, C., & Tamm, H. (2000). Comparing word lists by frequency profiles. In
*Proceedings of the Workshop on Made-up Corpora* (pp. 1-6).
"""

_BODY = """
# Methods

Texts were prepared with SPARK (Okafor, 2019), following earlier work
(Pereira & Okafor, 2022; Ruiz & Tamm, 2000). Effort was judged as before
[@lund2021].
"""


def _findings(tmp_path: Path, front: str, body: str, *, bib_flag: bool = False) -> list[Finding]:
    (tmp_path / "refs.bib").write_text(_BIB, encoding="utf-8")
    source = tmp_path / "paper.qmd"
    source.write_text(front + body + _TYPED, encoding="utf-8")
    bibs = (tmp_path / "refs.bib",) if bib_flag else ()
    result = audit(AuditInput(manuscripts=(source,), bibliographies=bibs))
    return [f for f in result.findings if f.code.startswith(("CIT", "BIB"))]


def test_typed_section_beside_the_front_matter_bib_is_matched(tmp_path: Path) -> None:
    findings = _findings(tmp_path, "---\ntitle: Paper\nbibliography: refs.bib\n---\n", _BODY)
    assert [f.code for f in findings if f.code in ("CIT001", "CIT002")] == []


def test_typed_section_beside_a_bib_given_on_the_command_line(tmp_path: Path) -> None:
    findings = _findings(tmp_path, "---\ntitle: Appendix\n---\n", _BODY, bib_flag=True)
    assert [f.code for f in findings if f.code in ("CIT001", "CIT002")] == []


def test_a_rendered_document_without_keys_keeps_the_given_bib_alone(tmp_path: Path) -> None:
    # no @key: a document printed from the .bib; its list is the .bib's again
    rendered = _BODY.replace("[@lund2021]", "(Lund & Vale, 2021)")
    findings = _findings(tmp_path, "", rendered, bib_flag=True)
    missing = sorted(f.message for f in findings if f.code == "CIT002")
    assert len(missing) == 3 and "Okafor, 2019" in missing[0]


def test_notes_under_a_heading_that_cite_the_bib_are_no_entries(tmp_path: Path) -> None:
    notes = (
        '\n### References\n\nSeminal: @lund2021 (Lund & Vale 2021, "Outsourcing effort").\n\n'
        "Recent analogue: @lund2021 (Lund et al. 2021, a later look).\n\n"
        "Background: @lund2021 (Lund 2021, *Journal of Made-up Studies*).\n"
    )
    (tmp_path / "refs.bib").write_text(_BIB, encoding="utf-8")
    source = tmp_path / "paper.qmd"
    source.write_text("---\nbibliography: refs.bib\n---\n\nAs before [@lund2021].\n" + notes)
    result = audit(AuditInput(manuscripts=(source,)))
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == []
