"""A replacement a stranger chose (a redirect's Location, a registry's DOI) is written
only when the edited entry reads back, with citeaudit's own reader, with that field
equal to the value meant and every other field as it was: a value that closes its
field and opens another is refused with the reason, and the other fixes are made."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from citeaudit.fix import plan_fixes
from citeaudit.fix.editors.bibtex import BibtexEditor
from citeaudit.fix.editors.interface import CannotFix
from citeaudit.fix.guard import check_edit
from citeaudit.fix.plan import FixPlan
from citeaudit.fix.policy import CitedYears, Planned, planned
from citeaudit.model import Applicability, Finding, Fix, Severity
from citeaudit.model.reference import Reference

SITE = "http://198.51.100.7"

# Values that, spliced into a field as text, would end it and say something else.
HOSTILE = [
    pytest.param(SITE + "/new},note={x\\input{y}}", id="closes-the-field"),
    pytest.param(SITE + "/new}", id="unbalanced-close"),
    pytest.param(SITE + "/new{", id="unbalanced-open"),
    pytest.param(SITE + "/new\\input{/etc/passwd}", id="input"),
    pytest.param(SITE + "/new}\n@comment{", id="comment"),
    pytest.param(SITE + "/new}}\n@misc{evil, title={x}}\n", id="newline-misc"),
    pytest.param(SITE + '/new",note="x', id="quote"),
    pytest.param(SITE + "/new%}\n  note = {x}", id="percent-comment"),
    pytest.param(SITE + "/new\nER  -\nTY  - GEN\nTI  - x", id="ris-record"),
    pytest.param(SITE + '/new", "note": "x', id="json-quote"),
]

BIB = (
    "@article{doe,\n"
    "  title = {A moved page},\n"
    "  author = {Doe, Jane},\n"
    "  year = {2020},\n"
    "  url = {" + SITE + "/old}\n"
    "}\n\n"
    "@article{roe,\n"
    '  title = "A second page",\n'
    "  author = {Roe, Rob},\n"
    "  year = {2019},\n"
    '  url = "' + SITE + '/old2"\n'
    "}\n\n"
    "@article{poe,\n"
    "  title = {A third paper},\n"
    "  author = {Poe, Pat},\n"
    "  year = {2018},\n"
    "  doi = {https://dx.doi.org/10.5555/x.1}\n"
    "}\n"
)

RIS = (
    "TY  - JOUR\nTI  - A moved page\nAU  - Doe, Jane\nPY  - 2020\n"
    "UR  - " + SITE + "/old\nER  - \n\n"
    "TY  - JOUR\nTI  - A second page\nAU  - Roe, Rob\nPY  - 2019\n"
    "UR  - " + SITE + "/old2\nER  - \n"
)

CSL = (
    "[\n"
    '  {"id": "doe", "type": "article-journal", "title": "A moved page",\n'
    '   "author": [{"family": "Doe", "given": "Jane"}],\n'
    '   "issued": {"date-parts": [[2020]]}, "URL": "' + SITE + '/old"},\n'
    '  {"id": "roe", "type": "article-journal", "title": "A second page",\n'
    '   "author": [{"family": "Roe", "given": "Rob"}],\n'
    '   "issued": {"date-parts": [[2019]]}, "URL": "' + SITE + '/old2"}\n'
    "]\n"
)

MARKDOWN = (
    "# Paper\n\nAs shown (Doe, 2020; Roe, 2019).\n\n## References\n\n"
    "Doe, J. (2020). A moved page. Example Site. " + SITE + "/old\n\n"
    "Roe, R. (2019). A second page. Example Site. " + SITE + "/old2\n"
)

FILES = {"refs.bib": BIB, "refs.ris": RIS, "refs.json": CSL, "paper.md": MARKDOWN}


def _audit(path: Path) -> AuditResult:
    return audit(AuditInput.from_paths([path]))


def _ref(result: AuditResult, needle: str) -> Reference:
    return next(r for r in result.data.references if needle in r.raw and r.urls)


def _redirect(ref: Reference, old: str, new: str) -> Finding:
    return Finding(
        "link-redirect",
        "LNK002",
        Severity.INFO,
        "moved permanently",
        ref.location,
        reference=ref.id,
        url=old,
        fix=Fix(f"Replace the URL with {new}", new, Applicability.SAFE),
    )


def _plan(result: AuditResult, *findings: Finding) -> FixPlan:
    return plan_fixes(dataclasses.replace(result, findings=findings))


@pytest.mark.parametrize("name", sorted(FILES))
@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_url_is_refused_and_the_other_fix_is_made(
    tmp_path: Path, name: str, hostile: str
) -> None:
    path = tmp_path / name
    path.write_text(FILES[name], "utf-8")
    result = _audit(path)
    doe, roe = _ref(result, "moved"), _ref(result, "second")
    good = SITE + "/moved-here"
    plan = _plan(
        result,
        _redirect(doe, SITE + "/old", hostile),
        _redirect(roe, SITE + "/old2", good),
    )
    assert len(plan.refusals) == 1, plan.refusals
    refusal = plan.refusals[0]
    assert refusal.line == doe.location.line
    assert "was not written" in refusal.reason and "\n" not in refusal.reason
    assert [c.line for c in plan.changes] == [roe.location.line]
    written = plan.write()
    assert written.refusals == plan.refusals
    text = path.read_text("utf-8")
    assert hostile not in text
    assert good in text and SITE + "/old\n" in text.replace('"', "\n").replace("}", "\n")
    after = _audit(path)
    assert len(after.data.references) == len(result.data.references)
    assert _ref(after, "second").urls == (good,)
    assert _ref(after, "moved").urls == doe.urls


DOI_HOSTILE = [
    pytest.param("10.5555/x.2},note={x\\input{y}}", id="closes-the-field"),
    pytest.param("10.5555/x.2}\n@misc{evil,", id="newline-misc"),
    pytest.param("10.5555/x.2\\input{y}", id="input"),
    pytest.param('10.5555/x.2",note="x', id="quote"),
    pytest.param("10.5555/x.2%", id="percent"),
]


@pytest.mark.parametrize("hostile", DOI_HOSTILE)
def test_a_hostile_registry_doi_is_refused(tmp_path: Path, hostile: str) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(BIB, "utf-8")
    result = _audit(path)
    doe = _ref(result, "moved")
    poe = next(r for r in result.data.references if r.key == "poe")
    add = Finding(
        "missing-doi",
        "REG005",
        Severity.INFO,
        "no DOI",
        doe.location,
        reference=doe.id,
        fix=Fix(f"Add the DOI {hostile}", hostile, Applicability.SAFE),
    )
    replace = Finding(
        "doi-form",
        "BIB003",
        Severity.WARNING,
        "DOI written as a URL",
        poe.location,
        reference=poe.id,
        fix=Fix(f"Write the DOI as {hostile}", hostile, Applicability.SAFE),
    )
    plan = _plan(result, add, replace)
    assert plan.changes == () and len(plan.refusals) == 2
    assert path.read_text("utf-8") == BIB


def test_a_normal_doi_and_url_fix_is_still_made(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(BIB, "utf-8")
    result = _audit(path)
    doe, roe = _ref(result, "moved"), _ref(result, "second")
    poe = next(r for r in result.data.references if r.key == "poe")
    findings = (
        Finding(
            "missing-doi",
            "REG005",
            Severity.INFO,
            "no DOI",
            doe.location,
            reference=doe.id,
            fix=Fix("Add the DOI 10.5555/doe.7", "10.5555/doe.7", Applicability.SAFE),
        ),
        Finding(
            "doi-form",
            "BIB003",
            Severity.WARNING,
            "DOI written as a URL",
            poe.location,
            reference=poe.id,
            fix=Fix("Write the DOI as 10.5555/x.1", "10.5555/x.1", Applicability.SAFE),
        ),
        _redirect(roe, SITE + "/old2", SITE + "/a%7Bb%7D?q=1&r=%25"),
    )
    plan = _plan(result, *findings).write()
    assert plan.refusals == () and len(plan.changes) == 3
    after = {r.key: r for r in _audit(path).data.references}
    assert after["doe"].doi == "10.5555/doe.7"
    assert after["poe"].doi_raw == "10.5555/x.1"
    assert after["roe"].urls == (SITE + "/a%7Bb%7D?q=1&r=%25",)


def _planned(result: AuditResult, finding: Finding) -> Planned:
    ref = next(r for r in result.data.references if r.id == finding.reference)
    item = planned(finding, ref, CitedYears(result.data))
    assert item is not None
    return item


@pytest.mark.parametrize(
    "after",
    [
        pytest.param("  url = {NEW},\n  note = {x}\n", id="a-field-gained"),
        pytest.param("  url = {NEW}\n}\n@misc{evil,\n  title = {x}\n", id="a-second-entry"),
        pytest.param("  url = {NEW/more}\n", id="not-the-value"),
        pytest.param("  url = {NEW},\n  year = {1999}\n", id="another-field-changed"),
    ],
)
def test_an_edit_that_reads_back_otherwise_is_refused(tmp_path: Path, after: str) -> None:
    """The reading itself is checked, whatever the editor wrote: an editor's slip (or a
    value no character check foresaw) is caught by reading the entry back."""
    path = tmp_path / "refs.bib"
    path.write_text(BIB, "utf-8")
    result = _audit(path)
    doe = _ref(result, "moved")
    new = SITE + "/moved-here"
    item = _planned(result, _redirect(doe, SITE + "/old", new))
    edited = doe.raw.replace("  url = {" + SITE + "/old}\n", after.replace("NEW", new))
    with pytest.raises(CannotFix, match=r"was not written: the (edited )?entry"):
        check_edit("bibtex", path, doe.raw, edited, item)
    right = doe.raw.replace(SITE + "/old", new)
    check_edit("bibtex", path, doe.raw, right, item)  # the edit meant passes


def test_a_refused_edit_is_reported_and_the_other_fix_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor that wrote a second field: `fix` says so, and makes the other fix."""
    path = tmp_path / "refs.bib"
    path.write_text(BIB, "utf-8")
    original = BibtexEditor.replace_text

    def careless(self: BibtexEditor, entry: str, old: str, new: str) -> str:
        edited = original(self, entry, old, new)
        return (
            edited.replace("/moved-here}", "/moved-here},\n  note = {x}")
            if "doe" in entry
            else edited
        )

    monkeypatch.setattr(BibtexEditor, "replace_text", careless)
    result = _audit(path)
    doe, roe = _ref(result, "moved"), _ref(result, "second")
    plan = _plan(
        result,
        _redirect(doe, SITE + "/old", SITE + "/moved-here"),
        _redirect(roe, SITE + "/old2", SITE + "/also-moved"),
    ).write()
    assert [r.line for r in plan.refusals] == [doe.location.line]
    assert "extra" in plan.refusals[0].reason
    assert [c.line for c in plan.changes] == [roe.location.line]
    assert SITE + "/also-moved" in path.read_text("utf-8")
    assert "note = {x}" not in path.read_text("utf-8")
