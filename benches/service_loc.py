"""Lines of the service half at two commits, and which commits between them grew it.

Issue 14 rebuilt the service half (service/, watch/, store/, web/ and the encoders)
around one typed model and asked for its size before and after: "this step should
remove code, not add it". The same folders also took many later features (red-team
fixes: SSRF guards, per-account limits, floods, mail and webhook policies), so a
plain before/after says nothing of what the design itself removed. This script
prints both:

- for each group, at each commit: code lines (lines holding Python tokens, not
  blank, not comment-only, not inside a docstring) and raw lines (every line of
  every ``.py`` file);
- with ``--attribute``: every commit between the two that changed those files, its
  change in code and raw lines, and a tag from its message's first sentence:
  ``design`` when it names issue 14's rebuild (one codec, one store gateway, typed
  pages, a move into its package...), else ``security`` when it speaks of a guard,
  a limit, a flood, a hostile input..., else ``other``. The tag is a lead from
  words, not a verdict: read the commits it lists.

Files are read from git (``git cat-file --batch``), never from the working tree.

    .venv/bin/python benches/service_loc.py [BEFORE] [AFTER] [--attribute] [--top N]

BEFORE defaults to 0d296d4 (the commit before issue 14's first, c2ca5ec), AFTER to
HEAD.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import subprocess
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = "src/citeaudit/"
FOLDERS = ("service", "watch", "store", "web")
# The hand-written encoders issue 14 names, and the one codec that replaced them.
ENCODERS = (
    "store/codec.py",
    "report/serialize.py",
    "links/cache.py",
    "service/relocate.py",
    "model/codec.py",
)
DESIGN_WORDS = re.compile(  # issue 14's own steps, as their messages name them
    r"issue 14|\bone (?:codec|store gateway|answer cache|retry rule|safe_href|"
    r"bibliography suffix list)|\btyped\b|no sql outside|\bmoves? (?:from|into)|"
    r"lives in model|render(?:s|ed)? from the typed|^layout\b|^editors' page",
    re.IGNORECASE,
)
SECURITY_WORDS = re.compile(  # at a word's start: "limit" finds "limits", not "delimit"
    r"\b(?:ssrf|red[- ]?team|hostile|attack|stranger|flood|quota|limit|budget|csrf|"
    r"origin|cookie|undumpable|bidi|escape|formula|surrogate|private network|"
    r"metadata service|per-account|in flight|heavy|confine|scratch|redos|backtrack|"
    r"quadratic|mail|webhook|smtp|password|tls|admission|leak|bounded|guard|refuse)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Count:
    code: int = 0
    raw: int = 0

    def __add__(self, other: Count) -> Count:
        return Count(self.code + other.code, self.raw + other.raw)

    def __sub__(self, other: Count) -> Count:
        return Count(self.code - other.code, self.raw - other.raw)


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


class Blobs:
    """File texts at any commit through one long-lived ``git cat-file --batch``."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            ["git", "cat-file", "--batch"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._cache: dict[str, Count] = {}

    def text(self, spec: str) -> str | None:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(spec.encode() + b"\n")
        self._proc.stdin.flush()
        header = self._proc.stdout.readline().decode().split()
        if len(header) < 3 or header[1] != "blob":
            return None  # "missing": the file is not at that commit
        data = self._proc.stdout.read(int(header[2]) + 1)[:-1]
        return data.decode("utf-8", "replace")

    def count(self, commit: str, path: str) -> Count:
        spec = f"{commit}:{path}"
        if spec not in self._cache:
            text = self.text(spec)
            self._cache[spec] = count_lines(text) if text is not None else Count()
        return self._cache[spec]


def docstring_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if (
                body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                first = body[0]
                lines.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return lines


def count_lines(text: str) -> Count:
    """Code lines (a token other than a comment or a line end, outside docstrings) and
    raw lines of one Python file."""
    raw = len(text.splitlines())
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT}
    skip |= {tokenize.DEDENT, tokenize.ENCODING, tokenize.ENDMARKER}
    try:
        docs = docstring_lines(ast.parse(text))
        code: set[int] = set()
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type not in skip:
                code.update(range(tok.start[0], tok.end[0] + 1))
    except (SyntaxError, tokenize.TokenError):  # not Python after all: count by eye
        return Count(sum(1 for s in text.splitlines() if s.strip()[:1] not in ("", "#")), raw)
    return Count(len(code - docs), raw)


