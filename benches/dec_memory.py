"""Peak memory and CPU of the plain-text decoding and the simple readers on hostile text.

Why: a worker decodes whatever an upload holds, under one memory ceiling. The decoder
once built a Python object a line (a list of line bytes, a list of pieces, a tuple of
line numbers), so 20 MB of two-byte lines that are not UTF-8 cost ~25 s and ~2.3 GB.
This prints, for each hostile kind of text and each reader, the CPU seconds and the
peak RSS of a child process that does nothing else (`resource.getrusage`), at two sizes
(1x and 10x), and the growth between them: linear is about 10x CPU and 10x the memory
above the interpreter's own.

    nice -n 10 .venv/bin/python benches/dec_memory.py            # every case, 2 and 20 MB
    nice -n 10 .venv/bin/python benches/dec_memory.py --only alternating --readers decode

Goal: every case at 20 MB within 10 CPU s and 600 MB peak.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MB = 1024 * 1024


def _repeat(unit: bytes, size: int) -> bytes:
    return (unit * (size // len(unit) + 1))[:size]


def _mixed(size: int) -> bytes:
    """UTF-8 lines, Windows-1252 lines and lines of undefined bytes, interleaved."""
    unit = (
        "Müller (2019) found the opposite.\n".encode()
        + "Café crème (Dupont, 2020).\n".encode("cp1252")
        + b"bad \x81\x8d byte\n"
        + b"ok\n"
    )
    return _repeat(unit, size)


def _gb18030(size: int) -> bytes:
    """Chinese GB18030 lines first (the code page is chosen on them), then junk: bytes
    GB18030 leaves undefined, its own encoding of U+FFFD, incomplete sequences."""
    head = ("引用文献的作者和年份必须一致。\n" * 2000).encode("gb18030")
    junk = b"\x84\x31\xa4\x37 ok\n\xff\xfe\n\x81\x30\n\x81\n" + "中文\n".encode("gb18030")
    return head + _repeat(junk, size - len(head))


def _utf16_bad(size: int) -> bytes:
    """UTF-16 with a BOM: every other line holds a lone surrogate."""
    unit = "Smith (2020)\n".encode("utf-16-le") + b"\x00\xd8" + "x\n".encode("utf-16-le")
    return codecs.BOM_UTF16_LE + _repeat(unit, size - 2)


def _utf16_odd(size: int) -> bytes:
    """UTF-16 with a BOM: millions of tiny lines of lone low surrogates, odd length."""
    unit = b"\x00\xdc\n\x00"
    return codecs.BOM_UTF16_LE + _repeat(unit, size - 3) + b"\x41"


CASES: dict[str, Callable[[int], bytes]] = {
    # a whole file in Windows-1252: one run
    "cp1252_whole": lambda n: _repeat("Café au lait, Müller (2019).\n".encode("cp1252"), n),
    "mixed": _mixed,
    # Windows-1252 and undefined-byte lines alternate: a run a line
    "alternating": lambda n: _repeat(b"\xe9\n\x81\n", n),
    "utf8_bad_alternating": lambda n: _repeat(b"a\n\x81\n", n),
    # millions of tiny lines that are not UTF-8
    "tiny_bad_lines": lambda n: _repeat(b"\x81\n", n),
    # millions of empty lines, one bad byte first
    "tiny_lines": lambda n: b"\xe9\n" + b"\n" * (n - 2),
    # one giant line with bad bytes all through it
    "giant_line": lambda n: _repeat(b"word caf\xe9 \x81 ", n),
    "giant_line_utf8_tail": lambda n: b"\xe9" + _repeat("é".encode(), n - 1),
    # \r alone as line end, mixed with \r\n and \n
    "cr_only": lambda n: _repeat(b"caf\xe9\rab\r\n\x81\r\r\nx\n", n),
    # NULs: binary, refused (the scan must stay cheap)
    "nul_heavy": lambda n: b"\x00" * n,
    "nul_late": lambda n: _repeat(b"caf\xe9\n", n - 1) + b"\x00",
    # BOMs in every line, UTF-8 BOM first, UTF-16 BOMs inside
    "bom_games": lambda n: (
        codecs.BOM_UTF8
        + _repeat(codecs.BOM_UTF8 + b"x\xff\xfe\n" + codecs.BOM_UTF16_BE + b"\xe9\n", n - 3)
    ),
    "gb18030": _gb18030,
    "utf16_bad_surrogates": _utf16_bad,
    "utf16_tiny_lines": _utf16_odd,
}

READERS = ("decode", "text", "markdown", "ris", "csl-json", "csl-yaml")
_SUFFIX = {
    "text": ".txt",
    "markdown": ".md",
    "ris": ".ris",
    "csl-json": ".json",
    "csl-yaml": ".yaml",
}


def _child(reader: str, path: Path) -> None:
    """Run one reader on one file and print its CPU and peak RSS as JSON."""
    from citeaudit.errors import InputError

    outcome = "ok"
    started = resource.getrusage(resource.RUSAGE_SELF)
    base_rss = started.ru_maxrss
    try:
        if reader == "decode":
            from citeaudit.text_decoding import BinaryContent, decode_bytes

            try:
                decoded = decode_bytes(path.read_bytes())
                outcome = f"rescued {len(decoded.rescued):,}"
            except BinaryContent as exc:
                outcome = f"binary from line {exc.line}"
        elif reader in ("text", "markdown"):
            from citeaudit.manuscript.reading import read_manuscript_with_problems

            document, problems = read_manuscript_with_problems(path)
            outcome = f"{len(document.lines):,} lines, {len(problems):,} problems"
        else:
            from citeaudit.bibliography.loading import read_bibliography

            bib = read_bibliography(path)
            outcome = f"{len(bib.references):,} refs, {len(bib.problems):,} problems"
    except InputError as exc:
        outcome = f"input error: {str(exc)[:60]}"
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "cpu": usage.ru_utime + usage.ru_stime - started.ru_utime - started.ru_stime,
                "peak_mb": usage.ru_maxrss / 1024,
                "base_mb": base_rss / 1024,
                "outcome": outcome,
            }
        )
    )


def _run(reader: str, path: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", reader, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if out.returncode != 0:
        return {
            "cpu": float("nan"),
            "peak_mb": float("nan"),
            "base_mb": 0.0,
            "outcome": f"exit {out.returncode}: {out.stderr.strip()[-100:]}",
        }
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", nargs=2, metavar=("READER", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--only", nargs="*", default=None, help="case names")
    parser.add_argument("--readers", nargs="*", default=list(READERS), choices=READERS)
    parser.add_argument("--mb", type=float, default=20.0, help="the large size (10x the small)")
    parser.add_argument("--large-only", action="store_true", help="skip the 1x size")
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return 0
    cases = args.only or list(CASES)
    sizes = [int(args.mb * MB)] if args.large_only else [int(args.mb * MB / 10), int(args.mb * MB)]
    rows: list[dict[str, Any]] = []
    print(f"{'case':24} {'reader':9} {'MB':>5} {'CPU s':>7} {'peak MB':>8} {'> base':>7}  outcome")
    with tempfile.TemporaryDirectory(prefix="dec-memory-") as folder:
        for case in cases:
            for size in sizes:
                data = CASES[case](size)
                source = Path(folder) / f"{case}.data"
                source.write_bytes(data)
                length = len(data)
                # freed before the children start: a child's peak RSS starts from its
                # parent's at the fork (Linux keeps the high-water mark across exec)
                del data
                for reader in args.readers:
                    path = Path(folder) / f"{case}{_SUFFIX.get(reader, '.bin')}"
                    os.link(source, path)
                    wall = time.monotonic()
                    got = _run(reader, path)
                    got.update(
                        case=case, reader=reader, mb=length / MB, wall=time.monotonic() - wall
                    )
                    rows.append(got)
                    above = float(got["peak_mb"]) - float(got["base_mb"])
                    print(
                        f"{case:24} {reader:9} {length / MB:5.1f} {got['cpu']:7.2f} "
                        f"{got['peak_mb']:8.0f} {above:7.0f}  {got['outcome']}",
                        flush=True,
                    )
                    os.unlink(path)
                source.unlink()
    if len(sizes) == 2:
        print("\ngrowth 1x -> 10x (CPU ratio, memory-above-base ratio); linear is ~10")
        for case in cases:
            for reader in args.readers:
                pair = [r for r in rows if r["case"] == case and r["reader"] == reader]
                if len(pair) != 2:
                    continue
                small, large = pair
                cpu = float(large["cpu"]) / max(float(small["cpu"]), 0.01)
                mem_small = max(float(small["peak_mb"]) - float(small["base_mb"]), 1.0)
                mem_large = float(large["peak_mb"]) - float(large["base_mb"])
                print(f"{case:24} {reader:9} cpu x{cpu:5.1f}  mem x{mem_large / mem_small:5.1f}")
    worst_cpu = max((r for r in rows if r["mb"] >= args.mb * 0.99), key=lambda r: float(r["cpu"]))
    worst_mem = max(
        (r for r in rows if r["mb"] >= args.mb * 0.99), key=lambda r: float(r["peak_mb"])
    )
    print(
        f"\nworst CPU: {worst_cpu['cpu']:.2f} s ({worst_cpu['case']}, {worst_cpu['reader']}); "
        f"worst peak: {worst_mem['peak_mb']:.0f} MB ({worst_mem['case']}, {worst_mem['reader']})"
    )
    if args.json_out:
        args.json_out.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
