"""A flattened superscript set off by a space after an italic "et al." cites.

A converter that loses a superscript's markup keeps the space before it; "Dahlen et
al. 7, esses" was read, but with "et al." in italics -- "Quist *et al.* 12. The
survey", "Moreau *et al.* 14\\nshowed" -- the closing ``*`` stood between "al." and the
number, and the named work was "never cited". Made-up text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_NAMES = ("Abel", "Brandt", "Carvalho", "Dorn", "Egan", "Fujita", "Quist", "Moreau")
_LIST = "\n\n".join(
    f"{n}. {name} A, Rue B. Work on mosses {n}. J Made Up. 198{n};{n}:1-9."
    for n, name in enumerate(_NAMES, 1)
)


def _items(tmp_path: Path, body: str) -> set[str]:
    path = tmp_path / "paper.md"
    path.write_text(f"# Mosses\n\n{body}\n\n## References\n\n{_LIST}\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    return {c.item for c in result.data.citations}


@pytest.mark.parametrize("mark", ["*et al.*", "_et al._", "**et al.**"])
def test_spaced_number_after_italic_et_al_cites(tmp_path: Path, mark: str) -> None:
    body = (
        "Mosses hold water in dry seasons 1. They recover fast after rain 2,3. Their "
        "cover was mapped as proposed by Quist\n"
        f"{mark} 7. Sub-plots of 40 sites were sampled as well. The spores travel far "
        f"4-6. Moreau {mark} 8\nshowed the same for a second genus."
    )
    assert _items(tmp_path, body) == {str(n) for n in range(1, 9)}


def test_italic_word_and_count_is_no_citation(tmp_path: Path) -> None:
    body = (
        "Mosses hold water in dry seasons 1. They recover fast after rain 2,3. The "
        "*Sphagnum* 7 plots and the *Bryum* 8. Spores travel far 4-6."
    )
    assert _items(tmp_path, body) == {str(n) for n in range(1, 7)}
