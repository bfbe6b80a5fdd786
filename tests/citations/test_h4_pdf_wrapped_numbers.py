"""Numbers that a PDF's line ends put on other lines than the words that explain them.

A PDF gives its paragraphs line by line, so a rule of the numeric extractor that
looks at "the line" sees a fragment of a sentence. Found by printing the fresh corpus
in two columns (benches/pdf.py, the PDF helper); fixed in numeric.py as its report
proposed (the paragraph, not the line; the line's end before a month):

- an enumeration "(1) ..., (2) ..., and (3) ..." whose items stand on three printed
  lines is no enumeration for `numeric._enumeration` (it wants "(1)" and "(2)" on one
  line): each item counts as a round-bracket citation, and six such items turned a
  bracket-citing article (20 entries) into a "round bracket" one -- its equation
  numbers "(21)", "(22)" then cited missing entries (hindawi/pmc2775679 in 2 columns);
- a date's day set before its month ("COSTA RICA. 15 Nov 1990", in one line or cut
  after the day) reads as a flattened superscript ('spaced'), and a Pensoft
  author-year paper's specimen lists made 'spaced' its numeric style: "15", "7",
  "16" linked to entries of an author-year list (phytokeys-29-4937).

Made-up text."""

from __future__ import annotations

from citeaudit.manuscript.citations.numeric import NumericExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location


def _document(body: list[str], entries: list[str]) -> Document:
    lines = tuple(Line("paper.pdf", i + 1, text, page=1) for i, text in enumerate(body))
    raw = tuple(
        RawEntry(text=text, location=Location("paper.pdf", k + 1, page=2), raw=text)
        for k, text in enumerate(entries)
    )
    return Document("paper.pdf", "pdf", lines, reference_entries=raw)


NUMBERED = [
    f"{k}. Quorrel A. Invented work number {k}. Made-up J. 2001;{k}:1-9." for k in range(1, 7)
]

BRACKET_PAPER = [
    "Selection leaves marks in a genome [1], in its codons [2] and in",
    "its made-up spectra [3].",
    "",
    "The model makes the following assumptions: (1) nonoverlapping",
    "generations, (2) constant population size in",
    "each generation, and (3) random mating.",
    "",
    "The probability follows from (4) and, as shown above, from (5).",
]


def test_the_unwrapped_enumeration_cites_nothing_in_round_brackets() -> None:
    # the same paragraphs one line each, as Markdown gives them: the control
    joined = ["".join(BRACKET_PAPER[:2]), "", " ".join(BRACKET_PAPER[3:6]), "", BRACKET_PAPER[7]]
    cited = {c.text for c in NumericExtractor().extract(_document(joined, NUMBERED))}
    assert not {"(1)", "(2)", "(3)", "(4)", "(5)"} & cited


def test_an_enumeration_over_printed_lines_is_no_round_bracket_citation() -> None:
    cited = {c.text for c in NumericExtractor().extract(_document(BRACKET_PAPER, NUMBERED))}
    assert not {"(1)", "(2)", "(3)", "(4)", "(5)"} & cited


AUTHOR_YEAR = [
    "Quorrel A (1995) An invented checklist of made-up bromeliads. Selbyana 16: 230-234.",
    "Quorrel A (2003) Invented taxa. Brittonia 54: 279-285.",
    *(
        f"Brantwell B{k} ({1990 + k}) Invented flora part {k}. Made-up Bot. {k}: 1-9."
        for k in range(12)
    ),
]
SPECIMENS = [
    f"Representative Collections—COSTA RICA. {day} {month} {1960 + day}, Skotak {day} (INB)."
    for day, month in zip(range(1, 13), ["Jan", "Feb", "Mar", "Apr", "May", "Jun"] * 2, strict=True)
]


def test_a_days_number_before_its_month_is_no_citation() -> None:
    # fixed in numeric._spaced_plain by H1 (987f568): the day and its month on one line
    body = ["Both species are invented (Quorrel 1995, 2003).", "", *SPECIMENS]
    numeric = NumericExtractor().extract(_document(body, AUTHOR_YEAR))
    assert numeric == []


def test_a_days_number_cut_from_its_month_by_the_line_end_is_no_citation() -> None:
    body = ["Both species are invented (Quorrel 1995, 2003).", ""]
    for line in SPECIMENS:
        head, month, tail = _cut_after_day(line)
        body.extend([head, f"{month} {tail}"])
    numeric = NumericExtractor().extract(_document(body, AUTHOR_YEAR))
    assert numeric == []


def _cut_after_day(line: str) -> tuple[str, str, str]:
    """ "... RICA. 3 Mar 1963, ..." as a PDF prints it in a narrow column: the line
    ends after the day, the month opens the next."""
    head, _, rest = line.partition("RICA. ")
    day, month, tail = rest.split(" ", 2)
    return f"{head}RICA. {day}", month, tail
