"""A citation of one year of a work published over a span of years (made-up entries)."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference

_RAW = "Quarn OP, Velt AA (1971–77) Fictional flies. In: Doe E (Ed.) Flies. Press, 1–9."


def _match(text: str, raw: str = _RAW) -> tuple[tuple[str, ...], tuple[str, ...]]:
    refs = [reference(1, "Quarn", "Velt", year=1971, raw=raw)]
    cits = extract_citations(document(text))
    _, matches = match_citations(cits, refs)
    return matches[0].targets, matches[0].year_mismatch


def test_a_year_inside_the_span_cites_the_work() -> None:
    assert _match("Flies differ (Quarn and Velt 1974: 349).") == (("ref-1",), ())
    assert _match("Flies differ (Quarn and Velt 1977).")[0] == ("ref-1",)


def test_a_year_outside_the_span_is_a_mismatch() -> None:
    assert _match("Flies differ (Quarn and Velt 1979).") == ((), ("ref-1",))
    assert _match("Flies differ (Quarn and Velt 1969).") == ((), ("ref-1",))


def test_a_span_in_the_title_does_not_stretch_the_year() -> None:
    raw = "Quarn OP, Velt AA (1971) Flies of the years 1971–1990. Press."
    assert _match("Flies differ (Quarn and Velt 1980).", raw) == ((), ("ref-1",))


def test_a_pending_work_is_not_a_dated_entry_with_a_wrong_year() -> None:
    raw = "Quarn OP, Velt AA (2008) Older flies. Journal of Flies 3: 1–9."
    for text in (
        "Flies differ (Quarn and Velt, in prep.).",
        "Flies differ (Quarn et al. submitted).",
    ):
        assert _match(text, raw) == ((), ())
    assert _match("Flies differ (Quarn and Velt, in press).", raw) == ((), ("ref-1",))
