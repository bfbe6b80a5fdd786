"""A Markdown link reference definition prints nothing, nor does a footnote no text
calls: a citation in a definition's title or label, or in such a note, cites nothing,
and the entry it named is reported uncited; a definition's address is still a link (a
deceptive reference-style link is still named). (Needs r5v-markdown.diff.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

LIST = (
    "\n\n# References\n\nLee, A. (2001). A work on things. *J*, 1, 2.\n\n"
    "Smith, B. (2019). Another work. *J*, 4, 5.\n"
)


def _audit(tmp_path: Path, middle: str) -> list[str]:
    path = tmp_path / "paper.md"
    path.write_text(f"# Intro\n\nAs shown (Lee, 2001).\n\n{middle}{LIST}", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    return [f.rule for f in result.findings if f.rule in ("uncited-reference", "deceptive-link")]


@pytest.mark.parametrize(
    "middle",
    [
        'See [here][x].\n\n[x]: https://example.org "Smith (2019)"',
        "See [here][Smith (2019)].\n\n[Smith (2019)]: https://example.org",
        "See [here][x].\n\n[x]: https://example.org\n    (Smith, 2019)",
        "Text.[^a]\n\n[^a]: A note.\n\n[^b]: An uncalled note (Smith, 2019).",
    ],
    ids=["title", "label", "title-next-line", "uncalled-footnote"],
)
def test_a_definition_cites_nothing(tmp_path: Path, middle: str) -> None:
    assert _audit(tmp_path, middle) == ["uncited-reference"]


def test_text_citing_beside_definitions_still_cites(tmp_path: Path) -> None:
    middle = (
        "As (Smith, 2019) showed, see [https://doi.org/10.5555/abc][s].\n\n"
        "[s]: https://elsewhere.example/x"
    )
    assert _audit(tmp_path, middle) == ["deceptive-link"]
