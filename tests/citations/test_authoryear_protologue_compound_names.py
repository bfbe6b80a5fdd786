"""A protologue's author with a particle: "Dumont de Courset, Bot. Cult. 3: 513. 1802",
"de Candolle, Prodr. 3: 12. 1828". The place-of-publication reader took only the
last word ("Courset"), which no entry's family name is, so the protologue was
dropped and its entry "never cited". The particle and the word before it belong to
the name, as the list writes it. Made-up names and works throughout.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations

from .helpers import document, reference


def targets(text: str, *refs: object) -> list[tuple[str, ...]]:
    citations = extract_citations(document(text))
    _kept, matches = match_citations(citations, list(refs))  # type: ignore[arg-type]
    return [m.targets for m in matches if m.targets]


def test_a_compound_name_with_a_particle_cites_its_entry() -> None:
    text = "Aus bus (Pall.) Dumont de Courset, Bot. Cult. 3: 513. 1802.\n"
    assert targets(text, reference(1, "Dumont de Courset", year=1802)) == [("ref-1",)]


def test_a_name_opening_with_its_particle_cites_its_entry() -> None:
    text = "Aus cus de Candolle, Prodr. Syst. 3: 12. 1828. Type: none.\n"
    assert targets(text, reference(1, "de Candolle", year=1828)) == [("ref-1",)]
    text = "Aus dus van Haarlem, Syn. Diat. Belg. 2: 91. 1885.\n"
    assert targets(text, reference(1, "van Haarlem", year=1885)) == [("ref-1",)]


def test_a_plain_name_is_read_as_before() -> None:
    text = "Aus eus Gray, Proc. Amer. Acad. 12: 91. 1877.\n"
    assert targets(text, reference(1, "Gray", year=1877)) == [("ref-1",)]
    # a lower-case word before the name that is no particle stays out of it
    text = "named by Gray, Proc. Amer. Acad. 12: 91. 1877.\n"
    assert targets(text, reference(1, "Gray", year=1877)) == [("ref-1",)]
