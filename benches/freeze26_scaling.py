"""freeze26: CSL YAML, CSL-JSON and RIS shapes the earlier scaling rounds did not grow.

The YAML reader caps flow brackets at 64 before composing, because PyYAML's pure-Python
scanner pays the bracket depth at every token -- but a file sent to that pure-Python
loader by one line indented past 256 columns (or 17 compact "- - -" items) skipped the
cap before freeze26. These shapes grow such files (brackets deepening with the size,
many items 250 deep, items 64 deep, plain items), a line of escaped quotes never
closed (the bracket count read it again from every quote before freeze26), and a few
JSON and RIS shapes the earlier rounds did not: items past the JSON decoder's recursion
limit one after another, thousands of keys before "items", records never closed, end
tags with no record. Each runs a whole offline audit in a child with a CPU limit
(benches/shape_children.py).

    nice .venv/bin/python benches/freeze26_scaling.py [--only NAME ...] [--scales 1 4 16]
                                                      [--limit 60]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from linearity import Files, Shape  # noqa: E402

_PAPER = "As shown [@k0] and [@k1].\n"
# a line indented past the YAML reader's 256 columns: the file goes to PyYAML's
# pure-Python loader
_WIDE = "- id: wide\n  note: " + " " * 300 + "\n" + " " * 300 + "x\n"
_ITEM = (
    '{{"id":"k{i}","type":"book","title":"T","author":[{{"family":"Smith","given":"J"}}],'
    '"issued":{{"date-parts":[[2020]]}}}}'
)


def _yaml(items: str, tail: str = _WIDE) -> Files:
    return {"paper.md": _PAPER, "refs.yaml": "references:\n" + items + tail}


def _yaml_item(i: int, title: str) -> str:
    return f"- id: k{i}\n  type: book\n  title: {title}\n  issued: {{year: 2020}}\n"


def yaml_wide_growing_depth(n: int) -> Files:
    """100 items, each title nested 18n brackets deep, beside a wide line."""
    title = "[" * 18 * n + "x" + "]" * 18 * n
    return _yaml("".join(_yaml_item(i, title) for i in range(100)))


def yaml_wide_items_250_deep(n: int) -> Files:
    """n items each nested 250 deep, beside a wide line."""
    return _yaml("".join(_yaml_item(i, "[" * 250 + "x" + "]" * 250) for i in range(n)))


def yaml_compact_items_250_deep(n: int) -> Files:
    """n items each nested 250 deep, after 17 compact '- ' items on one line."""
    deep = "".join(_yaml_item(i, "[" * 250 + "x" + "]" * 250) for i in range(n))
    return _yaml(deep, "- " * 17 + "x\n")


def yaml_wide_items_64_deep(n: int) -> Files:
    """n items nested 64 deep (the cap), beside a wide line."""
    return _yaml("".join(_yaml_item(i, "[" * 64 + "x" + "]" * 64) for i in range(n)))


def yaml_wide_plain_items(n: int) -> Files:
    """n plain items beside a wide line (the pure-Python loader's own cost)."""
    return _yaml("".join(_yaml_item(i, f"Title {i}") for i in range(n)))


def yaml_escaped_quotes(n: int) -> Files:
    """A title of 10,000n '"\\' pairs on one line: a quote never closed."""
    return _yaml(_yaml_item(0, '"\\' * 10_000 * n), "")


def json_items_past_recursion(n: int) -> Files:
    """n items each 1,200 brackets deep (past the decoder's recursion limit)."""
    deep = '{"id":"d","x":' + "[" * 1200 + "]" * 1200 + "}"
    items = ",".join([_ITEM.format(i=0), _ITEM.format(i=1), *[deep] * n])
    return {"paper.md": _PAPER, "refs.json": "[" + items + "]"}


def json_keys_before_items(n: int) -> Files:
    """{"a0": [1], ... 100n keys, "items": [...]}."""
    keys = ",".join(f'"a{i}":[1]' for i in range(100 * n))
    items = ",".join(_ITEM.format(i=i) for i in range(2))
    return {"paper.md": _PAPER, "refs.json": "{" + keys + ',"items":[' + items + "]}"}


def ris_unclosed_records(n: int) -> Files:
    """1,000n records, none with an 'ER  - ' line."""
    record = "TY  - JOUR\nID  - k{i}\nTI  - t\nPY  - 2020\n"
    return {
        "paper.md": _PAPER,
        "refs.ris": "".join(record.format(i=i) for i in range(1000 * n)),
    }


def ris_end_tags_only(n: int) -> Files:
    """10,000n 'ER  - ' lines with no record."""
    return {"paper.md": _PAPER, "refs.ris": "ER  - \n" * 10_000 * n}


SHAPES = [
    Shape("yaml-wide-growing-depth", yaml_wide_growing_depth, 1, "100 items 18n deep, wide line"),
    Shape("yaml-wide-items-250", yaml_wide_items_250_deep, 20, "n items 250 deep, wide line"),
    Shape("yaml-compact-items-250", yaml_compact_items_250_deep, 20, "n items 250 deep, '- ' x 17"),
    Shape("yaml-wide-items-64", yaml_wide_items_64_deep, 100, "n items 64 deep, wide line"),
    Shape("yaml-wide-plain-items", yaml_wide_plain_items, 1000, "n plain items, wide line"),
    Shape("yaml-escaped-quotes", yaml_escaped_quotes, 1, "one line of 10,000n '\"\\\\'"),
    Shape("json-items-past-recursion", json_items_past_recursion, 50, "n items 1,200 deep"),
    Shape("json-keys-before-items", json_keys_before_items, 100, "100n keys before items"),
    Shape("ris-unclosed-records", ris_unclosed_records, 10, "1,000n records, no ER"),
    Shape("ris-end-tags-only", ris_end_tags_only, 10, "10,000n ER lines"),
]


def main(argv: list[str] | None = None) -> int:
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 4, 16], argv)


if __name__ == "__main__":
    sys.exit(main())
