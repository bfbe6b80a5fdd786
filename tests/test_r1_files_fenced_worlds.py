"""Red team r1: under ``check --confine``, no file outside the checkout is read through a
name the checkout's own links had a say in -- over seeded random worlds of links.

Within `bounded_read.fenced_to(repo)` the runner's names are read as given, and every
other name is held to the checkout. A name is the runner's only when no entry of the
checkout chose where it leads: its way passes no link lying in the checkout, and its
last part lies in a folder outside. Each world holds the checkout (real folders, files
and links the fork committed: out, back in, up, to each other), the runner's links to
it (``alias -> repo``, ``deep -> repo/d0``) and a runner's folder of secrets; names are
joined at random from all of them, ``..`` included. A reference walk, written apart
from `bounded_read.enters`, follows each name link by link as the system does; a secret
read through a name the checkout had a say in fails the test.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from citeaudit.bounded_read import fenced_to, read_capped

SECRET = b"QZR1WORLDSECRET"
PARTS = ("alias", "deep", "repo", "outside", "..", ".", "d0", "d1", "s", "l0", "l1", "l2", "l3")
LAST = ("f", "secret", "l0", "l2", "g")
TARGETS = (
    "../outside",
    "../../outside/s",
    "..",
    "../..",
    "d0",
    "d1/../..",
    "l1",
    "../repo/d1",
    "{outside}",
    "{outside}/s/secret",
    "{repo}/d0",
    "/nonexistent/x",
    "f",
)


def _world(base: Path, rng: random.Random) -> tuple[Path, Path]:
    repo, outside = base / "repo", base / "outside"
    for folder in (repo / "d0", repo / "d1", outside / "s"):
        folder.mkdir(parents=True)
    for folder in (repo, repo / "d0", repo / "d1"):
        (folder / "f").write_bytes(b"inside")
    for folder in (outside, outside / "s"):
        (folder / "secret").write_bytes(SECRET)
        (folder / "f").write_bytes(SECRET)
    places = [repo, repo / "d0", repo / "d1"]
    for k in range(4):
        target = rng.choice(TARGETS).format(outside=outside, repo=repo)
        (rng.choice(places) / f"l{k}").symlink_to(target)
    (base / "alias").symlink_to("repo")
    (base / "deep").symlink_to(Path("repo") / "d0")
    (outside / "l0").symlink_to(Path("..") / "repo" / "l0")  # the runner's, to a fork's
    return repo, outside


def _fork_had_a_say(name: Path, repo: Path) -> bool:
    """The reference: whether the system's way to `name` passes a link lying in `repo`
    or ends at an entry of a folder of `repo` (links followed one by one, the last
    part's too, as an open follows them)."""
    pending = list(name.parts[1:])
    reached = Path(name.parts[0])
    hops = 0
    while pending:
        part = pending.pop(0)
        if part in ("", "."):
            continue
        if part == "..":
            reached = reached.parent
            continue
        step = reached / part
        if not os.path.lexists(step):
            return _in(reached, repo)  # nothing lies below a missing part
        if not step.is_symlink():
            reached = step
            continue
        if _in(reached, repo):
            return True
        hops += 1
        if hops > 40:
            return True
        target = Path(os.readlink(step))
        if target.is_absolute():
            reached = Path(target.parts[0])
        pending[:0] = list(target.parts[1:] if target.is_absolute() else target.parts)
    return _in(reached.parent, repo)


def _in(folder: Path, repo: Path) -> bool:
    real = os.path.realpath(folder)
    return real == str(repo) or real.startswith(str(repo) + os.sep)


def test_no_secret_is_read_through_a_name_the_checkout_chose(tmp_path: Path) -> None:
    tried = read = secrets = 0
    for seed in range(16):
        rng = random.Random(seed)
        base = tmp_path / str(seed)
        base.mkdir()
        repo, _outside = _world(base, rng)
        with fenced_to(repo):
            for _ in range(120):
                middle = [rng.choice(PARTS) for _ in range(rng.randint(0, 4))]
                name = Path(base, *middle, rng.choice(LAST))
                tried += 1
                try:
                    data = read_capped(name, 1000)
                except OSError:
                    continue
                read += 1
                if data == SECRET:
                    secrets += 1
                    assert not _fork_had_a_say(name, repo), (seed, name)
    assert tried == 16 * 120 and read > 0 and secrets > 0  # the worlds are read at all
