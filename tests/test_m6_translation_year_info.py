"""A translation cited by its imprint's year (made-up entries): matched, and noted.

An entry dated by the original's year that names the translation's imprint later
("Brekov, M. (1934). Título. Traducción de L. Ruiz. Madrid: Delta, 1995.") is the work
"(Brekov, 1995)" cites -- never missing, never uncited. But APA and its Spanish and
Portuguese versions ask for both years, "(Brekov, 1934/1995)", and publishers count
the single year as a year disagreement: it is reported as citation-year-mismatch at
the rule's lower severity (info), with both years and the suggested citation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from citeaudit.model.finding import Severity
from citeaudit.report.json import JsonReporter
from citeaudit.report.sarif import SarifReporter
from citeaudit.report.text import TextReporter

_OTHER = "Orwin, T. (2010). Work on harbours. Journal of Tests, 1, 2-3."


def _audit(tmp_path: Path, body: str, entries: list[str]) -> AuditResult:
    md = tmp_path / "paper.md"
    md.write_text(
        "# Intro\n\n" + body + "\n\n# References\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    return audit(AuditInput.from_paths([md]))


def _cit(result: AuditResult) -> list[tuple[str, Severity]]:
    return sorted((f.code, f.severity) for f in result.findings if f.code.startswith("CIT"))


_TRANSLATIONS = [
    # Spanish
    "Brekov, M. (1934). La lámpara y el muelle. Traducción de Luis Ruiz. Madrid: Delta, 1995.",
    "Brekov, M. (1934). La lámpara y el muelle (L. Ruiz, Trad.). Madrid: Delta, 1995.",
    # Portuguese
    "Brekov, M. (1934). A lâmpada e o cais. Tradução de Ana Lima. São Paulo: Delta, 1995.",
    "BREKOV, M. (1934). A lâmpada e o cais. Trad. Ana Lima. São Paulo: Delta, 1995.",
    # English
    "Brekov, M. (1934). The lamp and the quay. Translated by C. Ember. Delta Press, 1995.",
    "Brekov, M. (1934). The lamp and the quay (C. Ember, Trans.). Delta UP, 1995.",
]


@pytest.mark.parametrize("entry", _TRANSLATIONS)
def test_the_imprint_year_is_a_noted_year_mismatch(tmp_path: Path, entry: str) -> None:
    result = _audit(tmp_path, "As shown (Brekov, 1995). Also (Orwin, 2010).", [entry, _OTHER])
    # matched (no missing, no uncited), and noted at the lower severity
    assert _cit(result) == [("CIT004", Severity.INFO)]
    (finding,) = [f for f in result.findings if f.code == "CIT004"]
    assert "1934" in finding.message and "1995" in finding.message
    assert "(Brekov, 1934/1995)" in finding.message
    assert finding.fix is not None and finding.fix.replacement == "1934/1995"
    assert finding.reference is not None


def test_a_narrative_citation_gets_the_narrative_suggestion(tmp_path: Path) -> None:
    result = _audit(
        tmp_path, "As Brekov (1995) wrote. Also (Orwin, 2010).", [_TRANSLATIONS[2], _OTHER]
    )
    (finding,) = [f for f in result.findings if f.code == "CIT004"]
    assert finding.severity is Severity.INFO
    assert "Brekov (1934/1995)" in finding.message


@pytest.mark.parametrize(
    "body",
    [
        "As shown (Brekov, 1934/1995). Also (Orwin, 2010).",
        "As shown (Brekov, 1995/1934). Also (Orwin, 2010).",
        "As shown (Brekov, 1934). Also (Orwin, 2010).",
    ],
)
def test_both_years_or_the_entrys_year_say_nothing(tmp_path: Path, body: str) -> None:
    result = _audit(tmp_path, body, [_TRANSLATIONS[0], _OTHER])
    assert _cit(result) == []


def test_the_originals_year_after_the_translators_note_says_nothing(tmp_path: Path) -> None:
    entry = (
        "Brekov, M. (1995). The lamp and the quay (C. Ember, Trans.). Delta Press. "
        "(Original work published 1934)"
    )
    result = _audit(tmp_path, "As shown (Brekov, 1934). Also (Orwin, 2010).", [entry, _OTHER])
    assert _cit(result) == []


def test_another_year_of_a_translation_is_still_an_error(tmp_path: Path) -> None:
    result = _audit(
        tmp_path, "As shown (Brekov, 2001). Also (Orwin, 2010).", [_TRANSLATIONS[0], _OTHER]
    )
    assert _cit(result) == [("CIT004", Severity.ERROR)]


def test_a_reprint_without_translation_says_nothing(tmp_path: Path) -> None:
    entry = "Brekov, M. (1934) 1995. The lamp and the quay. Delta Press."
    result = _audit(tmp_path, "As shown (Brekov, 1995). Also (Orwin, 2010).", [entry, _OTHER])
    assert _cit(result) == []


def test_the_note_renders_in_json_text_and_sarif(tmp_path: Path) -> None:
    result = _audit(
        tmp_path, "As shown (Brekov, 1995). Also (Orwin, 2010).", [_TRANSLATIONS[0], _OTHER]
    )
    report = json.loads(JsonReporter().render(result))
    (item,) = [f for f in report["findings"] if f["code"] == "CIT004"]
    assert item["severity"] == "info"
    assert "1934/1995" in TextReporter().render(result)

    import jsonschema

    schema_path = Path(__file__).parent / "report" / "data" / "sarif-schema-2.1.0.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    log = json.loads(SarifReporter().render(result))
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(log))
    assert errors == []
    levels = [r["level"] for r in log["runs"][0]["results"] if r["ruleId"] == "CIT004"]
    assert levels == ["note"]
