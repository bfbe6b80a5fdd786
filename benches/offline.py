"""Offline audit speed and memory: a BibTeX file of thousands of entries with a
100,000-word LaTeX manuscript that cites most of it.

Goal (issues 2 and 15): >= 5,000 references/s and < 300 MB peak memory, on generated
entries with little markup and on real, LaTeX-heavy bibliographies alike. Run by hand:

    .venv/bin/python benches/offline.py [--entries 5000] [--words 100000]
    .venv/bin/python benches/offline.py --real tugboat [--scale 50000]
    .venv/bin/python benches/offline.py --bib FILE.bib [--bib MORE.bib] [--scale N]

`--baseline-src DIR` measures another version of the code in the same run (DIR is
its `src` folder, e.g. from `git archive HEAD src | tar -x -C /tmp/before`), and
`--repeat N` alternates the two N times and prints medians: on a shared machine CPU
seconds drift with the load, and only figures from one run compare. `--reading-only`
skips the audit: a change to the reader alone is measured in more runs for the time
(the fastest run is printed beside the median; a loaded machine's noise is one-sided).

`--real NAME` reads a public bibliography from its repository's snapshot under
/work/.mirror (brought by the session tool `fetch`), or from /tmp/realbib/NAME.bib;
benches/REAL_BIBLIOGRAPHIES.md names each, its source and its licence (none is
committed). `--scale N` repeats the real entries, keys renamed, up to N entries.

Prints references/s for the whole audit (read, cite, rules; CPU seconds of this
process, so other load on the machine counts less), the same for reading the
bibliography alone (in a fresh process of its own: no cache warmed by the audit),
the peak resident memory of the audit's process, and a digest of what was read
(every field of every reference, every problem): with `--baseline-src`, the same
digest for both versions shows that a speed-up changed nothing that is read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.bibliography.bibtex import parse_bibtex

MIRROR = Path("/work/.mirror")
# name: (repository snapshot, files in reading order -- @string files first)
REAL = {
    "tugboat": ("plk+biber", ("etc/tugboat.bib",)),
    "biber-papers": ("plk+biber", ("etc/papers.bib",)),
    "plume": (
        "mernst+plume-bib",
        (
            "bibstring-unabbrev.bib",
            "ernst.bib",
            "invariants.bib",
            "types.bib",
            "testing.bib",
            "soft-eng.bib",
            "nlp.bib",
            "crossrefs.bib",
        ),
    ),
    "aibasel": ("aibasel+bib", ("abbrv.bib", "literatur.bib", "crossref.bib")),
}
_ENTRY_HEAD = re.compile(r"^([ \t]*@(\w+)[ \t]*[{(][ \t]*)([^,\s]+)", re.MULTILINE)
_CROSSREF = re.compile(r"(\bcrossref\s*=\s*[{\"])([^}\"]+)", re.IGNORECASE)
_TITLE = re.compile(r"(\btitle\s*=\s*[{\"])", re.IGNORECASE)
_NOT_ENTRIES = {"string", "preamble", "comment"}

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


def real_bib(name: str) -> str:
    """The text of a named real bibliography (see benches/REAL_BIBLIOGRAPHIES.md)."""
    repo, files = REAL[name]
    texts: list[str] = []
    for file in files:
        local = Path("/tmp/realbib") / Path(file).name
        git_dir = MIRROR / repo / "repo"
        if local.exists():
            texts.append(local.read_text(encoding="utf-8", errors="replace"))
        elif git_dir.exists():
            shown = subprocess.run(
                ["git", "--git-dir", str(git_dir), "show", f"HEAD:{file}"],
                capture_output=True,
                check=True,
            )
            texts.append(shown.stdout.decode("utf-8", errors="replace"))
        else:
            sys.exit(f"{name}: fetch github:{repo.replace('+', '/')} first, or put {local}")
    return "\n".join(texts)


def entry_keys(text: str) -> list[str]:
    return [
        m.group(3) for m in _ENTRY_HEAD.finditer(text) if m.group(2).lower() not in _NOT_ENTRIES
    ]


def scaled(text: str, entries: int) -> str:
    """The entries of `text` repeated, keys (and crossref targets) renamed per copy,
    until there are `entries` of them; @string and @preamble only once. Each copy's
    titles are marked ("Copy 2, ...") so that the copies are different
    works, not 50,000 duplicates for the rules to report."""
    have = len(entry_keys(text))
    if entries <= have:
        return text
    copies = [text]
    blocks = re.split(r"(?m)^(?=[ \t]*@)", text)
    body = "".join(b for b in blocks if not re.match(r"\s*@(string|preamble)\b", b, re.I))
    total = have
    copy = 1
    while total < entries:
        copy += 1

        def rename(m: re.Match[str], copy: int = copy) -> str:
            if m.group(2).lower() in _NOT_ENTRIES:
                return m.group(0)
            return f"{m.group(1)}{m.group(3)}-c{copy}"

        def title(m: re.Match[str], copy: int = copy) -> str:
            return f"{m.group(1)}Copy {copy}, "

        def parent(m: re.Match[str], copy: int = copy) -> str:
            return f"{m.group(1)}{m.group(2)}-c{copy}"

        renamed = _TITLE.sub(title, _ENTRY_HEAD.sub(rename, body))
        copies.append(_CROSSREF.sub(parent, renamed))
        total += have
    return "\n".join(copies)


def make_tex(words: int, keys: list[str], rng: random.Random) -> str:
    body: list[str] = []
    count = 0
    cited = 0
    entries = len(keys)
    while count < words:
        sentence = " ".join(rng.choice(WORDS) for _ in range(18))
        count += 18
        if cited + 1 < entries and cited < entries * 0.9:
            keys_cited = ",".join(keys[cited + j] for j in range(2))
            cited += 2
            sentence += f" \\citep{{{keys_cited}}}"
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
    parser.add_argument("--entries", type=int, default=5000, help="generated entries")
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--real", choices=sorted(REAL), help="a real bibliography by name")
    parser.add_argument("--bib", action="append", default=[], type=Path, help="a .bib file")
    parser.add_argument("--scale", type=int, default=0, help="repeat real entries up to N")
    parser.add_argument("--baseline-src", type=Path, help="another version's src folder")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each version")
    parser.add_argument(
        "--reading-only", action="store_true", help="measure reading alone (no audit)"
    )
    parser.add_argument("--audit-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--read-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.audit_dir:
        return measure(args.audit_dir)
    if args.read_dir:
        return measure_reading(args.read_dir)
    rng = random.Random(7)
    if args.real or args.bib:
        parts = [real_bib(args.real)] if args.real else []
        parts += [p.read_text(encoding="utf-8", errors="replace") for p in args.bib]
        bib = scaled("\n".join(parts), args.scale)
        what = args.real or ", ".join(p.name for p in args.bib)
    else:
        bib = make_bib(args.entries, rng)
        what = "generated"
    keys = entry_keys(bib)
    print(f"bibliography: {what}, {len(bib) / 1e6:.1f} MB, {len(keys):,} entries")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "refs.bib").write_text(bib, encoding="utf-8")
        (root / "paper.tex").write_text(make_tex(args.words, keys, rng), encoding="utf-8")
        del bib, keys
        versions = {"now": None}
        if args.baseline_src:
            versions = {"before": args.baseline_src.resolve(), "now": None}
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in versions}
        envs = {name: _environment(root, src) for name, src in versions.items()}
        for _ in range(args.repeat):
            for name in versions:
                figures = _child(root, envs[name], args.reading_only)
                if figures is None:
                    return 1
                runs[name].append(figures)
        _report(runs)
    return 0


def _environment(root: Path, src: Path | None) -> dict[str, str]:
    """The children's environment: `src` first on the path, and the project's modules
    compiled once (into a cache under `root`, never beside the sources), as an
    installed package's are -- with PYTHONDONTWRITEBYTECODE each audit would compile
    the modules it imports lazily, a tenth of a second no user pays."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")])
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(root / ("pycache-before" if src else "pycache-now"))
    package = "import citeaudit, pathlib; print(pathlib.Path(citeaudit.__file__).parent)"
    where = subprocess.run(
        [sys.executable, "-c", package], env=env, capture_output=True, text=True, check=True
    )
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", where.stdout.strip()], env=env, check=True
    )
    return env


