"""A made-up plain-text paper citing in flattened superscripts, and what it leaves uncited.

Text pasted from a PDF keeps each superscript citation as digits glued to the word before
("high.1", "al.5"); the suites on that class (c9, c10) write the sentence under test
into such a paper and ask which numbered entries the audit calls never cited.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def numbered_entries(names: list[str]) -> str:
    """One Vancouver entry per name, numbered from 1, each of its own year."""
    return "\n".join(
        f"{n}. {name} X, Other Y. Study number {n}. J Test. 20{10 + n};{n}:1-2."
        for n, name in enumerate(names, 1)
    )


def uncited_numbers(tmp_path: Path, body: str, names: list[str]) -> set[int]:
    """The list numbers of the entries called never cited (CIT001) in `body`'s paper."""
    path = tmp_path / "m.txt"
    path.write_text(f"Introduction\n\n{body}\n\nReferences\n\n{numbered_entries(names)}\n")
    result = audit(AuditInput.from_paths([path]))
    index = {r.id: r.index for r in result.data.references}
    return {index[f.reference] for f in result.findings if f.code == "CIT001" and f.reference}
