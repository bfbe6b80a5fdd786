"""The fixed bibliography for the service: an audit's stored files with its fixes made.

The files are written to a scratch folder by the audit's own `uploads_in_scratch` --
same names, same confined scope -- and read again as the audit read them (offline
parsing is deterministic, so reference ids agree with the stored findings); the fixes
are planned from those findings exactly as `citeaudit fix` plans them, and the file
asked for is returned fixed, nothing being written back to the store.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx

from citeaudit.audit import read_inputs
from citeaudit.audit_data import AuditResult
from citeaudit.child_python import ChildTimedOut, run_module
from citeaudit.fix.plan import plan_fixes
from citeaudit.links.targets import wire_form
from citeaudit.model.codec import from_data
from citeaudit.model.finding import Finding
from citeaudit.resolve.records import registry_doi
from citeaudit.service.heavy import heavy_slot
from citeaudit.service.inputs import scratch_name, uploads_in_scratch
from citeaudit.store.views import StoredFile


@dataclass(frozen=True, slots=True)
class FixedFile:
    name: str
    content: bytes
    changes: tuple[str, ...]
    refusals: tuple[str, ...]


# The child that reads the uploads again (`fixed_child`): its address space, CPU
# seconds and wall clock. A hostile upload read in the serving process held a heavy
# slot (two a process) for as long as the read took -- up to the parse limit, minutes --
# and its memory; now it is killed at these limits, and the download says so.
CHILD_MEMORY_MB = 2048
CHILD_CPU_SECONDS = 90
CHILD_WALL_SECONDS = 120.0
_ANSWER_LIMIT = 256 * 2**20  # bytes of the child's answer read at most


def fixed_upload(
    files: Sequence[StoredFile],
    findings: Sequence[Mapping[str, Any]],
    name: str,
    *,
    unsafe: bool = False,
) -> FixedFile | None:
    """The uploaded file `name` with the fixes made; None when no such file was uploaded.

    `name` comes from a URL: it only ever selects one of the audit's own stored files
    (by the name it was stored and written under), never a path to open. The uploads
    are read again in a child process with limits (`fixed_child`), a few at a time
    (`heavy_slot`); past its limits the file comes back unchanged with the refusal.
    """
    wanted, target = _selected(files, name)
    if target is None:
        return None
    if not any(_asks_for_an_edit(f) for f in findings):
        # The child would plan nothing and answer the upload as stored, byte for byte.
        # Not reading every upload again in a fresh process saves a second or more of
        # CPU a download (most downloads: the hostile-upload tests spent most of their
        # time there, an unreadable input's display-only hint being the only "fix").
        return FixedFile(wanted, target.content, (), ())
    payload = json.dumps(
        {
            "files": [
                {
                    "role": f.role,
                    "name": f.name,
                    "kind": f.kind,
                    "size": f.size,
                    "content": base64.b64encode(f.content).decode("ascii"),
                }
                for f in files
            ],
            "findings": list(findings),
            "name": name,
            "unsafe": unsafe,
        }
    ).encode("utf-8")
    with heavy_slot():
        try:
            done = run_module(
                "citeaudit.service.fixed_child",
                str(CHILD_MEMORY_MB),
                str(CHILD_CPU_SECONDS),
                data=payload,
                timeout=CHILD_WALL_SECONDS,
            )
        except ChildTimedOut:
            return _refused(wanted, target, f"took over {CHILD_WALL_SECONDS:g} s")
    if done.returncode != 0 or len(done.stdout) > _ANSWER_LIMIT:
        return _refused(wanted, target, "stopped at its limits")
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        return _refused(wanted, target, "gave no readable answer")
    if answer is None:
        return None
    return FixedFile(
        str(answer["name"]),
        base64.b64decode(answer["content"]),
        tuple(str(c) for c in answer["changes"]),
        tuple(str(r) for r in answer["refusals"]),
    )


def _asks_for_an_edit(stored: Mapping[str, Any]) -> bool:
    """Whether `plan_fixes` may act on a stored finding (`fix.policy.planned`): its fix
    has a replacement, or it deletes a repeated entry. Any other -- no fix, or a
    display-only hint without a replacement -- plans nothing."""
    fix = stored.get("fix")
    if not isinstance(fix, Mapping):
        return False
    return bool(fix.get("replacement")) or stored.get("code") == "BIB001"


def _selected(files: Sequence[StoredFile], name: str) -> tuple[str, StoredFile | None]:
    """The stored name a URL's `name` selects, and its file (None when no upload has it)."""
    wanted = Path(name.replace("\\", "/")).name
    if not wanted:
        return wanted, None
    return wanted, next((f for f in files if scratch_name(f.name, f.role) == wanted), None)


def _refused(wanted: str, target: StoredFile, why: str) -> FixedFile:
    """The file unchanged, and why no fix was made."""
    return FixedFile(
        wanted,
        target.content,
        (),
        (
            f"reading the uploads again {why} (limits: {CHILD_MEMORY_MB} MB, "
            f"{CHILD_CPU_SECONDS} s of CPU); no fix made",
        ),
    )


def fixed_here(
    files: Sequence[StoredFile],
    findings: Sequence[Mapping[str, Any]],
    name: str,
    *,
    unsafe: bool = False,
) -> FixedFile | None:
    """`fixed_upload`'s work, in the process that runs it (the child)."""
    wanted, stored = _selected(files, name)
    if stored is None:
        return None
    with uploads_in_scratch(files, prefix="citeaudit-fix-") as scratch:
        target = next(path for f, path in scratch.written if scratch_name(f.name, f.role) == wanted)
        data = read_inputs(scratch.inputs, scratch.scope)
        result = AuditResult(data, tuple(_finding(f) for f in findings))
        plan = plan_fixes(result, unsafe=unsafe)
        prefix = str(scratch.folder) + os.sep
        changes = tuple(str(c).replace(prefix, "") for c in plan.changes if c.file == wanted)
        refusals = tuple(str(r).replace(prefix, "") for r in plan.refusals if r.file == wanted)
        for rewrite in plan.rewrites:
            if rewrite.source.path == target:
                return FixedFile(wanted, rewrite.source.encode(rewrite.text), changes, refusals)
        return FixedFile(wanted, target.read_bytes(), (), refusals)


def _finding(stored: Mapping[str, Any]) -> Finding:
    """A stored finding (the JSON report's finding object) back to a Finding, whole:
    by the model's codec, as the editors' page reads it (`Repository.typed_findings`).

    A fix whose value came from a stranger (a site's redirect, an archive's answer, a
    registry's DOI) is made only in the form today's audit gives it (`_STRANGER_VALUES`):
    an audit stored before still holds a Location's own text, braces and all."""
    finding = from_data(Finding, stored)
    fix = finding.fix
    if fix is not None and fix.replacement is not None:
        judge = _STRANGER_VALUES.get(finding.rule)
        if judge is not None and not judge(fix.replacement):
            return replace(finding, fix=None)
    return finding


def _sent_url(value: str) -> bool:
    try:
        return wire_form(value) == value
    except (httpx.InvalidURL, ValueError, UnicodeError):
        return False


# Rules whose fix writes a value of someone else's into the author's file, and the
# form that value has when an audit makes it now.
_STRANGER_VALUES: dict[str, Callable[[str], bool]] = {
    "redirected-link": _sent_url,  # a site's 301 (`links.targets.wire_form`)
    "broken-link": _sent_url,  # the archive's snapshot
    "missing-doi": lambda doi: registry_doi(doi) == doi.lower(),  # a depositor's DOI
}
