"""The citation cap changes nothing before it, and counts exactly what lies past it.

Class: an audit reads `max_citations` citations at most (`extract_at_most`); the
markers past the cap are counted, not made -- held and let go, or, once the held ones
fill the cap, counted as they arrive (`_Held`'s horizon), and an extractor that can
(`CountsPastCap`) counts them without making their citations at all. Whatever way a
marker past the cap is counted, the audit must read the same first citations, report
the same number of unread ones and the same place where they begin, as a reading of
every citation cut at the cap would. Checked at many caps (a cap between markers and
inside a marker of several citations; a cap of none; a cap past the last citation) on
manuscripts written in several styles and languages: narratives with one year and with
several ("Okafor (2019a, 2019b)"), groups of several works, "et al.", "ders.", an
acronym defined before use ("(Ministry of Fisheries [MoF], 2018)" then "(MoF, 2018)"),
years read through another work ("apud"), a funding statement, numbers and Pandoc keys
between them, in Markdown, plain text and LaTeX.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.manuscript.citations import extract_at_most, extract_citations
from citeaudit.manuscript.document import Document
from tests.citations.helpers import document

_MARKDOWN_PARAGRAPH = (
    "Okafor (2019a, 2019b) and Lindqvist & Haar (2011) report it [3], as do others "
    "(Rossi, 2001; Tanaka & Ito, 2003; Abebe et al., 2015). The Ministry of Fisheries "
    "[MoF] (2018) agrees (Ministry of Fisheries [MoF], 2018), and later (MoF, 2018) and "
    "[@vargas2020]. Goodman and Sorj (1985 apud Lemos, 2008) saw it; so did Brandt "
    "(2004, p. 12) (Müller 2001; ders. 2005).\n\n"
)
_PORTUGUESE_PARAGRAPH = (
    "Segundo Silva (2014 apud Oliveira, 2016), o efeito persiste (Costa; Lima, 2010). "
    "Pereira et al. (2017) e Santos (2012a, 2012b) discordam [4, 5].\n\n"
)
_TEXT_PARAGRAPH = (
    "As Nakamura and Berg (2009) showed (Chen 2018, Okafor et al. 2001), the data [2-4] "
    "hold; Dubois (1999) disagrees (Haddad, 2020; Haddad, 2021).\n\n"
)
_LATEX_PARAGRAPH = (
    "As \\citet{kim2019} and \\citep[p.~3]{lee2020,ng2021} show, Smith (2020) holds "
    "(Chen, 2018).\n\n"
)


def _markdown(paragraphs: int) -> Document:
    body = "".join(
        _MARKDOWN_PARAGRAPH if i % 3 else _PORTUGUESE_PARAGRAPH for i in range(paragraphs)
    )
    funding = "## Funding\n\nThis work received grants from Novartis (2019) (Brasil, 2017).\n"
    return document(body + funding)


def _text(paragraphs: int) -> Document:
    return document(_TEXT_PARAGRAPH * paragraphs, fmt="text", path="paper.txt")


def _one_line(paragraphs: int) -> Document:
    """The paragraphs on one line, as a manuscript exported without line breaks."""
    return document((_MARKDOWN_PARAGRAPH + _PORTUGUESE_PARAGRAPH).replace("\n", " ") * paragraphs)


def _latex(paragraphs: int) -> Document:
    return document(_LATEX_PARAGRAPH * paragraphs, fmt="latex", path="paper.tex")


MANUSCRIPTS = {
    "markdown": _markdown,
    "text": _text,
    "one-line": _one_line,
    "latex": _latex,
}


def _caps(total: int) -> list[int]:
    return sorted({0, 1, 2, 3, 5, 8, 13, *range(21, total, 17), total - 1, total, total + 1})


@pytest.mark.parametrize("name", sorted(MANUSCRIPTS))
def test_the_cap_keeps_the_first_citations_and_counts_the_rest(name: str) -> None:
    doc = MANUSCRIPTS[name](24)
    every = extract_citations(doc)
    assert len(every) > 60, "the manuscript must hold citations well past the caps tried"
    for cap in _caps(len(every)):
        got = extract_at_most(doc, cap)
        assert got.citations == every[:cap], f"cap {cap}"
        assert got.unread == max(len(every) - cap, 0), f"cap {cap}"
        expected = every[cap].location if cap < len(every) else None
        assert got.first_unread == expected, f"cap {cap}"


@pytest.mark.parametrize("name", sorted(MANUSCRIPTS))
def test_no_cap_reads_every_citation(name: str) -> None:
    doc = MANUSCRIPTS[name](6)
    got = extract_at_most(doc, None)
    assert got.citations == extract_citations(doc)
    assert got.unread == 0 and got.first_unread is None


def test_an_acronym_defined_before_the_cap_names_its_citations_before_it() -> None:
    """'(MoF, 2018)' takes the defining citation's names, with a cap or without."""
    doc = _markdown(9)
    every = extract_citations(doc)
    by_acronym = [i for i, c in enumerate(every) if c.authors == ("Ministry of Fisheries [MoF]",)]
    assert len(by_acronym) > 4
    for cap in (by_acronym[1] + 1, by_acronym[3] + 1, by_acronym[-1]):
        kept = extract_at_most(doc, cap).citations
        assert [c.authors for c in kept] == [c.authors for c in every[:cap]]


@pytest.mark.parametrize("name", sorted(MANUSCRIPTS))
def test_the_audit_reports_where_unread_citations_begin(tmp_path: Path, name: str) -> None:
    """The finding the cap makes: how many were not read and from where."""
    doc = MANUSCRIPTS[name](16)
    suffix = {"markdown": ".md", "text": ".txt", "one-line": ".md", "latex": ".tex"}[name]
    path = tmp_path / f"paper{suffix}"
    text = doc.text
    if name == "latex":
        text = f"\\documentclass{{article}}\n\\begin{{document}}\n{text}\n\\end{{document}}\n"
    path.write_text(text, encoding="utf-8")
    whole = read_inputs(AuditInput((path,), ()))
    every = extract_citations(whole.manuscripts[0])
    assert len(every) > 40
    for cap in (1, 17, len(every) // 2, len(every) - 1):
        data = read_inputs(AuditInput((path,), ()), max_citations=cap)
        problems = [p for p in data.input_problems if "were not read" in p.message]
        assert len(problems) == 1, f"cap {cap}"
        assert problems[0].message.startswith(f"{len(every) - cap:,} citations from here on")
        assert problems[0].location == every[cap].location
    data = read_inputs(AuditInput((path,), ()), max_citations=len(every))
    assert not [p for p in data.input_problems if "were not read" in p.message]
