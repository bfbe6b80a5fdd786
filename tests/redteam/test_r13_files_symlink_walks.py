"""A confined scope judged against the kernel on random checkouts of symbolic links.

The other tests name the links they thought of. Here a few hundred small checkouts are
drawn at random (seeded, so every run draws the same): links inside and beside the
checkout, relative and absolute, to files, folders, ``..``, ``.git`` and each other,
chained and looping; and random names through them. Two rules must hold for each:

* what the scope admits, the system opens inside the checkout and outside its
  version-control folder (``os.path.realpath`` is where ``open`` goes);
* the answer to a name -- the file, "not found", "outside" -- is the same after the
  folders beside the checkout gain files and folders of every name the draws use: a
  hostile checkout cannot tell what exists on the runner's disk.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

from citeaudit.input_scope import InputScope

# What links point at, and what names are made of: few parts, so that a name through a
# link to a folder not there yet and back (``l1/../root/f.tex``) is drawn often.
_TARGET_PARTS = ("..", "..", ".", "a", "b", "c", "root", "out", "l1", "l2", ".git", "f.tex")
_NAME_PARTS = ("..", "..", "l1", "l2", "l3", "root", "a", "f.tex", "s.tex", ".git")
_CHECKOUTS = 40
_NAMES = 25


def _checkout(base: Path, draw: random.Random) -> tuple[Path, Path, list[Path]]:
    root, out = base / "root", base / "out"
    folders = [root, root / "a", root / "a" / "b", out, out / "c"]
    for folder in (*folders, root / ".git"):
        folder.mkdir(parents=True, exist_ok=True)
    for file in (root / "f.tex", root / "a" / "f.tex", root / ".git" / "f.tex", out / "s.tex"):
        file.write_text("x", encoding="utf-8")
    os.link(out / "s.tex", root / "a" / "s.tex")  # a second name of the outside file
    # One link always leads beside the checkout, to a folder that is there or not.
    os.symlink("../" + draw.choice(("a", "b", "c", "out/a", "out/c/b", "out")), root / "l3")
    for link in ("l1", "l2"):
        target = "/".join(draw.choice(_TARGET_PARTS) for _ in range(draw.randint(1, 4)))
        if draw.random() < 0.3:
            target = f"{draw.choice((root, out, base))}/{target}"
        folder = draw.choice(folders)
        if not os.path.lexists(folder / link):
            os.symlink(target, folder / link)
    return root, out, folders


def _names(draw: random.Random) -> list[str]:
    """Random names, half of them out through ``l3`` and back in (``l3/../../root/f.tex``),
    after two through the hard link."""
    names = ["a/s.tex", "l3/../root/a/s.tex"]  # the hard link, directly and around
    for _ in range(_NAMES):
        name = "/".join(draw.choice(_NAME_PARTS) for _ in range(draw.randint(1, 5)))
        if draw.random() < 0.5:
            name = "l3/" + "../" * draw.randint(1, 3) + draw.choice(("root/", "")) + name
        names.append(name)
    return names


def _answers(root: Path, names: list[str]) -> list[str]:
    scope = InputScope.confined_to(root)
    found = (scope.locate("file", name, [root / name]) for name in names)
    return [f"file {f}" if isinstance(f, Path) else str(f) for f in found]


def _grow_outside(base: Path, out: Path) -> None:
    """Every name the draws use, beside and under the checkout's neighbours."""
    for folder in (base, out, out / "c"):
        for name in ("a", "b", "c", "root", "out", ".git"):
            place = folder / name
            if not os.path.lexists(place):
                (place / "a" / "b").mkdir(parents=True)
                for inner in (place, place / "a", place / "a" / "b"):
                    (inner / "f.tex").write_text("y", encoding="utf-8")
                    (inner / "s.tex").write_text("y", encoding="utf-8")
        for name in ("f.tex", "s.tex"):
            if not os.path.lexists(folder / name):
                (folder / name).write_text("y", encoding="utf-8")


def _opened_inside(path: Path, root: Path, out: Path) -> bool:
    """Where the system opens `path`: inside `root`, not in its ``.git``, and no second
    name of a file outside (a hard link's other name is not seen by ``realpath``)."""
    real = Path(os.path.realpath(path))
    inner = real.relative_to(root).parts if real.is_relative_to(root) else None
    status = os.stat(path)
    outside = {(s.st_dev, s.st_ino) for s in map(os.stat, out.glob("*.tex"))}
    return (
        inner is not None and ".git" not in inner and (status.st_dev, status.st_ino) not in outside
    )


def test_what_is_admitted_is_opened_inside(tmp_path: Path) -> None:
    draw = random.Random(13)
    for n in range(_CHECKOUTS):
        base = tmp_path / str(n)
        root, out, _folders = _checkout(base, draw)
        scope = InputScope.confined_to(root)
        real_root = Path(os.path.realpath(root))
        for name in _names(draw):
            path = root / name
            if scope.admits(path) and os.path.exists(path):
                assert _opened_inside(path, real_root, out), (name, _links(base))
        shutil.rmtree(base)


def test_no_answer_depends_on_what_lies_outside(tmp_path: Path) -> None:
    draw = random.Random(1313)
    for n in range(_CHECKOUTS):
        base = tmp_path / str(n)
        root, out, _folders = _checkout(base, draw)
        names = _names(draw)
        before = _answers(root, names)
        _grow_outside(base, out)
        after = _answers(root, names)
        changed = [(m, b, a) for m, b, a in zip(names, before, after, strict=True) if b != a]
        assert changed == [], (changed, _links(base))
        shutil.rmtree(base)


def _links(base: Path) -> dict[str, str]:
    """The checkout's links, for a failure's message."""
    return {
        str(Path(top, name).relative_to(base)): os.readlink(Path(top, name))
        for top, folders, files in os.walk(base)
        for name in (*folders, *files)
        if os.path.islink(Path(top, name))
    }
