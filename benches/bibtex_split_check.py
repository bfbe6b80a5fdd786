"""Does the fast BibTeX splitter still give bibtexparser's blocks on real files?

`citeaudit.bibliography.bibtexparser_blocks.split` mirrors the rules of bibtexparser's
splitter (version 2.1.0 when it was written). After a bibtexparser upgrade, or a
change to the splitter, run this over every ``.bib`` file in the repository
snapshots under /work/.mirror (brought by the session tool `fetch`) and over
randomly damaged variants of the committed sample; it prints each file or variant
whose blocks differ and the first differing block. No output but the totals: same.

    .venv/bin/python benches/bibtex_split_check.py [--damaged 20000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.bibliography.test_bibtexparser_blocks import (  # noqa: E402
    _MARKS,
    SAMPLE,
    bibtexparser_view,
    odd_file,
    split_view,
)

from citeaudit.bibliography.bibtex import _chunks  # noqa: E402

MIRROR = Path("/work/.mirror")
_MORE_MARKS = [*_MARKS, "@string{", "@comment{", "@misc(", "\\\n", "\u00a0", "\r", "}\n@a{x,"]


def mirrored_bib_files(limit: int = 5_000_000) -> list[tuple[str, str]]:
    """(name, text) of every .bib blob up to `limit` bytes at HEAD of each snapshot."""
    found: list[tuple[str, str]] = []
    for git_dir in sorted(MIRROR.glob("*/repo")):
        listing = subprocess.run(
            ["git", "--git-dir", str(git_dir), "ls-tree", "-r", "-l", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        for line in listing.splitlines():
            meta, _, path = line.partition("\t")
            parts = meta.split()
            if not path.lower().endswith(".bib") or len(parts) < 4 or parts[1] != "blob":
                continue
            if not parts[3].isdigit() or int(parts[3]) > limit:  # "-", or a size listed as BAD
                continue
            blob = subprocess.run(
                ["git", "--git-dir", str(git_dir), "cat-file", "blob", parts[2]],
                capture_output=True,
                check=False,
            ).stdout
            found.append((f"{git_dir.parent.name}:{path}", blob.decode("utf-8", "replace")))
    return found


def differs(text: str) -> str | None:
    """The first differing block, or None when both splitters agree."""
    try:
        expected = bibtexparser_view(text)
    except Exception:  # bibtexparser's own failure: the caller reports the piece
        return None
    got = split_view(text)
    if got == expected:
        return None
    for want, have in zip(expected, got, strict=False):
        if want != have:
            return f"bibtexparser {want!r:.400}\n  fast         {have!r:.400}"
    return f"{len(expected)} blocks from bibtexparser, {len(got)} fast"


def damaged(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 8)):
        text = text or "@"
        at = rng.randrange(len(text))
        roll = rng.random()
        if roll < 0.3:
            text = text[:at] + text[at + rng.randint(1, 5) :]
        elif roll < 0.4:
            start = rng.randrange(len(text))
            text = text[:at] + text[start : start + rng.randint(1, 30)] + text[at:]
        else:
            text = text[:at] + rng.choice(_MORE_MARKS) + text[at:]
    return text


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--damaged", type=int, default=20_000, help="damaged variants")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    bad = pieces = 0
    files = mirrored_bib_files()
    for name, text in files:
        for chunk, lines_before in _chunks(text):
            pieces += 1
            difference = differs(chunk)
            if difference:
                bad += 1
                print(f"{name} (piece after line {lines_before}):\n  {difference}")
    print(f"real files: {len(files)}, pieces: {pieces}, differing: {bad}")
    rng = random.Random(args.seed)
    sources = [SAMPLE.split("\n@"), odd_file().split("\n@")]
    bad = 0
    for _ in range(args.damaged):
        entries = rng.choice(sources)
        start = rng.randrange(len(entries) - 4)
        variant = damaged("\n@".join(entries[start : start + rng.randint(1, 4)]), rng)
        difference = differs(variant)
        if difference:
            bad += 1
            print(f"damaged variant {variant!r:.1000}\n  {difference}")
    print(f"damaged variants: {args.damaged}, differing: {bad}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
