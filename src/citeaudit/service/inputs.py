"""An audit's stored files back to audit data: written to scratch, read by the core.

Parsing is offline and deterministic, so every step of an audit (any worker) can
re-read the inputs by audit id; a small per-process cache spares a worker doing it
again for each chunk of the same audit.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.audit_data import AuditData
from citeaudit.service.relocate import relocate
from citeaudit.store.views import StoredFile

_CACHE_SIZE = 8
_cache: OrderedDict[str, AuditData] = OrderedDict()
_lock = threading.Lock()


def read_files(files: list[StoredFile]) -> AuditData:
    """Parse the uploaded files as `citeaudit check` would, named as uploaded."""
    with tempfile.TemporaryDirectory(prefix="citeaudit-") as scratch:
        manuscripts: list[Path] = []
        bibliographies: list[Path] = []
        for f in files:
            path = Path(scratch) / f.name
            path.write_bytes(f.content)
            (manuscripts if f.role == "manuscript" else bibliographies).append(path)
        data = read_inputs(AuditInput(tuple(manuscripts), tuple(bibliographies)))
        prefix = scratch.rstrip(os.sep) + os.sep
        relocated: AuditData = relocate(data, prefix)
        return relocated


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
