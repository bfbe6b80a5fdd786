"""`citeaudit rules [RULE]`: the list, and each rule's documentation as the README promises."""

from __future__ import annotations

import inspect

import pytest

from citeaudit.cli import main
from citeaudit.rules.registry import ALL_RULES


def test_the_list_has_every_rule_in_aligned_columns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [r.code for r in ALL_RULES]
    severity_columns = {
        line.index(r.severity.value, 8 + len(r.name))
        for line, r in zip(lines, ALL_RULES, strict=True)
    }
    assert len(severity_columns) == 1  # one column, however long a name


@pytest.mark.parametrize("key", ["uncited-reference", "CIT001", "cit001"])
def test_a_rule_by_name_or_code_prints_its_documentation(
    key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", key]) == 0
    out = capsys.readouterr().out
    rule = next(r for r in ALL_RULES if r.code == "CIT001")
    assert out.startswith("uncited-reference (CIT001)\nseverity: warning")
    assert (inspect.getdoc(rule) or "") in out and "Fix:" in out


def test_an_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "no-such-rule"]) == 2
    assert "no rule no-such-rule" in capsys.readouterr().err
