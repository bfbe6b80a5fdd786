"""A device, a FIFO, a socket or a folder given or named as a file is refused before it
is opened at all.

`bounded_read.read_capped` asked what a file is on the open descriptor -- right for a
read, but the open itself acts on a device: a watchdog starts its countdown, a tape
rewinds, a serial line raises its control signals, a terminal may become the
process's own. The name is now looked at first and a non-regular file never opened
(the descriptor is still asked, for what changed in between). Seen with an audit hook
on every ``open``; ``/dev/null`` and a FIFO stand in for every device.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from citeaudit.bounded_read import NotARegularFile, read_capped, read_head


@pytest.fixture
def odd_files(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "pipe.tex"
    os.mkfifo(fifo)
    device = tmp_path / "device.tex"
    os.symlink("/dev/null", device)
    folder = tmp_path / "folder.bib"
    folder.mkdir()
    names = [fifo, device, folder]
    if hasattr(socket, "AF_UNIX"):
        listening = socket.socket(socket.AF_UNIX)
        listening.bind(str(tmp_path / "s.bib"))
        listening.close()
        names.append(tmp_path / "s.bib")
    return names


def test_a_file_that_is_no_regular_file_is_never_opened(
    odd_files: list[Path], opened: list[str]
) -> None:
    for path in odd_files:
        for read in (lambda p: read_capped(p, 1000), lambda p: read_head(p, 8)):
            with pytest.raises(NotARegularFile):
                read(path)
    assert opened == []


def test_a_regular_file_is_still_read(tmp_path: Path, opened: list[str]) -> None:
    (tmp_path / "refs.bib").write_bytes(b"@misc{a}")
    opened.clear()  # this test's own write
    assert read_capped(tmp_path / "refs.bib", 100) == b"@misc{a}"
    # the first read in a process opens the kernel's mount table (bounded_read._Table,
    # which tells kernel files apart): the product's own file, not the one named
    assert [p for p in opened if p != "/proc/self/mountinfo"] == [str(tmp_path / "refs.bib")]
    with pytest.raises(FileNotFoundError):
        read_capped(tmp_path / "missing.bib", 100)
