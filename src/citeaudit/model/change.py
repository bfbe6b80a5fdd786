"""What a scheduled re-check can find changed about a cited link or work.

Part of the model because every side speaks of it: the store records changes by kind,
the watch decides them, the report and the pages group and word them. Kept here, the
store needs nothing of the report to hold one.
"""

from __future__ import annotations

from enum import StrEnum


class ChangeKind(StrEnum):
    NEWLY_BROKEN = "newly_broken"
    STILL_BROKEN = "still_broken"
    RECOVERED = "recovered"
    NEWLY_RETRACTED = "newly_retracted"
    NEW_NOTICE = "new_notice"
