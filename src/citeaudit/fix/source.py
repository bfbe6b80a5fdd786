"""A file read so that it can be written back byte for byte, except where edited.

The readers see text with "\\n" line ends (and report lines counted on it), so edits
are made on that text; the file's own line ends and BOM are put back on writing. A
file this cannot promise for (not UTF-8, mixed line ends, a Word file) is refused.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from citeaudit.bounded_read import MAX_INPUT_BYTES, read_capped

# Formats kept as packages of XML: written back by hand they would lose their layout.
_BINARY = (".docx", ".doc", ".odt", ".pdf", ".rtf")


class NotWritable(Exception):
    """Why a file cannot be written back faithfully."""


@dataclass(frozen=True, slots=True)
class SourceText:
    path: Path
    text: str  # "\n" line ends
    bom: bool
    crlf: bool

    @classmethod
    def read(cls, path: Path) -> SourceText:
        if path.suffix.lower() in _BINARY:
            raise NotWritable(
                f"{path.suffix} files are not rewritten (their layout lives in the package); "
                "make the change in the word processor"
            )
        try:
            data = read_capped(path, MAX_INPUT_BYTES)  # never /dev/zero or a FIFO unbounded
        except OSError as exc:
            raise NotWritable(f"cannot be read: {exc.strerror or exc}") from None
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise NotWritable("UTF-16 files are not rewritten; save the file as UTF-8")
        bom = data.startswith(codecs.BOM_UTF8)
        try:
            text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise NotWritable(
                f"not valid UTF-8 (byte {exc.start + 1}); it could not be written back "
                "as it was read"
            ) from None
        crlf = "\r\n" in text
        if "\r" in text:
            lone_cr = text.count("\r") != text.count("\r\n")
            lone_lf = text.count("\n") != text.count("\r\n")
            if lone_cr or lone_lf:
                raise NotWritable("mixed line endings; normalise them first")
            text = text.replace("\r\n", "\n")
        return cls(path, text, bom, crlf)

    def line_starts(self) -> list[int]:
        """Offset of the start of each line (index 0 is line 1)."""
        starts = [0]
        find = self.text.find
        at = find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = find("\n", at + 1)
        return starts

    def encode(self, text: str) -> bytes:
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")

    def original_bytes(self) -> bytes:
        return self.encode(self.text)
