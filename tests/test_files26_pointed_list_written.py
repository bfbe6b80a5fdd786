"""Red team files26: the CLI wrote its report over a reference list it had just read.

Class: files25 made ``--output`` and ``--write-baseline`` refuse any file the audit
read (`cli.own_inputs`: the named inputs, then each manuscript's ``files`` and each
bibliography's source). A reader added since (`manuscript.pointed_list`, round lf15)
reads the list a manuscript points at -- "## References / See `refs.md`." -- from a
sibling file, and records it nowhere but in its entries' locations. So ``check
paper.md -o refs.md`` replaced the list with the report, exit 0, and a fork's one-line
``citeaudit.toml`` (``baseline = "refs.md"``) had CI's ``check --confine .
--write-baseline`` replace it with an empty baseline (3 of 3 shapes before; the
manuscript itself, as a control, was refused). The same held for the project's build
files the audit read (a ``_quarto.yml`` or Makefile that gave the bibliography: 3 of 3
overwritten). /work/helpers/files26-1.diff counts every file the result's entries and
references lie in as read (the pointed list); /work/helpers/files26-2.diff records, at
the one place every reader opens its file (`bounded_read`), each file the run opened,
and refuses writing over any of them (both classes, and any reader added later).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.cli import main

_PAPER = "A study [1] and another [2].\n\n## References\n\nSee `refs.md`.\n"
_LIST = (
    "1. Smith, J. (2001). A title of work. Journal of Things, 3(2), 1-10.\n"
    "2. Jones, K. (2005). Another title here. Journal of Stuff, 4, 5-9.\n"
)


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "checkout"
    root.mkdir()
    (root / "paper.md").write_text(_PAPER, encoding="utf-8")
    (root / "refs.md").write_text(_LIST, encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return root


def test_control_the_pointed_list_is_read(
    checkout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--offline", "--format", "json", "paper.md"])
    assert '"file": "refs.md"' in capsys.readouterr().out  # its entries are the list


def test_control_the_manuscript_itself_is_not_written_over(checkout: Path) -> None:
    before = (checkout / "paper.md").read_bytes()
    assert main(["check", "--offline", "--format", "json", "-o", "paper.md", "paper.md"]) == 2
    assert (checkout / "paper.md").read_bytes() == before


_WRITES = {
    "output": (["-o", "refs.md"], None),
    "write-baseline": (["--write-baseline", "--baseline", "refs.md"], None),
    "checkout-config-baseline": (["--confine", ".", "--write-baseline"], 'baseline = "refs.md"\n'),
}


@pytest.mark.parametrize("shape", sorted(_WRITES))
def test_the_pointed_list_is_not_written_over(shape: str, checkout: Path) -> None:
    options, config = _WRITES[shape]
    if config is not None:
        (checkout / "citeaudit.toml").write_text(config, encoding="utf-8")
    code = main(["check", "--offline", "--format", "json", *options, "paper.md"])
    assert (checkout / "refs.md").read_text(encoding="utf-8") == _LIST
    assert code == 2


_MD = "---\ntitle: x\n---\n\nText [@k].\n"
_BIB = "@article{k, author={A, B}, title={T}, journal={J}, year={2000}}\n"
_BUILD_FILES = {
    "_quarto.yml": "bibliography: refs.bib\n",
    "Makefile": "all:\n\tpandoc --bibliography=refs.bib main.md\n",
}
_BUILD_WRITES = {
    "output-quarto": ("_quarto.yml", ["-o", "_quarto.yml"], None),
    "output-makefile": ("Makefile", ["-o", "Makefile"], None),
    "checkout-config-baseline-quarto": (
        "_quarto.yml",
        ["--confine", ".", "--write-baseline"],
        'baseline = "_quarto.yml"\n',
    ),
}


@pytest.mark.parametrize("build", sorted(_BUILD_FILES))
def test_control_the_build_file_gives_the_bibliography(
    build: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "main.md").write_text(_MD, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(_BIB, encoding="utf-8")
    (tmp_path / build).write_text(_BUILD_FILES[build], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--offline", "main.md"]) == 0  # [@k] found through it


@pytest.mark.parametrize("shape", sorted(_BUILD_WRITES))
def test_a_build_file_read_is_not_written_over(
    shape: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build, options, config = _BUILD_WRITES[shape]
    (tmp_path / "main.md").write_text(_MD, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(_BIB, encoding="utf-8")
    (tmp_path / build).write_text(_BUILD_FILES[build], encoding="utf-8")
    if config is not None:
        (tmp_path / "citeaudit.toml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--offline", "--format", "json", *options, "main.md"])
    assert (tmp_path / build).read_text(encoding="utf-8") == _BUILD_FILES[build]
    assert code == 2
