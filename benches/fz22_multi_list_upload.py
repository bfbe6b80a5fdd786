"""fz22: CPU seconds of a 20 MB upload of several reference lists, audited offline.

Four chapters of ~5 MB, each with a reference list of entries just under the parser's
10,000-character cap (the free-text parser's heaviest text per byte). With a budget of
list characters for each list, every chapter's list was parsed to it (~4 x 5 M
characters); with one budget for the audit, 5 M characters in all.

    nice .venv/bin/python benches/fz22_multi_list_upload.py [--lists 4] [--mb 5]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from citeaudit.audit import AuditInput, audit

_ENTRY = "Smith, J. (2020). " + "Vol. 1, No. 2, " * 600 + "J. 1."


def _chapter(folder: Path, n: int, megabytes: float) -> Path:
    count = int(megabytes * 1_000_000 // (len(_ENTRY) + 10))
    entries = "".join(f"Writer{n}x{i}, {_ENTRY}\n\n" for i in range(count))
    path = folder / f"chapter{n}.md"
    path.write_text(f"# Chapter {n}\n\nText (Aason, 2020).\n\n# References\n\n{entries}", "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=int, default=4)
    parser.add_argument("--mb", type=float, default=5.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = tuple(_chapter(Path(folder), n, args.mb) for n in range(1, args.lists + 1))
        size = sum(p.stat().st_size for p in paths)
        start = time.process_time()
        result = audit(AuditInput(manuscripts=paths))
        cpu = time.process_time() - start
    refs = sum(len(b.references) for b in result.data.bibliographies)
    said = [
        f"{p.location.file.rsplit('/', 1)[-1]}:{p.location.line}: {p.message[:90]}"
        for b in result.data.bibliographies
        for p in b.problems
        if "characters" in p.message
    ]
    print(f"{args.lists} lists, {size / 1e6:.1f} MB: {cpu:.1f} CPU s, {refs:,} references read")
    for line in said:
        print("  ", line)


if __name__ == "__main__":
    main()
