"""Red team, round 14: the confined scope judged over many made-up folders of links.

Earlier rounds tried one link trick at a time (``link/../x``, a detour through a folder
outside, a loop). Here folders are built from a fixed seed, each with links planted
inside the root -- relative and absolute, up and out and back, to folders, files,
other links and nothing -- and every name of a few parts (``a/l3/../root/x``) is asked
of the scope. Two properties, for every name:

* admitted means opened inside: a name `InputScope.admits` lets through is, when the
  system opens it, a file whose real path lies in the root;
* no answer depends on the disk outside: the same root beside an ``outside`` that is a
  folder of files and links (one back into the root) and beside an ``outside`` that is
  a plain file gives every name the same answer from `InputScope.locate` -- the file
  found, or the same sentence -- so an upload or a fork's checkout cannot probe what
  lies beyond its folder.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from citeaudit.input_scope import InputScope

_TARGETS = (
    "..",
    "../..",
    "../outside",
    "../../outside/c",
    "BASE/outside",
    "BASE/outside/c/..",
    "BASE/root/a",
    "BASE/root/../outside/r",
    "a",
    "x",
    ".",
    "../root/a",
    "BASE/outside/r/a",
    "../outside/c/rr",
    "l0",
    "../l1",
    "l2/..",
    "nothing/..",
)
_PARTS = ("a", "b", "..", ".", "x", "root", "outside", "c", "r", "rr", "nothing")
_LINKS = 5
_WORLDS = 20
_NAMES = 60


def _world(base: Path, outside_is_folder: bool, links: list[tuple[str, str, str]]) -> Path:
    """`base`/root with its files and `links`; beside it, `base`/outside as a folder of
    files and links back (or as a plain file). The root, after links."""
    root = base / "root"
    (root / "a" / "b").mkdir(parents=True)
    (root / "x").write_text("inside", encoding="utf-8")
    (root / "a" / "x").write_text("inside", encoding="utf-8")
    if outside_is_folder:
        (base / "outside" / "c").mkdir(parents=True)
        (base / "outside" / "x").write_text("outside", encoding="utf-8")
        (base / "outside" / "c" / "x").write_text("outside", encoding="utf-8")
        (base / "outside" / "r").symlink_to(root)
        (base / "outside" / "c" / "rr").symlink_to(Path("..") / ".." / "root")
    else:
        (base / "outside").write_text("not a folder", encoding="utf-8")
    for folder, name, target in links:
        link = root / folder / name
        if not os.path.lexists(link):
            link.symlink_to(target.replace("BASE", str(base)))
    return Path(os.path.realpath(root))


def _answer(scope: InputScope, root: Path, name: str) -> str:
    found = scope._locate("included file", name, [root / name])
    if isinstance(found, str):
        return found
    return "found " + os.path.relpath(os.path.realpath(found), root)


def test_admitted_names_open_inside_and_no_answer_depends_on_the_outside(
    tmp_path: Path,
) -> None:
    draw = random.Random(14)
    for world in range(_WORLDS):
        links = [
            (draw.choice(("", "a", "a/b")), f"l{i}", draw.choice(_TARGETS)) for i in range(_LINKS)
        ]
        parts = (*_PARTS, *(f"l{i}" for i in range(_LINKS)))
        names = [
            "/".join(draw.choice(parts) for _ in range(draw.randint(1, 6))) for _ in range(_NAMES)
        ]
        answers: list[list[str]] = []
        for outside_is_folder in (True, False):
            base = tmp_path / f"w{world}-{int(outside_is_folder)}"
            root = _world(base, outside_is_folder, links)
            scope = InputScope.confined_to(root)
            for name in names:
                if scope.admits(root / name) and (root / name).is_file():
                    real = Path(os.path.realpath(root / name))
                    assert real.is_relative_to(root), (name, links, real)
            answers.append([_answer(InputScope.confined_to(root), root, n) for n in names])
        for name, beside_folder, beside_file in zip(names, *answers, strict=True):
            assert beside_folder == beside_file, (name, links)
