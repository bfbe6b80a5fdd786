"""A file name an upload gives that is longer than any path costs no path resolution.

A confined audit resolves each name's symbolic links (``os.path.realpath``) to see
that it stays inside the upload; that looks up every prefix of the path in turn, so a
name of n folders (``\\input{a/a/a/…/x}``) cost n^2 characters handed to the file
system: a 400 KB name took 22 s, a few megabytes hours -- from LaTeX ``\\input``, a
``\\bibliography``, a front-matter ``bibliography:`` or a knitr child alike. No kernel
opens a path over PATH_MAX (4,096 bytes), so such a name is no file: it is refused
unresolved with the sentence the operating system would give. Under it, 2,000 names
of 2,000 folders each cost the same per name: a path is now looked up only as far
as it exists (nothing lies below a folder that does not). No clock: the
characters of every path looked up (``os.lstat``, ``os.stat``) are counted, and held
to a small multiple of the upload's own size.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from citeaudit.input_scope import InputScope
from citeaudit.service.inputs import read_files
from citeaudit.store.views import StoredFile

DEEP = "a/"


def _upload(name: str) -> Callable[[str], object]:
    def read(text: str) -> object:
        data = text.encode("utf-8")
        return read_files([StoredFile("manuscript", name, "text", len(data), data)])

    return read


SHAPES: list[tuple[str, Callable[[int], str], Callable[[str], object]]] = [
    (
        "latex-input",
        lambda n: "\\begin{document}\n\\input{" + DEEP * (n // 2) + "x}\n\\end{document}\n",
        _upload("main.tex"),
    ),
    (
        "latex-bibliography",
        lambda n: "\\begin{document}\n\\bibliography{" + DEEP * (n // 2) + "x}\n\\end{document}",
        _upload("main.tex"),
    ),
    (
        "front-matter-bibliography",
        lambda n: "---\nbibliography: " + DEEP * (n // 2) + "x.bib\n---\nText [@a].\n",
        _upload("paper.md"),
    ),
    (
        "many-names-under-path-max",
        lambda n: (
            "\\begin{document}\n"
            + "".join(f"\\input{{{DEEP * 2_000}x{i}}}\n" for i in range(n // 4_010))
            + "\\end{document}\n"
        ),
        _upload("main.tex"),
    ),
    (
        "knitr-child",
        lambda n: "```{r child='" + DEEP * (n // 2) + "x.Rmd'}\n```\nText (Lee 2001).\n",
        _upload("paper.Rmd"),
    ),
]


@pytest.mark.parametrize(("name", "build", "run"), SHAPES, ids=[s[0] for s in SHAPES])
def test_a_name_of_many_folders_is_looked_up_in_linear_work(
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    build: Callable[[int], str],
    run: Callable[[str], object],
) -> None:
    looked_up = [0]
    for call in ("lstat", "stat"):
        original = getattr(os, call)

        def counted(path: Any, *args: Any, _original: Any = original, **kwargs: Any) -> Any:
            looked_up[0] += len(os.fspath(path)) if isinstance(path, (str, bytes)) else 1
            return _original(path, *args, **kwargs)

        monkeypatch.setattr(os, call, counted)
    text = build(200_000)
    run(text)
    assert looked_up[0] < 50 * len(text), f"{name}: {looked_up[0]:,} characters looked up"


def test_a_name_longer_than_any_path_is_a_problem_naming_it() -> None:
    text = "\\begin{document}\nText \\cite{a}.\n\\input{" + DEEP * 5_000 + "x}\n\\end{document}\n"
    data = text.encode("utf-8")
    audit = read_files([StoredFile("manuscript", "main.tex", "text", len(data), data)])
    (problem,) = audit.input_problems
    assert "File name too long" in problem.message and problem.location.line == 3
    assert len(problem.message) < 400
    assert [c.key for c in audit.citations] == ["a"]


def test_a_long_name_inside_the_upload_under_the_limit_is_still_followed() -> None:
    child = b"Child text \\cite{inside}.\n"
    folders = "b" * 200
    main = f"\\begin{{document}}\n\\input{{{folders}/{folders}/chapter}}\n\\end{{document}}\n"
    audit = read_files(
        [
            StoredFile("manuscript", "main.tex", "text", len(main), main.encode()),
            StoredFile("manuscript", "chapter.tex", "text", len(child), child),
        ]
    )
    assert [c.key for c in audit.citations] == ["inside"]  # found by its base name


def test_a_link_out_is_refused_alike_whether_the_file_below_it_exists(tmp_path: Path) -> None:
    """Looked up only as far as it exists, a path is still resolved through a link to
    a folder outside: a missing file below the link is refused as an existing one is."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.tex").write_text("Secret.\n", encoding="utf-8")
    folder = tmp_path / "upload"
    folder.mkdir()
    (folder / "link").symlink_to(outside, target_is_directory=True)
    scope = InputScope.confined_to(folder)
    for name in ("link/secret.tex", "link/missing.tex", "link/deeper/missing.tex"):
        assert not scope.admits(folder / name), name
        found = scope.locate("included file", name, [folder / name])
        assert found == scope.refusal("included file", name)
    assert scope.admits(folder / "missing/below/x.tex")  # inside, merely not there
