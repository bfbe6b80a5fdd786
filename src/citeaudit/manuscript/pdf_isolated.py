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

One audit's PDFs share one allowance of the engine's CPU (`Limits.audit_cpu_seconds`,
twice one file's limit): a form drawn ten times by a form drawn ten times, eight deep,
is a PDF of a kilobyte that spends its child's whole limit, and an upload may carry
twenty manuscripts -- twenty limits, past the parse task's own time limit. Each child
is given at most what the audit's earlier PDFs left (counted by the CPU its children
used), and a PDF that finds less than a second left is refused unread.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import resource
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin, get_type_hints

from citeaudit.bounded_read import FileTooLarge, read_capped
from citeaudit.child_python import ChildTimedOut, die_with_parent, run_module
from citeaudit.errors import InputError

if TYPE_CHECKING:
    from citeaudit.input_scope import InputScope
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

    @property
    def audit_cpu_seconds(self) -> int:
        """What one audit's PDFs may spend together: a book in two files, not twenty
        hostile ones each spending a whole limit."""
        return self.cpu_seconds * 2


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


def read_pages_isolated(path: Path, name: str, scope: InputScope | None = None) -> _Pages:
    """`pdf._read_pages(path, name)`, the engine's part computed in a limited child
    process; with the audit's `scope`, within what its earlier PDFs left of the
    audit's allowance (`Limits.audit_cpu_seconds`)."""
    cap = limits()
    if scope is not None:
        left = int(scope.pdf_cpu_left(cap.audit_cpu_seconds))
        if left < 1:
            raise InputError(
                name,
                f"not read: no PDF engine time left -- the audit's other PDFs used its "
                f"{cap.audit_cpu_seconds} s of CPU (a possibly hostile file among them); "
                "audit this PDF on its own, or give its source (DOCX, LaTeX, Markdown or text)",
            )
        cap = dataclasses.replace(cap, cpu_seconds=min(cap.cpu_seconds, left))
    from citeaudit.manuscript.pdf_pages import MAX_BYTES

    try:  # opened here, as every reader's file is: a regular file, and inside the
        # audit's folder at the open itself while reads are held (`bounded_read`) --
        # the child opening the name again was a second look-up a swap could win
        data = read_capped(path, MAX_BYTES)
    except FileTooLarge:
        raise InputError(
            name, f"too large for a manuscript (over {MAX_BYTES // 2**20} MB)"
        ) from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    before = _children_cpu()
    # A child stopped at a limit is charged the whole of it (it would have used it); one
    # that finished, the CPU this process's children used meanwhile: its own.
    spent = float(cap.cpu_seconds)
    try:  # the working folder (a fork's checkout) off its path, none of the server's
        # secrets in its environment (`child_python`); the bytes on its standard input
        done = run_module(
            "citeaudit.manuscript.pdf_isolated",
            str(cap.memory_mb),
            str(cap.cpu_seconds),
            "-",
            name,
            data=data,
            timeout=cap.wall_seconds,
        )
        if done.returncode == 0:
            spent = min(max(_children_cpu() - before, 0.0), spent)
    except ChildTimedOut:
        raise InputError(name, refused(f"took over {cap.wall_seconds:g} s", cap)) from None
    finally:
        if scope is not None:
            scope.take_pdf_cpu(spent)
    if done.returncode != 0 or len(done.stdout) > _OUTPUT_LIMIT:
        raise InputError(name, refused(engine_failure(done.returncode, done.stderr), cap))
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        raise InputError(name, refused("gave no readable answer", cap)) from None
    if type(answer) is dict and "error" in answer:
        line = answer.get("line")
        raise InputError(name, str(answer["error"]), line if type(line) is int else None)
    try:
        pages = decode_pages(answer)
    except ValueError:
        raise InputError(name, refused("gave an answer that is no page reading", cap)) from None
    from citeaudit.manuscript.pdf import finished_pages

    return finished_pages(pages, name)


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (user and system)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


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


def decode_pages(data: Any) -> PageRead:
    """The child's answer checked field by field against `PageRead`'s types: what the
    child says is data, whatever the PDF made it say. A value of another type (a
    string for a number, a missing or extra field) raises ValueError.

    Strict checks made from the type hints, not pydantic: building pydantic's
    validators for these dataclasses cost 0.08 s of CPU at the first PDF of every
    process (each `citeaudit check paper.pdf`), more than checking a 30-page
    article's 3,400 lines takes."""
    from citeaudit.manuscript.pdf_pages import PageRead

    if type(data) is not dict:
        raise ValueError("the answer is not an object")
    values: dict[str, Any] = {}
    for name, check in _page_checks():
        if name not in data:
            raise ValueError(f"no {name!r} in the answer")
        if name == "lefts":
            values[name] = {
                (_int(p), _int(c)): _float(x) for p, c, x in (_triple(t) for t in _list(data[name]))
            }
        else:
            values[name] = check(data[name])
    return PageRead(**values)