def group_of(path: str) -> str | None:
    """The group a file counts in: an encoder by name first, else its folder."""
    if not path.startswith(PKG) or not path.endswith(".py"):
        return None
    inner = path[len(PKG) :]
    if inner in ENCODERS:
        return "encoders"
    top = inner.split("/", 1)[0]
    return top if top in FOLDERS and "/" in inner else None


def files_at(commit: str) -> list[str]:
    listing = git("ls-tree", "-r", "--name-only", commit, "--", PKG)
    return [p for p in listing.splitlines() if group_of(p)]


def totals(blobs: Blobs, commit: str, paths: Iterable[str]) -> dict[str, Count]:
    out: dict[str, Count] = {}
    for path in paths:
        group = group_of(path)
        if group:
            out[group] = out.get(group, Count()) + blobs.count(commit, path)
    return out


def report_sizes(blobs: Blobs, before: str, after: str) -> None:
    sizes = {c: totals(blobs, c, files_at(c)) for c in (before, after)}
    print(
        f"{'group':<10} {'code ' + before:>18} {'code ' + after:>18} {'delta':>7}"
        f"   {'raw ' + before:>17} {'raw ' + after:>17} {'delta':>7}"
    )
    sums = {c: Count() for c in (before, after)}
    for group in (*FOLDERS, "encoders"):
        a, b = sizes[before].get(group, Count()), sizes[after].get(group, Count())
        sums[before], sums[after] = sums[before] + a, sums[after] + b
        print(
            f"{group:<10} {a.code:>18} {b.code:>18} {b.code - a.code:>+7}"
            f"   {a.raw:>17} {b.raw:>17} {b.raw - a.raw:>+7}"
        )
    a, b = sums[before], sums[after]
    print(
        f"{'total':<10} {a.code:>18} {b.code:>18} {b.code - a.code:>+7}"
        f"   {a.raw:>17} {b.raw:>17} {b.raw - a.raw:>+7}"
    )
    print("(encoders: " + ", ".join(ENCODERS) + "; counted there, not in their folder)")


def report_attribution(blobs: Blobs, before: str, after: str, top: int) -> None:
    log = git(
        "log",
        "--first-parent",
        "--reverse",
        "--format=%H%x09%h%x09%s",
        f"{before}..{after}",
        "--",
        PKG,
    )
    rows: list[tuple[str, str, Count, str]] = []
    for line in log.splitlines():
        full, short, subject = line.split("\t", 2)
        changed = git(
            "diff-tree", "--no-commit-id", "--name-only", "-r", "-m", "--first-parent", full
        ).split()
        paths = sorted({p for p in changed if group_of(p)})
        if not paths:
            continue
        delta = Count()
        for path in paths:
            delta = delta + blobs.count(full, path) - blobs.count(full + "^", path)
        first = re.split(r"(?<=[a-z)])\. ", subject, maxsplit=1)[0]
        kind = (
            "design"
            if DESIGN_WORDS.search(first)
            else "security"
            if SECURITY_WORDS.search(first)
            else "other"
        )
        rows.append((short, kind, delta, subject))
    by_kind: dict[str, Count] = {}
    for _, kind, delta, _ in rows:
        by_kind[kind] = by_kind.get(kind, Count()) + delta
    print(f"\n{len(rows)} commits changed these files between {before} and {after}:")
    for kind, delta in sorted(by_kind.items()):
        print(f"  {kind:<9} code {delta.code:+6}  raw {delta.raw:+6}")
    print(f"\nlargest {top} by code lines added (+) or removed (-):")
    for short, kind, delta, subject in sorted(rows, key=lambda r: -abs(r[2].code))[:top]:
        print(f"  {short} {kind:<9} code {delta.code:+5} raw {delta.raw:+5}  {subject[:90]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", nargs="?", default="0d296d4")
    parser.add_argument("after", nargs="?", default="HEAD")
    parser.add_argument(
        "--attribute",
        action="store_true",
        help="list the commits between the two that changed these files",
    )
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    before = git("rev-parse", "--short", args.before).strip()
    after = git("rev-parse", "--short", args.after).strip()
    blobs = Blobs()
    report_sizes(blobs, before, after)
    if args.attribute:
        report_attribution(blobs, before, after, args.top)


if __name__ == "__main__":
    main()
