"""A status in the year slot, on both sides: "(Lindqvist et al., under review)" cites
"Lindqvist, P., ... (under review). Title." in every language and style.

Every name, title and year here is made up.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.location import Location
from citeaudit.model.publication_status import is_status
from citeaudit.model.reference import Reference
from tests.citations.helpers import document


def _entry(i: int, raw: str) -> Reference:
    return parse_reference(
        raw, id=f"ref-{i}", index=i, location=Location("p.md", i), use_model=False
    )


# (citation, entry): the same work's status written on both sides
CASES = [
    (
        "(Lindqvist et al., under review)",
        "Lindqvist, P., Oduya, R., & Marr, T. (under review). Tides of ink. Harbour Letters.",
    ),
    (
        "(Quintero and Ash, in preparation)",
        "Quintero, A., & Ash, M. (In preparation). Reed counts.",
    ),
    (
        "Varga et al. (Forthcoming)",
        "Varga, V., Hollis, N., & Pelt, A. (Forthcoming). Reading lattices. J. Lattices.",
    ),
    (
        "(Orme, Tash, & Ash, provisionally accepted)",
        "Orme, B., Tash, H., & Ash, M. (provisionally accepted). Vowel drift. Journal of Drift.",
    ),
    (
        "(Brekke et al., no date)",
        "Brekke, A. S. et al. (no date) ‘The cost of fog’, Fog Studies, 8(5).",
    ),
    ("(Kessel, submitted)", "Kessel, A. (submitted). Something quiet. Journal of Quiet."),
    ("(Ravel, in review)", "Ravel, D. (in review). Salt meadows. Coastal Notes."),
    ("(Souza, no prelo)", "SOUZA, J. (no prelo). Um rio antigo. Revista do Rio."),
    ("(Ibarra, en prensa)", "Ibarra, L. (en prensa). Un río viejo. Revista Fluvial."),
    ("(Morel, à paraître)", "Morel, C. (à paraître). Une rivière. Revue des Rivières."),
    ("(Vogel, im Druck)", "Vogel, K. (im Druck). Ein Fluss. Flusskunde."),
    # German lists abbreviate: "i. E." (im Erscheinen), "i. Dr." (im Druck)
    ("(Hoffmann, i. E.)", "Hoffmann, Lea (i. E.): Ordnungen. In: Zeitschrift für Ordnung 3."),
    ("Keller (i. Dr.)", "Keller, Ida (i. Dr.): Kanten. Berlin: Beispielverlag."),
    ("(Fabbri, in stampa)", "Fabbri, G. (in stampa). Un fiume. Rivista dei Fiumi."),
    (
        "(Tamsin, 2021; Lindqvist, in press-a)",
        "Lindqvist, P. (in press-a). Ink and salt. Harbour Letters.",
    ),
]


@pytest.mark.parametrize(("cited", "raw"), CASES)
def test_a_status_in_the_year_slot_cites_the_entry_with_that_status(cited: str, raw: str) -> None:
    ref = _entry(1, raw)
    assert ref.year is None
    assert ref.authors and not any("(" in (p.family or "") for p in ref.authors)
    _kept, found = match_citations(extract_citations(document(f"As shown {cited}.")), [ref])
    assert ("ref-1",) in [m.targets for m in found]


def test_the_entry_reads_the_author_not_the_status() -> None:
    ref = _entry(1, "Kessel, A. (submitted). Something quiet. Journal of Quiet.")
    assert [p.family for p in ref.authors] == ["Kessel"]
    chicago = _entry(2, "Lindqvist, Pia. Forthcoming. A book of small things. Chicago: Lake Press.")
    assert [p.family for p in chicago.authors] == ["Lindqvist"] and chicago.year is None


def test_a_status_word_in_a_title_is_no_status() -> None:
    ref = _entry(1, "Hale, J. (2019). Accepted practice under review boards. Ethics Now, 3.")
    assert ref.year == 2019 and not ref.no_date
    assert is_status("under review") and is_status("(No date)") and not is_status("review")


def test_a_dated_citation_does_not_cite_an_undated_entry() -> None:
    ref = _entry(1, "Kessel, A. (submitted). Something quiet. Journal of Quiet.")
    _kept, found = match_citations(extract_citations(document("As shown (Kessel, 2019).")), [ref])
    assert [m.targets for m in found] == [()]


def test_unpublished_data_is_no_year() -> None:
    found = extract_citations(document("As seen (Kessel and Ravel, unpublished data)."))
    assert not is_status("unpublished") and found == ()
