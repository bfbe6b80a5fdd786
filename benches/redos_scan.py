"""Every regular expression of citeaudit, timed on inputs built to make it backtrack.

A hostile upload reaches hundreds of patterns; one that backtracks (adjacent or nested
quantifiers over the same characters, a search retried from every start) freezes a
worker for minutes on a few kilobytes. Rather than guess one input per pattern, this
scan collects every compiled ``re.Pattern`` of citeaudit:

- held at module level or by a class (also inside tuples, lists, sets and dicts), in
  every module under ``src/citeaudit``;
- compiled while the examples of ``references/examples`` are audited offline (``re``'s
  compile hooked: ``re.match(rf"...", s)`` inside a function), named by the function;

and runs each one over generated strings of 10,000 and 40,000 characters, none of
which it is meant to match in full:

- the witness of each repeated or alternated piece of the pattern (a string its body
  matches, built from the parsed pattern), repeated, after the pattern's own prefix,
  and with a character that breaks the match (or none) at the end;
- long runs of the characters documents are made of (spaces, dots, commas, digits,
  letters, backslashes, braces, parentheses, brackets, dashes, newlines) and of each
  literal of the pattern, alone and alternating with a letter, space, dot or digit.

A pattern whose every call in the sources is ``.match``/``.fullmatch`` is timed with
``match`` (tried at one position); any other with ``finditer`` (tried from every
position, as search, sub and split do). Patterns of the free-text parser see text
whose whitespace runs were collapsed (``freetext.parse_fields`` does that first), so
their inputs are collapsed too. Linear time grows 4x from 10,000 to 40,000 characters;
a pattern is flagged SUPER-LINEAR when an input grows more than 6x and takes over
20 ms at 40,000 (below that the ratio is timer noise), or when one run passes
``--limit`` CPU seconds (interrupted by a signal: ``re`` checks for them as it matches;
a wall-clock timer flagged linear patterns on a machine loaded twelvefold).
Times are CPU times, the best of three, with the garbage collector off.

A flag is a lead, not a verdict: what matters is the text the code hands the pattern
(bounded? stripped? split into lines?). Check it end to end (the shapes of
tests/security/test_redos_patterns.py, benches/linearity.py) before fixing, and fix
with possessive quantifiers, atomic groups or a lookahead that fails fast, checked
against the old pattern on random strings (same matches, same groups).

    .venv/bin/python benches/redos_scan.py [--only MODULE_SUBSTRING] [--limit 2]
                                           [--regexploit PYTHON] [--no-exercise]

``--regexploit`` names a Python interpreter that has the ``regexploit`` package (a
static ReDoS finder, a dev aid only, not a dependency; it cannot parse possessive
quantifiers or atomic groups, and says so): each pattern is also given to it, and
what it reports is printed beside the timings. Exits 1 when a pattern is flagged.
"""

from __future__ import annotations

import argparse
import ast
import functools
import gc
import importlib
import json
import pkgutil
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SMALL = 10_000
LARGE = 40_000
RATIO = 6.0  # linear is 4
FLOOR = 0.02  # seconds at LARGE below which a ratio is noise
RUNS = "  .,;:0a A\\{}()[]-_*`'\"\n\t/<>&"
BREAKERS = ("", "\x00", "!", "\n")
# Modules whose patterns only ever see text with its whitespace runs collapsed to one
# space (`freetext.parse_fields` does that first): their inputs are collapsed too, or
# a run of spaces no upload can bring there would be flagged.
COLLAPSED_WHITESPACE = ("citeaudit.bibliography.freetext",)

try:  # Python 3.11's parser of patterns (sre_parse before it)
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]


@dataclass(frozen=True)
class Found:
    """A compiled pattern, where it lives (module.name), and whether it is only anchored.

    `anchored`: every call on it in the sources is ``.match`` or ``.fullmatch``, so it is
    tried at one position, not from every position as ``search``/``sub``/``finditer``
    do; it is then timed with ``match`` (a pattern linear per start but retried from
    every start is quadratic only under search).
    """

    where: str
    pattern: re.Pattern[str]
    anchored: bool = False


