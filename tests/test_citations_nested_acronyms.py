"""O3: a body's acronym in parentheses inside the citation's own parenthesis.

"(Agency for Example Soils and Waters (AESW), 2002)": a parenthesis cannot hold another
for the group reader, so the citation went unread and the body's entry was "never
cited". Every input here is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit


def _verdict(tmp_path: Path, body: str, entries: list[str]) -> tuple[int, list[str]]:
    md = tmp_path / "article.md"
    md.write_text(
        "# Methods\n\n" + body + "\n\n# References\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    codes = sorted(f.code for f in result.findings if f.code.startswith("CIT"))
    return len(result.data.citations), codes


_MORENO = "Moreno, J., Paz, L., & Rios, T. (2019). Fencing plots. Field Notes, 3, 1-9."


@pytest.mark.parametrize(
    ("body", "entry"),
    [
        (
            "Sampled per the standard (Agency for Example Soils (AESW), 2002; Moreno et al., "
            "2019).",
            "Agency for Example Soils (AESW). (2002). Standard 12-AB. Example City.",
        ),
        (
            "Os dados vêm do censo (Instituto Nacional de Exemplo (INEX), 2010, p. 4) "
            "(MORENO et al., 2019).",
            "INSTITUTO NACIONAL DE EXEMPLO (INEX). Censo demográfico. Rio de Janeiro, 2010.",
        ),
        (
            "Los datos (véase Ministerio de Ejemplo (MinEj), s.f.) y (Moreno et al., 2019).",
            "Ministerio de Ejemplo (MinEj). (s.f.). Informe anual. https://example.org/m",
        ),
    ],
)
def test_body_with_its_acronym_inside_the_citation(tmp_path: Path, body: str, entry: str) -> None:
    citations, codes = _verdict(tmp_path, body, [entry, _MORENO])
    assert citations >= 2
    assert codes == []


def test_a_missing_body_is_reported_missing(tmp_path: Path) -> None:
    _, codes = _verdict(
        tmp_path,
        "As set (Council of Example Waters (CEW), 2011) and (Moreno et al., 2019).",
        [_MORENO],
    )
    assert codes == ["CIT002"]


def test_an_acronym_in_running_text_is_left_alone(tmp_path: Path) -> None:
    citations, _ = _verdict(
        tmp_path,
        "The Council of Example Waters (CEW) 2011 report set limits (Moreno et al., 2019).",
        [_MORENO],
    )
    assert citations == 1
