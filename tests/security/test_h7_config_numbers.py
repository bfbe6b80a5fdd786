"""Red team H7: a checkout's configuration holding an absurd number is one error, exit 2.

`citeaudit check --confine .` in CI reads the fork's `pyproject.toml`. TOML writes
integers in hexadecimal too, and a network timeout of ``0xfff…`` (5,000 digits) made
the loader's conversion to seconds raise OverflowError: the run ended in a traceback
instead of the configuration error every other bad value gets. A timeout of ``inf``
or ``nan`` is no timeout either (a server answering slowly would hold the run).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.in_process_cli import run_cli

HUGE = "0x" + "f" * 5_000


@pytest.mark.parametrize("value", [HUGE, "inf", "nan"])
@pytest.mark.parametrize("key", ["link-timeout", "registry-timeout"])
def test_an_absurd_timeout_is_a_configuration_error(key: str, value: str, tmp_path: Path) -> None:
    (tmp_path / "paper.md").write_text("As shown [@a].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@misc{a, title={T}, year=2020}\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.citeaudit.network]\n{key} = {value}\n", encoding="utf-8"
    )
    ran = run_cli({}, "check", "--confine", ".", "paper.md", "--offline", cwd=tmp_path)
    assert "Traceback" not in ran.stderr, ran.stderr[-500:]
    assert ran.returncode == 2, (ran.returncode, ran.stderr[-500:])
    assert "pyproject.toml" in ran.stderr and key in ran.stderr
