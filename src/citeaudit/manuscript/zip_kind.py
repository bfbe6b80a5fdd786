"""What a ZIP that is not a Word document is, so the user is told what to do with it.

LibreOffice's .odt, Excel's .xlsx, PowerPoint's .pptx and EPUB books are all ZIP
packages; "not a DOCX file: the ZIP has no word/document.xml" is true of each but tells
the author of an .odt nothing. OpenDocument and EPUB name themselves in a first member
called ``mimetype``; the other Office formats by their main part.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping

__all__ = ["other_package"]

_MIMETYPE_BYTES = 100  # "application/vnd.oasis.opendocument.text" and its kin
_BY_MIMETYPE = (
    ("application/vnd.oasis.opendocument.text", "an OpenDocument text (.odt)"),
    ("application/vnd.oasis.opendocument.", "an OpenDocument file (not text)"),
    ("application/epub+zip", "an EPUB book"),
)
_BY_PART = (
    ("xl/workbook.xml", "an Excel workbook"),
    ("ppt/presentation.xml", "a PowerPoint presentation"),
)
_BOUNDED = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # output read to a bound
_SAVE_AS = "ODT is not supported; open it in LibreOffice or Word and save it as .docx"


def other_package(archive: zipfile.ZipFile, infos: Mapping[str, zipfile.ZipInfo]) -> str | None:
    """A sentence naming the kind of ZIP `archive` is when it is a known non-Word package
    (with what to do), None when it is none of them. Reads at most a few bytes."""
    kind: str | None = None
    info = infos.get("mimetype")
    # Only a stored or deflated member is read: zipfile gives bzip2 and LZMA data to the
    # decompressor without an output bound (a 30-byte "mimetype" unpacked 2 GB), and
    # every real package stores its mimetype (ODF and EPUB require it).
    if info is not None and info.file_size <= _MIMETYPE_BYTES and info.compress_type in _BOUNDED:
        try:
            with archive.open(info) as member:
                declared = member.read(_MIMETYPE_BYTES).decode("ascii", "replace").strip()
        except (OSError, zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError):
            declared = ""
        kind = next((what for prefix, what in _BY_MIMETYPE if declared.startswith(prefix)), None)
    if kind is None:
        kind = next((what for part, what in _BY_PART if part in infos), None)
    if kind is None:
        return None
    if kind.endswith("(.odt)"):
        return f"not a DOCX file but {kind}: {_SAVE_AS}"
    return f"not a DOCX file but {kind}; give the manuscript as DOCX, LaTeX, Markdown or text"