_Check = Callable[[Any], Any]


@functools.cache
def _page_checks() -> tuple[tuple[str, _Check], ...]:
    from citeaudit.manuscript.pdf_pages import PageRead

    hints = get_type_hints(PageRead).items()
    # `lefts` travels as [page, column, x] triples (see `encode_pages`): checked apart
    return tuple((name, _checker(hint) if name != "lefts" else _none) for name, hint in hints)


def _int(value: Any) -> int:
    if type(value) is not int:  # bool is no int here
        raise ValueError(f"{type(value).__name__} for an integer")
    return value


def _float(value: Any) -> float:
    if type(value) is not float and type(value) is not int:
        raise ValueError(f"{type(value).__name__} for a number")
    return float(value)


def _str(value: Any) -> str:
    if type(value) is not str:
        raise ValueError(f"{type(value).__name__} for a string")
    return value


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise ValueError(f"{type(value).__name__} for true/false")
    return value


def _none(value: Any) -> None:
    if value is not None:
        raise ValueError(f"{type(value).__name__} for null")


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise ValueError(f"{type(value).__name__} for a list")
    return value


def _triple(value: Any) -> list[Any]:
    if type(value) is not list or len(value) != 3:
        raise ValueError("not a [page, column, x] triple")
    return value


def _int_key(value: Any) -> int:
    """A JSON object's key (always a string) that stands for an integer (a page)."""
    if type(value) is not str or not value.lstrip("-").isdigit() or not value.isascii():
        raise ValueError(f"{value!r} for an integer key")
    return int(value)


_SCALARS: dict[Any, _Check] = {int: _int, float: _float, str: _str, bool: _bool, type(None): _none}


def _checker(hint: Any) -> _Check:
    """The strict check for JSON values of type `hint`: the scalars, `X | None`,
    lists, tuples, dicts keyed by int, and dataclasses (exactly their fields)."""
    if hint in _SCALARS:
        return _SCALARS[hint]
    origin, args = get_origin(hint), get_args(hint)
    if origin is Union or origin is types.UnionType:
        options = tuple(_checker(a) for a in args)

        def one_of(value: Any) -> Any:
            for option in options:
                try:
                    return option(value)
                except ValueError:
                    continue
            raise ValueError(f"{type(value).__name__} for {hint}")

        return one_of
    if origin is list:
        item = _checker(args[0])
        return lambda value: [item(v) for v in _list(value)]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        each = _checker(args[0])
        return lambda value: tuple(each(v) for v in _list(value))
    if origin is tuple:
        parts = tuple(_checker(a) for a in args)

        def fixed(value: Any) -> tuple[Any, ...]:
            if len(_list(value)) != len(parts):
                raise ValueError(f"{len(value)} items for {len(parts)}")
            return tuple(check(v) for check, v in zip(parts, value, strict=True))

        return fixed
    if origin is dict and args[0] is int:
        inner = _checker(args[1])

        def mapping(value: Any) -> dict[int, Any]:
            if type(value) is not dict:
                raise ValueError(f"{type(value).__name__} for an object")
            return {_int_key(k): inner(v) for k, v in value.items()}

        return mapping
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _dataclass_checker(hint)
    raise TypeError(f"no check for {hint!r}")  # a field type added: teach it here


def _dataclass_checker(cls: type) -> _Check:
    names = {f.name for f in dataclasses.fields(cls)}
    fields = tuple((n, _checker(h)) for n, h in get_type_hints(cls).items() if n in names)

    def build(value: Any) -> Any:
        if type(value) is not dict or value.keys() != names:
            raise ValueError(f"not the fields of {cls.__name__}")
        return cls(**{name: check(value[name]) for name, check in fields})

    return build


def limit_self(memory_mb: int, cpu_seconds: int) -> None:
    """The kernel's limits on this (child) process: address space and CPU seconds; and
    its end with its parent's (`die_with_parent`), who keeps its wall clock: a worker
    killed at its hard time limit left the engine running on with nobody to stop it."""
    die_with_parent()
    memory = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))


def main(argv: list[str]) -> int:
    """The child: limits first, then the engine; one JSON answer on stdout."""
    memory_mb, cpu_seconds, path, name = argv
    limit_self(int(memory_mb), int(cpu_seconds))
    from citeaudit.manuscript.pdf_pages import read_pages

    try:  # "-": the parent sends the file's bytes (it opened the file itself)
        source = sys.stdin.buffer.read() if path == "-" else Path(path)
        answer = encode_pages(read_pages(source, name))
    except InputError as exc:
        answer = json.dumps({"error": exc.detail, "line": exc.line}, ensure_ascii=False)
    sys.stdout.write(answer)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
