from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import jsonschema
import pytest

from citeaudit.audit_data import AuditData, AuditResult, Phase
from citeaudit.model import Finding, Location, Severity
from citeaudit.report import sarif
from citeaudit.report.sarif import SarifReporter
from citeaudit.rules.base import Rule

from .builders import make_result

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@cache
def validator() -> jsonschema.Draft7Validator:
    """The vendored OASIS schema; nothing is fetched (all its $refs are local)."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )


def render(result: AuditResult) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(SarifReporter().render(result))
    errors = sorted(validator().iter_errors(log), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]
    return log


class YearRule(Rule):
    """Checks that a citation's year matches its entry.

    Why: a wrong year sends the reader to the wrong edition.
    """

    name = "citation-year-mismatch"
    code = "CIT004"
    severity = Severity.ERROR
    summary = "The citation's year differs from the entry's."

    def check(self, data: AuditData) -> Iterable[Finding]:
        return ()


class UndocumentedRule(Rule):
    name = "doi-missing"
    code = "RES003"
    severity = Severity.INFO
    phase: ClassVar[Phase] = Phase.RESOLUTION
    summary = "The entry has no DOI but the registry knows one."

    def check(self, data: AuditData) -> Iterable[Finding]:
        return ()


@pytest.fixture
def two_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sarif, "registered_rules", lambda: (YearRule, UndocumentedRule))


def test_vendored_schema_rejects_a_bad_log() -> None:
    """The schema is the real one: it refuses what SARIF forbids."""
    bad = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x"}},
                "results": [
                    {"message": {"text": "m"}, "level": "info"},
                ],
            }
        ],
    }
    assert not validator().is_valid(bad)
    region = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x"}},
                "results": [
                    {
                        "message": {"text": "m"},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": "a"},
                                    "region": {"startLine": 0},
                                }
                            }
                        ],
                    },
                ],
            }
        ],
    }
    assert not validator().is_valid(region)


def test_log_is_valid_sarif_with_one_run(result: AuditResult) -> None:
    log = render(result)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "citeaudit"
    assert driver["version"]
    assert driver["informationUri"].startswith("https://")


def test_levels_map_error_warning_note(result: AuditResult) -> None:
    results = render(result)["runs"][0]["results"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels["CIT004"] == "error"
    assert levels["CIT001"] == "warning"
    assert levels["RES003"] == "note"
    assert len(results) == len(result.findings)


def test_rules_come_from_the_registry(result: AuditResult, two_rules: None) -> None:
    run = render(result)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    year, undocumented = rules[0], rules[1]
    assert year["id"] == "CIT004" and year["name"] == "citation-year-mismatch"
    assert year["shortDescription"]["text"] == "The citation's year differs from the entry's."
    assert year["fullDescription"]["text"].startswith("Checks that a citation's year")
    assert "\n\nWhy: a wrong year" in year["fullDescription"]["text"]  # dedented
    assert year["defaultConfiguration"]["level"] == "error"
    assert undocumented["defaultConfiguration"]["level"] == "note"
    assert "fullDescription" not in undocumented  # not Rule's own docstring
    # codes the registry does not know still get a descriptor
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert {f.code for f in result.findings} <= set(ids)
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]


def test_works_with_no_registered_rules(
    result: AuditResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sarif, "registered_rules", lambda: ())
    run = render(result)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(dict.fromkeys(f.code for f in result.findings))
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]


def test_works_with_the_real_registry(result: AuditResult) -> None:
    from citeaudit.rules.registry import ALL_RULES

    rules = render(result)["runs"][0]["tool"]["driver"]["rules"]
    assert {r.code for r in ALL_RULES} <= {r["id"] for r in rules}


def test_locations_regions_and_uris() -> None:
    found = (
        Finding("a", "X001", Severity.ERROR, "with column", Location("paper.md", 3, 7)),
        Finding("b", "X002", Severity.WARNING, "line only", Location("refs.bib", 12)),
        Finding("c", "X003", Severity.INFO, "no line", Location("refs.bib")),
        Finding("d", "X004", Severity.INFO, "line zero", Location("refs.bib", 0, 0)),
        Finding("e", "X005", Severity.INFO, "spaces", Location("my paper/ch 1.md", 2, 1)),
    )
    results = render(make_result(found=found))["runs"][0]["results"]
    physical = [r["locations"][0]["physicalLocation"] for r in results]
    assert physical[0] == {
        "artifactLocation": {"uri": "paper.md"},
        "region": {"startLine": 3, "startColumn": 7},
    }
    assert physical[1]["region"] == {"startLine": 12}
    assert "region" not in physical[2] and physical[2]["artifactLocation"]["uri"] == "refs.bib"
    assert "region" not in physical[3]
    assert physical[4]["artifactLocation"]["uri"] == "my%20paper/ch%201.md"


def test_fix_goes_to_message_and_properties_not_fixes(result: AuditResult) -> None:
    results = render(result)["runs"][0]["results"]
    year = next(r for r in results if r["ruleId"] == "CIT004")
    assert "fixes" not in year
    assert year["message"]["text"].endswith("\nFix: Change the year to 2019")
    assert year["properties"]["fix"] == {
        "title": "Change the year to 2019",
        "replacement": "2019",
        "applicability": "unsafe",
    }
    assert year["properties"]["reference"] == "smith2019"
    assert year["properties"]["citation"] == "cit-1"
    plain = next(r for r in results if r["ruleId"] == "CIT001")
    assert "Fix:" not in plain["message"]["text"] and "fix" not in plain["properties"]


def test_phases_not_done_become_notifications(result: AuditResult) -> None:
    run = render(result)["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True
    notes = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
    assert notes == ["resolution: not done (--offline)"]


def test_artifacts_list_the_inputs(result: AuditResult) -> None:
    artifacts = render(result)["runs"][0]["artifacts"]
    uris = [a["location"]["uri"] for a in artifacts]
    assert uris == ["paper.md", "chapters/intro.md", "refs.bib"]
    assert all(a["roles"] == ["analysisTarget"] for a in artifacts)


def test_empty_audit_is_valid_with_no_results(empty_result: AuditResult) -> None:
    run = render(empty_result)["runs"][0]
    assert run["results"] == []
    assert run["properties"]["references"] == 0


def test_word_paragraph_location_carries_its_sentence_in_json_and_sarif() -> None:
    from citeaudit.model.location import Location
    from citeaudit.report.sarif import sarif_location
    from citeaudit.report.serialize import location_dict

    place = Location("paper.docx", 21, 5, unit="paragraph", excerpt="…a survey (Nguyen, 2022).")
    assert location_dict(place, column=True) == {
        "file": "paper.docx",
        "line": 21,
        "column": 5,
        "unit": "paragraph",
        "excerpt": "…a survey (Nguyen, 2022).",
    }
    region = sarif_location(place)["physicalLocation"]["region"]  # type: ignore[index]
    assert region["snippet"] == {"text": "…a survey (Nguyen, 2022)."}
    assert location_dict(Location("paper.md", 3)) == {"file": "paper.md", "line": 3}
