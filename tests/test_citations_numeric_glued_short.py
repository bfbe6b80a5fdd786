"""Round brackets glued to a capital's short name: "hepatitis C(6).", "type B(3),".

A glued "(n)" after a word of three letters or fewer was never a citation -- "f(1)",
"sin(2)" are functions -- so in papers citing "fibrogenesis(18,45)." the citation
after "hepatitis C" or "HCV" was lost and its entry called "never cited". Now such a
marker counts where glued round brackets are the manuscript's style, after a capital,
with the clause going on after it (punctuation, a lower-case word, the line's end);
"C(4) = 2", "f(1)" and a paper citing in square brackets keep it out. Made-up
entries.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_LIST = (
    "\n\n## References\n\n"
    "1. Adams A. One. J Ex. 2019;1:1-2.\n"
    "2. Brown B. Two. J Ex. 2018;2:3-4.\n"
    "3. Chen C. Three. J Ex. 2017;3:5-6.\n"
    "4. Davis D. Four. J Ex. 2017;3:5-6.\n"
    "5. Evans E. Five. J Ex. 2017;3:5-6.\n"
    "6. Fox F. Never. J Ex. 2017;3:5-6.\n"
)


def _uncited(tmp_path: Path, body: str) -> list[str]:
    md = tmp_path / "p.md"
    md.write_text("# Intro\n\n" + body + _LIST, encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))
    return sorted(f.message.split(" ")[0] for f in result.findings if f.rule == "uncited-reference")


def test_a_short_capital_name_before_glued_brackets_cites(tmp_path: Path) -> None:
    body = (
        "Inflammation drives fibrogenesis(1,2). Other work(3) agrees. Patients with "
        "hepatitis C(4).This was shown in stages B and C(5), as expected."
    )
    assert _uncited(tmp_path, body) == ["Fox"]


def test_functions_and_formulas_stay_out(tmp_path: Path) -> None:
    body = (
        "Inflammation drives fibrogenesis(1,2). Other work(3) agrees. The constant "
        "C(4) = 2 holds, f(5) too."
    )
    assert _uncited(tmp_path, body) == ["Davis", "Evans", "Fox"]


def test_not_in_a_paper_citing_in_square_brackets(tmp_path: Path) -> None:
    body = "Inflammation drives fibrogenesis [1, 2]. Other work [3] agrees. Stage C(4)."
    assert _uncited(tmp_path, body) == ["Davis", "Evans", "Fox"]
