"""A superscript after an emphasis closer is read as after what the emphasis holds.

Converted articles set "et al." in italics and the citation right after it:
``Okafor *et al.*^4^``, ``*et al.*^(4)^``, ``*et al.*<sup>(4)</sup>``. The closing
``*`` stood as the character before the superscript -- no word, no punctuation -- so
the superscript was refused and the work it cites was "never cited", while
``et al.^(4)^`` was read. Made-up text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_LIST = "\n\n".join(
    f"{n}. {name} A, Moss B. Work on lichens {n}. J Made Up. 199{n};{n}:1-9."
    for n, name in enumerate(("Okafor", "Lindqvist", "Petrov", "Yamada", "Quiroga"), 1)
)


def _audit(tmp_path: Path, body: str) -> tuple[set[str], list[str]]:
    path = tmp_path / "paper.md"
    path.write_text(f"# Lichens\n\n{body}\n\n## References\n\n{_LIST}\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    return {c.item for c in result.data.citations}, [f.rule for f in result.findings]


@pytest.mark.parametrize(
    "mark",
    ["*et al.*^4^", "*et al.*^(4)^", "*et al.*<sup>(4)</sup>", "_et al._^4^", "**et al.**^4^"],
)
def test_superscript_after_italic_et_al_cites(tmp_path: Path, mark: str) -> None:
    body = (
        f"Lichens grow slowly^1^ on bare rock^2,3^. Yamada {mark} measuring growth found "
        "the same, as did later surveys^5^."
    )
    items, rules = _audit(tmp_path, body)
    assert items == {"1", "2", "3", "4", "5"}
    assert "uncited-reference" not in rules


def test_superscript_after_italic_name_cites(tmp_path: Path) -> None:
    body = "Growth^1-3^ of *Cladonia rangiferina*^4^ is slow, as surveys^5^ show."
    items, _ = _audit(tmp_path, body)
    assert items == {"1", "2", "3", "4", "5"}


def test_emphasised_variable_power_is_no_citation(tmp_path: Path) -> None:
    body = (
        "Growth^1-3^ scales as *x*^2^ over an area in *m*^2^, as surveys^4,5^ show; "
        "the fit *r*^2^ was high."
    )
    items, _ = _audit(tmp_path, body)
    assert items == {"1", "2", "3", "4", "5"}
