"""Marking an entry's problems in its text as written.

A finding points at part of the entry when it names a URL or DOI the entry contains,
quotes a piece of it ('…'), or is about its year or title. Those spans become marked
segments; overlapping marks merge and keep the worst severity. The template prints
segments with autoescaping, so the entry's text is never markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from citeaudit.model.finding import Finding
from citeaudit.model.reference import Reference

RANK = {"error": 3, "warning": 2, "info": 1}
_QUOTED = re.compile(r"'([^']{4,200})'")
_DOI_URL = re.compile(r"^https?://(?:dx\.|www\.)?doi\.org/", re.IGNORECASE)
_YEAR_CODES = frozenset({"REG003", "CIT004"})
_TITLE_CODES = frozenset({"REG004", "REG002"})
# messages that quote the entry itself (others quote the registry's record)
_QUOTES_ENTRY = frozenset({"BIB002", "BIB003", "REG006"})


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    severity: str | None = None  # None: unmarked text
    codes: str = ""  # the findings' codes, for the mark's title


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    severity: str
    code: str


def _candidates(finding: Finding, reference: Reference) -> Iterable[str]:
    url = finding.url
    if url:
        yield url
        bare = _DOI_URL.sub("", url)
        if bare != url:
            yield bare
    code = finding.code
    if code in _QUOTES_ENTRY:
        yield from _QUOTED.findall(finding.message)
    if code in _YEAR_CODES and reference.year is not None:
        yield f"{reference.year}{reference.year_suffix or ''}"
    if code in _TITLE_CODES and reference.title:
        yield reference.title


def _find(raw: str, lowered: str, needle: str) -> tuple[int, int] | None:
    needle = needle.strip()
    if len(needle) < 4 and not needle.isdigit():
        return None
    at = lowered.find(needle.lower())
    return (at, at + len(needle)) if at >= 0 else None


def spans_for(raw: str, reference: Reference, findings: Sequence[Finding]) -> list[_Span]:
    lowered = raw.lower()
    spans: list[_Span] = []
    for finding in findings:
        for needle in _candidates(finding, reference):
            found = _find(raw, lowered, needle)
            if found is not None:
                spans.append(_Span(*found, finding.severity.value, finding.code))
                break
    return spans


def segments(raw: str, reference: Reference, findings: Sequence[Finding]) -> tuple[Segment, ...]:
    spans = sorted(spans_for(raw, reference, findings), key=lambda s: (s.start, -s.end))
    out: list[Segment] = []
    at = 0
    i = 0
    while i < len(spans):
        start, end = spans[i].start, spans[i].end
        severity, codes = spans[i].severity, [spans[i].code]
        i += 1
        while i < len(spans) and spans[i].start < end:  # overlapping: one mark
            end = max(end, spans[i].end)
            if RANK[spans[i].severity] > RANK[severity]:
                severity = spans[i].severity
            codes.append(spans[i].code)
            i += 1
        start = max(start, at)
        if start > at:
            out.append(Segment(raw[at:start]))
        if end > start:
            out.append(Segment(raw[start:end], severity, ", ".join(dict.fromkeys(codes))))
        at = max(at, end)
    if at < len(raw):
        out.append(Segment(raw[at:]))
    return tuple(out)
