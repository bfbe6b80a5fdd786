"""The PDF engine runs in a child process with a memory and a time limit.

pdfium is C++: a Python time budget cannot stop it and a Python cap cannot bound what
it allocates. A 1 MB upload whose page content is a compressed 400 MB stream made one
read take over 6 GB and more than two minutes -- enough to freeze a worker or bring
down the machine it shares. So the page reading (`pdf_pages.read_pages`) runs in a child
process of its own, limited by the kernel (address space, CPU seconds) and by a wall
clock: a PDF that needs more is refused with one clear error, and the audit of the rest
goes on. The child's answer comes back as JSON (never pickle: what the child says is
data, even if a hostile file had taken it over). The child imports only the page
reading (`pdf_pages`) and answers with the standard library's JSON: it starts for every
PDF, and pydantic and the rest of the reader cost it a quarter of a second each time.

A subprocess rather than `multiprocessing`: Celery's pool workers are daemonic
processes, which may not start multiprocessing children.
"""

from __future__ import annotations

import dataclasses
import json
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_type_hints

from citeaudit.errors import InputError

if TYPE_CHECKING:
    from citeaudit.manuscript.pdf import _Pages
    from citeaudit.manuscript.pdf_pages import PageRead

__all__ = ["Limits", "limits", "read_pages_isolated"]

_OUTPUT_LIMIT = 256 * 2**20  # bytes of JSON the parent accepts from the child


@dataclass(frozen=True, slots=True)
class Limits:
    """What one PDF may cost. A 30-page two-column article needs ~40 MB and a second or
    two of CPU; the defaults leave a book-length manuscript ample room. Operators may
    set CITEAUDIT_PDF_MEMORY_MB and CITEAUDIT_PDF_CPU_SECONDS (the wall-clock limit is
    half as much again as the CPU one)."""

    memory_mb: int = 1024
    cpu_seconds: int = 60

    @property
    def wall_seconds(self) -> float:
        return self.cpu_seconds * 1.5


def limits() -> Limits:
    def number(name: str, default: int) -> int:
        try:
            return max(1, int(os.environ.get(name, default)))
        except ValueError:
            return default

    base = Limits()
    return Limits(
        number("CITEAUDIT_PDF_MEMORY_MB", base.memory_mb),
        number("CITEAUDIT_PDF_CPU_SECONDS", base.cpu_seconds),
    )


def read_pages_isolated(path: Path, name: str) -> _Pages:
    """`pdf._read_pages(path, name)`, the engine's part computed in a limited child
    process."""
    cap = limits()
    command = [
        sys.executable,
        "-m",
        "citeaudit.manuscript.pdf_isolated",
        str(cap.memory_mb),
        str(cap.cpu_seconds),
        str(path),
        name,
    ]
    try:  # our own module; the arguments are a list, no shell
        done = subprocess.run(command, capture_output=True, timeout=cap.wall_seconds, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(name, refused(f"took over {cap.wall_seconds:g} s", cap)) from None
    if done.returncode != 0 or len(done.stdout) > _OUTPUT_LIMIT:
        raise InputError(name, refused(engine_failure(done.returncode, done.stderr), cap))
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        raise InputError(name, refused("gave no readable answer", cap)) from None
    if "error" in answer:
        raise InputError(name, str(answer["error"]), answer.get("line"))
    from citeaudit.manuscript.pdf import finished_pages

    return finished_pages(decode_pages(answer), name)


def refused(why: str, cap: Limits, doing: str = "reading") -> str:
    """The one sentence for a PDF the engine's child could not finish (`doing` it)."""
    return (
        f"{doing} this PDF {why} (limits: {cap.memory_mb} MB, {cap.cpu_seconds} s of CPU); "
        "refused as a possibly hostile file -- export the manuscript to PDF again, or give "
        "its source (DOCX, LaTeX, Markdown or text)"
    )


def engine_failure(code: int, stderr: bytes) -> str:
    """Why the engine's child ended as it did (its exit code, the tail of its stderr)."""
    if b"MemoryError" in stderr[-4000:]:
        return "needed more memory than allowed"
    if code == -9 or code == -24:  # SIGKILL, SIGXCPU: the CPU limit
        return "used more CPU time than allowed"
    if code < 0:
        return f"crashed the PDF engine (signal {-code}), probably out of memory"
    return f"failed in the PDF engine (exit {code})"


def _hints() -> dict[str, Any]:
    from citeaudit.manuscript.pdf_pages import PageRead

    return get_type_hints(PageRead)


def _fields(value: Any) -> dict[str, Any]:
    """A dataclass as the JSON object of its fields (called by `json.dumps` for what it
    cannot write itself: the lines and link areas), so a field added travels too."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    raise TypeError(f"{type(value).__name__} cannot be sent")


def encode_pages(pages: PageRead) -> str:
    """The child's answer: every field of `PageRead` as JSON, by the standard library
    (the child does not import pydantic); `lefts` is keyed by (page, column), which
    JSON keys cannot hold: a list of triples."""
    out: dict[str, Any] = {}
    for field in dataclasses.fields(pages):
        value = getattr(pages, field.name)
        if field.name == "lefts":
            out[field.name] = [[page, column, x] for (page, column), x in value.items()]
        else:
            out[field.name] = value
    return json.dumps(out, ensure_ascii=False, default=_fields)


def decode_pages(data: dict[str, Any]) -> PageRead:
    """The child's answer checked field by field against `PageRead`'s types (pydantic):
    what the child says is data, whatever the PDF made it say."""
    from pydantic import TypeAdapter

    from citeaudit.manuscript.pdf_pages import PageRead

    values: dict[str, Any] = {}
    for name, hint in _hints().items():
        if name == "lefts":
            values[name] = {(int(p), int(c)): float(x) for p, c, x in data[name]}
        else:
            values[name] = TypeAdapter(hint).validate_python(data[name])
    return PageRead(**values)


def limit_self(memory_mb: int, cpu_seconds: int) -> None:
    """The kernel's limits on this (child) process: address space and CPU seconds."""
    memory = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))


def main(argv: list[str]) -> int:
    """The child: limits first, then the engine; one JSON answer on stdout."""
    memory_mb, cpu_seconds, path, name = argv
    limit_self(int(memory_mb), int(cpu_seconds))
    from citeaudit.manuscript.pdf_pages import read_pages

    try:
        answer = encode_pages(read_pages(Path(path), name))
    except InputError as exc:
        answer = json.dumps({"error": exc.detail, "line": exc.line}, ensure_ascii=False)
    sys.stdout.write(answer)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
