"""rt37z: one bibliography record of unbounded size (fields, tags, an item), 1x/10x/100x.

Each shape size is a whole offline audit in a child with a CPU limit
(benches/shape_children.py): read the cpu and peak MB columns. The class: every cap
counted entries, and one entry (a BibTeX entry, a RIS record, a CSL-JSON item) could
hold anything, built whole in memory. For BibTeX: a field costs six bytes ("f1={},")
and ~400 bytes parsed (the parser's Field, its name and value, the Reference's `extra`,
the JSON report's pair), and one entry may hold any number. Fixed with
`limits.MAX_ENTRY_FIELDS` (the fast reader builds no Field past it; an entry bibtexparser
reads is cut before its fields are expanded and kept).

Figures (offline audit + JSON report; CPU s and peak MB over the child's imports, 2
shared CPUs), 1x/10x/100x (53 KB / 589 KB / 6.5 MB), before -> after:

    bib-entry-field-flood        peak MB  5 / 26 / 225   ->  3 / 2 / ~0
                                 cpu s    0.08 / 0.22 / 2.0  ->  0.05 / 0.08 / 0.49
    bib-entry-field-flood-paren  peak MB  5 / 26 / 228   ->  5 / 17 / 141  (bibtexparser's
                                 own parse of the piece is still whole; cut after it)
    bib-entry-field-lines        peak MB  4 / 15 / 126   ->  4 / 3 / 7

    ris-record-tag-flood (71 KB / 769 KB / 8.3 MB of KW lines in one record)
                                 peak MB  4 / 9 / 71     ->  4 / 4 / 22  (the record's
                                 lines are still split once to find the tags to keep)
                                 cpu s    0.07 / 0.18 / 1.24  ->  0.05 / 0.08 / 0.36

    csl-json-wide-item (60 KB / 600 KB / 6 MB: one item of '[]' flood; past 1 MB it is
                                 stepped over unbuilt, one problem)
                                 peak MB  5 / 16 / 137   ->  5 / 16 / 19
                                 cpu s    0.06 / 0.08 / 0.38  ->  0.05 / 0.07 / 0.75
                                 (the step over is a Python scan of its brackets)
    csl-json-many-items (ordinary items, 9.3 MB at 100x: the windows cost nothing seen)
                                 cpu s    0.10 / 0.55 / 5.10  ->  0.09 / 0.61 / 5.24

    csl-json-not-objects (90 KB / 900 KB / 9 MB of '[]' items: decoded one by one, each
                                 a capped problem; now the file stops past the cap)
                                 cpu s    0.17 / 0.95 / 8.35  ->  0.07 / 0.07 / 0.09
    a pasted list (.txt) or a file of no known extension, 9 MB of '[]' (sniffed with
    json.loads whole; measured outside this bench: it passes no pasted list)
                                 peak MB  210            ->  12

At the API's 20 MB upload that is ~700 MB -> a few MB for the common shape; the CLI's
200 MB cap, ~7 GB before.

Held (linear, no change), tried with the same harness in /tmp (see the README para):
CR-only and U+2028/NEL/form-feed line ends, NFKC-expanding characters, \\bibliography
and \\addbibresource naming one file 2,000 times, a .bbl \\input 20,000 times,
\\newenvironment recursion, a macro of nine copies of its argument nested, one
\\bibitem of 20,000 names, @comment with 20,000 open braces, crossrefs to a fat parent,
RIS with CR-only or U+2028 lines and 200,000 continuation lines, CSL-JSON items of
50,000 keys and 200 KB ids, Word notes/comments/hyperlinks referenced 2,000 times, tab
and break floods, 500,000 empty paragraphs (capped at 250,000: ~10 s), one-string and
kerned PDFs, 20,000-entry plain lists, every report format on each.

    nice .venv/bin/python benches/rt37z_scaling.py [--only NAME ...] [--scales 1 10 100]
    RT37Z_SRC=/path/to/old/src nice .venv/bin/python benches/rt37z_scaling.py ...
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from linearity import Files, Shape  # noqa: E402

_CITED = "@article{cited, author={Lund, Kari}, title={Read}, journal={J}, year={2011}}\n"


def _field_flood(opening: str, closing: str) -> Callable[[int], Files]:
    def build(n: int) -> Files:
        fields = ",".join(f"f{i}={{}}" for i in range(n))
        bib = f"{opening}flood, title={{T}}, year={{2001}}, {fields}{closing}\n\n{_CITED}"
        return {"paper.md": "As shown [@cited].\n", "refs.bib": bib}

    return build


def _bib_lines(n: int) -> Files:
    fields = ",\n".join(f"  note{i} = {{x}}" for i in range(n))
    return {"paper.md": "As shown [@cited].\n", "refs.bib": f"@misc{{f,\n{fields}\n}}\n{_CITED}"}


def _ris_tag_flood(n: int) -> Files:
    flood = "".join(f"KW  - w{i}\n" for i in range(n))
    ris = f"TY  - JOUR\nTI  - T\nPY  - 2001\n{flood}ER  - \n"
    return {"paper.md": "As shown (Lund, 2011).\n", "refs.ris": ris}


def _csl_wide_item(n: int) -> Files:
    flood = ",".join(["[]"] * n)
    items = f'[{{"id": "flood", "note": [{flood}]}}, {{"id": "cited", "title": "T"}}]'
    return {"paper.md": "As shown [@cited].\n", "refs.json": items}


def _csl_many_items(n: int) -> Files:  # ordinary items across many windows: no slower
    item = '{{"id": "k{0}", "type": "book", "title": "T{0}", "issued": {{"date-parts": [[2001]]}}}}'
    items = ",".join(item.format(i) for i in range(n))
    return {"paper.md": "As shown [@k1].\n", "refs.json": f"[{items}]"}


def _csl_not_objects(n: int) -> Files:
    return {"paper.md": "As shown [@a].\n", "refs.json": "[" + ",".join(["[]"] * n) + "]"}


def _many_small_entries(n: int) -> Files:  # the entry caps' own shape, for comparison
    return {"refs.bib": "".join(f"@misc{{k{i}, f={{}}}}\n" for i in range(n))}


def _text_lines(end: str) -> Callable[[int], Files]:
    def build(n: int) -> Files:
        entry = "Author{0}, A. (2001). Title {0}. J. Chem. {0}, 2." + end
        entries = "".join(entry.format(i) for i in range(n))
        return {"paper.txt": f"Shown (Author1, 2001).{end}{end}References{end}" + entries}

    return build


SHAPES = [
    Shape("bib-entry-field-flood", _field_flood("@misc{", "}"), 6000, "one entry, 1000n fields"),
    Shape("bib-entry-field-flood-paren", _field_flood("@misc(", ")"), 6000, "the same in ( )"),
    Shape("bib-entry-field-lines", _bib_lines, 3000, "one entry, a field a line"),
    Shape("ris-record-tag-flood", _ris_tag_flood, 6000, "one RIS record, 6000n KW lines"),
    Shape("csl-json-wide-item", _csl_wide_item, 20000, "one CSL item, 20000n '[]'"),
    Shape("csl-json-many-items", _csl_many_items, 1000, "1000n ordinary CSL items"),
    Shape("csl-json-not-objects", _csl_not_objects, 30000, "30000n '[]' items"),
    Shape("bib-many-small-entries", _many_small_entries, 1000, "1000n one-field entries"),
    Shape("txt-cr-only-lines", _text_lines("\r"), 200, "a list with CR line ends"),
    Shape("txt-u2028-lines", _text_lines("\u2028"), 200, "a list with U+2028 line ends"),
]


if __name__ == "__main__":
    if os.environ.get("RT37Z_SRC"):  # another tree's figures: the children import it first
        os.environ["PYTHONPATH"] = os.environ["RT37Z_SRC"]
        sys.path.insert(0, os.environ["RT37Z_SRC"])
    sys.exit(shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 10, 100]))
