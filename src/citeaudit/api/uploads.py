"""Checking an uploaded file by its content -- never by its name -- before it is stored.

Every refusal is an `UploadRejected` with an HTTP status and a message that names the
file and says what to send instead. What passes is text the readers can decode (the one
policy of `citeaudit.text_decoding`: lines that are not UTF-8 are audited with a warning,
as the CLI audits them), a DOCX whose parts and unpacked size are bounded (no zip
bombs), or a PDF the engine opens -- in a limited child process, never in this one.

Those children are few at a time (`service.heavy`), whatever arrives: each
may take `CITEAUDIT_PDF_MEMORY_MB` (1 GB) and a minute of CPU, and a 0.9 MB PDF whose
cross-reference stream inflates to zeros uses all of it. Checked on the shared thread
pool, forty uploads at once had forty children alive (40 GB), and uploads of twenty
PDFs kept the pool's threads -- which every plain route needs -- for minutes. A PDF's
check waits for a place of its own limiter, holding no thread while it waits.
"""

from __future__ import annotations

import codecs
import functools
import io
import re
import zipfile

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from citeaudit.api.project_zip import (
    MAX_PROJECT_FILES,
    ProjectRefused,
    is_project_zip,
    project_files,
)
from citeaudit.input_scope import shown_name
from citeaudit.manuscript.docx_budget import MAX_XML_BYTES
from citeaudit.manuscript.zip_directory import MAX_PARTS, directory_refusal
from citeaudit.service.heavy import heavy_slot, run_heavy
from citeaudit.service.inputs import LIST_ROLE, safe_name
from citeaudit.store.views import NewFile
from citeaudit.text_decoding import BinaryContent, decode_bytes

