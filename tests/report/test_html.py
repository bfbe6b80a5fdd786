from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from citeaudit.audit_data import AuditResult
from citeaudit.model import Finding, Location, Reference, Severity
from citeaudit.report.html import HtmlReporter

from .builders import SCRIPT, make_result

VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "col", "area", "base"}


@dataclass
class Page(HTMLParser):
    """The parts of a page the tests look at, and a check that tags nest properly."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def attrs(self, name: str) -> list[str]:
        return [a[name] or "" for _t, a in self.tags if name in a]

    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_page_is_well_formed_and_accessible(result: AuditResult) -> None:
    html = HtmlReporter().render(result)
    assert html.lstrip().startswith("<!DOCTYPE html>")
    page = parse(html)
    assert page.errors == [] and page.stack == []
    assert ("html", {"lang": "en"}) in page.tags
    names = [t for t, _a in page.tags]
    assert names.count("h1") == 1 and names.count("title") == 1
    assert names.count("h2") >= 3
    headers = [a for t, a in page.tags if t == "th"]
    assert headers and all(a.get("scope") == "col" for a in headers)
    assert "caption" in names
    # every fragment link points at an element that exists
    ids = set(page.attrs("id"))
    for href in page.attrs("href"):
        if href.startswith("#"):
            assert href[1:] in ids, href


def test_entries_are_escaped(result: AuditResult) -> None:
    html = HtmlReporter().render(result)
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    page = parse(html)
    assert "script" not in [t for t, _a in page.tags]
    # the entry as written is shown, decoded back to exactly what the user wrote
    assert f"@misc{{evil, title={{Tom & Jerry {SCRIPT}}}}}" in page.all_text()


def test_self_contained_no_external_assets_or_scripts(result: AuditResult) -> None:
    html = HtmlReporter().render(result)
    page = parse(html)
    names = [t for t, _a in page.tags]
    assert "style" in names
    assert "link" not in names and "img" not in names and "iframe" not in names
    assert page.attrs("src") == [] and "src=" not in html
    assert not any(k.startswith("on") for _t, a in page.tags for k in a)
    entry_links = {"https://doi.org/10.1000/xyz", "https://example.org/things"}
    external = {h for h in page.attrs("href") if not h.startswith("#")}
    assert external == entry_links
    assert "javascript:" not in "".join(page.attrs("href"))
    assert "javascript:alert(1)" in page.all_text()  # still shown, as text


def test_summary_counts_and_phases(result: AuditResult) -> None:
    text = parse(HtmlReporter().render(result)).all_text()
    assert "3 references, 3 citations — 3 errors, 3 warnings, 1 info" in text
    for label, count in (("references", 3), ("citations", 3), ("errors", 3), ("warnings", 3)):
        assert f"{label} {count}" in text, label
    assert "info 1" in text
    assert "offline checks: done" in text
    assert "resolution: not done (--offline)" in text
    assert "links: done" in text


def test_findings_grouped_by_reference_then_citations_then_table(result: AuditResult) -> None:
    text = parse(HtmlReporter().render(result)).all_text()
    by_ref = text.index("Findings by reference")
    smith = text.index("[1] Smith, 2019")
    lee = text.index("[2] Lee & Park, 2020a")
    on_citations = text.index("Findings on citations")
    table = text.index("All references")
    assert by_ref < smith < lee < on_citations < table
    # a reference's findings and fixes sit under it, worst first
    lee_part = text[lee:on_citations]
    assert lee_part.index("ambiguous-citation") < lee_part.index("doi-missing")
    assert "Fix: Add the DOI 10.5555/lee" in lee_part
    smith_part = text[smith:lee]
    assert "@article{smith2019" in smith_part
    assert "Fix: Change the year to 2019" in smith_part
    assert "Citation as written: (Smith, 2018)" in smith_part
    # the citation-level finding is under citations, not under a reference
    citation_part = text[on_citations:table]
    assert "(Jones, 2020) matches no entry" in citation_part
    assert "(Jones, 2020) matches no entry" not in text[by_ref:on_citations]
    # findings about neither (unreadable entry) still appear
    assert "this entry could not be read" in text[on_citations:table]


def test_reference_table_lists_every_reference(clean_result: AuditResult) -> None:
    page = parse(HtmlReporter().render(clean_result))
    text = page.all_text()
    assert "No problems found in 3 references and 3 citations." in text
    rows = [a for t, a in page.tags if t == "tr"]
    assert len(rows) == 1 + 3  # header + one per reference
    assert "No finding concerns a particular reference." in text
    assert "On Things" in text and "Lee & Park, 2020a" in text
    assert "https://doi.org/10.1000/xyz" in page.attrs("href")


def test_nothing_checked_is_not_a_clean_bill(empty_result: AuditResult) -> None:
    html = HtmlReporter().render(empty_result)
    text = parse(html).all_text()
    assert "Nothing was checked" in text
    assert "No problems found" not in text
    assert "PASS" not in text.upper()
    assert 'class="headline unchecked"' in html


def test_doi_with_odd_characters_is_quoted_in_the_link() -> None:
    odd = Reference(
        id="odd", index=1, location=Location("refs.bib", 1), raw="x", doi='10.1002/(sici)"<x>'
    )
    finding = Finding("r", "X001", Severity.INFO, "m", Location("refs.bib", 1), reference="odd")
    page = parse(HtmlReporter().render(make_result(refs=(odd,), found=(finding,))))
    hrefs = [h for h in page.attrs("href") if "doi.org" in h]
    assert hrefs == ["https://doi.org/10.1002/(sici)%22%3Cx%3E"] * 2
