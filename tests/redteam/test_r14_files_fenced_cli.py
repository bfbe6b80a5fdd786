"""Red team: under ``check --confine``, the reads the command line makes itself -- not
the audit's readers -- are held to the checkout at the open too.

The audit's readers ask the confined scope, then open the file inside its held reads
(`InputScope.held`): a name swapped for a link between the scope's check and the open
is refused at the open. Three reads of the confined command line were made outside any
held block, each after a check of its own: the checkout's ``citeaudit.toml`` (judged by
the vetter, then read -- its unknown keys and bad values are echoed in the error), the
sniff of a ``--reference-list`` file (is it BibTeX, RIS, CSL-JSON?), and the scan of the
audited files for suppression comments. A checkout file swapped for a link to the
runner's disk between the check and the read was read wherever it pointed: a runner's
TOML file's keys came back in the error message, a suppression comment from a runner's
file was reported on the checkout's line.

So the confined command line holds every read of a checkout name
(`bounded_read.fenced_to`, entered once in `cli.main` for any command given
``--confine``): a name that lies in the checkout as written is opened only when its
real path does and the file opened is that very file -- while a name outside (the
runner's own configuration above the checkout, a ``--baseline`` in ``$RUNNER_TEMP``) is
read as the runner gave it. The races are made deterministic: each test swaps the file
right after the check that judged it.

The three command-line tests need /work/helpers/r1files-fence.diff (``cli.main`` enters
the fence) and are strict xfail until it is applied; the fence itself is tested here.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from citeaudit import bounded_read
from citeaudit.bounded_read import fenced_to, read_capped
from citeaudit.cli import main
from citeaudit.input_scope import InputScope

MARK = "QZ14FENCEDSECRET"
REFS = "@article{a, title={A}, author={X, Y}, year={2000}, journal={J}}\n"
REFUSED = "outside the audit's own files"


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(repo, the working folder, holding paper.md and refs.bib; outside, beside it)."""
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    (repo / "paper.md").write_text("---\nbibliography: refs.bib\n---\nSee [@a].\n", "utf-8")
    monkeypatch.chdir(repo)
    return repo, outside


def _swap_for_link(path: Path, target: Path) -> None:
    path.unlink()
    path.symlink_to(target)


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(["check", "--offline", "--format", "json", "--fail-on", "never", *args])
    shown = capsys.readouterr()
    return shown.out + shown.err


def _outside_opened(opened: list[str], outside: Path) -> list[str]:
    return [name for name in opened if os.path.realpath(name).startswith(str(outside))]


def test_a_configuration_swapped_after_the_vetter_judged_it_is_not_read(
    checkout: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opened: list[str],
) -> None:
    repo, outside = checkout
    (outside / "runner.toml").write_text(f'{MARK} = "token"\n', encoding="utf-8")
    (repo / "citeaudit.toml").write_text("ignore = []\n", encoding="utf-8")
    judged = InputScope.admits

    def then_swapped(self: InputScope, path: Path) -> bool:
        admitted = judged(self, path)
        asking = sys._getframe(1).f_code.co_name  # the vetter's own check
        if admitted and Path(path).name == "citeaudit.toml" and asking == "vet":
            _swap_for_link(Path(path), outside / "runner.toml")
        return admitted

    monkeypatch.setattr(InputScope, "admits", then_swapped)
    before = len(opened)  # the test's own writes are no reads of the run
    shown = _check(capsys, "--confine", ".", "paper.md")
    assert MARK not in shown
    assert not _outside_opened(opened[before:], outside)


def test_a_reference_list_swapped_after_the_check_is_not_sniffed(
    checkout: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opened: list[str],
) -> None:
    repo, outside = checkout
    secret = f"@misc{{stolen, title={{{MARK}}}, author={{Hidden, A.}}, year={{2001}}}}\n"
    (outside / "keys.bib").write_text(secret, encoding="utf-8")
    (repo / "list.txt").write_text("Smith, J. (2000). A title. Journal, 1, 2-3.\n", "utf-8")
    judged = InputScope.admits

    def then_swapped(self: InputScope, path: Path) -> bool:
        admitted = judged(self, path)
        asking = sys._getframe(1).f_code.co_name  # the audit's check before its sniff
        if admitted and Path(path).name == "list.txt" and asking == "read_inputs":
            _swap_for_link(Path(path), outside / "keys.bib")
        return admitted

    monkeypatch.setattr(InputScope, "admits", then_swapped)
    before = len(opened)
    shown = _check(capsys, "--confine", ".", "paper.md", "--reference-list", "list.txt")
    assert MARK not in shown
    assert not _outside_opened(opened[before:], outside)


