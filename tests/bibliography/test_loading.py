"""Choosing the reader, and surviving any file: empty, binary, bad encoding, missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.bibliography.loading import read_bibliography
from citeaudit.errors import InputError


@pytest.mark.parametrize(
    ("name", "fmt", "count"),
    [("good.bib", "bibtex", 6), ("sample.ris", "ris", 5), ("sample.json", "csl-json", 3)],
)
def test_reader_by_extension(data_dir: Path, name: str, fmt: str, count: int) -> None:
    bib = read_bibliography(data_dir / name)
    assert (bib.format, len(bib.references)) == (fmt, count)


@pytest.mark.parametrize(
    ("name", "fmt"), [("good.bib", "bibtex"), ("sample.ris", "ris"), ("sample.json", "csl-json")]
)
def test_reader_by_content_when_extension_says_nothing(
    data_dir: Path, tmp_path: Path, name: str, fmt: str
) -> None:
    target = tmp_path / "refs.txt"
    target.write_bytes((data_dir / name).read_bytes())
    assert read_bibliography(target).format == fmt


def test_unknown_content_is_an_input_error(tmp_path: Path) -> None:
    target = tmp_path / "refs.txt"
    target.write_text("Smith, J. (2019). A title. Journal.\n")
    with pytest.raises(InputError, match="cannot tell the bibliography format"):
        read_bibliography(target)


@pytest.mark.parametrize("content", ["", "  \n\n", "% only a comment\n"])
def test_empty_file_gives_one_problem(tmp_path: Path, content: str) -> None:
    target = tmp_path / "refs.bib"
    target.write_text(content)
    bib = read_bibliography(target)
    assert bib.references == ()
    [problem] = bib.problems
    assert problem.location == type(problem.location)(str(target), 1)
    assert "empty" in problem.message or "no entries" in problem.message


def test_binary_file_is_an_input_error(tmp_path: Path) -> None:
    target = tmp_path / "refs.bib"
    target.write_bytes(b"@article{a,\n" + bytes(range(256)) * 4)
    with pytest.raises(InputError) as caught:
        read_bibliography(target)
    assert caught.value.file == str(target)
    assert caught.value.line == 2
    assert "binary" in str(caught.value)


def test_missing_file_and_directory_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_bibliography(tmp_path / "nope.bib")
    folder = tmp_path / "dir.bib"
    folder.mkdir()
    with pytest.raises(InputError, match="directory"):
        read_bibliography(folder)


def test_invalid_utf8_lines_are_reported_and_entries_still_read(data_dir: Path) -> None:
    bib = read_bibliography(data_dir / "invalid-utf8.bib")
    assert [r.id for r in bib.references] == ["good1", "latin1", "good2"]
    assert bib.references[1].authors[0].family == "Müller"
    assert bib.references[1].title == "Café culture"
    assert [p.location.line for p in bib.problems] == [9, 10]
    assert all("UTF-8" in p.message for p in bib.problems)


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    target = tmp_path / "refs.bib"
    target.write_bytes("@book{a, title={Ärger}, year=2020}\n".encode("utf-16"))
    [ref] = read_bibliography(target).references
    assert ref.title == "Ärger"


def test_crlf_line_ends_keep_line_numbers(tmp_path: Path) -> None:
    target = tmp_path / "refs.bib"
    target.write_bytes(b"% c\r\n\r\n@book{a,\r\n title={A},\r\n}\r\n")
    [ref] = read_bibliography(target).references
    assert ref.location.line == 3


class _CountedLine(int):
    """A line number that counts how often it is compared: a membership test in a
    tuple compares with every element (quadratic over a file), a set hashes once."""

    comparisons = 0

    def __eq__(self, other: object) -> bool:
        _CountedLine.comparisons += 1
        return int(self) == other

    def __hash__(self) -> int:
        _CountedLine.comparisons += 1
        return int.__hash__(self)


def test_damaged_lines_cost_linear_work_and_past_a_cap_are_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file saved whole as Windows-1252 has a damaged line on every line: 20,000
    lines took 3 s when each was looked up in a tuple of all of them."""
    from citeaudit.bibliography import loading
    from citeaudit.text_decoding import DecodedBytes

    lines = 4_000
    target = tmp_path / "refs.bib"
    target.write_bytes(b"".join(b"@misc{k%d, title={Caf\xe9}}\n" % i for i in range(lines)))
    real = loading.decode_bytes

    def counted(data: bytes) -> DecodedBytes:
        decoded = real(data)
        numbers = tuple(_CountedLine(n) for n in decoded.windows_1252)
        return DecodedBytes(decoded.text, numbers, decoded.replaced, decoded.utf16)

    monkeypatch.setattr(loading, "decode_bytes", counted)
    bib = read_bibliography(target)
    assert len(bib.references) == lines
    assert bib.references[0].title == "Café"
    assert _CountedLine.comparisons < 20 * lines
    listed = [p for p in bib.problems if "read as Windows-1252" in p.message]
    assert len(listed) == loading.MAX_DECODING_PROBLEMS
    [rest] = [p for p in bib.problems if "more lines" in p.message]
    assert f"{lines - loading.MAX_DECODING_PROBLEMS:,} more lines" in rest.message
    assert rest.location.line == loading.MAX_DECODING_PROBLEMS + 1
