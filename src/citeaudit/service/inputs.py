"""An audit's stored files back to audit data: written to scratch, read by the core.

Parsing is offline and deterministic, so every step of an audit (any worker) can
re-read the inputs by audit id; a small per-process cache spares a worker doing it
again for each chunk of the same audit.

The uploads are strangers' files. `uploads_in_scratch` is the one place that puts them
on disk -- the audit and the fixed-file download both go through it: each is written
under its base name only, into a fresh folder of its own, as a new file (never through
a name that already exists), and the core reads them with an `InputScope` confined to
that folder, so ``\\input{/etc/passwd}``, ``\\bibliography{../x}`` or a front-matter
``bibliography: /abs.bib`` is refused with a finding instead of read, and the audit's
whole ``\\input`` budget is bounded by what was uploaded. While they are on disk, a
scope built anywhere without a root follows no name either (`input_scope.strangers_files`):
the fixed-file download's read-back check once re-read the manuscript with the CLI's
follow-anything scope, and its answer told whether a server file existed. No
configuration file is looked for: an upload's settings are the request's options,
never a ``citeaudit.toml`` it carries or one above the scratch folder.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.audit_data import AuditData
from citeaudit.input_scope import InputScope, strangers_files
from citeaudit.service.relocate import relocate
from citeaudit.service.scratch_sweep import sweep_stale_scratch
from citeaudit.settings import MAX_CITATIONS
from citeaudit.store.views import StoredFile

LIST_ROLE = "reference-list"  # a pasted list: read as entries, never sniffed as BibTeX/RIS
_ROLES = ("manuscript", "bibliography", LIST_ROLE)
_LONGEST_NAME = 200  # bytes
_RUNS = re.compile(r"_{2,}")
_MAX_NAME_BYTES = 150
_CACHE_SIZE = 8
_cache: OrderedDict[str, AuditData] = OrderedDict()
_lock = threading.Lock()
_swept: set[str] = set()  # temporary directories this process has swept already


@dataclass(frozen=True, slots=True)
class Scratch:
    """Uploads written to a folder of their own, and how the core is to read them."""

    folder: Path
    written: tuple[tuple[StoredFile, Path], ...]
    inputs: AuditInput
    scope: InputScope

    def relocated(self, value: AuditData) -> AuditData:
        """`value` with the scratch folder taken out of every path and message."""
        result: AuditData = relocate(value, str(self.folder).rstrip(os.sep) + os.sep)
        return result


@contextmanager
def uploads_in_scratch(
    files: Sequence[StoredFile], prefix: str = "citeaudit-"
) -> Iterator[Scratch]:
    """The files in a fresh folder, removed on leaving; the scope confined to it.

    Inside, every read is of a stranger's files (`strangers_files`): a reader that builds
    its own scope instead of taking `Scratch.scope` still follows no name out, and every
    read is held to the folder when the file is opened (`bounded_read.held_to`), so a
    name changed between the scope's check and the open is not read either. The first
    time a process writes here, it removes the stale folders a killed one left behind
    (`scratch_sweep`): the API process in embedded mode has no start-up hook of its own.
    """
    _sweep_once()
    with tempfile.TemporaryDirectory(prefix=prefix) as made:
        folder = Path(os.path.realpath(made))  # the scope compares resolved paths
        with strangers_files(folder):  # every read held to the folder, at the open too
            written: list[tuple[StoredFile, Path]] = []
            by_role: dict[str, list[Path]] = {role: [] for role in _ROLES}
            for f in files:
                path = _write_new(folder, scratch_name(f.name, f.role), f.content)
                written.append((f, path))
                by_role.get(f.role, by_role["bibliography"]).append(path)
            # Sorted as the CLI sorts its arguments (`AuditInput.from_paths`, the one
            # suffix list): refs.csl-json sent as a manuscript was read as text, and the
            # audit "found no problems" having checked nothing.
            inputs = AuditInput.from_paths(*(by_role[role] for role in _ROLES))
            # Uploads come without folders, under the names `safe_name` made of theirs.
            scope = InputScope.confined_to(folder, flat=True, stored_as=_stored_name)
            yield Scratch(folder, tuple(written), inputs, scope)


def _sweep_once() -> None:
    where = tempfile.gettempdir()
    with _lock:
        if where in _swept:
            return
        _swept.add(where)
    sweep_stale_scratch(Path(where))


def read_files(
    files: list[StoredFile],
    max_citations: int = MAX_CITATIONS,
    progress: Callable[[str], None] | None = None,
) -> AuditData:
    """Parse the uploaded files as `citeaudit check` would, named as uploaded.
    `progress` is told each upload as the core is let at it (`_Watched`)."""
    with uploads_in_scratch(files) as scratch:
        scope = scratch.scope
        if progress is not None:
            names = {path: f.name for f, path in scratch.written}
            scope = _Watched(
                **{f.name: getattr(scope, f.name) for f in fields(scope) if f.init},
                uploads=names,
                note=progress,
            )
        data = read_inputs(scratch.inputs, scope, max_citations=max_citations, progress=progress)
        return scratch.relocated(data)


@dataclass(frozen=True, slots=True)
class _Watched(InputScope):
    """The audit's scope, telling `note` which upload the core opens: every file is
    admitted before it is read (the uploads given, and those an ``\\input`` or a
    ``\\bibliography`` names), so the last one noted is the one being read."""

    uploads: Mapping[Path, str] = field(default_factory=dict, compare=False, repr=False)
    note: Callable[[str], None] | None = field(default=None, compare=False, repr=False)

    def admits(self, path: Path) -> bool:
        admitted = InputScope.admits(self, path)
        name = self.uploads.get(Path(path))
        if admitted and name is not None and self.note is not None:
            self.note(f"reading the upload '{name}'")
        return admitted


def safe_name(filename: str | None, role: str) -> str:
    """The upload's base name, reduced to harmless characters.

    Letters and digits of every script stay (NFC): a chapter uploaded as
    ``capítulo1.tex`` must still be found by ``\\input{capítulo1}``. A long name is
    cut in its stem, so the suffix that picks the reader survives, and to at most
    `_MAX_NAME_BYTES` of UTF-8 (file systems allow 255).
    """
    base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    # Bounded before NFC (linear work whatever is sent), but in the stem: cutting the
    # whole name at 1,000 characters dropped the suffix of a longer one ('y' * 3000 +
    # '.tex' was stored without '.tex', and read by no LaTeX reader).
    head, dot, tail = base.rpartition(".")
    if len(base) > 1000:
        base = head[:1000] + dot + tail if dot and len(tail) <= 12 else base[:1000]
    base = unicodedata.normalize("NFC", base)
    base = "".join(c if c.isalnum() or c in "._ -" else "_" for c in base)
    base = _RUNS.sub("_", base).strip(" .")
    stem, dot, ext = base.rpartition(".")
    if not dot or not stem or len(ext) > 12:
        stem, ext = base, ""
    suffix = f".{ext}" if ext else ""
    while len((stem + suffix).encode("utf-8")) > _MAX_NAME_BYTES and stem:
        stem = stem[:-1]
    base = (stem.rstrip(" .") + suffix) if stem.rstrip(" .") else ""
    return base or role


def _stored_name(name: str) -> str:
    """The base name an upload called `name` is written under in the scratch folder."""
    return scratch_name(safe_name(name, "upload"), "upload")


def scratch_name(name: str, role: str) -> str:
    """The stored name without any folder part: the upload check already ensures it, and
    a file must never be written outside the scratch folder whatever the store holds."""
    base = Path(name.replace("\\", "/").replace("\x00", "_")).name
    if len(base.encode("utf-8", "replace")) > _LONGEST_NAME:  # the file system's limit is 255
        stem, dot, ext = base.rpartition(".")
        kept = "." + ext[:16] if dot and stem else ""
        base = base.encode("utf-8", "replace")[: _LONGEST_NAME - len(kept)].decode(
            "utf-8", "ignore"
        )
        base += kept
    return base if base not in ("", ".", "..") else role


def _write_new(folder: Path, name: str, content: bytes) -> Path:
    """Write `content` as a new file in `folder`: a name already taken (two stored names
    with one base) gets a number, and nothing is ever written through a link."""
    stem, dot, ext = name.rpartition(".")
    for n in range(1, 1000):
        candidate = name if n == 1 else (f"{stem}-{n}.{ext}" if dot and stem else f"{name}-{n}")
        path = folder / candidate
        try:
            with path.open("xb") as handle:
                handle.write(content)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"{name}: a thousand uploads of one name")


def cached_read(
    audit_id: str,
    files: list[StoredFile],
    max_citations: int = MAX_CITATIONS,
    progress: Callable[[str], None] | None = None,
) -> AuditData:
    with _lock:
        if audit_id in _cache:
            _cache.move_to_end(audit_id)
            return _cache[audit_id]
    data = read_files(files, max_citations, progress)
    with _lock:
        _cache[audit_id] = data
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return data
