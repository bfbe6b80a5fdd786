"""A cited name that is the listed one re-spelt: one name mismatch, not two false alarms.

Each case is a citation whose name differs from its entry's the way authors slip or
re-spell (two letters swapped, a particle kept, Souza for Sousa, one half of a double
surname), the same year, and one such entry: an editor links it, so the audit reports
one citation-name-mismatch (CIT007) and neither uncited-reference nor
missing-reference. The guards: two entries near, another year, another letter after
the year, or a short name changed otherwise, and nothing is linked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.matching.names import one_typo, respelt
from tests.listed_paper import abnt_codes as _codes


@pytest.mark.parametrize(
    ("sentence", "entry"),
    [
        # two letters swapped in a six-letter name
        ("conforme Bratno (2011)", "BRANTO, L. Ondas. Natal: Ed. Sal, 2011."),
        # a particle kept in the text, and a slip in the name after it
        ("conforme de Oliviera (2011)", "OLIVEIRA, L. Ondas. Natal: Ed. Sal, 2011."),
        # z for s, doubled or single letters, Mac for Mc: short names re-spelt
        ("segundo dados (SOUZA, 2011)", "SOUSA, L. Ondas. Natal: Ed. Sal, 2011."),
        ("conforme Mello (2011)", "MELO, L. Ondas. Natal: Ed. Sal, 2011."),
        ("as MacKay (2011) shows", "McKay, L. (2011). Waves. Sea Press."),
        # one half of a double surname, spaced or hyphened
        ("según Quintero (2011)", "Torralba Quintero, L. (2011). Olas. Ed. Sal."),
        ("según (Quintero, 2011)", "Torralba-Quintero, L. (2011). Olas. Ed. Sal."),
    ],
)
def test_a_re_spelt_name_is_one_name_mismatch(tmp_path: Path, sentence: str, entry: str) -> None:
    assert _codes(tmp_path, sentence, entry) == ["CIT007"]


@pytest.mark.parametrize(
    ("sentence", "entries"),
    [
        # two entries of that year near the cited name: no guess between them
        (
            "conforme Bratno (2011)",
            ("BRANTO, L. Ondas. Natal: Ed. Sal, 2011.", "BRATNOW, P. Mares. Natal: Ed. Sal, 2011."),
        ),
        (
            "segundo dados (SOUZA, 2011)",
            ("SOUSA, L. Ondas. Natal: Ed. Sal, 2011.", "SOUSSA, P. Mares. Natal: Ed. Sal, 2011."),
        ),
        (
            "según Quintero (2011)",
            (
                "Torralba Quintero, L. (2011). Olas. Ed. Sal.",
                "Peláez Quintero, M. (2011). Mareas. Ed. Sal.",
            ),
        ),
        # another year: a missing work, not a slip of the name
        ("conforme Bratno (2012)", ("BRANTO, L. Ondas. Natal: Ed. Sal, 2011.",)),
        ("según Quintero (2012)", ("Torralba Quintero, L. (2011). Olas. Ed. Sal.",)),
        # another letter after the year
        ("conforme (SOUZA, 2011a)", ("SOUSA, L. Ondas. Natal: Ed. Sal, 2011b.",)),
        # a short name changed in a letter no spelling habit explains
        ("conforme (LINA, 2011)", ("LIMA, L. Ondas. Natal: Ed. Sal, 2011.",)),
        # the first half is no fit for a name ending the same way
        ("según (Marquezini, 2011)", ("Torralba Quintero, L. (2011). Olas. Ed. Sal.",)),
    ],
)
def test_no_link_without_one_near_entry_of_that_year(
    tmp_path: Path, sentence: str, entries: tuple[str, ...]
) -> None:
    assert "CIT007" not in _codes(tmp_path, sentence, *entries)


def test_an_entry_with_the_name_as_written_wins_over_a_near_one(tmp_path: Path) -> None:
    """SOUZA listed under another year: the citation is a year question, not a
    re-spelling of SOUSA."""
    codes = _codes(
        tmp_path,
        "segundo dados (SOUZA, 2011)",
        "SOUSA, L. Ondas. Natal: Ed. Sal, 2011.",
        "SOUZA, P. Mares. Natal: Ed. Sal, 2008.",
    )
    assert "CIT007" not in codes


def test_the_name_mismatch_for_half_a_surname_names_the_whole(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(
        "# Estudio\n\nSegún Quintero (2011), las olas crecen.\n\n## Referencias\n\n"
        "Torralba Quintero, L. (2011). Olas. Ed. Sal.\n",
        encoding="utf-8",
    )
    [finding] = audit(AuditInput(manuscripts=(path,))).findings
    assert finding.code == "CIT007"
    assert "Torralba Quintero" in finding.message and "part" in finding.message
    assert finding.fix is not None and "Torralba Quintero" in finding.fix.title


def test_spelling_habits_fold_only_their_letters() -> None:
    assert respelt("souza", "sousa")
    assert respelt("mello", "melo")
    assert respelt("mackay", "mckay")
    assert respelt("felippe", "filipe") is False  # e for i is no habit of these
    assert respelt("lima", "lina") is False
    assert respelt("souza", "souza") is False  # the same spelling is no re-spelling


def test_one_letter_doubled_is_a_habit_two_different_doubles_are_not() -> None:
    assert respelt("mattos", "matos")
    assert respelt("zanella", "zanela")
    # two different letters doubled at two places: another vowel, not a habit
    assert respelt("baiin", "baain") is False
    assert respelt("backk", "baack") is False
    assert respelt("baiyn", "baain") is False


def test_two_swapped_letters_are_one_typo() -> None:
    assert one_typo("bratno", "branto")
    assert not one_typo("bratno", "brnato")
