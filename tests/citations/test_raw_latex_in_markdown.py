"""Raw LaTeX citation commands in Markdown written for Pandoc and LaTeX ("\\cite{key}",
"\\citep[p.~3]{key}") cite their keys beside "[@key]"; a command shown in inline code
cites nothing. Keys and text are made up."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import document


def _keys(text: str, fmt: str = "markdown") -> list[str]:
    return sorted(c.key or "" for c in extract_citations(document(text, fmt=fmt)) if c.key)


def test_raw_cite_commands_cite_their_keys() -> None:
    text = "Monoliths stay \\cite{roe2001}; services grow \\citep[p.~3]{poe2004} [@zed2010]."
    assert _keys(text) == ["poe2004", "roe2001", "zed2010"]
    assert _keys("Plain text cites \\citet{roe2001} too.", fmt="text") == ["roe2001"]


def test_a_command_in_inline_code_cites_nothing() -> None:
    assert _keys("Write `\\cite{key}` in LaTeX, or `[@key]` in Pandoc.") == []
