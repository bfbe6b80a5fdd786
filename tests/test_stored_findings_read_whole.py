"""A stored finding is read back whole, by the model's codec, wherever it is read.

The service keeps each finding as the JSON report's finding object; the editors'
page reads it with the codec (`Repository.typed_findings`), and the fixed-file download
read it with a decoder of its own that kept only the file and line of its place: the
column, a PDF's page, a Word paragraph and its sentence were lost.
"""

from __future__ import annotations

import pytest

from citeaudit.model.codec import from_data
from citeaudit.model.finding import Applicability, Finding, Fix, Severity
from citeaudit.model.location import Location
from citeaudit.report.serialize import finding_dict
from citeaudit.service.fixed import _finding

FINDINGS = [
    Finding(
        "malformed-doi",
        "BIB003",
        Severity.ERROR,
        "DOI has the obsolete resolver",
        Location("refs.bib", 12, 5),
        reference="smith2020",
        fix=Fix("Replace the DOI", "https://doi.org/10.1000/x", Applicability.SAFE),
    ),
    Finding(
        "uncited-reference",
        "CIT001",
        Severity.WARNING,
        "never cited",
        Location("paper.docx", 21, unit="paragraph", excerpt="Smith, J. (2020). A work."),
        reference="ref-3",
    ),
    Finding("broken-link", "LNK001", Severity.ERROR, "dead", Location("paper.pdf", 4, page=7)),
]


@pytest.mark.parametrize("finding", FINDINGS, ids=lambda f: f.code)
def test_the_fixed_download_reads_a_stored_finding_as_the_codec_does(finding: Finding) -> None:
    stored = finding_dict(finding)
    assert from_data(Finding, stored) == finding
    assert _finding(stored) == finding
