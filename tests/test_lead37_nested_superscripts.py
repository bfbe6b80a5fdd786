"""A bracket set superscript around numbers raised again inside it.

A converter writes a template that raises the cross-reference inside a raised bracket
as ``<sup>(<sup>7</sup>)</sup>``: it prints ``⁽⁷⁾``. No numeric form read it, so every
work such an article cites was "never cited" (pandoc writes it ``^(^7^)^``, linked
``^[(^40^)](#B40)^``; 13 study articles of one SciELO journal). Made-up text; the
numbers and tags in the real articles' shape.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_LIST = "\n\n".join(
    f"{n}. {name} A. Work {n}. J Made Up. 200{n};{n}:1-9."
    for n, name in enumerate(("Arco", "Brisa", "Cedro", "Duna", "Erva", "Faro", "Gruta"), 1)
)


def _audit(tmp_path: Path, body: str) -> tuple[set[str], list[str], list[int]]:
    path = tmp_path / "paper.md"
    path.write_text(f"# Study\n\n{body}\n\n## References\n\n{_LIST}\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    rules = [f.rule for f in result.findings]
    items = {c.item for c in result.data.citations}
    columns = [c.location.column for c in result.data.citations if c.location]
    return items, rules, columns


def test_numbers_raised_again_inside_a_raised_bracket_cite(tmp_path: Path) -> None:
    body = (
        "Rates rose in both regions<sup>(<sup>1,2</sup>)</sup>. Treatment for types 2 or "
        "3<sup>(<sup>3</sup>)</sup> was free, as others found<sup>[<sup>4-7</sup>]</sup>."
    )
    items, rules, columns = _audit(tmp_path, body)
    assert items == {str(n) for n in range(1, 8)}
    assert "uncited-reference" not in rules and "citations-not-recognised" not in rules
    assert min(columns) == body.index("<sup>") + 1  # located where the text has it


def test_pandocs_caret_form_and_its_linked_form_cite(tmp_path: Path) -> None:
    body = (
        "Cirrhosis develops in few^(^1,2^)^. The index proposed by Ortega^[(^3^)](#B3)^, "
        "BMI, and later scales^(^4-7^)^."
    )
    items, rules, columns = _audit(tmp_path, body)
    assert items == {str(n) for n in range(1, 8)}
    assert "uncited-reference" not in rules and "missing-reference" not in rules
    assert sorted(set(columns)) == [body.index(m) + 1 for m in ("^(^1", "^[(", "^(^4")]


def test_an_exponent_or_a_lone_raised_bracket_is_still_no_citation(tmp_path: Path) -> None:
    body = (
        "The area was 3 m<sup>2</sup> and the rate 10<sup>(-3)</sup> per hour"
        "<sup>(<sup>x</sup>)</sup>, unpaired^(^8</sup>)^; others agree<sup>1-7</sup>."
    )
    items, rules, _ = _audit(tmp_path, body)
    assert items == {str(n) for n in range(1, 8)}
    assert "missing-reference" not in rules
