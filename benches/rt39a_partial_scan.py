"""rt39a: every pattern of citeaudit timed on its own *partial* match, repeated.

`redos_scan.py` repeats each repeated piece's witness after the pattern's prefix, and
runs of single characters. It never repeats a prefix of the pattern cut inside an
optional group -- the text that opens the group and never closes it: ``\\lstinline[``
written 32,000 times on one line (352 KB) held the LaTeX reader 25 CPU s, because
``\\lstinline(?:\\[[^\\]\\n]*\\])?`` scanned from every ``\\lstinline[`` to the line's
end looking for the ``]`` (rt39a-1). Here each (prefix, unit) piece of the parsed
pattern gives the inputs ``(prefix + unit[:j]) * n`` for the first few cuts `j` (a
pattern's opener repeated, never finished), timed at 10,000 and 40,000 characters with
`finditer` (or `match` where every call is anchored), flagged past 6x growth and 20 ms.

    nice .venv/bin/python benches/rt39a_partial_scan.py [--only MODULE_SUBSTRING]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import redos_scan
from redos_scan import Found, Interrupted, P, best, pieces, witness

_CUTS = 4  # first characters of a long piece's witness kept after its prefix
_WHOLE = 24  # a piece's witness this short is cut at every character
SMALL, LARGE, RATIO, FLOOR = 10_000, 40_000, 6.0, 0.02


def partial_units(found: Found) -> list[str]:
    """Partial matches of the pattern: a prefix, then the first characters of a piece."""
    parsed = P.parse(found.pattern.pattern, found.pattern.flags)
    units: dict[str, None] = {}
    for prefix, unit in pieces(parsed):
        for cut in (
            range(1, min(_CUTS, len(unit)) + 1) if len(unit) > _WHOLE else range(1, len(unit))
        ):
            if prefix + unit[:cut]:
                units.setdefault(prefix + unit[:cut], None)
    whole = witness(parsed)
    for cut in range(1, len(whole)):
        units.setdefault(whole[:cut], None)
    return list(units)


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _timed(found: Found, unit: str, size: int, limit: float) -> float:
    """`finditer` over the text; an anchored pattern is matched at the start of every
    unit instead, as a reader's loop calls ``.match`` at each backslash or bracket (the
    shape `redos_scan` times at one position only)."""
    text = _text(unit, size)
    if not found.anchored:
        return best(found.pattern, text, limit, 1, False)
    import signal
    import time

    signal.setitimer(signal.ITIMER_PROF, limit)
    start = time.process_time()
    try:
        for at in range(0, len(text), len(unit)):
            found.pattern.match(text, at)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    return time.process_time() - start


def scan(found: Found, limit: float) -> tuple[str, float, float] | None:
    """(worst unit, small s, large s) when the pattern grows past RATIO, else None."""
    worst: tuple[str, float, float] | None = None
    for unit in partial_units(found):
        try:
            small = _timed(found, unit, SMALL, limit)
            if small < 0.002:
                continue
            large = _timed(found, unit, LARGE, limit * 4)
        except Interrupted:
            return (unit, limit, limit * 4)
        grew = large > FLOOR and large / max(small, 1e-9) > RATIO
        if grew and (worst is None or large > worst[2]):
            worst = (unit, small, large)
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default=None)
    parser.add_argument("--limit", type=float, default=2.0)
    args = parser.parse_args(argv)
    import signal

    signal.signal(signal.SIGPROF, redos_scan._alarm)
    found = redos_scan.collect(args.only)
    flagged = 0
    print(f"{len(found)} patterns", flush=True)
    for item in found:
        hit = scan(item, args.limit)
        if hit is not None:
            flagged += 1
            unit, small, large = hit
            print(
                f"SUPER-LINEAR {item.where}: {unit[:40]!r} repeated: "
                f"{small:.3f} s -> {large:.3f} s\n    {item.pattern.pattern[:160]}",
                flush=True,
            )
    print(f"{flagged} flagged")
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
