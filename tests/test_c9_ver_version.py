"""Class: "(ver 25)" -- Portuguese and Spanish "see" before a number cites that entry,
but in English text "ver" is a program's version ("analysed with SPSS (ver 25)"): the
version was read as a citation of entry 25, so an entry never cited was not reported
(and a version past the list's end would be a missing work). "ver" alone is a citing
word only where the words around it are Portuguese or Spanish. Made-up papers; the
Portuguese and Spanish "(ver 25)" stay citations (the controls).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_ENTRIES = 30
_UNCITED = 25


def _paper(prose: str, sentence: str, heading: str) -> str:
    cited = [n for n in range(1, _ENTRIES + 1) if n != _UNCITED]
    body = " ".join(f"{sentence} ({n})." for n in cited)
    entries = "\n".join(
        f"{n}. Autor{chr(65 + n % 26)} X, Outro Y. Estudo {n}. Rev Teste. 20{10 + n % 10};{n}:1-9."
        for n in range(1, _ENTRIES + 1)
    )
    return f"# Intro\n\n{body}\n\n{prose}\n\n# {heading}\n\n{entries}\n"


def _uncited(tmp_path: Path, text: str) -> set[int]:
    path = tmp_path / "m.md"
    path.write_text(text)
    result = audit(AuditInput.from_paths([path]))
    index = {r.id: r.index for r in result.data.references}
    return {
        index[f.reference]
        for f in result.findings
        if f.code == "CIT001" and f.reference is not None
    }


@pytest.mark.parametrize(
    "prose",
    [
        "All data were analysed with SPSS (ver 25) and the tests were two-sided.",
        "Images were processed in the ImageJ software (ver 25) for each of the samples.",
    ],
)
def test_english_version_is_no_citation(tmp_path: Path, prose: str) -> None:
    text = _paper(prose, "This was reported before", "References")
    assert _UNCITED in _uncited(tmp_path, text)


@pytest.mark.parametrize(
    ("prose", "sentence", "heading"),
    [
        (
            "Os resultados foram semelhantes aos de outros estudos (ver 25) para a região.",
            "Isso foi descrito em outro estudo",
            "Referências",
        ),
        (
            "Los resultados fueron similares a los de otros estudios (ver 25) en la región.",
            "Esto se describió en otro estudio",
            "Referencias",
        ),
    ],
)
def test_iberian_see_still_cites(tmp_path: Path, prose: str, sentence: str, heading: str) -> None:
    text = _paper(prose, sentence, heading)
    assert _UNCITED not in _uncited(tmp_path, text)


def test_controls_without_the_version(tmp_path: Path) -> None:
    """Without the version sentence entry 25 is reported: the papers' reading holds."""
    text = _paper("All data were analysed with SPSS.", "This was reported before", "References")
    assert _UNCITED in _uncited(tmp_path, text)
