"""Matching many distinct cited names compiles no pattern per name to find a title cut
short (freeze finding F2).

Work is counted (calls into `re`'s compiler), not timed: a pattern per distinct name
overflowed `re`'s cache and compiled at every citation of a long title-first list.
"""

from __future__ import annotations

from types import FrameType
from typing import Any

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference
from tests.security.counted_work import calls_in

_ELLIPSIS = "(?:\\.\\.\\.|…)"  # the tail of the per-name pattern `_truncated` compiled


def _compiles_during(run: Any) -> int:
    """Calls into `re`'s compiler for a cited name followed by an ellipsis."""

    def compiling(frame: FrameType, event: str) -> bool:
        if event != "call" or frame.f_code.co_name != "_compile":
            return False
        pattern = frame.f_locals.get("pattern")
        return frame.f_globals.get("__name__") == "re" and _ELLIPSIS in str(pattern)

    return calls_in(run, compiling)


def _title_first(n: int) -> tuple[str, list[Any]]:
    words = [f"Q{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)}" for i in range(n)]
    text = " ".join(f"Seen ({w.upper()} REPORT..., 2014)." for w in words)
    refs = [reference(i, f"{w.upper()} REPORT on things", year=2014) for i, w in enumerate(words)]
    return text, refs


def test_regex_compiles_do_not_grow_with_distinct_names() -> None:
    small_text, small_refs = _title_first(100)
    large_text, large_refs = _title_first(800)
    small_cits = extract_citations(document(small_text))
    large_cits = extract_citations(document(large_text))
    small = _compiles_during(lambda: match_citations(small_cits, small_refs))
    large = _compiles_during(lambda: match_citations(large_cits, large_refs))
    assert large == small == 0, (small, large)
