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
import contextlib
import itertools
import operator
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from citeaudit.line_marks import MARK, line_marks, text_marks
from citeaudit.utf16 import decode_utf16

__all__ = [
    "NOT_UTF16",
    "REPLACED",
    "WINDOWS_1252",
    "BinaryContent",
    "DecodedBytes",
    "LineNumbers",
    "decode_bytes",
]

# What a rescued line is called wherever it is reported.
WINDOWS_1252 = "not valid UTF-8; read as Windows-1252 -- save the file as UTF-8 to be sure"
REPLACED = "invalid UTF-8 bytes replaced with U+FFFD"
NOT_UTF16 = "not valid UTF-16: the damaged characters are shown as \ufffd"

_BINARY_SNIFF = 8192
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_CONTROLS = "\x00-\x08\x0e-\x1a\x1c-\x1f"  # C0 controls no text holds (a wrong guess)
_TEXT_CONTROL = re.compile(f"[{_CONTROLS}]")

# A line's verdict, one byte a line (`LineNumbers`): read as UTF-8, read in the legacy
# code page, or its bad bytes replaced.
_UTF8, _LEGACY, _REPLACED = 0, 1, 2
# Bytes decoded in one go: the lines of a stretch with a damaged line are judged together
# (a few C-level passes over the stretch, never a Python step a line: 20 MB of two-byte
# lines are ten million of them). A stretch ends at a line end.
_STRETCH = 1 << 16
_BREAK = re.compile(rb"\r\n|\r|\n")
# GB18030's own encoding of U+FFFD: a line holding it may be valid though its decoding
# shows U+FFFD, so such lines are judged one by one.
_GB18030_FFFD = "\ufffd".encode("gb18030")


class BinaryContent(ValueError):
    """The bytes are not text; `line` is the 1-based line where binary content starts."""

    def __init__(self, line: int) -> None:
        super().__init__(f"binary content from line {line}")
        self.line = line


class LineNumbers(Sequence[int]):
    """1-based line numbers, kept as runs of lines that share a verdict.

    Why: a file saved whole in another encoding has a rescued line on every line, and a
    hostile one ten million of them; a tuple of ints held 36 bytes a line (2.3 GB with
    the rest for 20 MB). Here a stretch of lines holds one byte a line (its verdict), and
    the numbers are handed out run by run (`runs`) only when asked: the first few, how
    many, whether one line is among them -- what the callers need.
    """

    __slots__ = ("_counts", "_firsts", "_kinds", "_runs", "_segments")

    def __init__(self, segments: tuple[tuple[int, bytes], ...], kinds: bytes) -> None:
        self._segments = segments  # (first line, a verdict a line), ascending
        self._kinds = frozenset(kinds)
        self._runs = re.compile(b"[" + re.escape(kinds) + b"]+")
        self._firsts = [first for first, _ in segments]
        self._counts = [sum(verdicts.count(kind) for kind in kinds) for _, verdicts in segments]

    def runs(self) -> Iterator[tuple[int, int]]:
        """(first, last) line of each run, in order; a run across two stretches is one."""
        pending: tuple[int, int] | None = None
        for (first, verdicts), count in zip(self._segments, self._counts, strict=True):
            if not count:
                continue
            for run in self._runs.finditer(verdicts):
                start, last = first + run.start(), first + run.end() - 1
                if pending is not None and pending[1] + 1 == start:
                    pending = (pending[0], last)
                    continue
                if pending is not None:
                    yield pending
                pending = (start, last)
        if pending is not None:
            yield pending

    def run_count(self) -> int:
        return sum(1 for _ in self.runs())

    def __iter__(self) -> Iterator[int]:
        for first, last in self.runs():
            yield from range(first, last + 1)

    def __len__(self) -> int:
        return sum(self._counts)

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...

    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return tuple(self)[index]
            return tuple(itertools.islice(self, start, max(start, stop)))
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError("line number index out of range")
        for (first, verdicts), count in zip(self._segments, self._counts, strict=True):
            if position >= count:
                position -= count
                continue
            for run in self._runs.finditer(verdicts):
                if position < run.end() - run.start():
                    return first + run.start() + position
                position -= run.end() - run.start()
        raise IndexError("line number index out of range")  # pragma: no cover

    def __contains__(self, line: object) -> bool:
        if not isinstance(line, int):
            return False
        at = bisect_right(self._firsts, line) - 1
        if at < 0:
            return False
        first, verdicts = self._segments[at]
        return line - first < len(verdicts) and verdicts[line - first] in self._kinds

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
            return NotImplemented
        return len(self) == len(other) and all(map(operator.eq, self, other))

    def __hash__(self) -> int:
        return hash(tuple(self.runs()))

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{a}-{b}" if a != b else f"{a}" for a, b in itertools.islice(self.runs(), 8)
        )
        return f"LineNumbers({shown}{', ...' if self.run_count() > 8 else ''})"

    def joined(self, other: LineNumbers) -> LineNumbers | None:
        """The lines of both, when both were cut from one decoding."""
        if other._segments is not self._segments:
            return None
        return LineNumbers(self._segments, bytes(sorted(self._kinds | other._kinds)))


