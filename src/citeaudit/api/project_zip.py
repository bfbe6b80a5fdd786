"""A LaTeX or Pandoc project sent as one ``.zip``: the files a reader reads, each an upload.

Why: an editor has a submission's source as one archive (a journal system's download,
Overleaf's, arXiv's), and the upload refused it ("a ZIP archive but not a DOCX") while
`citeaudit check main.tex` audits the same files unpacked. Here the archive is judged
as a Word file is before any part is read (its directory walked first, the parts and
their declared sizes counted, no part compressed past `_MAX_RATIO`, nothing encrypted),
and only the files the readers read are kept: manuscripts, bibliographies and a
compiled ``.bbl`` (figures, classes and styles are not read by an audit).

A kept part is read to its declared size and no further, and only when it is stored or
deflated. `zipfile` cuts a part's output to the declared size only *after* unpacking
it: ``archive.read`` asks deflate for up to 2 GB in one call and bzip2 and LZMA for
everything, so a 397-byte upload whose bzip2 ``main.tex`` declared 100 bytes took this
process (the API's, before any worker limit) to 600 MB, and 20 MB unpacked without end.
Asked for its declared size, the deflate decompressor is held to it; bzip2 and LZMA
take no such bound and no TeX project tool writes them.

Only text is kept. A member is judged by its name first, then by its bytes: a
``chapter.tex`` that is a PDF or a ZIP would be checked as an upload of its own -- a PDF
engine started for it in a child, a nested Word file unpacked to the whole
`max_expanded` again, up to `MAX_PROJECT_FILES` times for one request -- so such an
archive is refused, naming the member. (A member that is a symbolic link is its bytes,
the target's path: nothing is ever unpacked to disk, so no link is followed.)

The service keeps no folders: each file is stored under its base name and
``\\input{chapters/intro}`` finds ``intro.tex``. Two files of one base name in
different folders (``chapters/intro.tex``, ``appendix/intro.tex``) would then be read
as one, silently; such an archive is refused, naming both, rather than audited wrong.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from citeaudit.input_kinds import readable_suffixes
from citeaudit.input_scope import shown_name
from citeaudit.manuscript.zip_directory import MAX_PARTS, directory_refusal
from citeaudit.service.inputs import safe_name

__all__ = ["MAX_PROJECT_FILES", "ProjectRefused", "is_project_zip", "project_files"]

MAX_PROJECT_FILES = 200  # a thesis has dozens of chapters; past this is no manuscript
_MAX_RATIO = 200  # as for a DOCX's parts: text compresses ~5-10:1, bombs 1000:1
_DOCUMENTS = (".docx", ".pdf")  # read from a file of their own, never from inside a zip
# What zip(1), Overleaf, arXiv and every OS's "compress" write; the two whose output
# zipfile can bound (bzip2 and LZMA are decompressed whole, whatever is asked for)
_BOUNDED = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}
# What an upload's check (`api.uploads.check_upload`) takes for a document by its bytes
_DOCUMENT_MAGIC = ((b"PK\x03\x04", "ZIP archive (a Word file?)"), (b"%PDF", "PDF"))


@dataclass(frozen=True, slots=True)
class ProjectRefused(Exception):
    """The archive is not audited: an HTTP status and a message naming the file."""

    status: int
    message: str


def is_project_zip(filename: str | None, data: bytes) -> bool:
    """A ZIP sent under a ``.zip`` name (a DOCX named ``.zip`` is told apart later)."""
    return (filename or "").lower().endswith(".zip") and data.startswith(b"PK\x03\x04")


def _readable(base: str) -> bool:
    lower = base.lower()
    if lower.endswith(_DOCUMENTS) or base.startswith("."):  # ._x.tex: macOS's shadows
        return False
    return lower.endswith(readable_suffixes())


def project_files(
    name: str, data: bytes, max_expanded: int, spent: int = 0, files_before: int = 0
) -> list[tuple[str, bytes]] | None:
    """The readable files of the archive `name` as (base name, bytes), in its order;
    None when it is a Word file (its parts are a DOCX's, read as one).

    `spent`: the bytes the request's other archives unpacked already. One request's
    archives share the one `max_expanded`: held to it each, twenty 64 KB archives of
    one request (text compresses 1,000:1) unpacked 1.3 GB into the request handler
    and the store, where a single upload is held to 20 MB.

    `files_before`: the files the request holds already (its plain uploads, the other
    archives' members). A request's files are held to `MAX_PROJECT_FILES` in all:
    held to it each, twenty archives of one request stored 4,000 files, two hundred
    times the cap on a request's uploads, each a manuscript the worker reads alone."""
    stream = io.BytesIO(data)
    refusal = directory_refusal(stream, MAX_PARTS)
    if refusal is not None:
        raise ProjectRefused(413, f"{name}: not accepted: {refusal}")
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
            if any(m.filename == "word/document.xml" for m in members):
                return None
            kept = _kept(name, members, max_expanded, spent, files_before)
            files = [(base, _read_declared(archive, m)) for base, m in kept]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise ProjectRefused(422, f"{name}: damaged ZIP ({shown_name(str(exc))})") from None
    except (RuntimeError, NotImplementedError) as exc:  # encrypted, an unknown method
        raise ProjectRefused(422, f"{name}: a part cannot be read ({exc})") from None
    for (_, data), (_, member) in zip(files, kept, strict=True):
        _refuse_document(name, member, data)
    return files


def _refuse_document(name: str, member: zipfile.ZipInfo, data: bytes) -> None:
    """A member named as text whose bytes are a document is not checked as one."""
    for magic, kind in _DOCUMENT_MAGIC:
        if data.startswith(magic):
            raise ProjectRefused(
                415,
                f"{name}: {shown_name(member.filename)} is a {kind}, not text; a Word "
                "file or a PDF is sent as a file of its own, never inside the .zip",
            )


def _read_declared(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """The part's bytes, unpacked to its declared size at most (`_kept` judged that)."""
    with archive.open(member) as handle:
        return handle.read(member.file_size)


def _kept(
    name: str,
    members: list[zipfile.ZipInfo],
    max_expanded: int,
    spent: int = 0,
    files_before: int = 0,
) -> list[tuple[str, zipfile.ZipInfo]]:
    kept: list[tuple[str, zipfile.ZipInfo]] = []
    seen: dict[str, str] = {}  # stored name (any case) -> the part's path
    for m in members:
        path = m.filename.replace("\\", "/")
        base = path.rsplit("/", 1)[-1]
        if m.is_dir() or path.startswith("__MACOSX/") or not _readable(base):
            continue
        if m.flag_bits & 0x1:
            raise ProjectRefused(422, f"{name}: {shown_name(path)} is encrypted")
        if m.compress_type not in _BOUNDED:
            raise ProjectRefused(
                422,
                f"{name}: {shown_name(path)} uses compression method {m.compress_type}; "
                "zip the project again with ordinary (deflate) compression",
            )
        stored = safe_name(base, "manuscript").lower()
        if stored in seen:
            raise ProjectRefused(
                422,
                f"{name}: {shown_name(seen[stored])} and {shown_name(path)} have one name; "
                "uploads keep no folders, so rename one (and its \\input) or send the "
                "files themselves",
            )
        seen[stored] = path
        kept.append((base, m))
        if files_before + len(kept) > MAX_PROJECT_FILES:  # judged as they are listed
            break
    if not kept:
        raise ProjectRefused(
            415, f"{name}: no manuscript or bibliography in the archive (.tex, .md, .bib...)"
        )
    if files_before + len(kept) > MAX_PROJECT_FILES:
        others = f" with the request's {files_before} other files" if files_before else ""
        raise ProjectRefused(
            413,
            f"{name}: more than {MAX_PROJECT_FILES} files{others}; at most "
            f"{MAX_PROJECT_FILES} in one request",
        )
    if spent + sum(m.file_size for _, m in kept) > max_expanded:
        others = f" with the request's other archives ({spent:,} bytes)" if spent else ""
        raise ProjectRefused(413, f"{name}: unpacks to more than {max_expanded} bytes{others}")
    for _, m in kept:
        if m.file_size > 1_000_000 and m.file_size > _MAX_RATIO * max(m.compress_size, 1):
            raise ProjectRefused(413, f"{name}: {shown_name(m.filename)} is a zip bomb")
    return kept
