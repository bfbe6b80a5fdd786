"""Offline audit speed and memory: a 5,000-entry BibTeX file with a 100,000-word
LaTeX manuscript that cites most of it.

Goal (issue 2): >= 5,000 references/s and < 300 MB peak memory. Run by hand:

    .venv/bin/python benches/offline.py [--entries 5000] [--words 100000]

Prints references/s, citations, wall time and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from citeaudit.audit import AuditInput, audit

FAMILIES = [
    "Smith",
    "Nguyen",
    "García",
    "Müller",
    "Okafor",
    "Santoso",
    "Rahman",
    "Kowalski",
    "Rossi",
    "Tanaka",
    "O'Brien",
    "van der Berg",
    "Dubois",
    "Silva",
    "Ivanova",
    "Chen",
]
WORDS = [
    "the", "of", "analysis", "security", "regional", "alliance", "policy", "data",
    "model", "results", "we", "show", "that", "evidence", "suggests", "framework",
    "approach", "significant", "however", "moreover", "network",
]  # fmt: skip


def make_bib(n: int, rng: random.Random) -> str:
    out = []
    for i in range(n):
        fam = rng.choice(FAMILIES)
        year = 1990 + i % 35
        out.append(
            f"@article{{key{i},\n"
            f"  author = {{{fam}, A. and {rng.choice(FAMILIES)}, B.}},\n"
            f"  title = {{A study of {rng.choice(WORDS)} {rng.choice(WORDS)} number {i}}},\n"
            f"  journal = {{Journal of {rng.choice(WORDS).title()} Studies}},\n"
            f"  year = {{{year}}},\n  volume = {{{i % 50 + 1}}},\n  pages = {{{i}--{i + 9}}},\n"
            f"  doi = {{10.5555/bench.{i}}}\n}}\n"
        )
    return "\n".join(out)


def make_tex(words: int, entries: int, rng: random.Random) -> str:
    body: list[str] = []
    count = 0
    cited = 0
    while count < words:
        sentence = " ".join(rng.choice(WORDS) for _ in range(18))
        count += 18
        if cited < entries * 0.9:
            keys = ",".join(f"key{cited + j}" for j in range(2))
            cited += 2
            sentence += f" \\citep{{{keys}}}"
        body.append(sentence + ".")
        if len(body) % 8 == 0:
            body.append("")
    return (
        "\\documentclass{article}\n\\begin{document}\n"
        + "\n".join(body)
        + "\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "refs.bib").write_text(make_bib(args.entries, rng), encoding="utf-8")
        (root / "paper.tex").write_text(make_tex(args.words, args.entries, rng), encoding="utf-8")
        start = time.perf_counter()
        result = audit(AuditInput.from_paths([root / "paper.tex"]))
        wall = time.perf_counter() - start
    refs = len(result.data.references)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"entries: {refs}  citations: {len(result.data.citations)}  "
        f"findings: {len(result.findings)}"
    )
    print(f"wall: {wall:.2f} s  references/s: {refs / wall:,.0f}  (goal >= 5,000)")
    print(f"peak RSS: {peak_mb:.0f} MB  (goal < 300 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
