"""Red team: a symbolic link followed by ``..`` in a name, and a book's folder list that
walks through a link -- both under ``citeaudit check --confine``, as a CI job runs on a
fork's pull request (the fork's checkout may hold symbolic links; git stores them).

The scope judged a name after folding its ``..`` away as text (``link/../secret`` is
``secret``, inside), but the operating system opens it by walking it: through ``link``
to where it points, then up from there. ``\\input{link/../secret}`` with ``link ->
../home/dir`` read ``../home/secret.tex``, and ``citeaudit fix`` would have written
to a bibliography named so. A bookdown ``rmd_subdir:`` naming a link listed the folder
it points to, and every ``.Rmd`` name found there came back in a refusal: a listing of
the runner's disk.

Every secret here is made up inside the test.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citeaudit.cli import main
from citeaudit.input_scope import InputScope

SECRET = "QZ8LINKDOTDOT"
REFUSED = "outside the audit's own files"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """home/ (outside, with secrets and an empty dir/) and repo/ (the checkout, the
    working folder) holding ``link -> ../home/dir``."""
    home = tmp_path / "home"
    (home / "dir").mkdir(parents=True)
    (home / "secret.tex").write_text(f"{SECRET} \\cite{{stolen}}.\n", encoding="utf-8")
    (home / "secret.bib").write_text(
        f"@misc{{stolen, title={{{SECRET}}}, author={{Hidden, A.}}, year={{2000}}}}\n",
        encoding="utf-8",
    )
    (home / "secret.Rmd").write_text(f"{SECRET} [@stolen].\n", encoding="utf-8")
    (home / "private").mkdir()
    (home / "private" / f"salary-{SECRET}.Rmd").write_text("x\n", encoding="utf-8")
    checkout = tmp_path / "repo"
    checkout.mkdir()
    os.symlink(Path("..") / "home" / "dir", checkout / "link")
    (checkout / "refs.bib").write_text(
        "@article{a, title={A}, author={Okafor, N.}, year={2018}, journal={J}}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(checkout)
    return checkout


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(["check", "--offline", "--format", "json", "--fail-on", "never", "--confine", ".", *args])
    return capsys.readouterr().out


def _messages(out: str) -> list[tuple[str, object, str]]:
    report = json.loads(out)
    return [
        (str(f["location"]["file"]), f["location"].get("line"), str(f["message"]))
        for f in report["findings"]
    ]


@pytest.mark.parametrize(
    "naming",
    [
        "\\input{link/../secret}",
        "\\input{./link/../secret.tex}",
        "\\include{link/../secret}",
        "\\import{link/../}{secret}",
        "\\subimport{link/..}{secret}",
        "\\bibliography{refs,link/../secret}",
        "\\addbibresource{link/../secret.bib}\\addbibresource{refs.bib}",
    ],
)
def test_a_latex_name_through_a_link_and_up_is_refused_on_its_line(
    repo: Path, capsys: pytest.CaptureFixture[str], naming: str
) -> None:
    (repo / "main.tex").write_text(
        f"Okafor showed it \\cite{{a}}.\n{naming}\n\\bibliography{{refs}}\n", encoding="utf-8"
    )
    out = _check(capsys, "main.tex")
    assert SECRET not in out and "stolen" not in out
    refusals = [m for m in _messages(out) if REFUSED in m[2]]
    assert refusals and all(m[:2] == ("main.tex", 2) for m in refusals), _messages(out)
    assert [r["key"] for r in json.loads(out)["references"]] == ["a"]  # the rest audited


@pytest.mark.parametrize(
    "front",
    [
        "bibliography: link/../secret.bib",
        "bibliography: [refs.bib, link/../secret.bib]",
    ],
)
def test_a_front_matter_name_through_a_link_and_up_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str], front: str
) -> None:
    (repo / "paper.md").write_text(
        f"---\ntitle: T\n{front}\n---\n\nOkafor showed it [@a; @stolen].\n", encoding="utf-8"
    )
    out = _check(capsys, "paper.md")
    assert SECRET not in out
    assert any(REFUSED in m[2] and m[:2] == ("paper.md", 3) for m in _messages(out))


def test_a_knitr_child_and_a_quarto_chapter_through_a_link_are_refused(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "index.qmd").write_text(
        '---\nbibliography: refs.bib\n---\nOkafor [@a].\n\n```{r, child="link/../secret.Rmd"}\n'
        "```\n",
        encoding="utf-8",
    )
    (repo / "_quarto.yml").write_text(
        "book:\n  chapters:\n    - index.qmd\n    - link/../secret.Rmd\n", encoding="utf-8"
    )
    out = _check(capsys, "index.qmd")
    assert SECRET not in out and "stolen" not in out
    places = {m[:2] for m in _messages(out) if REFUSED in m[2]}
    assert places == {("index.qmd", 6), ("_quarto.yml", 4)}, _messages(out)


def test_fix_never_writes_through_a_link_and_up(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``citeaudit fix --confine`` rewrites the bibliography it read: read through
    ``link/..`` it was the file outside."""
    outside = repo.parent / "home" / "secret.bib"
    outside.write_text(
        "@article{stolen, title={T}, author={Hidden, A.}, year={2000}, journal={J},"
        " doi={https://doi.org/10.1000/xyz}}\n",
        encoding="utf-8",
    )
    before = outside.read_bytes()
    (repo / "main.tex").write_text(
        "Text \\cite{stolen}.\n\\bibliography{link/../secret}\n", "utf-8"
    )
    main(["fix", "--offline", "--confine", ".", "main.tex"])
    capsys.readouterr()
    assert outside.read_bytes() == before


