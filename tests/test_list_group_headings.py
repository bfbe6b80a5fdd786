"""Group headings typed as plain lines inside an unnumbered reference list.

Humanities lists, theses and reports group their works ("Books", "Archival sources",
"Websites"); in a text file, or pasted without heading styles, each such line was an
entry of its own ("Books ... never cited") or glued onto the entry before."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_BODY = (
    "Rivers matter (Adams, 2015; Brown, 2014). The archive (National Archive, 2001)"
    " and the website (River Trust, 2020) agree. Cole (2013) disagreed.\n"
)
_ENTRIES = {
    "adams": "Adams, A. (2015). Rivers. Made-up Press.",
    "cole": "Cole, C. (2013). Streams. Made-up Press.",
    "brown": "Brown, B. (2014). Lakes. Water, 3, 1-5.",
    "archive": "National Archive. (2001). River files, box 4. Capital City.",
    "trust": "River Trust. (2020). Annual report. https://example.org/report",
}


def _grouped(separator: str) -> str:
    e = _ENTRIES
    return separator.join(
        [
            "Books", e["adams"], e["cole"], "Journal articles", e["brown"],
            "Archival sources", e["archive"], "Sources from the internet", e["trust"],
        ]
    )  # fmt: skip


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_group_headings_are_no_entries(tmp_path: Path, separator: str) -> None:
    path = tmp_path / "paper.txt"
    path.write_text(
        f"INTRODUCTION\n\n{_BODY}\nREFERENCES\n\n{_grouped(separator)}\n", encoding="utf-8"
    )
    result = audit(AuditInput.from_paths([path]))
    raws = [r.raw for r in result.data.references]
    assert raws == list(_ENTRIES.values())
    assert not [f.message for f in result.findings]


def test_a_short_undated_entry_is_still_an_entry(tmp_path: Path) -> None:
    """An entry with no digit ending in a full stop is no heading."""
    path = tmp_path / "paper.txt"
    lines = [
        _ENTRIES["adams"],
        "Anonymous. Folk songs of the river. Oral tradition.",
        _ENTRIES["cole"],
    ]
    path.write_text(
        "INTRODUCTION\n\nAdams (2015) and Cole (2013).\n\nREFERENCES\n\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([path]))
    assert len(result.data.references) == 3
