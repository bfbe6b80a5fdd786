"""Names and years in funding, conflict-of-interest and thanks statements are no
citations unless an entry says so: "JS received grants from Novartis (2019)",
"Supported by CNPq (Brasil, 2017)" were missing works in the back matter of every
journal article. A real work cited there ("Harris et al. (1985)") still counts.

Every name, grant and title here is made up.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.statements import statement_spans
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference

_REFS = [reference(1, "Tamura", year=2020), reference(2, "Okoro", year=2016)]


def _kept(text: str, fmt: str = "markdown") -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    kept, matches = match_citations(extract_citations(document(text, fmt)), _REFS)
    return [(c.authors, m.targets) for c, m in zip(kept, matches, strict=True)]


@pytest.mark.parametrize(
    "text",
    [
        "Body (Tamura, 2020).\n\n## Funding\n\nSupported by Zenfa (Brasil, 2017).",
        "Body (Tamura, 2020).\n\n## Conflicts of interest\n\nJS has grants (Novarta, 2019).",
        "Body (Tamura, 2020).\n\n**Agradecimentos**\n\nÀ Fundação (Brasil, 2017).",
        "Body (Tamura, 2020).\n\nFunding: Zenfa grant (Brasil, 2017).",
        "Body (Tamura, 2020).\n\nConflito de interesses: honorários (Farmax, 2018).",
    ],
)
def test_a_name_and_year_in_a_statement_is_no_missing_work(text: str) -> None:
    assert _kept(text) == [(("Tamura",), ("ref-1",))]


def test_a_work_an_entry_confirms_still_counts_inside_a_statement() -> None:
    text = "## Acknowledgements\n\nWe follow the maps of (Okoro, 2016) and Vance et al. (1985)."
    assert _kept(text) == [(("Okoro",), ("ref-2",)), (("Vance",), ())]


def test_the_section_ends_at_the_next_heading() -> None:
    text = "## Funding\n\nSupported by Zenfa.\n\n## Discussion\n\nAs argued (Brasil, 2017)."
    assert _kept(text) == [(("Brasil",), ())]


def test_a_word_document_statement_ends_at_a_short_heading_line() -> None:
    text = "Funding\nSupported by Zenfa (Brasil, 2017).\nDiscussion\nAs argued (Brasil, 2018)."
    assert _kept(text, fmt="docx") == [(("Brasil",), ())]


def test_a_statement_section_is_bounded_whatever_follows() -> None:
    filler = "Thanks to many people who helped. " * 200
    text = f"## Funding\n\n{filler}\n\nAs argued (Brasil, 2017)."
    spans = statement_spans(document(text))
    assert spans and spans[0][1] < text.index("As argued")
    assert _kept(text) == [(("Brasil",), ())]


def test_body_text_that_only_mentions_funding_is_no_statement() -> None:
    text = "Funding decisions matter (Brasil, 2017). Disclosure rules (Brasil, 2018) too."
    assert statement_spans(document(text)) == []
