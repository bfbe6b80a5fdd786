"""A configuration nested past what the TOML parser recurses through is a user error.

``tomllib`` parses arrays and inline tables recursively: a checkout's
``citeaudit.toml`` or ``pyproject.toml`` of a few thousand ``[`` (a fork's pull
request controls both) ended ``citeaudit check`` in a RecursionError traceback
instead of the sentence every other broken configuration gets (exit code 2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.cli import main
from citeaudit.config.load import read_toml
from citeaudit.errors import ConfigurationError

_DEPTH = 5_000
NESTED = {
    "citeaudit.toml": "ignore = " + "[" * _DEPTH + "]" * _DEPTH + "\n",
    "pyproject.toml": "[tool.citeaudit]\nnetwork = " + "{a = " * _DEPTH + "1" + "}" * _DEPTH,
}
PAPER = "# Intro\n\nText (Moreau, 2016).\n\n# References\n\nMoreau, C. (2016). Rivers. 1-2.\n"


@pytest.mark.parametrize("name", NESTED)
def test_deep_nesting_is_a_configuration_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(NESTED[name], "utf-8")
    with pytest.raises(ConfigurationError, match="nested too deeply"):
        read_toml(path)


@pytest.mark.parametrize("name", NESTED)
def test_the_command_line_says_so_and_exits_2(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / name).write_text(NESTED[name], "utf-8")
    paper = tmp_path / "paper.md"
    paper.write_text(PAPER, "utf-8")
    assert main(["check", "--offline", str(paper)]) == 2
    assert "nested too deeply" in capsys.readouterr().err
