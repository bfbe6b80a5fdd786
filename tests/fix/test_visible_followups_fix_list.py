"""`citeaudit fix` on a stand-alone reference list whose entry holds an invisible
character: the entry is found as the file holds it and edited in place, the invisible
character kept (the text is read as seen, the raw text is what was written)."""

from __future__ import annotations

from pathlib import Path

from tests.fix.conftest import Runner

ZWSP = "\u200b"
SOFT = "\u00ad"


def _list(tmp_path: Path, hidden: str) -> Path:
    path = tmp_path / "list.txt"
    path.write_text(
        f"Quill, R. (2021). A sur{hidden}vey of lake ferries. Harbour Notes, 3, 1-9. "
        "http://dx.doi.org/10.5555/ferry.1\n"
        "\n"
        "Ambrose, T. (2019). Moorings in winter. Dock Review, 4, 5-6.\n",
        encoding="utf-8",
    )
    return path


def test_fix_edits_an_entry_holding_a_zero_width_space(cli: Runner, tmp_path: Path) -> None:
    path = _list(tmp_path, ZWSP)
    code, out, err = cli("fix", "--offline", str(path))
    assert code == 0, err
    assert "not found as read" not in err
    assert "Fixed: " in out
    text = path.read_text("utf-8")
    assert f"A sur{ZWSP}vey of lake ferries" in text  # the rest as written
    assert "https://doi.org/10.5555/ferry.1" in text
    assert "dx.doi.org" not in text


def test_fix_edits_an_entry_holding_a_soft_hyphen(cli: Runner, tmp_path: Path) -> None:
    path = _list(tmp_path, SOFT)
    code, _, err = cli("fix", "--offline", str(path))
    assert code == 0, err
    text = path.read_text("utf-8")
    assert f"A sur{SOFT}vey" in text and "https://doi.org/10.5555/ferry.1" in text
