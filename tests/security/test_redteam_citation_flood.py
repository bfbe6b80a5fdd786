"""A manuscript that is nothing but citations: an audit reads a bounded number.

A 2 MB upload of ``[@a] `` repeated is 400,000 citations, and every step after reading
paid per citation: matching, the rules, the service's relocation (a JSON round trip),
the stored result (~440 bytes a citation) and the reports -- 2.5 MB of it took a
worker 65 s and 1.5 GB. Now an audit keeps `MAX_CITATIONS` over all its manuscripts
(`Settings.max_citations`), and one problem says where reading stopped; what is stored
and written no longer grows with the flood.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit, read_inputs, run_rules
from citeaudit.model.codec import to_json
from citeaudit.report.serialize import to_dict
from citeaudit.service.inputs import read_files
from citeaudit.settings import MAX_CITATIONS, ServiceSettings, Settings
from citeaudit.store.views import StoredFile

_BIB = "@book{a, title={T}, author={Name, A.}, year=2001}\n"


def _flood(folder: Path, units: int, name: str = "paper.md") -> AuditInput:
    text = folder / name
    text.write_text("Text " + "[@a] " * units + "\n", encoding="utf-8")
    bib = folder / "refs.bib"
    bib.write_text(_BIB, encoding="utf-8")
    return AuditInput((text,), (bib,))


def test_a_flood_of_citations_is_read_up_to_the_cap(tmp_path: Path) -> None:
    data = read_inputs(_flood(tmp_path, 1_000), max_citations=100)
    assert len(data.citations) == len(data.matches) == 100
    (problem,) = data.input_problems
    assert "900 citations from here on were not read" in problem.message
    assert not problem.unreadable  # the rest of the audit stands
    assert problem.location.file.endswith("paper.md")
    assert (problem.location.line, problem.location.column) == (1, 6 + 5 * 100)


def test_what_is_stored_and_reported_stops_growing_with_the_flood(tmp_path: Path) -> None:
    sizes = []
    for units in (1_000, 8_000):
        result = audit(_flood(tmp_path, units), max_citations=500)
        sizes.append((len(to_json(result)), len(str(to_dict(result)))))
    (stored, report), (stored_8x, report_8x) = sizes
    assert stored_8x < 1.2 * stored and report_8x < 1.2 * report, sizes


def test_the_cap_counts_all_manuscripts_together(tmp_path: Path) -> None:
    first = _flood(tmp_path, 100, "one.md").manuscripts[0]
    second = _flood(tmp_path, 100, "two.md").manuscripts[0]
    data = read_inputs(AuditInput((first, second), (tmp_path / "refs.bib",)), max_citations=150)
    assert [c.id for c in data.citations] == [f"cit-{i}" for i in range(1, 151)]
    (problem,) = data.input_problems
    assert problem.location.file.endswith("two.md")
    assert problem.message.startswith("50 citations from here on")


def test_the_flood_says_so_in_the_findings(tmp_path: Path) -> None:
    data = read_inputs(_flood(tmp_path, 300), max_citations=200)
    messages = [f.message for f in run_rules(data)]
    assert any("100 citations from here on were not read" in m for m in messages)
    assert data.citations[-1].id == "cit-200"


def test_the_service_reads_uploads_with_its_cap() -> None:
    flood = ("Text " + "[@a] " * 400 + "\n").encode()
    files = [
        StoredFile("manuscript", "paper.md", "text", len(flood), flood),
        StoredFile("bibliography", "refs.bib", "text", len(_BIB), _BIB.encode()),
    ]
    data = read_files(files, max_citations=300)
    assert len(data.citations) == 300
    (problem,) = data.input_problems
    assert problem.location.file == "paper.md"  # named as uploaded


def test_a_manuscript_under_the_cap_is_read_whole(tmp_path: Path) -> None:
    data = read_inputs(_flood(tmp_path, 300))
    assert len(data.citations) == 300 and not data.input_problems


def test_the_cap_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().max_citations == MAX_CITATIONS >= 20_000
    monkeypatch.setenv("CITEAUDIT_MAX_CITATIONS", "1234")
    assert ServiceSettings().max_citations == 1234


def test_the_command_line_takes_its_caps_from_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`citeaudit check` is bounded by the same settings as the service."""
    import json

    from citeaudit.cli import main

    inputs = _flood(tmp_path, 400)
    monkeypatch.setenv("CITEAUDIT_MAX_CITATIONS", "40")
    code = main(
        [
            "check",
            str(inputs.manuscripts[0]),
            "--bib",
            str(inputs.bibliographies[0]),
            "--offline",
            "--format",
            "json",
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert len(report["citations"]) == 40, len(report["citations"])
    messages = [f["message"] for f in report["findings"]]
    assert any("360 citations from here on were not read" in m for m in messages), messages
