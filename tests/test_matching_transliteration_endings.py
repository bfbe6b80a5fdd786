"""Cyrillic names whose ending or glide a transliteration writes its own way.

"(Vygotsky, 1978)" for an entry of "Vygotskij, L. S. (1978)" was a name mismatch, and
"(Dostoevskii, 1990)" for "Dostoyevsky, F. (1990)" a missing reference beside an
"uncited" entry: -ий is written -y, -ii, -ij or -iy, and й or the iotation of е is
written "y" between vowels or not at all (Dostoyevsky, Dostoevsky; Sergeyev, Sergeev).
An editor links them at once; no name was misspelt. Made-up entries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.transliterations import skeleton, transliterated


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("Vygotsky", "Vygotskij"),
        ("Vygotskii", "Vygotsky"),
        ("Dostoevskii", "Dostoyevsky"),
        ("Sergeyev", "Sergeev"),
        ("Tolstoy", "Tolstoj"),
        ("Lotman", "Lotman"),
    ],
)
def test_one_name_in_two_transliterations(cited: str, listed: str) -> None:
    assert skeleton(cited) == skeleton(listed)


@pytest.mark.parametrize(("cited", "listed"), [("Kennedy", "Kennedi"), ("Hansen", "Hanson")])
def test_other_names_are_not_transliterations(cited: str, listed: str) -> None:
    assert not transliterated(cited, listed)


def test_citations_of_other_transliterations_link_silently(tmp_path: Path) -> None:
    md = tmp_path / "p.md"
    md.write_text(
        "# Intro\n\nMind (Vygotsky, 1978), novels (Dostoevskii, 1990), data "
        "(Sergeyev, 2001).\n\n# References\n\n"
        "Vygotskij, L. S. (1978). Mind in society. Example Press.\n\n"
        "Dostoyevsky, F. (1990). A novel. Example Press.\n\n"
        "Sergeev, A. (2001). Data. Example Press.\n\n"
        "Roe, M. (2017). Uncited. Example Press.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    codes = sorted(f.code for f in result.findings if f.code.startswith("CIT"))
    assert codes == ["CIT001"]
