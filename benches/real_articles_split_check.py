"""Fingerprints of the real-article corpus's splits, to show a build changed none but its own.

Why: a new split is built with `real_articles_build.py --read-only SPLIT`, which keeps
every other source's records as they were; this checks it. For each split: its article
ids, a hash of each stored record and a hash of each record as the bench loads it (the
truth made again at load: uncited, missing, year and duplicate truth), and the ids
`--split all` scores. Run it on the corpus before and after, and compare.

    .venv/bin/python benches/real_articles_split_check.py OLD.xz --out before.json
    .venv/bin/python benches/real_articles_split_check.py NEW.xz --out after.json \
        --compare before.json --new fresh7

`--new SPLIT` names the split the build added: it is left out of the comparison (it
is the one that may change), every other split, and what `--split all` scores, must be
the same.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import real_articles as bench
from real_articles_corpus import read_records

SPLITS = (
    "test",
    "fresh2",
    "fresh3",
    "dev",
    "fresh",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
)
LOADED_KEYS = (
    "paras",
    "refs",
    "uncited_truth",
    "missing_truth",
    "year_mismatch",
    "duplicates",
    "style",
    "language",
    "publisher_family",
    "split",
)


def _hash(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def fingerprints(corpus: Path, splits: tuple[str, ...] = SPLITS) -> dict[str, dict[str, Any]]:
    """Per split: counts and hashes of its ids, stored records and loaded records."""
    stored = read_records(corpus)
    loaded = bench.load(corpus)
    out: dict[str, dict[str, Any]] = {}
    for split in splits:
        kept = {r["id"]: _hash(r) for r in stored if r["split"] == split}
        seen = {
            r["id"]: _hash({k: r.get(k) for k in LOADED_KEYS})
            for r in loaded
            if r["split"] == split
        }
        out[split] = {
            "n_stored": len(kept),
            "n_loaded": len(seen),
            "ids": _hash(sorted(kept)),
            "stored": _hash(kept),
            "loaded": _hash(seen),
        }
    every = sorted(r["id"] for r in loaded if r["split"] in bench.ALL_SPLITS)
    out["all"] = {"n": len(every), "ids": _hash(every), "ALL_SPLITS": list(bench.ALL_SPLITS)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, help="write the fingerprints here (JSON)")
    parser.add_argument("--compare", type=Path, help="fingerprints to compare with (JSON)")
    parser.add_argument(
        "--new",
        action="append",
        default=[],
        metavar="SPLIT",
        help="a split the build added (not compared); may be given more than once",
    )
    args = parser.parse_args()
    now = fingerprints(args.corpus)
    if args.out:
        args.out.write_text(json.dumps(now, indent=1), encoding="utf-8")
    if not args.compare:
        for split, values in now.items():
            print(split, values)
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    compared = [split for split in before if split not in args.new]
    changed = [split for split in compared if before[split] != now.get(split)]
    for split in compared:
        print(split, "changed" if split in changed else "same", before[split].get("n_stored", ""))
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
