"""The summary's small chart: findings by kind, as bars for an inline SVG (no library)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from citeaudit.model.finding import Finding

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 230
BAR_SPACE = 300  # the widest bar, in SVG units


@dataclass(frozen=True, slots=True)
class Bar:
    code: str
    label: str
    severity: str
    count: int
    y: int
    width: int


@dataclass(frozen=True, slots=True)
class Chart:
    bars: tuple[Bar, ...]
    height: int
    width: int
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def findings_chart(findings: Sequence[Finding], names: Mapping[str, str]) -> Chart | None:
    """One bar per rule, most frequent first; None when there is nothing to draw."""
    counts = Counter(f.code for f in findings)
    if not counts:
        return None
    severity = {f.code: f.severity.value for f in findings}
    most = max(counts.values())
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    bars = tuple(
        Bar(
            code=code,
            label=names.get(code, code),
            severity=severity[code],
            count=n,
            y=i * (BAR_HEIGHT + GAP),
            width=max(2, round(BAR_SPACE * n / most)),
        )
        for i, (code, n) in enumerate(ordered)
    )
    return Chart(
        bars=bars,
        height=len(bars) * (BAR_HEIGHT + GAP) - GAP,
        width=LABEL_WIDTH + BAR_SPACE + 50,
    )
