"""Findings an author has judged: kept out of the failure, never out of the count.

Three sources, each with its reason: the project configuration (rule selection,
per-file ignores), comments in the sources (``% citeaudit: ignore[rule] -- why``),
and a baseline file of the findings accepted when the tool was adopted.
"""

from citeaudit.suppress.apply import Suppressing, suppress

__all__ = ["Suppressing", "suppress"]
