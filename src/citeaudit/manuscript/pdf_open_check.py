"""Whether an uploaded PDF opens, asked of the PDF engine in a limited child process.

The upload check opens every PDF once, to refuse a damaged or encrypted one at once
rather than in the audit. It opened it in the API process itself, with no limit:
opening reads the cross-reference table, and a cross-reference *stream* is inflated
whole -- a 1 MB upload whose one such stream inflates to 1,000 MB of zeros took the API
process to 2 GB and 4 s of CPU, and a request may carry twenty such files. So the open
runs where the page reading does (`pdf_isolated`): in a child process under the same
operator limits (memory, CPU seconds, wall clock), handed the bytes on its standard
input and answering in JSON. A child that is stopped is a refusal, said as such.
"""

from __future__ import annotations

import json
import sys

from citeaudit.child_python import ChildTimedOut, run_module
from citeaudit.manuscript.pdf_isolated import engine_failure, limit_self, limits, refused

OPENING = "opening"

__all__ = ["open_problem"]

_ANSWER_LIMIT = 64 * 1024  # the child says one short sentence at most


def open_problem(data: bytes) -> str | None:
    """Why `data` cannot be opened as a PDF (damaged, encrypted, too costly), or None."""
    cap = limits()
    try:  # an allow-listed environment: none of the server's secrets (`child_python`)
        done = run_module(
            __name__, str(cap.memory_mb), str(cap.cpu_seconds), data=data, timeout=cap.wall_seconds
        )
    except ChildTimedOut:
        return refused(f"took over {cap.wall_seconds:g} s", cap, OPENING)
    if done.returncode != 0 or len(done.stdout) > _ANSWER_LIMIT:
        return refused(engine_failure(done.returncode, done.stderr), cap, OPENING)
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        return refused("gave no readable answer", cap, OPENING)
    problem = answer.get("problem") if isinstance(answer, dict) else None
    return None if problem is None else str(problem)[:500]


def main(argv: list[str]) -> int:
    """The child: limits first, then the engine; one JSON answer on stdout."""
    memory_mb, cpu_seconds = (int(a) for a in argv)
    limit_self(memory_mb, cpu_seconds)
    data = sys.stdin.buffer.read()
    from citeaudit.manuscript.pdf import pdf_problem

    sys.stdout.write(json.dumps({"problem": pdf_problem(data)}))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
