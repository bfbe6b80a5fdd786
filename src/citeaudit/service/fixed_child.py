"""The child that makes a fixed download: the uploads read again under the kernel's limits.

`citeaudit.service.fixed.fixed_upload` sends the audit's stored files and findings as
JSON on standard input; this process sets its address-space and CPU limits and its
end with its parent's first, then reads the uploads (`fixed_here`) and answers one
JSON object on standard output -- the fixed file's name, content (base64), changes
and refusals -- or null when no such file was uploaded.
"""

from __future__ import annotations

import base64
import json
import sys

from citeaudit.manuscript.pdf_isolated import limit_self


def main(argv: list[str]) -> int:
    memory_mb, cpu_seconds = argv
    limit_self(int(memory_mb), int(cpu_seconds))
    from citeaudit.service.fixed import fixed_here
    from citeaudit.store.views import StoredFile

    request = json.loads(sys.stdin.buffer.read())
    files = [
        StoredFile(
            role=str(f["role"]),
            name=str(f["name"]),
            kind=str(f["kind"]),
            size=int(f["size"]),
            content=base64.b64decode(f["content"]),
        )
        for f in request["files"]
    ]
    made = fixed_here(
        files, request["findings"], str(request["name"]), unsafe=bool(request["unsafe"])
    )
    answer = (
        None
        if made is None
        else {
            "name": made.name,
            "content": base64.b64encode(made.content).decode("ascii"),
            "changes": list(made.changes),
            "refusals": list(made.refusals),
        }
    )
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
