"""Precision and recall of every registry rule on the labelled registry set.

The set is references/crossref/labelled.json: "rules" (entries labelled with what each
registry rule, and citation-year-mismatch once the registry is known, should say --
including the look-alikes that must stay silent; built by build_labelled_rules.py) and
"entries" (the 50 entries without DOIs labelled with the DOI missing-doi should
suggest). All entries are resolved against the loopback registry stand-in
(tests/stand_ins/registry_server.py, records from works.json); a case's "cited"
years become author-year citations matched by the real matcher, so text, list and
record meet as in an audit.

A finding counts as right only with the labelled outcome (year-mismatch: the list
wrong, both wrong, or no citation to judge by; citation-year-mismatch: the text wrong,
either year fine, both wrong, or no record; metadata-mismatch: the exact set of
slips; missing-doi: the labelled DOI). A wrong outcome counts as a false positive and a
false negative.

Cases h01-h50 were written after the rules and the other cases were settled and run
once before any change; their sum is printed on its own line.

With --real-dev, also the cost of reference parsing to metadata-mismatch's author
check: each entry of the real-article corpus's dev split (never the held-out test
split) is parsed as citeaudit parses a pasted list and aligned with the publisher
XML's own names for it -- the same people, so every slip reported is a false one.

Run: .venv/bin/python benches/registry_rules.py [--show] [--real-dev]   (--show: every miss, with
its messages)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.stand_ins.registry_server import RegistryStandIn  # noqa: E402

from citeaudit.audit_data import AuditData, Phase, PhaseStatus  # noqa: E402
from citeaudit.bibliography.interface import Bibliography  # noqa: E402
from citeaudit.matching.citations import match_citations  # noqa: E402
from citeaudit.model.citation import Citation, CitationKind  # noqa: E402
from citeaudit.model.finding import Finding  # noqa: E402
from citeaudit.model.location import Location  # noqa: E402
from citeaudit.model.person import Person  # noqa: E402
from citeaudit.model.reference import Reference  # noqa: E402
from citeaudit.model.resolution import Resolution  # noqa: E402
from citeaudit.resolve.enricher import build_resolver  # noqa: E402
from citeaudit.rules.base import Rule  # noqa: E402
from citeaudit.rules.citations.citation_year_mismatch import CitationYearMismatch  # noqa: E402
from citeaudit.rules.resolution import RULES  # noqa: E402
from citeaudit.settings import Settings  # noqa: E402

LABELLED = ROOT / "references" / "crossref" / "labelled.json"
JUDGED: tuple[type[Rule], ...] = (*RULES, CitationYearMismatch)

_SLIPS = (
    ("spells ", "misspelt"),
    ("drops the record's", "dropped"),
    ("who is not among", "added"),
    ("whom the record lists first", "reordered"),
    ("is cut short", "truncated"),
    ("title differs", "different"),
    ("DOI is a preprint", "version"),
    ("entry cites a preprint", "version"),
)


def person(name: str) -> Person:
    family, _, given = name.partition(", ")
    return Person(family, given or None)


def reference(case: dict[str, Any], n: int) -> Reference:
    names = [a for a in case.get("authors") or () if a.lower() != "others"]  # as BibTeX reads
    return Reference(
        id=case["id"],
        index=n + 1,
        location=Location("refs.bib", 10 * n + 1),
        raw="",
        kind=case.get("kind", "article"),
        authors=tuple(person(a) for a in names),
        year=case.get("year"),
        title=case.get("title"),
        container=case.get("container"),
        volume=case.get("volume"),
        publisher=case.get("publisher"),
        doi=case.get("doi"),
        doi_raw=case.get("doi"),
        urls=tuple(case.get("urls") or ()),
    )


def citations(case: dict[str, Any], ref: Reference) -> tuple[Citation, ...]:
    family = ref.first_author_family or ""
    return tuple(
        Citation(
            id=f"{case['id']}-c{k}",
            text=f"({family}, {year})",
            location=Location("paper.md", k + 1),
            kind=CitationKind.AUTHOR_YEAR,
            item=f"{family}, {year}",
            authors=(family,),
            year=year,
        )
        for k, year in enumerate(case.get("cited") or ())
    )


def audit_data(
    ref: Reference, cited: tuple[Citation, ...], resolution: Resolution | None
) -> AuditData:
    cits, matches = match_citations(cited, [ref])
    return AuditData(
        manuscripts=(),
        bibliographies=(Bibliography("refs.bib", "bibtex", (ref,)),),
        citations=cits,
        matches=matches,
        resolutions={ref.id: resolution} if resolution else {},
        phases=(PhaseStatus(Phase.RESOLUTION, True),),
    )


def outcome(rule: str, found: list[Finding]) -> Any:
    """What the findings of one rule on one entry say, in the labels' vocabulary."""
    if not found:
        return None
    text = " | ".join(f.message for f in found)
    if rule == "year-mismatch":
        if "the list entry is wrong" in text:
            return "list-wrong"
        return "both-wrong" if "both wrong" in text else "off"
    if rule == "citation-year-mismatch":
        if "both wrong" in text:
            return "both-wrong"
        if "the citation is wrong" in text:
            return "text-wrong"
        return "either" if "both are dates of the work" in text else "plain"
    if rule == "metadata-mismatch":
        return sorted({slip for needle, slip in _SLIPS if needle in text})
    if rule == "missing-doi":
        return found[0].fix.replacement if found[0].fix else True
    return True