ACCEPTED_TYPES = frozenset(
    {
        "",
        "application/octet-stream",
        "application/json",
        "application/x-bibtex",
        "application/x-tex",
        "application/x-latex",
        "application/x-research-info-systems",
        "application/vnd.citationstyles.csl+json",
        # CSL-YAML (.yaml/.yml, offered by the page's bibliography picker): Chromium
        # and Firefox on Linux declare application/x-yaml, IANA's type is application/yaml
        "application/yaml",
        "application/x-yaml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/zip",
        "application/x-zip-compressed",
    }
)
_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
LIST_FIELD = "reference_list"  # the form field: a file, or the list pasted as text
SEND_INSTEAD = (
    "send Markdown, LaTeX, plain text, BibTeX, RIS, CSL-JSON, DOCX or PDF, "
    "or a project's files as one .zip"
)
_MAX_RATIO = 200  # a document.xml compresses ~10:1; bombs go to 1000:1 and beyond
# Bytes of a text upload decoded by the check (past the 8 KB the binary sniff reads)
_CHECKED_BYTES = 64 * 1024
_LINE_END = re.compile(rb"[\r\n]")
_NOT_BLANK = re.compile(rb"[^ \t\n\r\x0b\x0c]")  # what bytes.strip() keeps
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class UploadRejected(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def check_upload(
    role: str, filename: str | None, declared: str | None, data: bytes, *, max_expanded: int
) -> NewFile:
    name = safe_name(filename, role)
    media = (declared or "").split(";")[0].strip().lower()
    # a PDF said as such (application/x-pdf: what older systems declare for a .pdf)
    is_pdf = media in _PDF_TYPES and data.startswith(b"%PDF")
    if media not in ACCEPTED_TYPES and not media.startswith("text/") and not is_pdf:
        raise UploadRejected(
            415, f"{name}: content type {shown_name(media)!r} is not accepted; {SEND_INSTEAD}"
        )
    if not data.strip():
        raise UploadRejected(422, f"{name}: the file is empty")
    # A Word file or a PDF is accepted in every role: the reference list as a document
    # of its own ("References.docx", sent as the bibliography or the reference list) is
    # read as `citeaudit check --bib References.docx` reads it, its list as a pasted one.
    if data.startswith(b"PK\x03\x04"):
        _check_docx(name, data, max_expanded)
        return NewFile(role, _with_suffix(name, ".docx"), "docx", data)
    if data.startswith(b"%PDF"):
        # Opened by the engine in a limited child process: never in the API's own.
        from citeaudit.manuscript.pdf_open_check import open_problem

        with heavy_slot():  # a child that may take 1 GB: a few at a time
            problem = open_problem(data)
        if problem is not None:
            raise UploadRejected(422, f"{name}: {problem}")
        return NewFile(role, _with_suffix(name, ".pdf"), "pdf", data)
    _check_text(name, data)
    if name.lower().endswith((".docx", ".pdf", ".doc", ".odt", ".zip")):
        name = _with_suffix(name, ".txt")
    return NewFile(role, name, "text", data)


def _check_text(name: str, data: bytes) -> None:
    """Refuse only what the readers would refuse: binary content or nothing to read.

    The decoding policy is the readers' own (`citeaudit.text_decoding`): a file that is
    not valid UTF-8 is audited with a warning on each rescued line, as the CLI does --
    never refused here and audited there.

    Only the head is decoded here (`_head`): the readers decode the whole file in the
    worker, under its memory ceiling and time limits, which this process has not. A file
    that is not UTF-8 is decoded line by line, and 20 MB of two-byte lines took this
    process 25 s of CPU and 2.3 GB. The head holds what the policy sniffs for binary;
    its other rule, a NUL anywhere, is a byte search of the rest. A rest of blank bytes
    leaves an empty head empty; a rest holding anything else is accepted (the reader says
    so if it decodes to nothing), so no file the readers audit is refused here.
    """
    head = data if data.startswith(_UTF16_BOMS) else _head(data)  # UTF-16: NULs are text
    try:
        decoded = decode_bytes(head)
        nul = data.find(b"\x00", len(head))
        if nul >= 0:
            raise BinaryContent(data.count(b"\n", 0, nul) + 1)
    except BinaryContent as exc:
        raise UploadRejected(
            415, f"{name}: binary content from line {exc.line}, not text; {SEND_INSTEAD}"
        ) from None
    if not decoded.text.strip() and not _NOT_BLANK.search(data, len(head)):
        raise UploadRejected(422, f"{name}: the file is empty")


def _head(data: bytes) -> bytes:
    """The first `_CHECKED_BYTES` of `data`, to the end of the line they stop in (a line
    ends at CR or LF, as the decoder splits lines), or all of it."""
    end = _LINE_END.search(data, _CHECKED_BYTES)
    return data if end is None else data[: end.end()]


def _check_docx(name: str, data: bytes, max_expanded: int) -> None:
    """Its directory walked before `zipfile` opens it (it builds a record per listed
    part, and decodes each record's extra field in quadratic time: 400,000 parts, or 300
    extra fields of 16,000 sub-fields, in 20 MB cost seconds of the request handler),
    then sized by what the parts declare."""
    stream = io.BytesIO(data)
    refusal = directory_refusal(stream, MAX_PARTS)
    if refusal is not None:
        raise UploadRejected(413, f"{name}: not accepted: {refusal}")
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UploadRejected(422, f"{name}: damaged ZIP/DOCX ({shown_name(str(exc))})") from None
    if len(members) > MAX_PARTS:
        raise UploadRejected(413, f"{name}: a DOCX with {len(members)} parts is not accepted")
    if not any(m.filename == "word/document.xml" for m in members):
        raise UploadRejected(415, f"{name}: a ZIP archive but not a DOCX; {SEND_INSTEAD}")
    body = next(m for m in members if m.filename == "word/document.xml")
    if body.file_size > MAX_XML_BYTES:  # the worker would refuse it (docx.MAX_XML_BYTES)
        raise UploadRejected(
            413,
            f"{name}: its word/document.xml unpacks to {body.file_size // (1024 * 1024):,} MB "
            f"of XML; the limit is {MAX_XML_BYTES // (1024 * 1024)} MB",
        )
    expanded = sum(m.file_size for m in members)
    if expanded > max_expanded:
        raise UploadRejected(
            413, f"{name}: the DOCX unpacks to {expanded} bytes; the limit is {max_expanded}"
        )
    for m in members:
        if m.file_size > 1_000_000 and m.file_size > _MAX_RATIO * max(m.compress_size, 1):
            raise UploadRejected(
                413,
                f"{name}: {shown_name(m.filename)} is compressed "
                f"{m.file_size // max(m.compress_size, 1)}"
                ":1 -- refused as a zip bomb",
            )


def _with_suffix(name: str, suffix: str) -> str:
    stem, dot, ext = name.rpartition(".")
    if dot and "." + ext.lower() == suffix:
        return name
    return (stem if dot and stem else name) + suffix


def unique_names(files: list[NewFile]) -> list[NewFile]:
    """Two uploads of one name must not overwrite each other in the scratch directory."""
    seen: set[str] = set()
    out = []
    for f in files:
        name, n = f.name, 1
        while name.lower() in seen:
            n += 1
            stem, dot, ext = f.name.rpartition(".")
            name = f"{stem}-{n}.{ext}" if dot and stem else f"{f.name}-{n}"
        seen.add(name.lower())
        out.append(NewFile(f.role, name, f.kind, f.content))
    return out


async def checked_files(
    form: FormData, *, max_expanded: int, skip_empty: bool = False, owner: int | None = None
) -> list[NewFile]:
    """Every 'manuscript', 'bibliography' and 'reference_list' input of a form, checked.

    Shared by the JSON API and the web page so both refuse exactly the same uploads.
    Each file is checked in a worker thread: opening a ZIP or asking the PDF engine (in
    its own process) takes time the event loop must not wait on, for every request.
    `skip_empty` drops a browser's untouched file input (no name, no bytes). `owner`,
    the uploading account, holds at most its share of the places for heavy work while
    its PDFs are opened, so one account's uploads cannot keep every other's waiting.
    """
    files: list[NewFile] = []
    unpacked_bytes = 0  # what the request's project archives unpacked: one budget for all
    for item in form.getlist(LIST_FIELD):
        # An editor often has only the bibliography, pasted from a submission system: it
        # may come as a text field or a file, and is read as a list of entries.
        if isinstance(item, UploadFile):
            if skip_empty and not item.filename and not item.size:
                continue
            data = await item.read()
            name, declared = item.filename or "reference-list.txt", item.content_type
        elif item.strip():
            data, name, declared = item.encode("utf-8", "replace"), "reference-list.txt", ""
        else:
            continue
        checked = await _checked(LIST_ROLE, name, declared, data, max_expanded, owner)
        if checked.kind != "text":  # a Word file or a PDF that holds the list
            files.append(checked)
            continue
        files.append(NewFile(LIST_ROLE, _with_suffix(checked.name, ".txt"), "text", data))
    for role in ("manuscript", "bibliography"):
        for item in form.getlist(role):
            if not isinstance(item, UploadFile):
                raise UploadRejected(422, f"{role!r} must be a file, not a text field")
            if skip_empty and not item.filename and not item.size:
                continue
            data = await item.read()
            if role == "manuscript" and is_project_zip(item.filename, data):
                unpacked = await _unpacked(
                    item.filename or "project.zip", data, max_expanded, unpacked_bytes, len(files)
                )
                if unpacked is not None:  # its files, each checked as an upload of its own
                    unpacked_bytes += sum(len(content) for _, content in unpacked)
                    for name, content in unpacked:
                        files.append(await _checked(role, name, "", content, max_expanded, owner))
                    continue
            if len(files) >= MAX_PROJECT_FILES:  # the archives' members filled the cap
                raise UploadRejected(
                    413,
                    f"{safe_name(item.filename, role)}: the request holds more than "
                    f"{MAX_PROJECT_FILES} files, its archives' members counted",
                )
            files.append(
                await _checked(role, item.filename, item.content_type, data, max_expanded, owner)
            )
    return unique_names(files)


async def _unpacked(
    name: str, data: bytes, max_expanded: int, spent: int = 0, files_before: int = 0
) -> list[tuple[str, bytes]] | None:
    """A project's .zip unpacked in a worker thread (`project_zip`); None: a DOCX.
    `spent`: what the request's archives before it unpacked, of the one budget;
    `files_before`: the files the request holds already, of the one cap on files."""
    try:
        return await run_in_threadpool(
            project_files, safe_name(name, "manuscript"), data, max_expanded, spent, files_before
        )
    except ProjectRefused as refused:
        raise UploadRejected(refused.status, refused.message) from None


async def _checked(
    role: str,
    filename: str | None,
    declared: str | None,
    data: bytes,
    max_expanded: int,
    owner: int | None = None,
) -> NewFile:
    """`check_upload` in a worker thread; one that opens a PDF (an upload starting
    ``%PDF``, in any role) waits for a place for heavy work (`run_heavy`), holding no
    thread."""
    check = functools.partial(
        check_upload, role, filename, declared, data, max_expanded=max_expanded
    )
    if data.startswith(b"%PDF"):
        return await run_heavy(check, owner=owner)
    return await run_in_threadpool(check)
