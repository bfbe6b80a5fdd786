"""An upload that is a flood of findings: what an audit lists and stores is bounded.

Each reference-list file gives `MAX_ENTRIES` entries at most, but an upload holds up
to 20 files: 2.8 MB of ``@a{kN,}`` in two files were 200,000 entries, 200,000
uncited-reference findings, a 184 MB stored row and 945 MB of a worker (20 MB: 1.4
million, a row past what PostgreSQL stores). Now an audit reads `MAX_ENTRIES` entries
over all its files (a file past them is not read, the one that crosses them is cut,
each said by one problem), and lists `MAX_FINDINGS_PER_RULE` findings of a rule, one
more counting the rest (`Settings.max_findings_per_rule`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit import audit as audit_module
from citeaudit.audit import AuditInput, audit, read_inputs, run_rules
from citeaudit.model.codec import to_json
from citeaudit.model.finding import Severity
from citeaudit.settings import MAX_FINDINGS_PER_RULE, ServiceSettings, Settings


def _bibs(folder: Path, files: int, entries: int) -> AuditInput:
    paths = []
    for f in range(files):
        path = folder / f"refs{f}.bib"
        path.write_text("".join(f"@a{{k{f}x{i},}}\n" for i in range(entries)), encoding="utf-8")
        paths.append(path)
    text = folder / "paper.md"
    text.write_text("Text [@k0x0].\n", encoding="utf-8")
    return AuditInput((text,), tuple(paths))


def test_a_rule_lists_its_first_findings_and_counts_the_rest(tmp_path: Path) -> None:
    findings = run_rules(read_inputs(_bibs(tmp_path, 1, 301)), max_per_rule=100)
    uncited = [f for f in findings if f.rule == "uncited-reference"]
    assert len(uncited) == 101
    (summary,) = [f for f in uncited if "not listed" in f.message]
    assert summary.message.startswith("200 more uncited-reference findings from here on")
    assert summary.location.line == 102  # the first one not listed
    assert summary.severity is Severity.INFO  # the worst of those it counts


def test_the_entries_of_all_files_are_read_up_to_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_module, "MAX_ENTRIES", 250)
    data = read_inputs(_bibs(tmp_path, 3, 200))
    assert len(data.references) == 250
    cut, skipped = sorted(data.input_problems, key=lambda p: p.location.file)
    assert cut.message.startswith("150 entries from here on were not read")
    assert cut.location.file.endswith("refs1.bib") and cut.location.line == 51
    assert skipped.location.file.endswith("refs2.bib")
    assert skipped.message.startswith("this file was not read: the other files gave the 250")


def test_what_is_stored_stops_growing_with_the_flood(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_module, "MAX_ENTRIES", 300)
    sizes = []
    for entries in (300, 2_400):
        folder = tmp_path / str(entries)
        folder.mkdir()
        result = audit(_bibs(folder, 2, entries // 2), max_findings_per_rule=50)
        assert len(result.findings) <= 60
        sizes.append(len(to_json(result)))
    small, large = sizes
    assert large < 1.2 * small, sizes


def test_a_few_findings_are_all_listed(tmp_path: Path) -> None:
    findings = run_rules(read_inputs(_bibs(tmp_path, 1, 50)))
    assert len([f for f in findings if f.rule == "uncited-reference"]) == 49
    assert not any("not listed" in f.message for f in findings)


def test_the_cap_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().max_findings_per_rule == MAX_FINDINGS_PER_RULE >= 5_000
    monkeypatch.setenv("CITEAUDIT_MAX_FINDINGS_PER_RULE", "77")
    assert ServiceSettings().max_findings_per_rule == 77
