"""A narrative citation whose name is a slip off an otherwise uncited entry's first
author, in running text (m8).

The class: "... recorded by Burr and Jordan (1913), Audey (1952), Medway (1958)"
with the list holding Audy (1952). A narrative name and year is read WEAK (a
capitalised word before a bracketed year may be no citation), and a weak one whose
name no entry has was dropped before the step that pairs a misspelt citation with
the one uncited entry of its year a slip away -- so the entry was called "never
cited", though the same slip in brackets ("(Audey 1952)") was linked and reported as
a name mismatch. The weak reading now reaches that step too: linked when the entry
is otherwise uncited, of that year, and the only one a slip away (reported by
citation-name-mismatch, CIT007); dropped as before otherwise (no missing finding
from a weak reading).
"""

from __future__ import annotations

from pathlib import Path

from tests.listed_paper import audit_listed, citation_codes

_OTHERS = [
    "Burr M, Jordan K (1913) Earwigs of the east. Novitates 20: 1-3.",
    "Medway L (1958) Bats of the caves. Bulletin 5: 3-4.",
]


def _codes(tmp_path: Path, body: str, entries: list[str]) -> list[str]:
    return citation_codes(audit_listed(tmp_path, body, [*entries, *_OTHERS]))


def test_a_misspelt_narrative_in_a_list_of_narratives_is_the_uncited_entry(
    tmp_path: Path,
) -> None:
    entry = "Audy JR (1952) Occurrence of bats in Malaya. Bulletin 24: 133."
    body = "It was recorded by Burr and Jordan (1913), Audey (1952), Medway (1958) and others."
    assert _codes(tmp_path, body, [entry]) == ["CIT007"]


def test_a_misspelt_narrative_in_portuguese(tmp_path: Path) -> None:
    entry = "MARCHETI, A. Morcegos do cerrado. Revista Teste, v. 3, p. 1-9, 2004."
    body = (
        "Como mostraram Burr and Jordan (1913) e Medway (1958), e depois Marchetti (2004), "
        "os morcegos migram."
    )
    assert _codes(tmp_path, body, [entry]) == ["CIT007"]


def test_a_narrative_a_slip_off_an_entry_cited_as_such_stays_unlinked(tmp_path: Path) -> None:
    entry = "Audy JR (1952) Occurrence of bats in Malaya. Bulletin 24: 133."
    body = "Burr and Jordan (1913), Audy (1952) and Medway (1958) saw it; so did Audey (1952)."
    assert _codes(tmp_path, body, [entry]) == []


def test_a_narrative_a_slip_off_an_entry_of_another_year_is_dropped(tmp_path: Path) -> None:
    entry = "Audy JR (1952) Occurrence of bats in Malaya. Bulletin 24: 133."
    body = "It was recorded by Burr and Jordan (1913), Audey (1955), Medway (1958) and others."
    assert _codes(tmp_path, body, [entry]) == ["CIT001"]


def test_a_capitalised_word_before_a_year_far_from_any_name_is_dropped(tmp_path: Path) -> None:
    entry = "Audy JR (1952) Occurrence of bats in Malaya. Bulletin 24: 133."
    body = "Burr and Jordan (1913) and Medway (1958) wrote before the Census (1952) was held."
    assert _codes(tmp_path, body, [entry]) == ["CIT001"]
