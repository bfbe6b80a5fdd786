"""The baseline: findings accepted when a project adopted citeaudit.

Written by ``citeaudit check --write-baseline``; later runs fail only on findings not
in it. A finding is known by its rule code, its file (relative to the baseline, so a
CI checkout elsewhere matches) and its message -- not its line, which moves whenever
text is added above it. Counts are kept, so a second identical problem is new.
"""

from __future__ import annotations

import json
import os
import re
import reprlib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from citeaudit.bounded_read import MAX_CONFIG_BYTES, open_for_write, read_capped
from citeaudit.errors import ConfigurationError
from citeaudit.model.finding import Finding

FORMAT = 1
DEFAULT_NAME = "citeaudit-baseline.json"

Key = tuple[str, str, str]


def key(finding: Finding, folder: Path) -> Key:
    try:
        file = os.path.relpath(Path(finding.location.file).resolve(), folder.resolve())
    except ValueError:  # another drive (Windows)
        file = finding.location.file
    return finding.code, file.replace(os.sep, "/"), stable_message(finding.message)


# "at line 63", "lines 12, 40", "refs.bib:12": places other findings point at move
# with the text too; the baseline keeps the words and drops the numbers.
_PLACES = re.compile(r"\b(lines?|paragraphs?) \d+(?:(?:, | and )\d+){0,50}|(\.\w{1,8}):\d+")


def stable_message(message: str) -> str:
    return _PLACES.sub(lambda m: f"{m[1]} N" if m[1] else f"{m[2]}:N", message)


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    counts = Counter(key(f, path.parent) for f in findings)
    entries = [
        {"code": code, "file": file, "message": message, "count": n}
        for (code, file, message), n in sorted(counts.items())
    ]
    text = json.dumps({"citeaudit-baseline": FORMAT, "findings": entries}, indent=2)
    try:
        # under --confine from the checkout's descriptor: no link swapped in is followed
        with open_for_write(path) as stream:
            stream.write((text + "\n").encode("utf-8"))
    except OSError as exc:
        raise ConfigurationError(f"cannot write the baseline {path}: {exc.strerror}") from None
    return sum(counts.values())


def read_baseline(path: Path) -> Counter[Key]:
    try:
        # /dev/zero or a FIFO as --baseline is refused, never read (bounded_read)
        data = json.loads(read_capped(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except FileNotFoundError:
        raise ConfigurationError(
            f"baseline {path} does not exist; write it with `citeaudit check --write-baseline`"
        ) from None
    except OSError as exc:
        raise ConfigurationError(f"baseline {path} cannot be read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ConfigurationError(f"baseline {path} cannot be read: {exc}") from None
    except RecursionError:  # the JSON parser recurses per nested array or object
        raise ConfigurationError(
            f"baseline {path} cannot be read: arrays or objects nested too deeply"
        ) from None
    if not isinstance(data, dict) or data.get("citeaudit-baseline") != FORMAT:
        raise ConfigurationError(f"{path} is not a citeaudit baseline (format {FORMAT})")
    findings = data.get("findings", [])
    if not isinstance(findings, list):
        raise ConfigurationError(f"{path}: a baseline's findings must be a list")
    counts: Counter[Key] = Counter()
    for entry in findings:
        try:
            counts[(str(entry["code"]), str(entry["file"]), str(entry["message"]))] += int(
                entry.get("count", 1)
            )
        except (KeyError, TypeError, ValueError, OverflowError):  # "count": Infinity
            raise ConfigurationError(
                f"{path}: a baseline entry is malformed: {_quoted(entry)}"
            ) from None
    return counts


# A malformed entry quoted in the error, bounded: a 50 MB value is not put in a message
# (nor its repr built whole); reprlib cuts long strings, deep nesting and many items.
_QUOTE = reprlib.Repr()  # keyword arguments only from Python 3.12
_QUOTE.maxstring = _QUOTE.maxother = 80
_QUOTE.maxlong = 40
_QUOTE.maxdict = _QUOTE.maxlist = 6
_QUOTE.maxlevel = 3


def _quoted(entry: object) -> str:
    return _QUOTE.repr(entry)
