"""A superscript citation set right after a number: a year, a value, a version.

Publishers set a superscript citation after whatever the sentence ends on: "in force
since March 2004^12^", "a ratio of 0,81^7^", "scores ≥3^4,9-10^", "Analyser 6.2^5^".
The reader refused every superscript after a digit (10^6^ is a power), so in a paper
citing in superscripts each such entry was "never cited". Now, in a paper whose other
superscripts are its citation style, one after a number cites too -- never a power of
ten, a degree or isotope a letter runs on from (37^0^C), a fraction (2^1^/2), nor in
a paper that does not cite in superscripts.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import NumericExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location


def _document(text: str, entries: int) -> Document:
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(text.split("\n"), start=1))
    raws = tuple(
        RawEntry(f"Author{k} B. Paper {k}.", Location("p.md", 700 + k), f"{k}. Author{k} B.")
        for k in range(1, entries + 1)
    )
    return Document(path="p.md", format="markdown", lines=lines, reference_entries=raws)


def _cited(text: str, entries: int = 12) -> list[tuple[int, ...]]:
    return [m.numbers for m in NumericExtractor().markers(_document(text, entries))]


# cited out of the list's order (an alphabetical list): no first-citation order to read by
_STYLE = "Rivers flood often^9^. Dams hold water^2,3^. Levees break^1^. Banks erode^6^. "


def test_a_superscript_after_a_year_cites() -> None:
    text = _STYLE + "The treaty has been in force since March 2004^12^. It was renewed."
    assert _cited(text)[-1] == (12,)


def test_a_superscript_list_after_a_value_cites() -> None:
    text = _STYLE + "Items scoring ≥3^5,9-10^ were kept, with a ratio of 0,81^7^."
    assert _cited(text)[-2:] == [(5, 9, 10), (7,)]


def test_a_superscript_after_a_version_cites() -> None:
    text = _STYLE + "Data were analysed in Analyser 6.2^11^ and checked twice."
    assert _cited(text)[-1] == (11,)


def test_powers_degrees_and_fractions_are_not_citations() -> None:
    text = _STYLE + "Cells grew to 10^6^ at 37^0^C for 2^1^/2 days; 5×10^8^ were kept."
    assert _cited(text) == [(9,), (2, 3), (1,), (6,)]


def test_a_paper_not_citing_in_superscripts_reads_none() -> None:
    text = "Rivers flood often [1]. Dams hold water [2, 3]. The area was 2005^6^ ha."
    assert _cited(text) == [(1,), (2, 3)]


def test_past_the_list_a_superscript_after_a_number_is_no_missing_entry() -> None:
    # "1.587.124^48^" in a list of 12: a count's footnote as often as a citation
    text = _STYLE + "The population was 1.587.124^48^ women."
    assert _cited(text) == [(9,), (2, 3), (1,), (6,)]
