"""`citeaudit fix`: the edits the findings already carry, written back in place.

A fix touches only the text of the entry it concerns (spliced into the file, the rest
byte-identical), and only in a file it can write back exactly as it read it; anything
else is refused with the reason, never half-done.
"""

from citeaudit.fix.plan import FixPlan, Refusal, plan_fixes

__all__ = ["FixPlan", "Refusal", "plan_fixes"]
