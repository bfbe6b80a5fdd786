"""Whether two trees of citeaudit audit a set of inputs to the same report, byte for byte.

A speed change must change no finding: this runs one offline audit per input and cap,
writes each report as `citeaudit check --format json` does, and stores a digest of it
(and the report itself) per case. Run it once with the tree before the change and once
with the tree after, then compare:

    PYTHONPATH=/tmp/before/src .venv/bin/python benches/perf20_same_findings.py --out /tmp/a
    PYTHONPATH=src .venv/bin/python benches/perf20_same_findings.py --out /tmp/b
    .venv/bin/python benches/perf20_same_findings.py --compare /tmp/a /tmp/b

The inputs: the linearity bench's shapes (1x and 10x), the references/examples
manuscripts, and articles of the `dev` study split of the real-article bench rendered as
Markdown, text and DOCX. Each is audited with the default citation cap and with small
caps (1, 7, 60, 400), so that real manuscripts too go through the path that counts
citations past the cap without making them (`extract_at_most`).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benches"), str(ROOT)]

CAPS = (None, 1, 7, 60, 400)
LINEARITY_SCALES = (1, 10)
EXAMPLES = (
    "references/examples/apa-markdown/manuscript.md",
    "references/examples/numeric-markdown/manuscript.md",
    "references/examples/docx/manuscript.docx",
    "references/examples/latex-natbib/main.tex",
)


def _report(manuscripts: list[Path], bibliographies: list[Path], cap: int | None) -> str:
    from citeaudit.audit import AuditInput, audit
    from citeaudit.audit_data import Phase
    from citeaudit.report.json import JsonReporter

    kwargs = {} if cap is None else {"max_citations": cap}
    result = audit(
        AuditInput(tuple(manuscripts), tuple(bibliographies)),
        skipped={Phase.RESOLUTION: "offline", Phase.LINKS: "offline"},
        **kwargs,  # type: ignore[arg-type]
    )
    out = io.StringIO()
    JsonReporter().write(result, out)
    return out.getvalue()


def _linearity_cases(shapes: list[str]) -> Iterator[tuple[str, dict[str, str | bytes]]]:
    import linearity

    for shape in linearity.SHAPES:
        if shape.name.startswith(("pdf-", "docx-")):
            continue  # the reading of those formats is not touched; slow to build
        if shapes and not any(part in shape.name for part in shapes):
            continue
        for scale in LINEARITY_SCALES:
            yield f"linearity/{shape.name}/{scale}x", dict(shape.build(shape.base * scale))


def _real_cases(count: int) -> Iterator[tuple[str, dict[str, str | bytes]]]:
    from real_articles_corpus import read_records
    from real_articles_render import render_docx, render_text

    records = [r for r in read_records() if r.get("split") == "dev"][:count]
    for record in records:
        for fmt in ("md", "txt"):
            yield f"dev/{record['id']}/{fmt}", {f"paper.{fmt}": render_text(record, fmt)}
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "paper.docx"
            render_docx(record, path)
            yield f"dev/{record['id']}/docx", {"paper.docx": path.read_bytes()}


def _run_files(
    name: str, files: dict[str, str | bytes], out: Path, digests: dict[str, str]
) -> None:
    with tempfile.TemporaryDirectory(prefix="perf20-") as folder:
        paths = []
        for file_name, content in files.items():
            path = Path(folder) / file_name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            paths.append(path)
        manuscripts = [p for p in paths if p.name.startswith("paper")]
        bibliographies = [
            p
            for p in paths
            if p.suffix in (".bib", ".json", ".ris", ".yaml") and p not in manuscripts
        ]
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            _run(name, manuscripts, bibliographies, out, digests, folder)
        finally:
            os.chdir(cwd)


def _run(
    name: str,
    manuscripts: list[Path],
    bibliographies: list[Path],
    out: Path,
    digests: dict[str, str],
    folder: str | None = None,
) -> None:
    for cap in CAPS:
        case = f"{name}/cap={cap}"
        try:
            text = _report(manuscripts, bibliographies, cap)
        except Exception as exc:
            text = f"CRASH {type(exc).__name__}: {exc}"
        if folder is not None:
            text = text.replace(folder, "<folder>")
        digests[case] = hashlib.sha256(text.encode()).hexdigest()
        (out / (hashlib.sha1(case.encode()).hexdigest() + ".json")).write_text(text)


def collect(out: Path, articles: int, shapes: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    digests: dict[str, str] = {}
    for name, files in _real_cases(articles):
        _run_files(name, files, out, digests)
    for example in EXAMPLES:
        path = ROOT / example
        _run(f"example/{example}", [path], [], out, digests)
    for name, files in _linearity_cases(shapes):
        _run_files(name, files, out, digests)
    (out / "digests.json").write_text(json.dumps(digests, indent=1, sort_keys=True))
    print(f"{len(digests)} reports written to {out}")


def compare(a: Path, b: Path) -> int:
    left = json.loads((a / "digests.json").read_text())
    right = json.loads((b / "digests.json").read_text())
    both = left.keys() & right.keys()
    differ = sorted(k for k in both if left[k] != right[k])
    for case in differ:
        print(f"DIFFERS: {case}")
    alone = len(left.keys() ^ right.keys())
    print(f"{len(both)} cases compared, {len(differ)} differ ({alone} run on one side only)")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--articles", type=int, default=12, help="dev articles to render")
    parser.add_argument(
        "--shapes", nargs="*", default=[], help="linearity shapes whose name contains this"
    )
    parser.add_argument("--compare", nargs=2, type=Path)
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.out is None:
        parser.error("--out or --compare")
    collect(args.out, args.articles, args.shapes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
