"""Fuzz: a whole offline audit -- manuscript, bibliography, rules, every writer.

Readers, extractors and the parser are fuzzed one by one elsewhere; this target
finds what only their combination breaks (the matcher, the rules, a writer meeting
what a reader let through). Property: the audit completes, unreadable files are
input problems (never exceptions), and every report format renders and encodes.
"""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import Phase
from citeaudit.report.formats import REPORTERS
from tests.fuzz import strategies as s
from tests.fuzz.harness import example, scratch

manuscripts = st.one_of(
    st.tuples(st.just(".md"), s.markdown_text),
    st.tuples(st.just(".tex"), s.latex_text),
    st.tuples(st.just(".txt"), s.plain_text),
)
bibliographies = st.one_of(
    st.tuples(st.just(".bib"), s.bibtex_text),
    st.tuples(st.just(".ris"), s.ris_text),
    st.tuples(st.just(".json"), s.csl_json_text),
)


@given(manuscripts, st.none() | bibliographies)
def test_offline_audit(manuscript: tuple[str, str], bibliography: tuple[str, str] | None) -> None:
    folder = scratch("audit")
    paper = folder / f"paper{manuscript[0]}"
    paper.write_bytes(manuscript[1].encode("utf-8", "surrogatepass"))
    bibs = []
    if bibliography is not None:
        bib = folder / f"refs{bibliography[0]}"
        bib.write_bytes(bibliography[1].encode("utf-8", "surrogatepass"))
        bibs.append(bib)
    with example("audit", manuscript, bibliography):
        result = audit(
            AuditInput((paper,), tuple(bibs)),
            skipped={Phase.RESOLUTION: "offline", Phase.LINKS: "offline"},
        )
        for name, reporter in REPORTERS.items():
            out = reporter().render(result)
            out.encode("utf-8")
            if name in ("json", "sarif"):
                json.loads(out)