def resolve(refs: list[Reference]) -> dict[str, Resolution]:
    server = RegistryStandIn().start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(
                crossref_url=server.url,
                doi_url=server.url,
                datacite_url=server.url,
                mailto="bench@example.org",
                cache_dir=Path(tmp),
                redis_url=None,
                crossref_rate=1000.0,
            )
            resolver = build_resolver(settings)
            try:
                return dict(resolver.resolve(refs).resolutions)
            finally:
                resolver.close()
    finally:
        server.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every miss with its messages")
    ap.add_argument("--real-dev", action="store_true", help="parsed dev entries vs their XML")
    args = ap.parse_args()
    if args.real_dev:
        real_dev(args.show)
    labelled = json.loads(LABELLED.read_text("utf-8"))
    cases = [("rules", c) for c in labelled["rules"]] + [
        ("entries", {**e, "expect": {"missing-doi": e["expected"]}} | {"doi": None})
        for e in labelled["entries"]
    ]
    refs = [reference(c, n) for n, (_, c) in enumerate(cases)]
    resolutions = resolve(refs)
    tally: dict[str, Counter[str]] = {r.name: Counter() for r in JUDGED}
    held_out: Counter[str] = Counter()  # cases h01-h50, written after the rules were settled
    misses: list[str] = []
    for (part, case), ref in zip(cases, refs, strict=True):
        data = audit_data(ref, citations(case, ref), resolutions.get(ref.id))
        found = [f for rule in JUDGED for f in rule().check(data)]
        judged = [r.name for r in JUDGED] if part == "rules" else ["missing-doi"]
        for name in judged:
            want = case["expect"].get(name)
            if isinstance(want, list):
                want = sorted(want)
            mine = [f for f in found if f.rule == name]
            got = outcome(name, mine)
            if want is None and got is None:
                continue
            counts = [tally[name]] + ([held_out] if case["id"].startswith("h") else [])
            if want is not None and got == want:
                for c in counts:
                    c["tp"] += 1
                continue
            for c in counts:
                c["fp"] += got is not None
                c["fn"] += want is not None
            misses.append(
                f"{case['id']:>4} {name}: want {want}, got {got}"
                + ("".join(f"\n       {f.message}" for f in mine) if args.show else "")
            )
    print(
        f"== registry rules on {LABELLED.relative_to(ROOT)}: {len(labelled['rules'])} "
        f"labelled entries (+{len(labelled['entries'])} for missing-doi)"
    )
    print(
        f"{'rule':<24} {'code':<7} {'labelled':>8} {'TP':>4} {'FP':>4} {'FN':>4} "
        f"{'precision':>9} {'recall':>7}"
    )
    worst_p = worst_r = 1.0
    for rule in JUDGED:
        t = tally[rule.name]
        positives = t["tp"] + t["fn"]
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
        r = t["tp"] / positives if positives else 1.0
        worst_p, worst_r = min(worst_p, p), min(worst_r, r)
        print(
            f"{rule.name:<24} {rule.code:<7} {positives:>8} {t['tp']:>4} {t['fp']:>4} "
            f"{t['fn']:>4} {p:>9.3f} {r:>7.3f}"
        )
    print(
        f"lowest precision {worst_p:.3f} (target >= 0.98), lowest recall {worst_r:.3f} "
        f"(target >= 0.95)"
    )
    print(
        f"held-out cases h01-h50, all rules together: TP {held_out['tp']}, "
        f"FP {held_out['fp']}, FN {held_out['fn']}"
    )
    for line in misses:
        print("miss", line)


def real_dev(show: bool) -> None:
    import re

    from citeaudit.bibliography.freetext import parse_reference
    from citeaudit.resolve.authors import align_authors

    sys.path.insert(0, str(ROOT / "benches"))
    from real_articles_corpus import read_records  # xz since fresh5 (or an old gz)

    et_al = re.compile(r"\bet\.? al\b", re.IGNORECASE)
    compared = flagged = 0
    shown: list[str] = []
    for article in read_records():
        if article["split"] != "dev":
            continue
        for n, entry in enumerate(article["refs"]):
            names = entry.get("names") or []
            if not names:
                continue
            ref = parse_reference(
                entry["text"], id=f"r{n}", index=n + 1, location=Location("x", n + 1)
            )
            # The XML keeps the names as printed; more parsed names than that is
            # the parser reading into the title, scored by freetext_accuracy.
            if not ref.authors or len(ref.authors) > len(names):
                continue
            compared += 1
            slips = align_authors(
                ref.authors, tuple(Person(x) for x in names), et_al=bool(et_al.search(ref.raw))
            )
            if slips:
                flagged += 1
                shown.append(f"  {entry['text'][:80]} -> {[s.describe() for s in slips]}")
    print(
        f"== real-article dev split: {compared} parsed entries aligned with the XML's names; "
        f"{flagged} would get a false author slip ({flagged / max(1, compared):.2%})"
    )
    if show:
        print("\n".join(shown))
    print()


if __name__ == "__main__":
    main()
