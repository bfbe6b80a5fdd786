"""One-letter surnames beside other names ("(O & Ng, 2014)", "(E, Li, & O, 2012)"),
told from an initial typed without its full stop ("(Smith, J, 2019)"). Made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations.item_parser import parse_group


@pytest.mark.parametrize(
    ("group", "authors"),
    [
        ("O & Ng, 2014", ("O", "Ng")),
        ("E, Li, & O, 2012", ("E", "Li", "O")),
        ("Roe and O, 2014", ("Roe", "O")),
        ("Smith, J, 2019", ("Smith",)),
        ("Lee, K, Park, J, 2020", ("Lee", "Park")),
        ("Smith, J & Lee, K, 2019", ("Smith", "Lee")),
    ],
)
def test_one_letter_surname_or_initial(group: str, authors: tuple[str, ...]) -> None:
    (work,) = parse_group(group)
    assert work.authors == authors


def test_letters_alone_are_no_names() -> None:
    assert all(len(w.authors) == 1 for w in parse_group("A & B, 2014"))


def test_one_letter_surnames_cite_their_entries(tmp_path: Path) -> None:
    md = tmp_path / "m.md"
    md.write_text(
        "# Intro\n\nSleep varies (O & Ng, 2014; E, Li, & O, 2012).\n\n# References\n\n"
        "O, K., & Ng, L. (2014). Sleep in shifts. Example Journal, 1, 1-9.\n\n"
        "E, W., Li, Q., & O, K. (2012). Sleep at sea. Example Journal, 2, 1-9.\n\n"
        "Zed, C. (2010). Never cited. Example Press.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    refs = {r.id: r for r in result.data.references}
    uncited = {refs[f.reference].raw[:3] for f in result.findings if f.rule == "uncited-reference"}
    assert uncited == {"Zed"}
    assert not [f for f in result.findings if f.code == "CIT002"]
