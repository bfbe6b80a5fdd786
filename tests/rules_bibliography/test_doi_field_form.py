"""A BibTeX doi field holds the DOI alone: a resolver or a 'doi:' label in it is
printed and linked twice by the styles (BIB003, with the bare DOI as a safe fix)."""

from __future__ import annotations

from citeaudit.audit_data import AuditData
from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.model import Applicability, Severity
from citeaudit.rules.bibliography.malformed_doi import MalformedDoi


def findings(text: str, fmt: str = "bibtex") -> list[tuple[str, Severity, str | None]]:
    bibliography = parse_bibtex(text, "refs.bib")
    if fmt != "bibtex":
        bibliography = type(bibliography)("refs.json", fmt, bibliography.references)
    data = AuditData(manuscripts=(), bibliographies=(bibliography,), citations=(), matches=())
    out = []
    for finding in MalformedDoi().check(data):
        assert finding.fix is None or finding.fix.applicability is Applicability.SAFE
        out.append(
            (finding.reference or "", finding.severity, finding.fix and finding.fix.replacement)
        )
    return out


def test_resolver_and_label_in_a_bibtex_doi_field() -> None:
    text = (
        "@article{url, title = {A}, year = 2020, doi = {https://doi.org/10.1234/Ab.1}}\n"
        "@article{old, title = {B}, year = 2020,\n  doi = {http://dx.doi.org/10.1234/b}}\n"
        "@article{label, title = {C}, year = 2020, doi = {doi:10.1234/c}}\n"
        "@article{spaced, title = {D}, year = 2020, doi = {DOI: 10.1234/d}}\n"
        "@article{bare, title = {E}, year = 2020, doi = {10.1234/e}}\n"
        "@article{link, title = {F}, year = 2020, url = {https://doi.org/10.1234/f}}\n"
    )
    assert findings(text) == [
        ("url", Severity.WARNING, "10.1234/Ab.1"),  # case kept
        ("old", Severity.WARNING, "10.1234/b"),
        ("label", Severity.INFO, "10.1234/c"),
        ("spaced", Severity.INFO, "10.1234/d"),
    ]


def test_other_formats_keep_any_presentation() -> None:
    text = "@article{url, title = {A}, year = 2020, doi = {https://doi.org/10.1234/a}}\n"
    assert findings(text, fmt="csl-json") == []


def test_a_malformed_doi_in_a_bibtex_field_is_fixed_to_the_bare_doi() -> None:
    text = "@article{k, title = {A}, year = 2020, doi = {https://doi.org/10.1234/x\\_y}}\n"
    assert findings(text) == [("k", Severity.ERROR, "10.1234/x_y")]