@dataclass(frozen=True)
class Timing:
    where: str
    source: str
    sample: str  # a short description of the worst input
    small: float
    large: float
    flagged: bool
    timed_out: bool

    @property
    def ratio(self) -> float:
        return self.large / self.small if self.small > 0 else 0.0


class Interrupted(Exception):
    """A run took longer than --limit."""


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Interrupted


# -- collecting ----------------------------------------------------------------


def modules(only: str | None) -> Iterator[ModuleType]:
    import citeaudit

    for info in pkgutil.walk_packages(citeaudit.__path__, "citeaudit."):
        if (only and only not in info.name) or info.name.endswith("__main__"):
            continue  # a __main__ module runs the command line when imported
        try:
            yield importlib.import_module(info.name)
        except Exception as error:  # a module that will not import is reported
            print(f"cannot import {info.name}: {error}", file=sys.stderr)


def _patterns_in(value: object, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield value
    elif depth < 3 and isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in list(value.keys()) + list(value.values()):
            yield from _patterns_in(item, depth + 1)


_ANCHORED = frozenset({"match", "fullmatch"})


def _calls(name: str, module: str, sources: dict[str, str]) -> set[str]:
    """The methods called on `name` (``NAME.search(``...) in its module and in the
    modules that import from it (a name alone would mix up two modules' ``_YEAR``).

    Patterns held in a list or tuple are called through a loop's variable
    (``for form in _NAME_FORMS: form.match(s, pos)``): every method called on that
    variable anywhere in the module counts too, or such a list was timed with search
    (from every start) though the code only ever matches it at one position."""
    if not name.isidentifier():
        return set()
    found: set[str] = set()
    for path_module, text in sources.items():
        if path_module == module or f"from {module} import" in text:
            found.update(re.findall(rf"\b{re.escape(name)}\.(\w+)\(", text))
            for variable in _loop_variables(text).get(name, ()):
                found.update(re.findall(rf"\b{variable}\.(\w+)\(", text))
    return found


@functools.cache
def _loop_variables(text: str) -> dict[str, frozenset[str]]:
    """name -> the variables of the loops (statements and comprehensions) whose iterable
    names it: ``for form in _NAME_FORMS if count else [_FIRST, *_NAME_FORMS]`` gives
    both names ``form``; ``[t for t in parts if not _GENRE.match(t)]`` gives none."""
    return _name_uses(text)[0]


@functools.cache
def _name_uses(text: str) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """(`_loop_variables`, the names also read outside a loop's iterable)."""
    loops: dict[str, set[str]] = {}
    looped: set[int] = set()
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            targets = {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
            for held in ast.walk(node.iter):
                if isinstance(held, ast.Name):
                    loops.setdefault(held.id, set()).update(targets)
                    looped.add(id(held))
    elsewhere = {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and id(node) not in looped
    }
    return {name: frozenset(v) for name, v in loops.items()}, frozenset(elsewhere)


def _only_looped(name: str, module: str, sources: dict[str, str]) -> bool:
    """Whether a container of patterns is read only as a loop's iterable (so its
    patterns are called only through the loop's variable, which `_calls` reads): one
    indexed (``NAME[2].search``) or handed elsewhere may be called any way."""
    return not any(
        name in _name_uses(text)[1]
        for path_module, text in sources.items()
        if path_module == module or f"from {module} import" in text
    )


def _sources() -> dict[str, str]:
    root = ROOT / "src"
    out = {}
    for path in (root / "citeaudit").rglob("*.py"):
        name = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        out[name] = path.read_text("utf-8")
    return out


def collect(only: str | None) -> list[Found]:
    """Every pattern held by a module or class of citeaudit, once each."""
    sources = _sources()
    seen: set[tuple[str, int]] = set()
    found: list[Found] = []
    for module in modules(only):
        for name, value in vars(module).items():
            places: list[tuple[str, object]] = [(name, value)]
            if isinstance(value, type) and value.__module__ == module.__name__:
                places = [(f"{name}.{attr}", v) for attr, v in vars(value).items()]
            for place, item in places:
                calls = _calls(place.rsplit(".", 1)[-1], module.__name__, sources)
                held = isinstance(item, re.Pattern) or (
                    isinstance(item, (list, tuple))
                    and _only_looped(place.rsplit(".", 1)[-1], module.__name__, sources)
                )
                anchored = bool(calls) and calls <= _ANCHORED and held
                for pattern in _patterns_in(item):
                    key = (pattern.pattern, pattern.flags)
                    if key not in seen:
                        seen.add(key)
                        found.append(Found(f"{module.__name__}.{place}", pattern, anchored))
    return found


def exercised(known: list[Found]) -> list[Found]:
    """Patterns citeaudit compiles while it runs (``re.match(rf"...", s)`` in a function):
    the examples are audited offline with ``re``'s compile hooked, and each pattern
    compiled from a citeaudit module is kept, with the function that compiled it.
    Always timed with search (its use is not known)."""
    from citeaudit.audit import AuditInput, audit
    from citeaudit.audit_data import Phase

    seen = {(f.pattern.pattern, f.pattern.flags) for f in known}
    caught: dict[tuple[str, int], str] = {}
    original = re._compile  # type: ignore[attr-defined]

    def hooked(pattern: Any, flags: Any) -> Any:
        compiled = original(pattern, flags)
        frame = sys._getframe(2)
        module = str(frame.f_globals.get("__name__", ""))
        if module.startswith("citeaudit") and isinstance(compiled.pattern, str):
            key = (compiled.pattern, int(compiled.flags))
            caught.setdefault(key, f"{module}.{frame.f_code.co_name}()")
        return compiled

    re._compile = hooked  # type: ignore[attr-defined]
    re.purge()
    try:
        examples = ROOT / "references" / "examples"
        manuscripts = [*sorted(examples.glob("*/manuscript.*")), examples / "latex-natbib/main.tex"]
        for manuscript in manuscripts:
            if manuscript.exists():
                audit(
                    AuditInput.from_paths([manuscript]),
                    skipped={Phase.RESOLUTION: "offline", Phase.LINKS: "offline"},
                )
    finally:
        re._compile = original  # type: ignore[attr-defined]
    out = []
    for (source, flags), where in caught.items():
        if (source, flags) not in seen:
            out.append(Found(where, re.compile(source, flags)))
    return out


# -- building inputs -------------------------------------------------------------


def _class_char(items: list[tuple[Any, Any]]) -> str:
    """A character in a character class (or one outside it, for a negated class)."""
    negate = bool(items) and items[0][0] is C.NEGATE
    if negate:
        banned = set(_chars_of(items[1:]))
        for candidate in "a0 .x,Z":
            if candidate not in banned:
                return candidate
        return "\u00e9"
    chars = _chars_of(items)
    return chars[0] if chars else "a"


def _chars_of(items: Iterable[tuple[Any, Any]]) -> list[str]:
    out: list[str] = []
    for op, arg in items:
        if op is C.LITERAL:
            out.append(chr(arg))
        elif op is C.RANGE:
            out.append(chr(arg[0]))
        elif op is C.CATEGORY:
            name = str(arg)
            if "DIGIT" in name and "NOT" not in name:
                out.append("0")
            elif "SPACE" in name and "NOT" not in name:
                out.append(" ")
            elif "WORD" in name and "NOT" not in name:
                out.append("a")
            else:
                out.append(".")
    return out


def witness(parsed: Iterable[tuple[Any, Any]]) -> str:
    """A short string the (sub)pattern matches, or comes close to matching."""
    out: list[str] = []
    for op, arg in parsed:
        if op is C.LITERAL:
            out.append(chr(arg))
        elif op is C.NOT_LITERAL:
            out.append("a" if chr(arg) != "a" else "b")
        elif op is C.ANY:
            out.append("a")
        elif op is C.IN:
            out.append(_class_char(list(arg)))
        elif op is C.SUBPATTERN:
            out.append(witness(arg[-1]))
        elif op is getattr(C, "ATOMIC_GROUP", None):
            out.append(witness(arg))
        elif op is C.BRANCH:
            out.append(witness(arg[1][0]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
            low, _high, body = arg
            out.append(witness(body) * max(low, 1))
    return "".join(out)


def pieces(parsed: Iterable[tuple[Any, Any]], prefix: str = "") -> Iterator[tuple[str, str]]:
    """(prefix, witness) for every repeated or alternated part of the pattern."""
    items = list(parsed)
    for index, (op, arg) in enumerate(items):
        before = prefix + witness(items[:index])
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
            body = arg[2]
            yield before, witness(body)
            yield from pieces(body, before)
        elif op is C.SUBPATTERN:
            yield from pieces(arg[-1], before)
        elif op is getattr(C, "ATOMIC_GROUP", None):
            yield from pieces(arg, before)
        elif op is C.BRANCH:
            for branch in arg[1]:
                yield before, witness(branch)
                yield from pieces(branch, before)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            yield from pieces(arg[1], before)


def literals(parsed: Iterable[tuple[Any, Any]]) -> set[str]:
    found: set[str] = set()
    for op, arg in parsed:
        if op is C.LITERAL:
            found.add(chr(arg))
        elif op is C.IN:
            found.update(_chars_of(list(arg)))
        elif op is C.SUBPATTERN:
            found |= literals(arg[-1])
        elif op is C.BRANCH:
            for branch in arg[1]:
                found |= literals(branch)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
            found |= literals(arg[2])
        elif op is getattr(C, "ATOMIC_GROUP", None):
            found |= literals(arg)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            found |= literals(arg[1])
    return found


def shapes(pattern: re.Pattern[str]) -> list[tuple[str, str, str]]:
    """(description, prefix, unit): the input is prefix + unit repeated + a breaker."""
    parsed = P.parse(pattern.pattern, pattern.flags)
    out: dict[tuple[str, str], str] = {}
    for prefix, unit in pieces(parsed):
        if unit:
            out.setdefault((prefix, unit), f"piece {unit[:12]!r} after {prefix[:12]!r}")
            out.setdefault(("", unit), f"piece {unit[:12]!r}")
    whole = witness(parsed)
    if whole:
        out.setdefault(("", whole), f"whole {whole[:12]!r}")
    chars = sorted(set(RUNS) | {c for c in literals(parsed) if c.isprintable() or c in "\n\t"})
    for char in chars:
        out.setdefault(("", char), f"run {char!r}")
    for a in sorted(literals(parsed))[:16]:
        for b in "a .0":
            if a != b:
                out.setdefault(("", a + b), f"alternating {a + b!r}")
    return [(desc, prefix, unit) for (prefix, unit), desc in out.items()]


# -- timing ---------------------------------------------------------------------


def run_once(pattern: re.Pattern[str], text: str, limit: float, anchored: bool = False) -> float:
    """CPU seconds of one scan (CPU time: the machine may be shared), at most `limit`."""
    signal.setitimer(signal.ITIMER_PROF, limit)  # CPU time: load does not interrupt
    gc.disable()
    start = time.process_time()
    try:
        if anchored:
            pattern.match(text)
        else:
            for _match in pattern.finditer(text):
                pass
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        gc.enable()
    return time.process_time() - start


def best(
    pattern: re.Pattern[str], text: str, limit: float, runs: int = 3, anchored: bool = False
) -> float:
    first = run_once(pattern, text, limit, anchored)
    if first > 0.05:
        return first
    return min([first] + [run_once(pattern, text, limit, anchored) for _ in range(runs - 1)])


def build(prefix: str, unit: str, size: int, breaker: str, collapse: bool = False) -> str:
    body = unit * max(1, (size - len(prefix)) // len(unit))
    text = (prefix + body)[:size] + breaker
    return " ".join(text.split()) if collapse else text


def time_pattern(found: Found, limit: float) -> Timing:
    """The worst growth over every input shape of the pattern.

    Every shape runs at 10,000 characters; only the slowest ones (over half a
    millisecond, and the three slowest) run again at 40,000, to keep the scan quick.
    A flagged shape is measured once more before it is reported.
    """
    pattern, anchored = found.pattern, found.anchored
    collapse = found.where.startswith(COLLAPSED_WHITESPACE)
    smalls: list[tuple[float, str, tuple[str, str, str]]] = []
    for desc, prefix, unit in shapes(pattern):
        for breaker in BREAKERS:
            label = f"{desc} + {breaker!r}" if breaker else desc
            text = build(prefix, unit, SMALL, breaker, collapse)
            try:
                spent = best(pattern, text, limit, runs=1, anchored=anchored)
            except Interrupted:
                return Timing(found.where, pattern.pattern, label, limit, limit, True, True)
            smalls.append((spent, label, (prefix, unit, breaker)))
    smalls.sort(key=lambda item: item[0], reverse=True)
    chosen = [s for s in smalls if s[0] > 0.0005] or smalls[:3]
    worst = Timing(found.where, pattern.pattern, "", 0.0, 0.0, False, False)
    worst_score = -1.0
    for _small, label, (prefix, unit, breaker) in chosen[:12]:
        try:
            short = build(prefix, unit, SMALL, breaker, collapse)
            long = build(prefix, unit, LARGE, breaker, collapse)
            small = best(pattern, short, limit, 3, anchored)
            large = best(pattern, long, limit * 4, 3, anchored)
            if large / max(small, 1e-9) > RATIO and large > FLOOR:  # once more, to be sure
                small = best(pattern, short, limit, 3, anchored)
                again = best(pattern, long, limit * 4, 3, anchored)
                large = min(large, again)
        except Interrupted:
            return Timing(found.where, pattern.pattern, label, limit, limit * 4, True, True)
        ratio = large / small if small > 0 else 0.0
        flagged = ratio > RATIO and large > FLOOR
        score = large if not flagged else 1e6 + large
        if score > worst_score:
            worst_score = score
            worst = Timing(found.where, pattern.pattern, label, small, large, flagged, False)
    return worst


# -- regexploit (optional, static) ------------------------------------------------

_REGEXPLOIT = r"""
import json, sys, warnings
warnings.simplefilter("ignore")
from regexploit.ast.sre import SreOpParser
from regexploit.redos import find
out = []
for source, flags in json.load(sys.stdin):
    try:
        parsed = SreOpParser().parse_sre(source, flags)
        hits = [str(r.example()) for r in find(parsed) if r.starriness > 2]
    except Exception as error:  # noqa: BLE001 - possessive/atomic: unsupported by it
        hits = [f"(not analysed: {type(error).__name__})"]
    out.append(hits)
json.dump(out, sys.stdout)
"""


def regexploit(python: str, found: list[Found]) -> list[list[str]]:
    payload = json.dumps([(f.pattern.pattern, int(f.pattern.flags)) for f in found])
    done = subprocess.run(
        [python, "-c", _REGEXPLOIT], input=payload, capture_output=True, text=True, check=True
    )
    result: list[list[str]] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="scan only modules whose name contains this")
    parser.add_argument("--limit", type=float, default=2.0, help="seconds a run may take")
    parser.add_argument("--regexploit", metavar="PYTHON", help="a Python that has regexploit")
    parser.add_argument("--verbose", action="store_true", help="print every pattern")
    parser.add_argument(
        "--no-exercise", action="store_true", help="skip patterns compiled while auditing"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    signal.signal(signal.SIGPROF, _alarm)
    found = collect(args.only)
    if not args.only and not args.no_exercise:
        found += exercised(found)
    anchored = sum(f.anchored for f in found)
    print(f"{len(found)} patterns ({anchored} only anchored: timed with match)", flush=True)
    static = regexploit(args.regexploit, found) if args.regexploit else [[] for _ in found]
    flagged = 0
    started = time.perf_counter()
    for item, hits in zip(found, static, strict=True):
        timing = time_pattern(item, args.limit)
        real_hits = [h for h in hits if not h.startswith("(not analysed")]
        if timing.flagged or args.verbose or real_hits:
            mark = "SUPER-LINEAR" if timing.flagged else "ok"
            if timing.timed_out:
                mark += f" (over {args.limit:g} s)"
            mode = "match" if item.anchored else "search"
            print(
                f"{mark:12} {timing.where} ({mode})\n"
                f"    /{timing.source[:160]}/\n"
                f"    worst: {timing.sample}: {timing.small * 1000:.1f} ms -> "
                f"{timing.large * 1000:.1f} ms (x{timing.ratio:.1f})"
            )
            for hit in real_hits:
                print(f"    regexploit: {hit[:160]}")
            sys.stdout.flush()  # a run takes an hour on a loaded machine: show flags as found
        flagged += timing.flagged
    elapsed = time.perf_counter() - started
    print(f"{flagged} of {len(found)} patterns super-linear ({elapsed:.0f} s)")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
