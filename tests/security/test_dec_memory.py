"""Hostile text must cost the decoder memory a small multiple of its size, kept as runs.

The decoder once built a Python object a line of a file that is not UTF-8 (its bytes,
its decoded piece, its number in a tuple): 20 MB of two-byte lines cost 2.3 GB and
25 s of a worker. What is measured here is what is allocated (tracemalloc's peak over
the input's size) and what is kept (the rescued lines as runs), never time.
"""

from __future__ import annotations

import codecs
import random
import tracemalloc
from pathlib import Path

import pytest

from citeaudit import text_decoding
from citeaudit.bibliography.loading import MAX_DECODING_PROBLEMS, read_text
from citeaudit.bibliography.ris import parse_ris
from citeaudit.manuscript.reading import MAX_LINE_PROBLEMS, MAX_LINES, decode_text
from citeaudit.text_decoding import LineNumbers, decode_bytes

SIZE = 1 << 19  # 512 KB: eight stretches, enough for an object a line to show


def _repeat(unit: bytes, size: int = SIZE) -> bytes:
    return (unit * (size // len(unit) + 1))[:size]


HOSTILE = {
    # Windows-1252 and undefined-byte lines alternate: every line its own run
    "alternating": _repeat(b"caf\xe9\n\x81\n"),
    "tiny_bad_lines": _repeat(b"\x81\n"),
    "utf8_and_bad": _repeat(b"a\n\x81\n"),
    "lone_cr": _repeat(b"caf\xe9\rab\r\n\x81\r\r\nx\n"),
    "giant_line": _repeat(b"word caf\xe9 \x81 "),
    "utf16_damaged": codecs.BOM_UTF16_LE + _repeat(b"\x00\xdc\n\x00"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_decoding_hostile_text_allocates_a_small_multiple_of_its_size(kind: str) -> None:
    data = HOSTILE[kind]
    tracemalloc.start()
    try:
        decoded = decode_bytes(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert decoded.text
    # an object a line was 50-110 times the input; now about 10 (the text is up to 4)
    assert peak <= 16 * len(data), f"{peak / len(data):.1f} x the input"


def test_rescued_lines_are_kept_as_runs_a_byte_a_line() -> None:
    """A block of Windows-1252 lines, then one of undefined bytes, over and over: the
    numbers come back run by run, counted, indexed and asked without a tuple of them."""
    blocks, size = 300, 500
    data = (b"caf\xe9\n" * size + b"bad \x81\n" * size) * blocks
    decoded = decode_bytes(data)
    windows, replaced = decoded.windows_1252, decoded.replaced
    assert isinstance(windows, LineNumbers) and isinstance(replaced, LineNumbers)
    assert windows.run_count() == blocks and replaced.run_count() == blocks
    assert len(windows) == len(replaced) == blocks * size
    assert (
        windows[0] == 1 and windows[size] == 2 * size + 1 and windows[-1] == (2 * blocks - 1) * size
    )
    assert replaced[:2] == (size + 1, size + 2)
    assert size in windows and size + 1 not in windows and size + 1 in replaced
    assert len(decoded.rescued) == 2 * blocks * size and decoded.rescued[size] == size + 1
    # kept: a verdict byte a line, not an int object a line
    kept = sum(len(verdicts) for _, verdicts in windows._segments)
    assert kept <= 2 * blocks * size + 1


def _reference(data: bytes) -> tuple[str, tuple[int, ...], tuple[int, ...], str]:
    """The policy as it reads, a line at a time (the code page as the decoder chose)."""
    codepage = decode_bytes(data).codepage
    codec = {"Windows-1252": "cp1252", "Windows-1251": "cp1251", "GB18030": "gb18030"}[codepage]
    pieces, windows, replaced = [], [], []
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        try:
            pieces.append(raw.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            guess: str | None = raw.decode(codec)
        except UnicodeDecodeError:
            guess = None
        if guess is not None and not text_decoding._TEXT_CONTROL.search(guess):
            pieces.append(guess)
            windows.append(number)
        else:
            pieces.append(raw.decode("utf-8", errors="replace"))
            replaced.append(number)
    return "".join(pieces), tuple(windows), tuple(replaced), codepage


_PIECES = [
    b"a",
    b"\xe9",
    b"\x81",
    b"\x98",
    b"\xff",
    b"\n",
    b"\r",
    b"\r\n",
    "é".encode(),
    b"\xc3",
    b"\x02",
    b"\x1b",
    b"\x0c",
    b"\x85",
    "\u2028".encode(),
    "中".encode("gb18030"),
    "\ufffd".encode("gb18030"),
    b"\x81\x30",
]
_OPENINGS = [
    b"",
    "Список литературы и ссылки\n".encode("cp1251") * 3,
    "引用文献的作者和年份必须一致\n".encode("gb18030") * 3,
]


@pytest.mark.parametrize("stretch", [1, 3, 16, 1 << 18])
def test_decoding_by_stretches_reads_every_line_as_the_policy_says(
    stretch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines judged together, a stretch at a time, and cut anywhere between stretches,
    read exactly as each line alone would be: text, which lines, which code page."""
    monkeypatch.setattr(text_decoding, "_STRETCH", stretch)
    draw = random.Random(stretch)
    for _ in range(400):
        pieces = [draw.choice(_PIECES) for _ in range(draw.randint(1, 40))]
        data = draw.choice(_OPENINGS) + b"".join(pieces)
        decoded = decode_bytes(data)
        got = (decoded.text, tuple(decoded.windows_1252), tuple(decoded.replaced))
        assert (*got, decoded.codepage) == _reference(data), data


def test_utf16_damage_is_kept_as_runs_and_lone_cr_ends_a_line() -> None:
    body = ("ok\r".encode("utf-16-le") + b"\x00\xd8" + "x\n".encode("utf-16-le")) * 1000
    decoded = decode_bytes(codecs.BOM_UTF16_LE + body)
    assert decoded.utf16 and len(decoded.replaced) == 1000
    assert decoded.replaced[:3] == (2, 4, 6) and decoded.replaced.run_count() == 1000  # type: ignore[attr-defined]


def test_a_manuscript_of_millions_of_damaged_lines_lists_a_few_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_bytes(b"x\n" + b"\x81\n" * (MAX_LINES + 5_000))
    lines, problems = decode_text(path)
    assert len(lines) == MAX_LINES
    damaged = [p for p in problems if "U+FFFD" in p.message]
    assert len(damaged) == MAX_LINE_PROBLEMS + 1
    assert damaged[0].line == 2 and damaged[MAX_LINE_PROBLEMS - 1].line == MAX_LINE_PROBLEMS + 1
    rest = MAX_LINES - 1 - MAX_LINE_PROBLEMS  # within the lines read, past those listed
    assert f"on {rest:,} more lines" in damaged[-1].message


def test_a_bibliography_shows_its_rescued_lines_far_down_without_splitting_them_all(
    tmp_path: Path,
) -> None:
    path = tmp_path / "refs.bib"
    far = 30_000
    path.write_bytes(b"% ok\n" * (far - 1) + b"@misc{k, title={Caf\xe9}}\n" + b"\r\n" * 10)
    decoded = read_text(path)
    [problem] = decoded.problems
    assert problem.location.line == far and problem.raw == "@misc{k, title={Café}}"
    many = tmp_path / "many.bib"
    many.write_bytes(b"\n".join(b"line %d \x81" % n for n in range(1, 5_001)))
    problems = read_text(many).problems
    assert len(problems) == MAX_DECODING_PROBLEMS + 1
    assert problems[7].location.line == 8 and problems[7].raw == "line 8 \ufffd"
    assert f"{5_000 - MAX_DECODING_PROBLEMS:,} more lines" in problems[-1].message


def test_ris_stray_lines_past_the_cap_are_counted_not_split_out() -> None:
    """Millions of stray lines around one record: the records and a count, from regular
    expressions over the text (the reader once split every line into a list)."""
    stray = "junk\n" * 200_000
    text = stray + "TY  - JOUR\nAU  - Smith, J\nTI  - A title\nER  - \n" + stray
    tracemalloc.start()
    try:
        bibliography = parse_ris(text, "refs.ris")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [r.title for r in bibliography.references] == ["A title"]
    assert "more problems in this file" in bibliography.problems[-1].message
    counted = int(bibliography.problems[-1].message.split()[0].replace(",", ""))
    assert counted + len(bibliography.problems) - 1 == 400_000
    assert peak <= 4 * len(text), f"{peak / len(text):.1f} x the text"


def test_a_run_of_dated_lines_past_any_list_is_walked_only_to_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A headless list is looked for backwards from the end, a line at a time: over a
    whole upload of dated lines (250,000 read) that walk was the reader's largest cost.
    It stops past the most entries a list has, and such a run is not a list."""
    from citeaudit.manuscript import markdown_tail_list
    from citeaudit.manuscript.document import Line

    real = markdown_tail_list._entry_like
    asked = 0

    def counted(lines: object, start: int, end: int) -> bool:
        nonlocal asked
        asked += 1
        return real(lines, start, end)  # type: ignore[arg-type]

    monkeypatch.setattr(markdown_tail_list, "_entry_like", counted)
    cap = markdown_tail_list._MAX_ENTRIES
    text = ["Some words of the paper before it all."] + [
        f"Lee, A. ({1900 + n % 100}). A title of work number {n}. Journal, 3, 4."
        for n in range(3 * cap)
    ]
    lines = [Line("m.txt", number, line) for number, line in enumerate(text, start=1)]
    assert markdown_tail_list.tail_list(lines) is None
    assert asked <= 2 * (cap + 2)
    short = lines[:1] + lines[-5:]
    assert markdown_tail_list.tail_list(short) is not None


def test_a_file_is_read_without_holding_it_twice(tmp_path: Path) -> None:
    """Read in 1 MB pieces and joined, a file was held twice over (a 200 MB one, 400 MB)."""
    from citeaudit.bounded_read import MAX_INPUT_BYTES, read_capped

    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (8 << 20))
    tracemalloc.start()
    try:
        data = read_capped(path, MAX_INPUT_BYTES)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(data) == 8 << 20
    assert peak <= 1.5 * len(data), f"{peak / len(data):.1f} x the file"
