"""A citation a converter glued to the next word still cites; a chemical name's
locants glued to the name do not.

The chemical-locant rule (acc25) took any lower-case word of four letters glued after
a bracket for a chemical name, so "the Terms of Use [4]summary" and "the Sabine
equation [34],[35]where" (converted study articles, a lost space) were no citations and
their works "never cited". A glued word is a name's only where it ends as one.
Made-up text.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_LIST = "\n## References\n\n" + "\n".join(
    f"{n}. Author{chr(64 + n)} K. Study part {n}. J Made Up. 20{10 + n};{n}:1–9."
    for n in range(1, 9)
)


def _uncited(tmp_path: Path, body: str) -> list[str]:
    md = tmp_path / "m.md"
    md.write_text(f"# Rooms\n\n## Introduction\n\n{body}\n{_LIST}\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))
    assert not [f for f in result.findings if f.rule == "missing-reference"]
    return sorted(f.message.split(" ")[0] for f in result.findings if f.rule == "uncited-reference")


def test_a_citation_glued_to_the_next_word_cites(tmp_path: Path) -> None:
    body = (
        "See the Privacy Statement [1] and the Terms of Use [2]summary for more. The "
        "decay follows the Sabine equation [3],[4]where V is the volume [5]; rooms "
        "differ [6]–[8]."
    )
    assert _uncited(tmp_path, body) == []


def test_a_glued_chemical_name_still_cites_nothing(tmp_path: Path) -> None:
    body = (
        "A [3]helicene forms [1]; the [1,2,4]triazolo ring [2] and [2.2.2]cryptand [3] "
        "bind [4]-[6], as [7]annulenes do [8]."
    )
    assert _uncited(tmp_path, body) == ["AuthorG"]