def _child(root: Path, env: dict[str, str], reading_only: bool = False) -> dict[str, float] | None:
    """The audit, then the reading alone, each measured in a process of its own: its
    peak memory is the audit's, not this one's (which held the generated text, and
    its copies when scaling), and no cache is warm. `reading_only`: no audit (a
    change to the reader alone is measured in more runs for the time)."""
    figures: dict[str, float] = {}
    for flag in ("--read-dir",) if reading_only else ("--audit-dir", "--read-dir"):
        child = subprocess.run(
            [sys.executable, __file__, flag, str(root)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode:
            sys.stderr.write(child.stderr)
            return None
        figures.update(json.loads(child.stdout.strip().splitlines()[-1]))
    return figures


def _report(runs: dict[str, list[dict[str, float]]]) -> None:
    for name, figures in runs.items():
        med = {key: statistics.median(f[key] for f in figures) for key in figures[0]}
        refs = med["read_references"]
        fastest = min(f["read_cpu"] for f in figures)
        if "cpu" in med:
            print(
                f"{name}: entries read: {refs:,.0f}  reading problems: {med['problems']:,.0f}  "
                f"citations: {med['citations']:,.0f}  findings: {med['findings']:,.0f}"
            )
            print(
                f"  audit: CPU {med['cpu']:.2f} s -> {refs / med['cpu']:,.0f} entries per CPU "
                f"second (goal >= 5,000), {refs / med['wall']:,.0f} per wall second"
            )
        else:
            print(f"{name}: entries read: {refs:,.0f}")
        print(
            f"  reading the bibliography alone: CPU {med['read_cpu']:.2f} s -> "
            f"{refs / med['read_cpu']:,.0f}/s (fastest run: {refs / fastest:,.0f}/s)"
        )
        if "peak_mb" in med:
            print(f"  peak RSS of the audit: {med['peak_mb']:.0f} MB  (goal < 300 MB)")
        digests = ", ".join(sorted({f"{int(f['digest']):012x}" for f in figures}))
        print(f"  what was read (digest of every reference and problem): {digests}")
        if len(figures) > 1 and "cpu" in med:
            cpus = ", ".join(f"{f['cpu']:.2f}" for f in figures)
            print(f"  ({len(figures)} runs, medians; audit CPU seconds: {cpus})")


def measure(root: Path) -> int:
    start, cpu = time.perf_counter(), time.process_time()
    result = audit(AuditInput.from_paths([root / "paper.tex"]))
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    figures = {
        "references": len(result.data.references),
        "citations": len(result.data.citations),
        "findings": len(result.findings),
        "problems": sum(len(b.problems) for b in result.data.bibliographies),
        "wall": wall,
        "cpu": cpu,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(figures))
    return 0


def measure_reading(root: Path) -> int:
    text = (root / "refs.bib").read_text(encoding="utf-8")
    read_cpu = time.process_time()
    bibliography = parse_bibtex(text, "refs.bib")
    read_cpu = time.process_time() - read_cpu
    # What was read, every field of every reference and every problem, as a digest:
    # two versions that read the file the same way print the same one.
    digest = hashlib.sha256(
        repr((bibliography.references, bibliography.problems)).encode()
    ).hexdigest()
    figures = {
        "read_cpu": read_cpu,
        "read_references": len(bibliography.references),
        "digest": int(digest[:12], 16),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
