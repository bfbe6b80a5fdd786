"""Where a manuscript's statements stand: funding, conflicts of interest, thanks.

Why: "JS received grants from Novartis (2019)", "Supported by CNPq (Brasil, 2017)",
"We thank Maria Lopes (2016 fieldwork)" hold names and years that are no citations;
read as citations they were "missing" works in every journal's back matter. Inside a
statement an author-year citation is kept only when an entry confirms it (WEAK): a
real work cited there still links, a grant's year never becomes a missing reference.

A statement is a paragraph under a heading that names one ("## Funding", "Conflicts
of interest", "Agradecimentos") until the next heading (a short unpunctuated line
counts as one) and at most a few thousand characters, or a paragraph opening with
such a label ("Funding: ...", "Conflito de interesses: ..."). Lines are looked at
once each, with one anchored pattern: linear in the manuscript.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeaudit.manuscript.document import Document, Line

_LABEL = re.compile(
    r"[ \t]*+(?:#{1,6}[ \t]*+)?[*_]*+[ \t]*+(?:\d++(?:\.\d++)*+\.?[ \t]++)?"
    r"(?:conflicts?[ \t]+of[ \t]+interests?|competing[ \t]+interests?|"
    r"declarations?[ \t]+of[ \t]+(?:competing[ \t]+)?interests?|disclosures?|"
    r"funding(?:[ \t]+(?:sources?|information|statement))?|financial[ \t]+(?:support|disclosures?)|"
    r"sources?[ \t]+of[ \t]+funding|acknowledge?ments?|"
    r"author(?:s['’]?)?[ \t]+contributions?|"
    r"conflitos?[ \t]+de[ \t]+interesses?|financiamento|apoio[ \t]+financeiro|"
    r"fontes?[ \t]+de[ \t]+financiamento|agradecimentos?|"
    r"contribui[çc][õo]es[ \t]+d[oa]s[ \t]+autor[ea]s|"
    r"conflictos?[ \t]+de[ \t]+inter[ée]s(?:es)?|financiaci[óo]n|agradecimientos?|"
    r"fuentes?[ \t]+de[ \t]+financiaci[óo]n|contribuci[óo]n[ \t]+de[ \t]+los[ \t]+autores)"
    r"[*_]*+[ \t]*+(?P<rest>[:.—–]?)",
    re.IGNORECASE,
)
_HEADING_TAIL = re.compile(r"[\s*_:.]*+")
_MARKDOWN_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]")
# A line short enough, and unpunctuated, to be a heading ("**Results**" in Markdown).
_SHORT_HEADING = 60
# A statement section ends by this many characters at most, whatever follows: a
# heading the reader did not see as one must not turn the rest of a paper into thanks.
_LONGEST = 3000


def statement_spans(document: Document) -> list[tuple[int, int]]:
    """(start, end) offsets into `document.text` of the statements, in order."""
    spans: list[tuple[int, int]] = []
    offset = 0
    section_start: int | None = None
    markdown = document.format == "markdown"
    # A PDF's lines are the printed lines: in a narrow column most are short and many
    # stop on a word ("All authors would like to thank the Software"), so a short
    # unpunctuated line is a heading there only when set apart, a blank line (the
    # reader's paragraph break) before it and after it.
    pdf = document.format == "pdf"
    lines = document.lines
    for k, line in enumerate(lines):
        text = line.text
        end = offset + len(text)
        label = _LABEL.match(text)
        heading = _is_heading(text, markdown) and (
            not pdf or _set_apart(lines[k - 1].text if k else "", lines, k)
        )
        if label is not None and _HEADING_TAIL.fullmatch(text, label.end()):
            if section_start is not None:
                spans.append((section_start, offset))
            section_start = end  # a statement's heading: its section follows
        elif section_start is not None and (heading or end - section_start > _LONGEST):
            spans.append((section_start, offset))
            section_start = None
        elif label is not None and label.group("rest") and section_start is None:
            spans.append((offset, end))  # "Funding: ..." -- this paragraph
        offset = end + 1
    if section_start is not None:
        spans.append((section_start, offset))
    return spans


def _set_apart(before: str, lines: Sequence[Line], k: int) -> bool:
    """A blank line (or the document's edge) before and after line `k`."""
    after = lines[k + 1].text if k + 1 < len(lines) else ""
    return not before.strip() and not after.strip()


def _is_heading(text: str, markdown: bool) -> bool:
    if markdown and _MARKDOWN_HEADING.match(text) is not None:
        return True
    stripped = text.strip(" \t*_")
    return 0 < len(stripped) <= _SHORT_HEADING and stripped[-1] not in '.,;:!?)"”'
