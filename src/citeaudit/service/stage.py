"""What a step of an audit is doing now, in its owner's words: read when it times out.

A parse step stopped at its time limit said only "reading the files took longer than
its limit": an editor with ten uploads could not tell which one to fix, nor whether
the reading, the matching or the rules had run long. The step notes each stage as it
enters it (`Stage.at`) -- the upload it reads, the matching, the rules, the storing --
and whatever stops it (the embedded executor's timer, a worker's soft time limit)
names the stage last noted in the audit's reason (`reasons.timed_out`).
"""

from __future__ import annotations

__all__ = ["Stage"]


class Stage:
    """The stage a step is in; written by the step's thread, read by its timer (one
    attribute, replaced whole: a reader sees the old stage or the new, never a mix)."""

    def __init__(self, now: str) -> None:
        self.now = now

    def at(self, now: str) -> None:
        self.now = now
