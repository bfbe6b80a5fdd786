"""A narrative citation that opens a sentence glued to the previous one's end ("in
2008.Nieman and Spears (1999) describe", as text joined from XML runs reads): the
glued token hid the first name, and the work was reported missing.

Every name here is made up.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document, summary


def test_a_name_glued_to_a_year_and_a_full_stop() -> None:
    text = "It was collected in 2007 and 2008.Nieman and Spears (1999) describe the design."
    assert summary(extract_citations(document(text))) == [(("Nieman", "Spears"), 1999, None)]


def test_a_name_glued_to_a_closing_bracket() -> None:
    text = "Both grow fast (Lee 2001).Park and Kim (2005) showed why."
    found = summary(extract_citations(document(text)))
    assert found == [(("Lee",), 2001, None), (("Park", "Kim"), 2005, None)]
