"""Reading and writing the real-article corpus file (one JSON record per line, xz).

Why a module of its own: the builder, the bench, the PDF bench and the tests all read
the corpus, and its file changed from gzip (`corpus.jsonl.gz`) to xz
(`corpus.jsonl.xz`, about a third smaller: the issue asks for a corpus well under
20 MB). Every reader goes through `read_records`, which takes either file, so a
previous corpus or an old checkout's copy still reads.

Fields the bench derives again at load (`_current_truth` in real_articles.py: each
entry's `unlinked`, the record's `uncited_truth` and `missing_truth`) and each
entry's `cited` (the XML's linking, which the bench takes from the paragraphs'
citations instead) are not stored: `write_records` drops them and `read_records`
gives them back from the stored paragraphs, so a reader sees the record the builder
made. Paragraph fields with their default value (no heading, no superscript, no
citation) are left out too and filled in on reading.
"""

from __future__ import annotations

import copy
import gzip
import json
import lzma
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from real_articles_jats import expand_ranges, plain_text_cited
from real_articles_truth import cited_works

FOLDER = Path(__file__).resolve().parent.parent / "references" / "real_articles"
CORPUS = FOLDER / "corpus.jsonl.xz"
# xz's strongest preset: the corpus is written rarely and read often, and decoding
# costs the same at every preset.
_PRESET = 9 | lzma.PRESET_EXTREME
_DERIVED_REF = ("cited", "unlinked")
_DERIVED = ("uncited_truth", "missing_truth")
_PARA_DEFAULTS: dict[str, Any] = {"h": 0, "sup": [], "cit": []}


def corpus_file(folder: Path = FOLDER) -> Path:
    """The corpus file in `folder`: the xz one, or an older gzip one when only that
    exists (the xz path when neither does, for writing)."""
    xz = folder / "corpus.jsonl.xz"
    gz = folder / "corpus.jsonl.gz"
    return gz if gz.is_file() and not xz.is_file() else xz


def _open(path: Path) -> Any:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return lzma.open(path, "rt", encoding="utf-8")


def _unpacked(record: dict[str, Any]) -> dict[str, Any]:
    """The record as the builder made it, from its stored (slimmed) form."""
    for para in record.get("paras", []):
        for key, default in _PARA_DEFAULTS.items():
            para.setdefault(key, list(default) if isinstance(default, list) else default)
    if "refs" not in record or all(key in record for key in _DERIVED):
        return record
    refs = record["refs"]
    paras = record["paras"]
    numbered = bool(record.get("numbered_list")) or str(record.get("style", "")).startswith(
        "numeric"
    )
    # The stored paragraphs hold the ranges already expanded: expanding again is a
    # no-op, kept so that the derived fields are the builder's exactly.
    expand_ranges(paras, refs, numbered)
    cited = {t for p in paras for c in p["cit"] for t in c[2]}
    unlinked = plain_text_cited(paras, refs, cited)
    for i, ref in enumerate(refs):
        ref.setdefault("cited", i in cited)
        ref.setdefault("unlinked", i in unlinked)
    record.setdefault(
        "uncited_truth", [i for i in range(len(refs)) if i not in cited and i not in unlinked]
    )
    author_year = record.get("style") in ("author-year", "abnt")
    record.setdefault("missing_truth", cited_works(paras, refs, author_year))
    return record


def read_records(path: Path | None = None) -> list[dict[str, Any]]:
    """Every record of the corpus file (`path`, default the committed corpus; .gz or
    .xz), in file order, with the derived fields filled in."""
    with _open(path or corpus_file()) as fh:
        return [_unpacked(json.loads(line)) for line in fh if line.strip()]


def _slim(record: dict[str, Any], derived: bool) -> dict[str, Any]:
    slim = {k: v for k, v in record.items() if derived or k not in _DERIVED}
    slim["refs"] = [
        {k: v for k, v in r.items() if derived or k not in _DERIVED_REF} for r in record["refs"]
    ]
    slim["paras"] = [
        {k: v for k, v in p.items() if _PARA_DEFAULTS.get(k, object()) != v}
        for p in record["paras"]
    ]
    return slim


def _packed(record: dict[str, Any]) -> dict[str, Any]:
    """The record as stored: without its derived fields when reading gives them back
    exactly (a translation's missing works, marked against its original, are not
    derived from the record alone and stay), and without default paragraph fields."""
    if "refs" not in record or "paras" not in record:
        return record
    slim = _slim(record, derived=False)
    again = _unpacked(copy.deepcopy(slim))
    same = all(again[k] == record[k] for k in _DERIVED) and all(
        a.get(k) == r.get(k)
        for a, r in zip(again["refs"], record["refs"], strict=True)
        for k in _DERIVED_REF
    )
    return slim if same else _slim(record, derived=True)


def write_records(records: Iterable[dict[str, Any]], out: Path) -> None:
    """Writes the records, sorted by id, to `out` (an .xz file), atomically: benches
    read the corpus while a build writes it and must see the old file or the new one,
    never half of it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(
        json.dumps(_packed(r), ensure_ascii=False, separators=(",", ":")) + "\n"
        for r in sorted(records, key=lambda r: r["id"])
    )
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(lzma.compress(lines.encode("utf-8"), preset=_PRESET))
    os.replace(tmp, out)
