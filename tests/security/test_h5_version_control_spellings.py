"""A confined checkout's version-control folder, under every name a file system opens it by.

``check --confine`` refuses a name whose way passes through ``.git`` (the runner's
folder: ``actions/checkout`` keeps its token in ``.git/config``), compared case-blind
for macOS and Windows. But those systems open the folder by more names than its case:
Windows drops trailing dots and spaces (``.git.``, ``.git ``) and opens a folder's
``::$INDEX_ALLOCATION`` stream and its 8.3 short name (``GIT~1``); HFS+ ignores
zero-width and direction marks (``.g\\u200cit``); NTFS matches names by their
capitals, where the dotless i is I (``.g\\u0131t``). A fork's ``\\input{.git./config}``
on a Windows runner read the token into the report -- git itself refuses these
spellings for the same reason (CVE-2014-9390). Each spelling is judged as the folder it
opens; the test plants a folder of that very name (on Linux a different folder, on the
runner's system ``.git`` itself) holding a token and asserts it never reaches a report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.cli import main
from citeaudit.input_scope import InputScope, is_version_control

TOKEN = "QZ5RUNNERTOKEN"
REFS = "@article{okafor, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n"
# How Windows (trailing dots and spaces, a folder's stream, 8.3 short names) and HFS+
# (ignorable code points) open the version-control folders under other names.
SPELLINGS = [
    ".git.",
    ".git ",
    ".git. .",
    ".GIT..",
    ".git::$INDEX_ALLOCATION",
    "GIT~1",
    "git~2",
    ".g\u200cit",
    "\u200e.git\ufeff",
    ".h\u200dg",
    ".hg.",
    "HG~1",
    ".svn ",
    "PIJUL~1",
    ".sl",  # Sapling's own folder
    ".g\u0131t",  # NTFS capitals: the dotless i is I
    ".\u017fvn",  # and the long s is S
]


def _checkout(tmp_path: Path, spelling: str) -> Path:
    repo = tmp_path / "repo"
    (repo / spelling).mkdir(parents=True)
    (repo / spelling / "config").write_text(
        f'[http "https://example.org/"]\n\textraheader = AUTHORIZATION: basic {TOKEN}\n',
        encoding="utf-8",
    )
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    (repo / "main.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\nOkafor \\cite{okafor}.\n"
        "\\begin{thebibliography}{9}\n"
        "\\bibitem{okafor} Okafor, N. (2018). Inside. J, 1, 2.\n"
        f"\\bibitem{{k1}} \\input{{{spelling}/config}}\n"
        "\\end{thebibliography}\n\\end{document}\n",
        encoding="utf-8",
    )
    (repo / "paper.md").write_text(
        f"---\nbibliography: [refs.bib, '{spelling}/config']\n---\n\nOkafor [@okafor].\n",
        encoding="utf-8",
    )
    return repo


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_confined_check_reads_no_other_spelling_of_the_version_control_folder(
    tmp_path: Path,
    spelling: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    repo = _checkout(tmp_path, spelling)
    monkeypatch.chdir(repo)
    for manuscript in ("main.tex", "paper.md"):
        main(["check", "--offline", "--confine", ".", "--format", "json", manuscript])
        shown = capsys.readouterr()
        assert TOKEN not in shown.out + shown.err, manuscript
        report = json.loads(shown.out)
        assert "okafor" in {r["key"] for r in report["references"]}  # the rest is read
        assert any("outside the audit's own files" in f["message"] for f in report["findings"])


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_is_judged_a_version_control_folder(spelling: str) -> None:
    assert is_version_control(spelling)


@pytest.mark.parametrize(
    "name", ["git", ".github", ".gitlab", "gitbook", ".git-notes", "GIT~X", "chapters", "_site"]
)
def test_names_that_only_look_alike_stay_readable(tmp_path: Path, name: str) -> None:
    """A folder a project keeps (``.github``, ``git``) is the project's own."""
    assert not is_version_control(name)
    (tmp_path / name).mkdir()
    (tmp_path / name / "refs.bib").write_text(REFS, encoding="utf-8")
    assert InputScope.confined_to(tmp_path).admits(tmp_path / name / "refs.bib")


def test_the_authors_own_run_still_reads_such_a_folder(tmp_path: Path) -> None:
    """Unconfined (the author's machine) the name is followed, as before."""
    repo = _checkout(tmp_path, ".git.")
    assert InputScope().admits(repo / ".git." / "config")
