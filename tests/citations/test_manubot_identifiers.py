"""Manubot manuscripts cite persistent identifiers and tag aliases, resolved when the
manuscript is built (issue 12, review of real pandoc manuscripts: 682 false findings
in one): "[@doi:10.1/x]" is no missing reference, "[@tag:x]" cites the target its
"[@tag:x]: url:..." line defines, and that line cites nothing."""

from __future__ import annotations

import json
from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document

_TEXT = """# Intro

Widgets grow [@doi:10.5555/widget.2019; @tag:Okoro2019; @arxiv:1607.07519].
As @tag:Okoro2019 shows, [@okoro2020] too.

[@tag:Okoro2019]: url:https://example.org/okoro.pdf
"""


def test_identifiers_are_weak_and_tags_cite_their_targets() -> None:
    found = [(c.key, c.certainty) for c in extract_citations(document(_TEXT))]
    assert found == [
        ("doi:10.5555/widget.2019", Certainty.WEAK),
        ("url:https://example.org/okoro.pdf", Certainty.WEAK),
        ("arxiv:1607.07519", Certainty.WEAK),
        ("url:https://example.org/okoro.pdf", Certainty.WEAK),
        ("okoro2020", Certainty.SURE),
    ]


def test_a_manubot_manuscript_has_no_false_findings(tmp_path: Path) -> None:
    refs = [
        {
            "id": "url:https://example.org/okoro.pdf",
            "type": "report",
            "title": "Widgets",
            "author": [{"family": "Okoro", "given": "A."}],
            "issued": {"date-parts": [[2019]]},
        },
    ]
    (tmp_path / "refs.json").write_text(json.dumps(refs), encoding="utf-8")
    paper = tmp_path / "paper.md"
    paper.write_text(_TEXT, encoding="utf-8")
    findings = audit(AuditInput((paper,), (tmp_path / "refs.json",))).findings
    # okoro2020 is a plain key no entry has: still missing
    assert [(f.code, "okoro2020" in f.message) for f in findings] == [("CIT002", True)]


def test_a_key_with_a_run_of_punctuation_is_read_whole() -> None:
    found = extract_citations(document("Data [@url:https://example.org/x/y.pdf] and [@a::] too."))
    assert [c.key for c in found] == ["url:https://example.org/x/y.pdf", "a"]


def test_a_narrative_before_its_key_is_its_rendering() -> None:
    """ "Okoro et al. (2019) [@doi:10.1/x]": the key cites the work, the names are
    weak (no missing reference when the list has no Okoro)."""
    found = extract_citations(document("As Okoro et al. (2019) [@doi:10.5555/x] show."))
    assert [(c.authors, c.key, c.certainty) for c in found] == [
        (("Okoro",), None, Certainty.WEAK),
        ((), "doi:10.5555/x", Certainty.WEAK),
    ]
