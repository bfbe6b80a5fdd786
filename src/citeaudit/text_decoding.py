"""One decoding policy for every text input: manuscripts, bibliographies, uploads.

Three policies once disagreed -- the API refused with 422 a file the CLI audited with
a warning, and a manuscript and a bibliography with the same bytes were decoded
differently. An editor must get the same answer whichever way the file arrives, so
the decision lives here and the callers only word the problems.

The policy, most faithful first:

* UTF-16 with a byte-order mark: decoded as such; damaged code units become U+FFFD.
* Binary content (a NUL byte, or control characters too dense for text): refused,
  with the line where it starts -- nothing useful can be audited from it.
* UTF-8 (a BOM is dropped): the normal case, one strict decode.
* Otherwise line by line: a line that is valid UTF-8 stays so (files mixing a pasted
  Windows-1252 line into UTF-8 text are common); a line that is not is read as
  Windows-1252 -- what older word processors save -- unless that reading would hold
  C0 control characters (a wrong guess), in which case its bad bytes become U+FFFD.
  Each such line is reported, so nothing is silently changed.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from citeaudit.utf16 import decode_utf16

__all__ = ["NOT_UTF16", "REPLACED", "WINDOWS_1252", "BinaryContent", "DecodedBytes", "decode_bytes"]

# What a rescued line is called wherever it is reported.
WINDOWS_1252 = "not valid UTF-8; read as Windows-1252 -- save the file as UTF-8 to be sure"
REPLACED = "invalid UTF-8 bytes replaced with U+FFFD"
NOT_UTF16 = "not valid UTF-16: the damaged characters are shown as \ufffd"

_BINARY_SNIFF = 8192
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


class BinaryContent(ValueError):
    """The bytes are not text; `line` is the 1-based line where binary content starts."""

    def __init__(self, line: int) -> None:
        super().__init__(f"binary content from line {line}")
        self.line = line


@dataclass(frozen=True, slots=True)
class DecodedBytes:
    """Decoded text (line ends as in the file) and the lines that needed rescue."""

    text: str
    windows_1252: tuple[int, ...] = ()  # 1-based lines read as Windows-1252
    replaced: tuple[int, ...] = ()  # 1-based lines where bad bytes became U+FFFD
    utf16: bool = False

    @property
    def rescued(self) -> tuple[int, ...]:
        """Every line that is not exactly what the file's bytes say, in order."""
        return tuple(sorted({*self.windows_1252, *self.replaced}))

    def notes(self, most: int = 20) -> list[tuple[int, str]]:
        """(line, sentence) for each rescued line, at most `most` and then one that
        counts the rest: for a caller with no findings of its own to put them in (the
        ``links`` command's stderr), so the bytes it changed are named the way the
        readers name them."""
        damaged = NOT_UTF16 if self.utf16 else REPLACED
        windows = frozenset(self.windows_1252)  # once: one set a line was quadratic
        rescued = self.rescued
        said = [(line, WINDOWS_1252 if line in windows else damaged) for line in rescued[:most]]
        if len(rescued) <= most:
            return said
        rest = len(rescued) - most
        return [*said, (rescued[most], f"and {rest:,} more lines not UTF-8 from here on")]


def decode_bytes(data: bytes) -> DecodedBytes:
    """`data` decoded by the policy above; raises `BinaryContent` for binary data."""
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            text, bad_lines = decode_utf16(data, "utf-16")
            return DecodedBytes(text, replaced=tuple(bad_lines), utf16=True)
    data = data.removeprefix(codecs.BOM_UTF8)
    _reject_binary(data)
    try:
        return DecodedBytes(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    pieces: list[str] = []
    windows: list[int] = []
    replaced: list[int] = []
    for number, raw_line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            pieces.append(raw_line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            guess: str | None = raw_line.decode("cp1252")
        except UnicodeDecodeError:  # bytes Windows-1252 leaves undefined
            guess = None
        if guess is not None and not _TEXT_CONTROL.search(guess):
            pieces.append(guess)
            windows.append(number)
        else:
            pieces.append(raw_line.decode("utf-8", errors="replace"))
            replaced.append(number)
    return DecodedBytes("".join(pieces), tuple(windows), tuple(replaced))


def _reject_binary(data: bytes) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryContent(data[:nul].count(b"\n") + 1)
    head = data[:_BINARY_SNIFF]
    if len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        first = _CONTROL.search(head)
        raise BinaryContent(head[: first.start() if first else 0].count(b"\n") + 1)
