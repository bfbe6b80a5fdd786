"""An audit's stored files back to audit data: written to scratch, read by the core.

Parsing is offline and deterministic, so every step of an audit (any worker) can
re-read the inputs by audit id; a small per-process cache spares a worker doing it
again for each chunk of the same audit.

The uploads are strangers' files: each is written under its base name only, and the
core reads them with an `InputScope` confined to the audit's own scratch folder, so
``\\input{/etc/passwd}``, ``\\bibliography{../x}`` or a front-matter
``bibliography: /abs.bib`` is refused with a finding instead of read.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.audit_data import AuditData
from citeaudit.input_scope import InputScope
from citeaudit.service.relocate import relocate
from citeaudit.store.views import StoredFile

LIST_ROLE = "reference-list"  # a pasted list: read as entries, never sniffed as BibTeX/RIS
_CACHE_SIZE = 8
_cache: OrderedDict[str, AuditData] = OrderedDict()
_lock = threading.Lock()


def read_files(files: list[StoredFile]) -> AuditData:
    """Parse the uploaded files as `citeaudit check` would, named as uploaded."""
    with tempfile.TemporaryDirectory(prefix="citeaudit-") as made:
        scratch = Path(os.path.realpath(made))  # the scope compares resolved paths
        by_role: dict[str, list[Path]] = {"manuscript": [], "bibliography": [], LIST_ROLE: []}
        for f in files:
            path = scratch / _base_name(f.name, f.role)
            path.write_bytes(f.content)
            by_role.get(f.role, by_role["bibliography"]).append(path)
        inputs = AuditInput(
            tuple(by_role["manuscript"]), tuple(by_role["bibliography"]), tuple(by_role[LIST_ROLE])
        )
        data = read_inputs(inputs, InputScope.confined_to(scratch))
        relocated: AuditData = relocate(data, str(scratch).rstrip(os.sep) + os.sep)
        return relocated


def _base_name(name: str, role: str) -> str:
    """The stored name without any folder part: the upload check already ensures it, and
    a file must never be written outside the scratch folder whatever the store holds."""
    base = Path(name.replace("\\", "/")).name
    return base if base not in ("", ".", "..") else role


def cached_read(audit_id: str, files: list[StoredFile]) -> AuditData:
    with _lock:
        if audit_id in _cache:
            _cache.move_to_end(audit_id)
            return _cache[audit_id]
    data = read_files(files)
    with _lock:
        _cache[audit_id] = data
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return data
