"""`citeaudit links` reads its files by the one decoding policy (`text_decoding`).

It decoded with errors="replace" of its own: a Windows-1252 'é' in a URL became U+FFFD
with no word said, binary files were read as text, and standard input went through
the locale's codec (its bad bytes came out again, raw, inside the JSON report). Now a
file or stdin is decoded as `citeaudit check` and the API decode it: lines read as
Windows-1252 or with bytes replaced are named on stderr (file and line), binary content
is exit 2. Every link is excluded (`--exclude .`): nothing is sent anywhere.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from citeaudit.cli import main

CP1252 = b"See http://127.0.0.1:9/caf\xe9 today.\nand http://127.0.0.1:9/ok\n"


def _urls(out: str) -> list[str]:
    return [link["url"] for link in json.loads(out)["links"]]


def test_a_windows_1252_line_is_read_as_check_reads_it_and_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(CP1252)
    code = main(["links", str(path), "--exclude", ".", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0
    assert _urls(out) == ["http://127.0.0.1:9/café", "http://127.0.0.1:9/ok"]
    assert f"{path}:1:" in err and "Windows-1252" in err


def test_bytes_no_codepage_reads_are_replaced_and_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"ok http://127.0.0.1:9/a\nbad \x81\x01 http://127.0.0.1:9/b\n")
    code = main(["links", str(path), "--exclude", ".", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and len(_urls(out)) == 2
    assert f"{path}:2:" in err and "U+FFFD" in err


def test_standard_input_is_decoded_by_the_same_policy(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(CP1252), encoding="utf-8", errors="surrogateescape")
    monkeypatch.setattr("sys.stdin", stdin)
    code = main(["links", "-", "--exclude", ".", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0
    assert _urls(out)[0] == "http://127.0.0.1:9/café"
    out.encode("utf-8")  # no lone surrogate written back
    assert "<stdin>:1:" in err and "Windows-1252" in err


def test_a_binary_file_is_exit_2_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"x\x00y http://127.0.0.1:9/a\n")
    code = main(["links", str(path), "--exclude", "."])
    _out, err = capsys.readouterr()
    assert code == 2 and str(path) in err and "binary" in err


def test_a_whole_file_in_windows_1252_is_named_line_by_line_up_to_a_count(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(b"".join(b"caf\xe9 http://127.0.0.1:9/%d\n" % n for n in range(30)))
    assert main(["links", str(path), "--exclude", "."]) == 0
    warnings = [w for w in capsys.readouterr().err.splitlines() if "warning" in w]
    assert len(warnings) == 21 and f"{path}:21:" in warnings[-1] and "10 more" in warnings[-1]
