"""Typed numbers in a LaTeX text citing a typed list (no \\cite, no .bib).

A student's thesis types "[1, гл.~II, \\S 4]" and an ``enumerate`` list under "Список
литературы"; only ``\\cite`` keys were read in LaTeX, so every entry was "never cited".
A text that cites by ``\\cite`` keeps its brackets as options, and an interval in
inline mathematics is no citation. Made-up entries.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_LIST = (
    "\\section*{References}\n\\begin{enumerate}\n"
    "\\item Adams A. Bounds. J Ex. 2019;1:1-2.\n"
    "\\item Brown B. Methods. J Ex. 2018;2:3-4.\n"
    "\\item Chen C. Never cited. J Ex. 2017;3:5-6.\n"
    "\\end{enumerate}\n\\end{document}\n"
)


def _uncited(tmp_path: Path, body: str) -> list[str]:
    tex = tmp_path / "main.tex"
    tex.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\n" + _LIST)
    result = audit(AuditInput.from_paths([tex]))
    assert len(result.data.references) == 3
    return [f.message.split(" ")[0] for f in result.findings if f.rule == "uncited-reference"]


def test_typed_numbers_cite_a_typed_list(tmp_path: Path) -> None:
    body = "The bound is known [1, Ch.~2, \\S 4], and the method [2] too, for $x \\in [0, 3]$."
    assert _uncited(tmp_path, body) == ["Chen"]


def test_an_interval_in_mathematics_is_no_citation(tmp_path: Path) -> None:
    body = "The bound is known [1], for all $x \\in [2, 3]$ and \\(y \\in [2,3]\\)."
    assert sorted(_uncited(tmp_path, body)) == ["Brown", "Chen"]
