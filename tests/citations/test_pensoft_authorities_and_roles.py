"""Two shapes of taxonomic papers that hid a cited work:

* an authority with the author's initials after the name, as zoologists tell two
  authors of one name apart ("alaskaensis Wilsby M.S., 1958"): the initials stood
  between the name and the year, so nothing was read and the entry was never cited;
* a role after the names ("(FTEB editors 1952–2012)", "(Lee and Park eds 2003)"):
  the lower-case word made the names a phrase no entry has.

Every name here is made up.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document, reference, summary


def test_initials_after_an_authoritys_name() -> None:
    text = "Attheyella (Attheyella) alaskaensis Wilsby M.S., 1958, and others."
    found = extract_citations(document(text))
    assert [(c.authors, c.year, c.certainty) for c in found] == [
        (("Wilsby",), 1958, Certainty.WEAK)
    ]
    _, matches = match_citations(found, [reference(1, "Wilsby", year=1958)])
    assert [m.targets for m in matches] == [("ref-1",)]


def test_initials_of_a_country_are_no_name() -> None:
    assert extract_citations(document("Rain fell in the U.S., 2019 was wet.")) == ()


def test_a_role_after_the_names() -> None:
    text = "regions (FTEB editors 1952–2012) and keys (Lee and Park eds 2003)."
    assert summary(extract_citations(document(text))) == [
        (("FTEB",), 1952, None),
        (("Lee", "Park"), 2003, None),
    ]


def test_initials_without_a_comma_are_a_quoted_entry() -> None:
    # "Related research article Tikhon M. 2016. Title...": no authority, no citation
    text = "Related research article Tikhon M. 2016. Some title of it. eLife 5:e1."
    assert extract_citations(document(text)) == ()
