"""Fuzz: every report writer, on audits whose every string is hostile.

Property: each format renders; the output encodes as UTF-8 (a lone surrogate in one
entry must not lose the whole report); JSON and SARIF parse back; the HTML page
carries no markup from the data (everything shown is escaped).
"""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from citeaudit.audit_data import AuditData, AuditResult, Phase, PhaseStatus
from citeaudit.bibliography.interface import Bibliography, ParseProblem
from citeaudit.model import (
    Applicability,
    Citation,
    CitationKind,
    CitationMatch,
    Finding,
    Fix,
    LinkCheck,
    LinkOutcome,
    Location,
    Person,
    Reference,
    Resolution,
    ResolutionState,
    Severity,
)
from citeaudit.report.formats import REPORTERS
from citeaudit.report.serialize import to_dict
from tests.fuzz.harness import example
from tests.fuzz.strategies import hostile_text

MARKUP = "<script>x</script>"
SAMPLES = (
    MARKUP,
    "javascript:alert(1)",
    "\ud800",
    "a\x00b",
    "",
    "refs.bib",
    "x" * 2000,
    "10.1000/x",
)
# Mostly fixed hostile strings: the audit is many strings, and drawing each one
# character by character made generation slower than the writers.
text = st.one_of(st.sampled_from(SAMPLES), hostile_text)
maybe_text = st.none() | text
location = st.builds(
    Location,
    file=text,
    line=st.none() | st.integers(-5, 10**9),
    column=st.none() | st.integers(-5, 10**6),
)
reference = st.builds(
    Reference,
    id=text,
    index=st.integers(0, 10**6),
    location=location,
    raw=text,
    key=maybe_text,
    kind=maybe_text,
    authors=st.lists(st.builds(Person, family=text, given=maybe_text), max_size=3).map(tuple),
    year=st.none() | st.integers(-9999, 9999),
    year_suffix=maybe_text,
    title=maybe_text,
    container=maybe_text,
    doi=maybe_text,
    doi_raw=maybe_text,
    urls=st.lists(text, max_size=2).map(tuple),
    extra=st.lists(st.tuples(text, text), max_size=2).map(tuple),
)
fix = st.builds(
    Fix, title=text, replacement=maybe_text, applicability=st.sampled_from(Applicability)
)


@st.composite
def audit_result(draw: st.DrawFn) -> AuditResult:
    references = draw(st.lists(reference, max_size=3))
    ids = [r.id for r in references] or ["none"]
    citations = draw(
        st.lists(
            st.builds(
                Citation,
                id=text,
                text=text,
                location=location,
                kind=st.sampled_from(CitationKind),
                item=text,
                authors=st.lists(text, max_size=2).map(tuple),
            ),
            max_size=3,
        )
    )
    findings = draw(
        st.lists(
            st.builds(
                Finding,
                rule=text,
                code=st.sampled_from(("BIB002", "CIT001", "XYZ999")) | text,
                severity=st.sampled_from(Severity),
                message=text,
                location=location,
                reference=st.none() | st.sampled_from(ids) | text,
                citation=st.none() | st.sampled_from([c.id for c in citations] or ["none"]),
                url=maybe_text,
                fix=st.none() | fix,
            ),
            max_size=4,
        )
    )
    links = draw(
        st.lists(
            st.builds(
                LinkCheck,
                url=text,
                outcome=st.sampled_from(LinkOutcome),
                reason=maybe_text,
                status=st.none() | st.integers(0, 999),
                final_url=maybe_text,
                reference_ids=st.lists(st.sampled_from(ids), max_size=2).map(tuple),
            ),
            max_size=3,
        )
    )
    resolutions = {
        rid: draw(
            st.builds(
                Resolution,
                reference_id=st.just(rid),
                state=st.sampled_from(ResolutionState),
                reason=maybe_text,
            )
        )
        for rid in draw(st.lists(st.sampled_from(ids), max_size=2))
    }
    data = AuditData(
        manuscripts=(),
        bibliographies=(
            Bibliography(
                source=draw(text),
                format="bibtex",
                references=tuple(references),
                problems=tuple(
                    draw(
                        st.lists(
                            st.builds(ParseProblem, location=location, message=text), max_size=2
                        )
                    )
                ),
            ),
        ),
        citations=tuple(citations),
        matches=tuple(CitationMatch(c.id, (draw(st.sampled_from(ids)),)) for c in citations),
        resolutions=resolutions,
        links=tuple(links),
        phases=tuple(
            draw(
                st.lists(
                    st.builds(
                        PhaseStatus,
                        phase=st.sampled_from(Phase),
                        done=st.booleans(),
                        reason=maybe_text,
                    ),
                    max_size=2,
                )
            )
        ),
    )
    return AuditResult(data=data, findings=tuple(findings))


@given(audit_result(), st.sampled_from(sorted(REPORTERS)), st.booleans())
def test_every_writer(result: AuditResult, fmt: str, color: bool) -> None:
    with example(f"writer-{fmt}", fmt, color):
        out = REPORTERS[fmt]().render(result, color=color)
        out.encode("utf-8")
        if fmt in ("json", "sarif"):
            json.loads(out)
        if fmt == "html":
            assert "<script>" not in out


@given(audit_result())
def test_stored_report_data(result: AuditResult) -> None:
    """What the service stores: JSON that PostgreSQL accepts (no NUL, no lone surrogate)."""
    with example("report-data"):
        stored = json.dumps(to_dict(result), ensure_ascii=False)
        stored.encode("utf-8")
        assert "\\u0000" not in stored
