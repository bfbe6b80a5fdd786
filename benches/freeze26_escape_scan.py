"""freeze26: module-level patterns timed on a literal alternating with a backslash.

benches/redos_scan.py runs each pattern over runs of its literals alone or alternating
with a letter, space, dot or digit -- never with a backslash. A pattern that reads
escapes (``"(?:[^"\\\\\\n]|\\\\.)*+"``) fails on ``"\\"\\"\\...`` after reading to the end, and
the search restarts at every later quote, an escaped one of the first one's text: one
``sub`` or ``finditer`` call, quadratic (the CSL YAML reader's quote removal, freeze26).
This scan times ``finditer`` of every module-level pattern of the readers, matching,
rules and reports over ``a\\`` / ``\\a`` / ``a\\\\`` / ``aa\\`` runs of 2,500 and
10,000 units, for each literal ``a`` of the pattern, and prints those growing over 8x
past 50 ms. A flag is a lead: a pattern only ever used with ``.match`` at one position
(bounded by a cap) does not restart. Found at freeze26, besides the fixed one: only
such single-position uses (bibtexparser_blocks._FIELD/_STRING, latex_macros'
arguments, author_index._FIRST_STOP, bibtex_syntax._TO_NEXT_TEXT) and csl_json's
_STRUCTURE, whose scan stops at the first unclosed string.

    nice .venv/bin/python benches/freeze26_escape_scan.py
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re
import signal
import sys
import time
from types import FrameType

import citeaudit

_SKIPPED = (".web", ".api", ".store", ".service", ".watch", "__main__")
_SPECIALS = set("\"'`([{<$*_~|#%&@!?:;,.-/=+^")
_LIMIT = 3.0


class _TimedOut(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _TimedOut


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(citeaudit.__path__, "citeaudit."):
        if any(part in info.name for part in _SKIPPED):
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception:
            continue
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[f"{info.name}.{name}"] = value
    return found


def _cpu(pattern: re.Pattern[str], text: str) -> float:
    gc.disable()
    started = time.process_time()
    try:
        signal.setitimer(signal.ITIMER_REAL, _LIMIT)
        for _ in pattern.finditer(text):
            pass
    except _TimedOut:
        return _LIMIT
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        gc.enable()
    return time.process_time() - started


def main() -> int:
    signal.signal(signal.SIGALRM, _alarm)
    patterns = _patterns()
    print(f"{len(patterns)} patterns", flush=True)
    flagged = 0
    for name, pattern in patterns.items():
        literals = sorted({c for c in pattern.pattern if c in _SPECIALS} | {'"', "'"})
        for literal in literals:
            units = (literal + "\\", "\\" + literal, literal + "\\\\", literal + "a\\")
            lead = next(
                (
                    (unit, small, large)
                    for unit in units
                    if (small := _cpu(pattern, unit * 2500)) >= 0.002
                    and (large := _cpu(pattern, unit * 10_000)) > 0.05
                    and large / max(small, 1e-4) > 8
                ),
                None,
            )
            if lead is not None:
                unit, small, large = lead
                print(f"{name}: {unit!r} x 2,500 {small:.3f} s, x 10,000 {large:.3f} s")
                flagged += 1
                break
    print(f"{flagged} flagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
