"""A baseline file that is no baseline is a clear error naming it, never a traceback:
JSON nested past the parser's recursion limit, findings that are not a list, and an
entry too long to quote whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.errors import ConfigurationError
from citeaudit.suppress.baseline import read_baseline

DEPTH = 100_000


def test_deeply_nested_json_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "citeaudit-baseline.json"
    path.write_text("[" * DEPTH + "]" * DEPTH, encoding="utf-8")
    with pytest.raises(ConfigurationError) as caught:
        read_baseline(path)
    assert str(path) in str(caught.value)
    assert "nested too deeply" in str(caught.value)


def test_deeply_nested_findings_are_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "citeaudit-baseline.json"
    path.write_text(
        '{"citeaudit-baseline": 1, "findings": ' + "[" * DEPTH + "]" * DEPTH + "}",
        encoding="utf-8",
    )
    with pytest.raises(ConfigurationError) as caught:
        read_baseline(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("findings", [7, 1.5, True, "code", {"code": "X"}])
def test_findings_not_a_list_is_a_clear_error(tmp_path: Path, findings: object) -> None:
    path = tmp_path / "citeaudit-baseline.json"
    path.write_text(json.dumps({"citeaudit-baseline": 1, "findings": findings}), "utf-8")
    with pytest.raises(ConfigurationError) as caught:
        read_baseline(path)
    assert str(path) in str(caught.value)


def test_a_malformed_entry_is_quoted_short(tmp_path: Path) -> None:
    path = tmp_path / "citeaudit-baseline.json"
    entry = {"code": "CIT001", "file": "x.md", "count": "x" * 1_000_000}
    path.write_text(json.dumps({"citeaudit-baseline": 1, "findings": [entry]}), "utf-8")
    with pytest.raises(ConfigurationError) as caught:
        read_baseline(path)
    assert str(path) in str(caught.value) and len(str(caught.value)) < 1_000


def test_a_good_baseline_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "citeaudit-baseline.json"
    entry = {"code": "CIT001", "file": "x.md", "message": "m", "count": 2}
    path.write_text(json.dumps({"citeaudit-baseline": 1, "findings": [entry]}), "utf-8")
    assert read_baseline(path) == {("CIT001", "x.md", "m"): 2}