def test_the_scope_judges_a_name_where_the_system_opens_it(repo: Path) -> None:
    scope = InputScope.confined_to(repo)
    assert not scope.admits(repo / "link" / ".." / "secret.tex")
    assert not scope.admits(repo / "link" / ".." / "dir" / ".." / "secret.tex")
    # a walk that leaves through the link and comes back in is refused: whether the
    # system opens it depends on what lies outside (test_redteam_reads_walk_leaves_root)
    assert not scope.admits(repo / "link" / ".." / ".." / "repo" / "refs.bib")
    # up from a real folder inside is still inside; a link's own folder is a folder out
    (repo / "sub").mkdir()
    assert scope.admits(repo / "sub" / ".." / "refs.bib")
    assert scope.admits(repo / "." / "sub" / "." / ".." / "refs.bib")
    assert not scope.admits(repo / "link" / "anything.tex")


def test_a_book_folder_list_never_lists_a_folder_outside(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``rmd_subdir:`` naming a link to a folder outside: nothing there is listed, so no
    name found there comes back in a message."""
    os.symlink(Path("..") / "home", repo / "evil")
    (repo / "index.Rmd").write_text(
        "---\nsite: bookdown::bookdown_site\nbibliography: refs.bib\n---\nOkafor [@a].\n",
        encoding="utf-8",
    )
    (repo / "_bookdown.yml").write_text("rmd_subdir: [evil, link]\n", encoding="utf-8")
    out = _check(capsys, "index.Rmd")
    assert SECRET not in out and "salary" not in out and "secret" not in out
    assert [r["key"] for r in json.loads(out)["references"]] == ["a"]


def test_a_refused_chapter_is_not_called_an_unread_bibliography(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "index.qmd").write_text("---\nbibliography: refs.bib\n---\nOkafor [@a].\n", "utf-8")
    (repo / "_quarto.yml").write_text(
        "book:\n  chapters:\n    - index.qmd\n    - ../home/secret.Rmd\n", encoding="utf-8"
    )
    out = _check(capsys, "index.qmd")
    refusals = [m for m in _messages(out) if REFUSED in m[2]]
    assert len(refusals) == 1
    assert "citations were not checked" not in refusals[0][2]


def test_a_strangers_chapter_read_without_a_scope_looks_for_no_book_above(
    tmp_path: Path,
) -> None:
    """Defence in depth: a reader that forgets the audit's scope while a stranger's files
    are read follows no name (`strangers_files`) -- nor goes looking for a book's build
    files in the folders above (a shared /tmp), whose chapter names it would report."""
    from citeaudit.input_scope import strangers_files
    from citeaudit.manuscript.reading import read_manuscript_with_problems

    book = tmp_path / "book"
    (book / "ch").mkdir(parents=True)
    (book / "_quarto.yml").write_text(
        f"book:\n  chapters:\n    - ch/a.qmd\n    - ch/{SECRET}.qmd\n", encoding="utf-8"
    )
    (book / "ch" / f"{SECRET}.qmd").write_text("Hidden [@stolen].\n", encoding="utf-8")
    chapter = book / "ch" / "a.qmd"
    chapter.write_text("Okafor [@a].\n", encoding="utf-8")
    with strangers_files():
        document, problems = read_manuscript_with_problems(chapter)
    assert SECRET not in repr(document) + repr(problems)
    assert [line.file for line in document.lines] == [str(chapter)]