@dataclass(frozen=True, slots=True)
class DecodedBytes:
    """Decoded text (line ends as in the file) and the lines that needed rescue."""

    text: str
    windows_1252: Sequence[int] = ()  # 1-based lines read as Windows-1252
    replaced: Sequence[int] = ()  # 1-based lines where bad bytes became U+FFFD
    utf16: bool = False
    # the code page the `windows_1252` lines were read in ("Windows-1252", or
    # "Windows-1251" when the measure above chose Cyrillic), for the notes' wording
    codepage: str = "Windows-1252"

    @property
    def rescued(self) -> Sequence[int]:
        """Every line that is not exactly what the file's bytes say, in order."""
        if isinstance(self.windows_1252, LineNumbers) and isinstance(self.replaced, LineNumbers):
            both = self.windows_1252.joined(self.replaced)
            if both is not None:
                return both
        return tuple(sorted({*self.windows_1252, *self.replaced}))

    def notes(self, most: int = 20) -> list[tuple[int, str]]:
        """(line, sentence) for each rescued line, at most `most` and then one that
        counts the rest: for a caller with no findings of its own to put them in (the
        ``links`` command's stderr), so the bytes it changed are named the way the
        readers name them."""
        damaged = NOT_UTF16 if self.utf16 else REPLACED
        windows: Sequence[int] | frozenset[int] = self.windows_1252
        if not isinstance(windows, LineNumbers):  # once: one set a line was quadratic
            windows = frozenset(windows)
        rescued = self.rescued
        legacy = WINDOWS_1252.replace("Windows-1252", self.codepage)
        said = [(line, legacy if line in windows else damaged) for line in rescued[:most]]
        count = len(rescued)
        if count <= most:
            return said
        rest = count - most
        return [*said, (rescued[most], f"and {rest:,} more lines not UTF-8 from here on")]


