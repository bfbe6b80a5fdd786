"""Red team, round 20: a file on a kernel file system is never read as an author's file.

The class: a name an input gives (``\\input``, ``\\include``, ``\\bibliography``, a
front-matter ``bibliography:``, a ``--bib`` on the command line) that leads to a file
of ``/proc`` or ``/sys`` -- directly, through ``/proc/self/root`` or ``/proc/self/cwd``,
or through a link in the author's folder. Such a file is "regular" by its mode, and
says 0 bytes (``/proc``) or 4,096 (``/sys``) whatever it holds: it is the machine's
state -- this process's memory map and status, the mount table, hardware details --
not a manuscript. ``bounded_read`` refused devices, pipes and sockets by their kind,
but opened and read these, so a co-author's ``\\input{/proc/self/status}`` put the
runner's process details into the audit (and into the CI log under its excerpts).

Now the one file-reading function refuses a file of a kernel file system unopened,
the way it refuses a device: the CLI without ``--confine`` too (the author's own
machine, but a stranger's manuscript), and the refusal is a finding naming the file.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from citeaudit.bounded_read import NotARegularFile, read_capped
from citeaudit.cli import main

REFS = "@article{a, title={A}, author={Okafor, N.}, year={2000}, journal={J}}\n"
LATEX = "\\documentclass{article}\\begin{document}\nSee \\cite{a}.\n%s\n\\bibliography{refs}\n"

# (what the manuscript writes, the kernel file it reaches)
LATEX_NAMINGS = [
    ("\\input{/proc/self/status}", "/proc/self/status"),
    ("\\input{/proc/version}", "/proc/version"),
    ("\\include{/proc/self/root/proc/cpuinfo}", "/proc/cpuinfo"),
    ("\\input{/sys/devices/system/cpu/online}", "/sys/devices/system/cpu/online"),
    ("\\subimport{/proc/self/}{mountinfo}", "/proc/self/mountinfo"),
    ("\\input{/proc/self/cwd/k/status}", "/proc/self/status"),  # through the folder's link k
    ("\\addbibresource{/proc/self/maps}", "/proc/self/maps"),
]
MARKDOWN_NAMINGS = [
    ("bibliography: /proc/self/mountinfo", "/proc/self/mountinfo"),
    ("bibliography: [refs.bib, /sys/class/net/lo/address]", "/sys/class/net/lo/address"),
    ("bibliography: k/limits", "/proc/self/limits"),
]


def _present(path: str) -> None:
    if not os.path.exists(path):
        pytest.skip(f"{path} is not on this machine")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An author's folder with refs.bib and a link k -> /proc/self (a link is the
    author's to make; what it reaches is what matters)."""
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    (tmp_path / "k").symlink_to("/proc/self")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(
    capsys: pytest.CaptureFixture[str], opened: list[str], *argv: str
) -> tuple[dict[str, object], list[str]]:
    """The JSON report of an unconfined ``check`` and the kernel files it opened."""
    before = len(opened)
    main(["check", "--offline", "--format", "json", "--fail-on", "never", *argv])
    shown = capsys.readouterr().out
    kernel = [
        name
        for name in opened[before:]
        if os.path.realpath(name).startswith(("/proc/", "/sys/"))
        and not name.startswith("/proc/self/fd")  # the run's own descriptors
    ]
    report: dict[str, object] = json.loads(shown)
    return report, kernel


def _messages(report: dict[str, object]) -> str:
    findings = report["findings"]
    assert isinstance(findings, list)
    return "\n".join(str(f["message"]) for f in findings)


@pytest.mark.parametrize(("naming", "target"), LATEX_NAMINGS)
def test_a_latex_naming_of_a_kernel_file_is_not_opened(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    opened: list[str],
    naming: str,
    target: str,
) -> None:
    _present(target)
    (folder / "paper.tex").write_text(LATEX % naming, encoding="utf-8")
    report, kernel = _check(capsys, opened, "paper.tex")
    assert not kernel, kernel
    assert "kernel" in _messages(report), _messages(report)


@pytest.mark.parametrize(("front", "target"), MARKDOWN_NAMINGS)
def test_a_front_matter_bibliography_on_a_kernel_file_is_not_opened(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    opened: list[str],
    front: str,
    target: str,
) -> None:
    _present(target)
    (folder / "paper.md").write_text(f"---\n{front}\n---\n\nSee [@a].\n", encoding="utf-8")
    report, kernel = _check(capsys, opened, "paper.md")
    assert not kernel, kernel
    assert "kernel" in _messages(report), _messages(report)


FD_NAMINGS = [
    "\\input{/proc/self/fd/%d}",
    "\\input{/dev/fd/%d}",
    "\\input{k/fd/%d}",  # through the folder's link k -> /proc/self
    "\\subimport{/proc/self/fd/}{%d}",
]


