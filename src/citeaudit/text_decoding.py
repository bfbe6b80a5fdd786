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
* Which legacy code page: Windows-1252 (Western) or Windows-1251 (Cyrillic), the two
  that older Word and Notepad save in the languages our users write. The same bytes
  are valid in both, so the choice is measured on the lines that need it: Russian
  read as Windows-1252 is words made of accented letters only ("Ñïèñîê"), and
  Portuguese read as Windows-1251 is words mixing Latin and Cyrillic ("tambйm").
  Windows-1251 is taken only when its reading has Cyrillic words and fewer such
  implausible words than the Windows-1252 one; Windows-1252 stays the default (no
  charset detector is among the dependencies, and one is not needed for two pages).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
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
    # the code page the `windows_1252` lines were read in ("Windows-1252", or
    # "Windows-1251" when the measure above chose Cyrillic), for the notes' wording
    codepage: str = "Windows-1252"

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
        legacy = WINDOWS_1252.replace("Windows-1252", self.codepage)
        said = [(line, legacy if line in windows else damaged) for line in rescued[:most]]
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
    lines = data.splitlines(keepends=True)
    legacy = [k for k, raw_line in enumerate(lines) if not _utf8(raw_line)]
    codec, codepage = _code_page(lines[k] for k in legacy)
    pieces: list[str] = []
    windows: list[int] = []
    replaced: list[int] = []
    for number, raw_line in enumerate(lines, start=1):
        try:
            pieces.append(raw_line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            guess: str | None = raw_line.decode(codec)
        except UnicodeDecodeError:  # bytes the code page leaves undefined
            guess = None
        if guess is not None and not _TEXT_CONTROL.search(guess):
            pieces.append(guess)
            windows.append(number)
        else:
            pieces.append(raw_line.decode("utf-8", errors="replace"))
            replaced.append(number)
    return DecodedBytes("".join(pieces), tuple(windows), tuple(replaced), codepage=codepage)


def _utf8(raw_line: bytes) -> bool:
    try:
        raw_line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_WORD = re.compile(r"[^\W\d_]{3,}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ACCENTED = re.compile(r"[\u00c0-\u024f]")
_MEASURED = 200_000  # bytes of the lines needing a code page that the choice reads


def _code_page(raw_lines: Iterable[bytes]) -> tuple[str, str]:
    """(codec, name) for the lines that are not UTF-8: Windows-1251 when its reading
    holds Cyrillic words and fewer implausible words than Windows-1252's, else
    Windows-1252. Reads at most `_MEASURED` bytes: linear, bounded."""
    sample = bytearray()
    for raw_line in raw_lines:
        sample += raw_line[: _MEASURED - len(sample)]
        if len(sample) >= _MEASURED:
            break
    if not sample:
        return "cp1252", "Windows-1252"
    if _chinese(bytes(sample)):
        return "gb18030", "GB18030"
    western = bytes(sample).decode("cp1252", errors="replace")
    cyrillic = bytes(sample).decode("cp1251", errors="replace")
    cyrillic_words = sum(1 for w in _WORD.findall(cyrillic) if not _LATIN.search(w))
    if cyrillic_words >= 2 and _implausible(cyrillic) < _implausible(western):
        return "cp1251", "Windows-1251"
    return "cp1252", "Windows-1252"


_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_FEWEST_CJK = 20


def _chinese(sample: bytes) -> bool:
    """Whether lines that are not UTF-8 are Chinese in GBK/GB18030, as Chinese theses'
    LaTeX sources often are: read as Windows-1251 they were Cyrillic garble, named so in
    the note (REAL_MANUSCRIPTS_8, class EN). A Western text in Windows-1252 decodes as
    GB18030 too ("ó" and the letter after it make one character), but into characters
    standing alone between Latin letters; Chinese runs them together. Cyrillic in
    Windows-1251 runs them together as well, but holds byte pairs GB18030 has no
    character for; Chinese has none (one is allowed: the sample's end may cut a
    character in two)."""
    text = sample.decode("gb18030", errors="replace")
    if text.count("\ufffd") > 1:  # Cyrillic in Windows-1251 has pairs GB18030 lacks
        return False
    cjk = len(_CJK.findall(text))
    if cjk < _FEWEST_CJK:
        return False
    return sum(len(run) for run in _CJK_RUN.findall(text)) * 10 >= cjk * 8


def _implausible(text: str) -> int:
    """Words no language writes: Latin and Cyrillic letters mixed ("tambйm"), or Latin
    letters mostly accented ("Ñïèñîê", Cyrillic read in the wrong code page)."""
    count = 0
    for word in _WORD.findall(text):
        if not _LATIN.search(word):
            continue
        mixed = _CYRILLIC.search(word) is not None
        count += mixed or len(_ACCENTED.findall(word)) * 2 > len(word)
    return count


def _reject_binary(data: bytes) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryContent(data[:nul].count(b"\n") + 1)
    head = data[:_BINARY_SNIFF]
    if len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        first = _CONTROL.search(head)
        raise BinaryContent(head[: first.start() if first else 0].count(b"\n") + 1)