def decode_bytes(data: bytes) -> DecodedBytes:
    """`data` decoded by the policy above; raises `BinaryContent` for binary data.

    Linear time, and memory a small multiple of the input's: the text is decoded a
    stretch at a time, each stretch's lines judged together by C-level passes, and the
    rescued lines kept as a verdict byte a line of the stretches that have any.
    """
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            text, marks = decode_utf16(data, "utf-16")
            if marks is None:
                return DecodedBytes(text, utf16=True)
            damaged = ((1, marks.translate(_MARKED_AS_REPLACED)),)
            return DecodedBytes(
                text, LineNumbers(damaged, b"\x01"), LineNumbers(damaged, b"\x02"), utf16=True
            )
    data = data.removeprefix(codecs.BOM_UTF8)
    _reject_binary(data)
    try:
        return DecodedBytes(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    stretches = list(_stretches(data))
    # per stretch: None when it is UTF-8, else a byte a line, 1 for a line that is not
    utf8_marks = [_utf8_marks(data[start:end]) for start, end in stretches]
    codec, codepage = _code_page(_legacy_lines(data, stretches, utf8_marks))
    pieces: list[str] = []
    segments: list[tuple[int, bytes]] = []
    line = 1
    for (start, end), marks in zip(stretches, utf8_marks, strict=True):
        stretch = data[start:end]
        if marks is None:
            pieces.append(stretch.decode("utf-8"))
            line += _line_count(stretch)
            continue
        text, verdicts = _rescued(stretch, marks, codec)
        pieces.append(text)
        segments.append((line, verdicts))
        line += len(verdicts)
    kept = tuple(segments)
    return DecodedBytes(
        "".join(pieces),
        LineNumbers(kept, bytes([_LEGACY])),
        LineNumbers(kept, bytes([_REPLACED])),
        codepage=codepage,
    )


_MARKED_AS_REPLACED = bytes.maketrans(b"\x01", b"\x02")


def _stretches(data: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of stretches of about `_STRETCH` bytes, each ending at a line end
    (a "\r\n" is never cut); a giant line is one stretch."""
    start = 0
    while start < len(data):
        target = start + _STRETCH
        found = _BREAK.search(data, target) if target < len(data) else None
        end = len(data) if found is None else found.end()
        yield start, end
        start = end


def _line_count(stretch: bytes) -> int:
    """Line ends in `stretch` ("\r\n", "\r" or "\n", as bytes.splitlines cuts)."""
    return stretch.count(b"\n") + stretch.count(b"\r") - stretch.count(b"\r\n")


def _utf8_marks(stretch: bytes) -> bytes | None:
    """None when `stretch` is UTF-8, else a byte a line: 1 where the line is not."""
    try:
        stretch.decode("utf-8")
    except UnicodeDecodeError:
        # the bytes UTF-8 rejects become lone surrogates U+DC80-U+DCFF, whose own UTF-8
        # starts ED B2 or ED B3: bytes no character's UTF-8 holds
        raw = stretch.decode("utf-8", "surrogateescape").encode("utf-8", "surrogatepass")
        return line_marks(raw.replace(b"\xed\xb2", MARK).replace(b"\xed\xb3", MARK), MARK)
    return None


def _legacy_lines(
    data: bytes, stretches: list[tuple[int, int]], utf8_marks: list[bytes | None]
) -> Iterator[bytes]:
    """The lines that are not UTF-8, in order, while the code page's measure reads."""
    for (start, end), marks in zip(stretches, utf8_marks, strict=True):
        if marks is not None:
            yield b"".join(itertools.compress(data[start:end].splitlines(keepends=True), marks))


def _rescued(stretch: bytes, utf8_marks: bytes, codec: str) -> tuple[str, bytes]:
    """The stretch's text by the policy, and its verdict a line (`_UTF8`...)."""
    legacy_text, legacy_marks = _legacy_reading(stretch, codec)
    # verdict = utf8 + (utf8 AND legacy-bad), byte by byte: 0, 1 (legacy) or 2
    # (replaced). One big-integer sum: each byte is 0 or 1, so nothing carries.
    bad = int.from_bytes(utf8_marks, "big")
    verdicts = (bad + (bad & int.from_bytes(legacy_marks, "big"))).to_bytes(len(utf8_marks), "big")
    text = stretch.decode("utf-8", "replace")  # right for UTF-8 and replaced lines
    if _LEGACY not in verdicts:
        return text, verdicts
    legacy = legacy_text()
    if _UTF8 not in verdicts and _REPLACED not in verdicts:
        return legacy, verdicts
    # a line from one reading or the other: C-level, a small string a line of this
    # stretch only (never of the whole input)
    pick = verdicts.translate(_PICK_LEGACY)
    # (a text ending in a line end splits into one more, empty, piece: map stops before)
    pairs = zip(_lines(text), _lines(legacy), strict=False)
    return "".join(map(operator.getitem, pairs, pick)), verdicts


def _lines(text: str) -> list[str]:
    """`text`'s lines with their ends, cut where the bytes' lines end ("\r\n", "\r",
    "\n"; str.splitlines also cuts at \v, \f, U+2028...: two readings of one stretch
    would not pair). A lone surrogate, which neither reading holds, marks each cut: a
    few C-level passes, where a regular expression's split took 0.2 us a line."""
    cut = text.replace("\n", "\n\ud800").replace("\r", "\r\ud800")
    return cut.replace("\r\ud800\n", "\r\n").split("\ud800")


_PICK_LEGACY = bytes.maketrans(b"\x00\x01\x02", b"\x00\x01\x00")


def _single_byte(codec: str) -> tuple[bytes, bytes]:
    """(the bytes `codec` cannot read or reads as a control; a table turning them into
    "?", so the rest decodes strictly)."""
    bad = bytearray()
    for byte in range(256):
        try:
            char = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            bad.append(byte)
            continue
        if _TEXT_CONTROL.match(char):
            bad.append(byte)
    return bytes(bad), bytes.maketrans(bytes(bad), b"?" * len(bad))


_SINGLE_BYTE = {codec: _single_byte(codec) for codec in ("cp1252", "cp1251")}
_CONTROL_BYTES = bytes(b for b in range(128) if _TEXT_CONTROL.match(chr(b)))


def _legacy_reading(stretch: bytes, codec: str) -> tuple[Callable[[], str], bytes]:
    """(the stretch's text in `codec`, made when asked -- right on the lines it reads;
    a byte a line: 1 where `codec` cannot read the line or reads a control in it)."""
    if codec in _SINGLE_BYTE:
        bad, readable = _SINGLE_BYTE[codec]
        return (lambda: stretch.translate(readable).decode(codec)), line_marks(stretch, bad)
    # GB18030: "replace" is the codec's fast path. Its error never takes a line end in
    # the middle of the bytes, only an incomplete sequence's at their very end: so the
    # stretch is read with line ends after it, dropped after.
    ended = stretch if stretch.endswith((b"\n", b"\r")) else stretch + b"\n"
    text = (ended + b"\n\n\n").decode(codec, "replace")[: -3 - (len(ended) - len(stretch))]
    marks = text_marks(text, ("\ufffd",), _CONTROL_BYTES)
    if _GB18030_FFFD in stretch:
        marks = _judged_alone(stretch, marks, codec)
    return (lambda: text), marks


def _judged_alone(stretch: bytes, marks: bytes, codec: str) -> bytes:
    """`marks` with each marked line that holds `codec`'s own U+FFFD judged by itself."""
    judged = bytearray(marks)
    lines = stretch.splitlines(keepends=True)
    for number in itertools.compress(range(len(lines)), marks):
        if _GB18030_FFFD in lines[number]:
            with contextlib.suppress(UnicodeDecodeError):  # stays marked
                judged[number] = _TEXT_CONTROL.search(lines[number].decode(codec)) is not None
    return bytes(judged)


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
        raise BinaryContent(data.count(b"\n", 0, nul) + 1)
    head = data[:_BINARY_SNIFF]
    if len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        first = _CONTROL.search(head)
        raise BinaryContent(head[: first.start() if first else 0].count(b"\n") + 1)