@pytest.mark.parametrize("naming", FD_NAMINGS)
@pytest.mark.parametrize("deleted", [False, True])
def test_a_file_the_run_holds_open_is_not_read_through_its_descriptor(
    folder: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    opened: list[str],
    naming: str,
    deleted: bool,
) -> None:
    """``/proc/self/fd/N`` resolves to the file descriptor N is open on: a file of the
    runner's the process holds (a credential a CI step left open, a deleted temporary
    file no name reaches any more) -- its real path is no kernel file's, but its name
    is one of the kernel's descriptor folders, and is refused as those are."""
    _present("/proc/self/fd")
    secret = tmp_path_factory.mktemp("runner") / "held.tex"
    secret.write_text("See \\cite{QZ20HELDSECRET}.\n", encoding="utf-8")
    descriptor = os.open(secret, os.O_RDONLY)
    try:
        if deleted:
            secret.unlink()
        (folder / "paper.tex").write_text(LATEX % (naming % descriptor), encoding="utf-8")
        report, _kernel = _check(capsys, opened, "paper.tex")
    finally:
        os.close(descriptor)
    assert "QZ20HELDSECRET" not in json.dumps(report)
    assert "kernel" in _messages(report), _messages(report)


@pytest.mark.parametrize("target", ["/proc/self/status", "/sys/devices/system/cpu/online"])
def test_a_kernel_file_given_on_the_command_line_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str], opened: list[str], target: str
) -> None:
    _present(target)
    (folder / "paper.md").write_text("See [@a].\n", encoding="utf-8")
    before = len(opened)
    code = main(["check", "--offline", "--format", "json", "paper.md", "--bib", target])
    captured = capsys.readouterr()
    assert target not in opened[before:]
    assert code != 0 and "kernel" in captured.err + captured.out


@pytest.mark.parametrize(
    "target", ["/proc/self/environ", "/proc/self/status", "/sys/class/net/lo/address"]
)
def test_bounded_read_refuses_a_kernel_file_unopened(opened: list[str], target: str) -> None:
    _present(target)
    before = len(opened)
    with pytest.raises(NotARegularFile) as refused:
        read_capped(target, 1 << 20)
    assert "kernel" in str(refused.value.strerror)
    assert target not in opened[before:]


def test_an_ordinary_file_is_still_read(folder: Path) -> None:
    assert read_capped(folder / "refs.bib", 1 << 20) == REFS.encode()


ENDLESS = [
    ("\\input{/dev/zero}", "character device"),
    ("\\input{/dev/urandom}", "character device"),
    ("\\input{/dev/stdin}", "not read"),  # a terminal, /dev/null, a pipe: whatever it is
    ("\\input{pipe}", "named pipe"),  # a FIFO in the author's folder, no writer
    ("\\addbibresource{pipe.bib}", "named pipe"),
]


@pytest.mark.parametrize(("naming", "said"), ENDLESS)
def test_an_endless_or_blocking_file_is_refused_unread(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    opened: list[str],
    naming: str,
    said: str,
) -> None:
    """The kinds `file_kind` refused before this round stay refused on the unconfined
    command line: a device that never ends, a pipe that never answers -- not opened at
    all (an open of a device acts; a FIFO's read blocks the run for good)."""
    os.mkfifo(folder / "pipe.tex")
    os.mkfifo(folder / "pipe.bib")
    (folder / "paper.tex").write_text(LATEX % naming, encoding="utf-8")
    before = len(opened)
    report, _kernel = _check(capsys, opened, "paper.tex")
    named = ("/dev/zero", "/dev/urandom", "/dev/stdin", "pipe.tex", "pipe.bib")
    devices = [n for n in opened[before:] if n.endswith(named)]
    assert not devices, devices
    assert said in _messages(report), _messages(report)


def test_a_file_is_read_when_the_working_folder_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The way to a file is walked without the working folder when its name is absolute:
    a worker whose folder a deployment removed still reads its uploads (asked for the
    working folder first, every name counted as a kernel file's, and every read failed)."""
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert read_capped(tmp_path / "refs.bib", 1 << 20) == REFS.encode()


def test_a_file_in_shared_memory_is_an_ordinary_file() -> None:
    """``/dev/shm`` is where some deployments keep their temporary folder (the uploads'
    scratch): its files are the service's own, not the kernel's, and are read."""
    if not os.access("/dev/shm", os.W_OK):
        pytest.skip("no writable /dev/shm here")
    folder = Path(tempfile.mkdtemp(dir="/dev/shm"))
    try:
        (folder / "refs.bib").write_text(REFS, encoding="utf-8")
        assert read_capped(folder / "refs.bib", 1 << 20) == REFS.encode()
    finally:
        shutil.rmtree(folder)