def test_an_audited_file_swapped_before_the_suppression_scan_is_not_scanned(
    checkout: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opened: list[str],
) -> None:
    """A comment in a runner's file on the line of a finding silenced that finding: the
    report told whether the runner's file holds one there."""
    from citeaudit.suppress import apply

    repo, outside = checkout
    (repo / "paper.md").write_text(
        "---\nbibliography: refs.bib\n---\nSee [@a] and [@absent].\n", "utf-8"
    )  # a finding on line 4: the file is scanned for a comment silencing it
    runner = f"\n\n<!-- citeaudit: ignore[missing-reference] -- {MARK} -->\n"
    (outside / "notes.md").write_text(runner, "utf-8")
    scan = apply.scan
    swapped_at: list[int] = []

    def swapped_then_scanned(file: str) -> list[object]:
        if Path(file).name == "paper.md" and not swapped_at:
            _swap_for_link(Path(file), outside / "notes.md")
            swapped_at.append(len(opened))
        return list(scan(file))

    monkeypatch.setattr(apply, "scan", swapped_then_scanned)
    confined = ("--confine", ".", "paper.md")
    main(["check", "--offline", "--format", "json", "--fail-on", "never", *confined])
    report = json.loads(capsys.readouterr().out)
    assert swapped_at, "the scan was not reached"
    assert not report["summary"].get("suppressed")  # no runner's comment silenced it
    assert any(f["rule"] == "missing-reference" for f in report["findings"])
    assert not _outside_opened(opened[swapped_at[0] :], outside)


def test_the_fence_holds_checkout_names_and_leaves_the_runners_alone(tmp_path: Path) -> None:
    """Inside the fence, a name of the checkout is read only as the checkout's own file
    (no link out, no second name), alike whether the target exists; a name outside it,
    even one whose real path is inside, is the runner's and read as given."""
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / "docs").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text(MARK, encoding="utf-8")
    (repo / "own.txt").write_text("own", encoding="utf-8")
    (repo / "docs" / "inner.txt").write_text("inner", encoding="utf-8")
    (repo / "inside-link.txt").symlink_to(repo / "docs" / "inner.txt")
    (repo / "link.txt").symlink_to(outside / "secret.txt")
    (repo / "dangling.txt").symlink_to(outside / "nothing.txt")
    (repo / "out").symlink_to(outside)
    os.link(outside / "secret.txt", repo / "second.txt")
    (tmp_path / "alias").symlink_to(repo)  # the checkout named through a link
    refused = [
        repo / "link.txt",
        repo / "dangling.txt",
        repo / "out" / "secret.txt",
        repo / "out" / "nothing.txt",
        repo / "second.txt",
        tmp_path / "alias" / "link.txt",
        Path(os.path.relpath(repo / "link.txt")),
    ]
    with fenced_to(repo):
        assert read_capped(repo / "own.txt", 100) == b"own"
        assert read_capped(repo / "inside-link.txt", 100) == b"inner"
        assert read_capped(tmp_path / "alias" / "own.txt", 100) == b"own"
        for name in refused:
            with pytest.raises(OSError) as refusal:
                read_capped(name, 100)
            assert REFUSED in str(refusal.value.strerror), name
            with pytest.raises(OSError):
                bounded_read.open_regular(name)
        # the runner's own files, named outside the checkout, are read as given
        assert read_capped(outside / "secret.txt", 100) == MARK.encode()
        assert read_capped(tmp_path / "outside" / ".." / "repo" / "own.txt", 100) == b"own"
    assert read_capped(repo / "link.txt", 100) == MARK.encode()  # no fence: the CLI's own


def test_no_fence_without_a_folder(tmp_path: Path) -> None:
    """``fenced_to(None)`` (a command run without ``--confine``) holds nothing."""
    (tmp_path / "secret.txt").write_text(MARK, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "secret.txt")
    with fenced_to(None):
        assert read_capped(tmp_path / "link.txt", 100) == MARK.encode()
