"""A chemical name's locants in square brackets, the name glued after them, are no
citation (acc25): "[3,3]-sigmatropic", "[1,2,4]triazolo", "[2.2.2]cryptand",
"[5]helicene" were read as citations of entries 1 to 5 in a paper citing by square
brackets, linking entries the text never cites. A bracket followed by a blank, a mark
or a range's dash still cites. Made-up titles and numbers.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_LIST = "\n## References\n\n" + "\n".join(
    f"{n}. Author{chr(64 + n)} K. Synthesis part {n}. J Org Chem. 20{10 + n};{n}:1–9."
    for n in range(1, 21)
)


def _uncited(tmp_path: Path, body: str) -> list[str]:
    md = tmp_path / "m.md"
    md.write_text(f"# Rings\n\n## Introduction\n\n{body}\n{_LIST}\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))
    assert not [f for f in result.findings if f.rule == "missing-reference"]
    return sorted(f.message.split(" ")[0] for f in result.findings if f.rule == "uncited-reference")


def test_locants_glued_to_a_name_cite_nothing(tmp_path: Path) -> None:
    body = (
        "A [3,3]-sigmatropic shift was seen [5, 6], and a [1,2,4]triazolo core [7]. "
        "The [2.2.2]cryptand [8] binds, as [4]helicene does [9]. A [1,3]-dipolar "
        "cycloaddition follows [5]-[7], [10]-[20]."
    )
    assert _uncited(tmp_path, body) == ["AuthorA", "AuthorB", "AuthorC", "AuthorD"]


def test_brackets_before_a_blank_or_a_dash_still_cite(tmp_path: Path) -> None:
    body = "Rings close [1]. Shifts [2]– [3] and [4]-[6] follow; see also [7,8] and [9]-[20]."
    assert _uncited(tmp_path, body) == []
