"""Citation checks on published open-access articles, scored against the publishers' XML.

The corpus (references/real_articles/corpus.jsonl.xz, built by real_articles_build.py)
holds each article's body, its in-text citations with the entries they link to, and
its reference list. Each article is rendered as a manuscript (Markdown, text or DOCX
with Zotero fields), audited offline through the public API exactly as
``citeaudit check --offline`` does, and the findings are scored:

- uncited-reference (CIT001) and missing-reference (CIT002): precision and recall.
  Where the audit abstains on a list ("N of M entries are never cited: citations
  probably not recognised", CIT006), that article's uncited truth is scored neither
  way and the abstention is counted ("unc abst").
  Published articles have few positives, so each article is also audited once
  perturbed: one cited entry dropped from the list (its citations must be reported
  missing) and every citation of another entry dropped from the text (it must be
  reported uncited). Recall for CIT002 counts dropped entries reported at least once,
  plus the works the published article itself cites without listing them (the XML's
  truth, real_articles_truth.py: "mis nat f/t"); precision counts findings, a finding
  naming such a work being right, one on a spelling variant or a translation's other
  edition scored neither way.
- citation-year-mismatch (CIT004) and duplicate-reference (BIB001): precision (the
  XML says where years differ and which entries repeat; normally nowhere).
- citation -> entry linking: the set of (paragraph, entry) pairs the text cites, from
  the XML, against the pairs citeaudit's matches give; precision, recall, F1 (on the
  published rendering only).
- segmentation: entries found against entries in the list.

Our entries are aligned to the XML's by text (not by position), so one merged or split
entry costs only itself. Records that are no article (tools' test fixtures: filler
text, a placeholder DOI, a fixture's name; real_articles_screen.py) are not scored;
the run lists them and why.

Splits and honesty. `dev` is for study. `fresh` was held out when added, but has since
been studied too: in issue 12's session it was promoted to a second study split and
run and read for figures many times, so its figures are no longer held-out figures.
The honest held-out splits are `test` (run for the record, never studied),
`fresh2` (kept unseen for a session's final figures) and `fresh3` (the same, built
2026-12-05 from repositories no other split was read from, when fresh2 had been
reported); report those as held-out figures, and dev and fresh as study figures.
`fresh4` is a study split (2026-12-05: Europe PMC full texts of fresh3's kind from
repositories no other split was read from, to study Markdown against DOCX without
looking at fresh3); `all` does not include it. `fresh5` is a second study split
(2026-12-05: SciELO, eLife, PLOS and small journals' JATS of the held-out test split's
kind, from repositories, commits or paths no other split was read from, because tuning
on dev no longer carried over to test); `all` does not include it either, nor
`fresh6` (2026-12-05: SciELO in Portuguese and Spanish, which test holds and no study
split did; benches/REAL_MANUSCRIPTS_FRESH6.md), nor `fresh7` (2026-12-06: more
SciELO-family and small Latin American journals' JATS from repositories, commits or
paths no other split was read from, to study test's SciELO false findings without
looking at test).
Truth changes are decided on dev only and apply to every split alike.

    .venv/bin/python benches/real_articles.py --split dev|test|fresh|fresh2|...|fresh7
        [--format md|txt|docx|md-conv]
        [--limit N] [--publisher X] [--language pt] [--show-errors N] [--json]
        [--no-perturb] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rapidfuzz import fuzz
from real_articles_corpus import CORPUS, read_records
from real_articles_jats import expand_ranges, plain_text_cited, same_work_listed_twice
from real_articles_render import (
    conv_key,
    para_key,
    perturb,
    ref_line,
    render_conv,
    render_docx,
    render_text,
)
from real_articles_screen import not_an_article
from real_articles_truth import cited_works, classify, fold, ref_keys, translated_truth

from citeaudit.audit import AuditInput, audit

SUFFIX = {"md": ".md", "txt": ".txt", "docx": ".docx", "md-conv": ".md"}
# What `--split all` scores: fresh2 and fresh3 are left out so that a run over
# everything does not look at the splits kept unseen for the final figures (and "all"
# measures what it did before they were added); they are scored only when named.
ALL_SPLITS = ("dev", "test", "fresh")


# A publisher family with fewer articles than this in a run is counted in the "other"
# row (and `--publisher other` selects it): a row of one or two articles is noise.
SMALL_PUBLISHER = 5


# Records kept in the corpus but not scored, and why, by id; `load` fills it and
# leaves them out: test fixtures (real_articles_screen: filler text, a placeholder
# DOI, a fixture's name -- their xrefs link citations to arbitrary entries, so their
# "truth" is nonsense) and the translations of such a fixture.
NOT_SCORED: dict[str, str] = {}
_NOT_SCORED_SPLIT: dict[str, str] = {}


def not_scored(records: list[dict[str, Any]]) -> dict[str, str]:
    """The records of `records` that are no article (see NOT_SCORED), with why."""
    why = {r.get("group", r["id"]): reason for r in records if (reason := not_an_article(r))}
    return {
        r["id"]: why[r.get("group", r["id"])] for r in records if r.get("group", r["id"]) in why
    }


def publisher_rows(families: Counter[str]) -> dict[str, str]:
    """The table row of each publisher family, given its number of articles: its own
    name, or "other" for the small ones (when more than one is small) and for the
    builder's own "other" family -- the rows `--publisher` selects by name too."""
    small = [k for k, n in families.items() if n < SMALL_PUBLISHER]
    return {
        k: "other" if k.lower() == "other" or (len(small) > 1 and k in small) else k
        for k in families
    }


def load(path: Path | None = None) -> list[dict[str, Any]]:
    """The corpus's scored records, with the current truth (see NOT_SCORED for the
    records left out)."""
    stored = read_records(path)
    left_out = not_scored(stored)
    NOT_SCORED.update(left_out)
    _NOT_SCORED_SPLIT.update({r["id"]: r["split"] for r in stored if r["id"] in left_out})
    records: list[dict[str, Any]] = []
    originals: dict[str, dict[str, Any]] = {}
    for stored_record in stored:
        if stored_record["id"] in left_out:
            continue
        record = _current_truth(stored_record)
        # A translation follows its original in the corpus (real_articles_build).
        if record.get("translation_of"):
            translated_truth(record, originals.get(record.get("group", ""), {}))
        else:
            originals[record.get("group", "")] = record
        records.append(record)
    return records


def _current_truth(record: dict[str, Any]) -> dict[str, Any]:
    """The record with truth fixes made after the corpus was built applied, so the
    stored corpus need not be rebuilt from its sources for each (the builder applies
    them too): a range in a numbered list without labels ("[1-9]", "(3-6)") cites the
    entries between its ends by position; a plain-text citation is found without
    accents and by the first part of a double surname, and only where its name and year
    make one citation (real_articles_jats.plain_text_cited), and the uncited entries
    are the rest, made again from both; the works cited but not listed
    are found again with the current `real_articles_truth` ("et al ." read too)."""
    numbered = bool(record.get("numbered_list")) or str(record.get("style", "")).startswith(
        "numeric"
    )
    expand_ranges(record["paras"], record["refs"], numbered)
    cited = {t for p in record["paras"] for c in p["cit"] for t in c[2]}
    unlinked = plain_text_cited(record["paras"], record["refs"], cited)
    for i, ref in enumerate(record["refs"]):
        ref["unlinked"] = i in unlinked
    # Made again, not filtered: an entry the build's reading of plain text took for
    # cited, and the current one does not, is uncited again (as the build makes it).
    record["uncited_truth"] = [
        i for i in range(len(record["refs"])) if i not in cited and i not in unlinked
    ]
    author_year = record["style"] in ("author-year", "abnt")
    record["missing_truth"] = cited_works(record["paras"], record["refs"], author_year)
    # An entry a citation names by its whole author team under another year is cited,
    # with a year slip (CIT004), not uncited (REAL_MANUSCRIPTS_TRUTH20.md, rule 1).
    slipped = {t for it in record["missing_truth"] if it.get("team") for t in it["near"]}
    record["uncited_truth"] = [i for i in record["uncited_truth"] if i not in slipped]
    # One work listed twice with a slip in its title (REAL_MANUSCRIPTS_TRUTH20.md, rule 2).
    listed = record.get("duplicates", [])
    known = {t for pair in listed for t in pair}
    record["duplicates"] = [
        *listed,
        *(p for p in same_work_listed_twice(record["refs"]) if not set(p) <= known),
    ]
    return record


# ---------------------------------------------------------------- alignment


def _norm(text: str) -> str:
    text = re.sub(r"^\s*(\[\d+\]|\d+\.?)\s+", "", text)
    return re.sub(r"\s+", " ", text.lower()).strip()[:160]


def align_entries(found: list[str], truth: list[tuple[int, str]]) -> list[int | None]:
    """For each entry we read, the XML entry (original index) it is, or None.

    Compared by their first 160 characters, near the same position first, so lists
    with repeated authors still align; a merged entry maps to its first part.
    """
    keys = [_norm(t) for _, t in truth]
    out: list[int | None] = []
    used: set[int] = set()
    for i, text in enumerate(found):
        key = _norm(text)
        best, best_score = None, 0.0
        order = sorted(range(len(truth)), key=lambda j: abs(j - i))
        for j in order:
            if j in used:
                continue
            score = fuzz.ratio(key, keys[j])
            if score > best_score:
                best, best_score = j, score
                if score >= 97:
                    break
        if best is not None and best_score >= 60:
            used.add(best)
            out.append(truth[best][0])
        else:
            out.append(None)
    return out


# ---------------------------------------------------------------- one audit


@dataclass
class Outcome:
    """One article's (one variant's) counts and examples of errors."""

    article: str
    variant: str
    publisher: str
    language: str
    style: str
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[dict[str, str]] = field(default_factory=list)
    failed: str = ""
    seconds: float = 0.0


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Timeout


def _window(text: str, s: int, e: int, pad: int = 60) -> str:
    return (
        ("…" if s > pad else "")
        + text[max(0, s - pad) : e + pad]
        + ("…" if e + pad < len(text) else "")
    )


def score_article(record: dict[str, Any], fmt: str, variant: str) -> Outcome:
    out = Outcome(
        record["id"], variant, record["publisher_family"], record["language"], record["style"]
    )
    for i, ref in enumerate(record["refs"]):
        ref.setdefault("orig", i)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"manuscript{SUFFIX[fmt]}"
        conv_lines: dict[int, int] = {}
        if fmt == "docx":
            render_docx(record, path)
        elif fmt == "md-conv":
            text, conv_lines = render_conv(record)
            path.write_bytes(text.encode("utf-8"))
        else:
            path.write_text(render_text(record, fmt), encoding="utf-8")
        result = audit(AuditInput.from_paths([path]))
    data = result.data
    c = out.counts
    refs_truth = [(r["orig"], r["text"]) for r in record["refs"]]
    by_orig = {r["orig"]: r for r in record["refs"]}
    found = list(data.references)
    aligned = align_entries([r.raw for r in found], refs_truth)
    ours_to_truth = {r.id: a for r, a in zip(found, aligned, strict=True)}
    c["entries_truth"] += len(refs_truth)
    c["entries_found"] += len(found)
    c["entries_aligned"] += sum(1 for a in aligned if a is not None)
    c["articles"] += 1
    c["articles_count_exact"] += int(len(found) == len(refs_truth))

    # Paragraphs by their letters; a citation's line is found in the reader's lines.
    paras = record["paras"]
    key_to_para: dict[str, int] = {}
    for pi, para in enumerate(paras):
        key_to_para.setdefault(para_key(para["t"]), pi)
    lines = {(ln.file, ln.number): ln.text for doc in data.manuscripts for ln in doc.lines}
    line_para: dict[tuple[str, int], int | None] = {}

    def para_of(file: str, line: int | None) -> int | None:
        if line is None:
            return None
        k = (file, line)
        if k not in line_para:
            # converted Markdown: its link targets and entities are no letters of the text
            key = (conv_key if fmt == "md-conv" else para_key)(lines.get(k, ""))
            pi = key_to_para.get(key)
            if pi is None and len(key) > 20:
                pi = next((i for i, p in enumerate(paras) if key in para_key(p["t"])), None)
            if pi is None and fmt == "md-conv":
                pi = conv_lines.get(line)  # the renderer's own line -> paragraph map
            line_para[k] = pi
        return line_para[k]

    citations = {cit.id: cit for cit in data.citations}
    findings = result.findings
    codes = Counter(f.code for f in findings)
    for code, n in codes.items():
        c[f"findings_{code}"] += n

    # ---- uncited-reference
    truth_uncited = set(record["uncited_truth"]) & set(by_orig)
    flagged: set[int] = set()
    for f in findings:
        if f.code != "CIT001":
            continue
        t = ours_to_truth.get(f.reference or "")
        if t is None:
            c["cit001_fp"] += 1
            out.errors.append({"kind": "CIT001 FP (entry not aligned)", "text": f.message[:300]})
            continue
        flagged.add(t)
    if any(f.code == "CIT006" for f in findings):
        # "N of M entries are never cited: citations probably not recognised"
        # (rules/citations/_coverage.py): the audit abstains on this list, on purpose,
        # instead of one uncited finding per entry. Its uncited truth is scored neither
        # way -- not as found (the finding blames the reading, not the entries), not as
        # missed -- and the abstention is counted ("uncited abstained" articles).
        c["cit001_abstained"] += 1
        truth_uncited = set()
        flagged = set()
    for t in flagged:
        if t in truth_uncited:
            c["cit001_tp"] += 1
        else:
            c["cit001_fp"] += 1
            ctx = _first_citing(paras, t)
            out.errors.append(
                {
                    "kind": "CIT001 FP (entry is cited)",
                    "entry": by_orig[t]["text"][:200],
                    "cited as": ctx,
                }
            )
    for t in truth_uncited - flagged:
        c["cit001_fn"] += 1
        out.errors.append(
            {"kind": "CIT001 FN (uncited entry not reported)", "entry": by_orig[t]["text"][:200]}
        )

    # ---- missing-reference
    removed = record.get("removed_entry")
    removed_hit = False

    def cites_removed(f: Any) -> bool:
        """Whether a finding's citation cites the entry the perturbation removed: its
        paragraph cites that entry in the XML and the citation names its first author
        (or its printed number)."""
        cit = citations.get(f.citation or "")
        pi = para_of(f.location.file, f.location.line)
        if removed is None or pi is None or cit is None:
            return False
        ref = _removed_ref(record)
        if removed not in [t for _, _, ts, _ in paras[pi]["cit"] for t in ts] and not (
            # or a plain-text citation of it (no xref: "Essig 1953" in running text),
            # read as the uncited truth reads one (REAL_MANUSCRIPTS_TRUTH20.md, rule 4)
            ref and plain_text_cited([paras[pi]], [ref], set())
        ):
            return False
        name = (ref["first"] or "").split()[-1].lower() if ref and ref["first"] else ""
        label = _printed_number(record, ref)
        written = f"{cit.item} {cit.text}".lower()
        return bool(
            (name and name in written)
            or (cit.number is not None and label and str(cit.number) == label)
        )

    # The removed entry's author may still be listed under other years only (the
    # perturbation removed "Barlow 1997" and, by chance, left "Barlow 2002" uncited):
    # the published truth's kind "year" (real_articles_truth.classify), where a
    # missing-reference and a citation-year-mismatch both describe the citation, and
    # both are scored right -- for the perturbed copy as for the published article.
    removed_year: list[int] = []
    removed_ref = _removed_ref(record)
    if removed is not None and removed_ref and removed_ref.get("first") and removed_ref.get("year"):
        kind, near = classify(removed_ref["first"], removed_ref["year"], record["refs"])
        if kind == "year":
            removed_year = [record["refs"][i]["orig"] for i in near]
    year_for_removed: set[int] = set()
    for k, f in enumerate(findings):
        if (
            f.code == "CIT004"
            and removed_year
            and cites_removed(f)
            and ours_to_truth.get(f.reference or "") in removed_year
        ):
            year_for_removed.add(k)
            removed_hit = True
    # Works the published article itself cites without listing them (the XML's
    # truth, real_articles_truth.py): "missing", or "year" (the list has the author
    # under another year only: reporting it missing is right too). "near" (a surname
    # spelled almost like an entry's of that year) and "translation" (a translation's
    # edition absent from the borrowed list) are scored neither way.
    natural = record.get("missing_truth", [])
    natural_hit: set[tuple[str, str]] = set()
    for f in findings:
        if f.code not in ("CIT002", "CIT005"):
            continue
        cit = citations.get(f.citation or "")
        item = _natural_item(cit, natural)
        if f.code == "CIT005":
            if item is not None and item["kind"] == "missing":
                c["cit005_natural"] += 1
            continue
        if removed is not None and cites_removed(f):
            # The perturbation's own truth first: a citation of the removed entry is
            # rightly reported missing whatever the published truth reads into it (a
            # translation's other edition year, "(Bakhtin, 1981)" linked to it).
            c["cit002_tp"] += 1
            removed_hit = True
            continue
        if (item is not None and item["kind"] in ("near", "translation")) or (
            item is None
            and _unlisted_acronym(cit, [*record["refs"], *filter(None, [_removed_ref(record)])])
        ):
            c["cit002_unscored"] += 1
            continue
        if item is not None:
            c["cit002_tp"] += 1
            c["cit002_natural_tp"] += 1
            natural_hit.add(_work_of(item))
            continue
        if cites_removed(f):
            c["cit002_tp"] += 1
            removed_hit = True
        else:
            c["cit002_fp"] += 1
            pi = para_of(f.location.file, f.location.line)
            where = (
                paras[pi]["t"]
                if pi is not None
                else lines.get((f.location.file, f.location.line or 0), "")
            )
            col = (f.location.column or 1) - 1
            out.errors.append(
                {
                    "kind": "CIT002 FP",
                    "citation": cit.text if cit else "",
                    "item": cit.item if cit else "",
                    "context": _window(where, col, col + len(cit.text) if cit else col),
                }
            )
    if removed is not None:
        c["cit002_truth"] += 1
        if removed_hit:
            c["cit002_found"] += 1
        else:
            ref = _removed_ref(record)
            out.errors.append(
                {
                    "kind": "CIT002 FN (entry removed from the list, citation not reported)",
                    "entry": ref["text"][:200] if ref else "",
                    "cited as": _first_citing(paras, removed),
                }
            )

    if variant == "published":
        works = {_work_of(it) for it in natural if it["kind"] == "missing"}
        c["cit002_natural_truth"] += len(works)
        c["cit002_natural_found"] += len(works & natural_hit)
        for name, year in sorted(works - natural_hit):
            out.errors.append(
                {
                    "kind": "CIT002 FN (work the article cites but does not list)",
                    "cited as": f"{name} {year}",
                }
            )

    # ---- year mismatch, duplicates
    # An entry whose author the text cites with another year only (a plain-text
    # citation) is a year mismatch too.
    mismatch = set(record["year_mismatch"]) | {
        t for it in natural if it["kind"] == "year" for t in it["near"]
    }
    dups = {t for pair in record["duplicates"] for t in pair}
    # A translation's citation of another edition than the borrowed list's (kind
    # "translation", real_articles_truth.translated_truth) is scored neither way.
    unscored_year = {t for it in natural if it["kind"] == "translation" for t in it["near"]}
    # A "near" work (an entry of that year spells the surname almost so: "Ching 1978"
    # beside "Cheng 1978") whose surname the list also holds under other years ("Ching
    # 1987a"): a year mismatch naming those entries is as good a reading as the near
    # spelling, and is scored neither way too (the truth keeps only one reading).
    for it in natural:
        if it["kind"] == "near":
            key = fold(it["name"])
            unscored_year.update(r["orig"] for r in record["refs"] if key and key in ref_keys(r)[0])
    for k, f in enumerate(findings):
        t = ours_to_truth.get(f.reference or "")
        if k in year_for_removed:
            c["cit004_tp"] += 1
            continue
        if f.code == "CIT004" and t in unscored_year and t not in mismatch:
            c["cit004_unscored"] += 1
            continue
        if f.code == "CIT004":
            if t is not None and t in mismatch:
                c["cit004_tp"] += 1
            else:
                c["cit004_fp"] += 1
                out.errors.append({"kind": "CIT004 FP", "text": f.message[:300]})
        elif f.code == "BIB001":
            if t is not None and t in dups:
                c["bib001_tp"] += 1
            else:
                c["bib001_fp"] += 1
                out.errors.append({"kind": "BIB001 FP", "text": f.message[:300]})

    # ---- linking (published rendering only: perturbation moves no links)
    if variant == "published":
        unlinked = {r["orig"] for r in record["refs"] if r["unlinked"]}
        truth_pairs = {
            (pi, t) for pi, p in enumerate(paras) for _, _, ts, _ in p["cit"] for t in ts
        }
        pred_pairs: set[tuple[int | None, int | None]] = set()
        pred_cit: dict[tuple[int | None, int | None], str] = {}
        for m in data.matches:
            cit = citations.get(m.citation_id)
            if cit is None:
                continue
            pi = para_of(cit.location.file, cit.location.line)
            for target in m.targets:
                t = ours_to_truth.get(target)
                if t in unlinked:
                    continue
                pred_pairs.add((pi, t))
                pred_cit.setdefault((pi, t), cit.text)
        tp = truth_pairs & pred_pairs
        c["link_tp"] += len(tp)
        c["link_fp"] += len(pred_pairs - truth_pairs)
        c["link_fn"] += len(truth_pairs - pred_pairs)
        for pi, t in sorted(pred_pairs - truth_pairs, key=str)[:3]:
            out.errors.append(
                {
                    "kind": "LINK FP",
                    "citation": pred_cit[(pi, t)],
                    "linked to": by_orig[t]["text"][:150] if t is not None else "(unaligned entry)",
                    "paragraph": paras[pi]["t"][:120] if pi is not None else "(line not found)",
                }
            )
        for pi, t in sorted(truth_pairs - pred_pairs)[:3]:
            spans = [(s, e) for s, e, ts, _ in paras[pi]["cit"] if t in ts]
            s, e = spans[0]
            out.errors.append(
                {
                    "kind": "LINK FN",
                    "citation": paras[pi]["t"][s:e],
                    "context": _window(paras[pi]["t"], s, e),
                    "entry": by_orig[t]["text"][:150] if t in by_orig else "",
                }
            )
    return out


def _work_of(item: dict[str, Any]) -> tuple[str, str]:
    return fold(item["name"].split()[-1]), item["year"][:4]


def _natural_item(cit: Any, natural: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The truth item a citation names: same year, the item's surname in its names."""
    if cit is None or cit.year is None:
        return None
    written = fold(" ".join(cit.authors) + " " + cit.item)
    for item in natural:
        name, year = _work_of(item)
        if str(cit.year) == year and name and name in written:
            return item
    return None


def _unlisted_acronym(cit: Any, refs: list[dict[str, Any]]) -> bool:
    """A citation by an acronym ("(CNJ, 2015)") that no entry (nor the one the
    perturbation removed) carries, in its text or as the initials of its names: the
    truth (real_articles_truth) never judges an acronym, so a missing-reference on
    one is scored neither way."""
    if cit is None or not cit.authors:
        return False
    name = cit.authors[0]
    if not (name.isupper() and name.isalpha() and 2 <= len(name) <= 6):
        return False
    key = fold(name)
    for ref in refs:
        if key in fold(ref["text"]):
            return False
        names = [ref.get("first") or "", *ref.get("names", [])]
        if any(fold("".join(w[0] for w in re.findall(r"[A-ZÀ-Þ]\w*", n))) == key for n in names):
            return False
    return True


def _removed_ref(record: dict[str, Any]) -> dict[str, Any] | None:
    return record.get("removed_ref")


def _printed_number(record: dict[str, Any], ref: dict[str, Any] | None) -> str:
    """The number the rendered list prints before the removed entry: its label's digits,
    or -- a numbered list whose XML entries carry no label (the journal's page numbers
    them) -- its original position, as `real_articles_render.ref_line` writes it."""
    if ref is None:
        return ""
    orig = record.get("removed_entry", ref.get("orig", 0))
    printed = ref_line(record, {**ref, "orig": orig}, orig + 1)
    found = re.match(r"^\s*\[?(\d+)[\].]?\s", printed)
    return found.group(1) if found else re.sub(r"\D", "", ref["label"])


def _first_citing(paras: list[dict[str, Any]], t: int) -> str:
    for p in paras:
        for s, e, ts, _ in p["cit"]:
            if t in ts:
                return _window(p["t"], s, e, 50)
    return "(plain-text citation, not linked in the XML)"


def _work(args: tuple[dict[str, Any], str, str, int]) -> Outcome:
    record, fmt, variant, timeout = args
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    start = time.perf_counter()
    try:
        outcome = score_article(record, fmt, variant)
    except _Timeout:
        outcome = Outcome(
            record["id"], variant, record["publisher_family"], record["language"], record["style"]
        )
        outcome.failed = f"timeout after {timeout}s"
    except Exception as exc:
        outcome = Outcome(
            record["id"], variant, record["publisher_family"], record["language"], record["style"]
        )
        outcome.failed = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        signal.alarm(0)
    outcome.seconds = time.perf_counter() - start
    return outcome


# ---------------------------------------------------------------- tables


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def metrics(c: Counter[str]) -> dict[str, float | int | str | None]:
    link_p = _ratio(c["link_tp"], c["link_tp"] + c["link_fp"])
    link_r = _ratio(c["link_tp"], c["link_tp"] + c["link_fn"])
    f1 = 2 * link_p * link_r / (link_p + link_r) if link_p and link_r else None
    return {
        "articles": c["articles"],
        "CIT001_P": _ratio(c["cit001_tp"], c["cit001_tp"] + c["cit001_fp"]),
        "CIT001_R": _ratio(c["cit001_tp"], c["cit001_tp"] + c["cit001_fn"]),
        "CIT001_FP": c["cit001_fp"],
        "CIT001_abstained": c["cit001_abstained"],
        "CIT002_P": _ratio(c["cit002_tp"], c["cit002_tp"] + c["cit002_fp"]),
        "CIT002_R": _ratio(
            c["cit002_found"] + c["cit002_natural_found"],
            c["cit002_truth"] + c["cit002_natural_truth"],
        ),
        "CIT002_R_perturbed": _ratio(c["cit002_found"], c["cit002_truth"]),
        "CIT002_natural": f"{c['cit002_natural_found']}/{c['cit002_natural_truth']}",
        "CIT002_natural_TP": c["cit002_natural_tp"],
        "CIT002_unscored": c["cit002_unscored"],
        "CIT005_natural": c["cit005_natural"],
        "CIT002_FP": c["cit002_fp"],
        "CIT004_P": _ratio(c["cit004_tp"], c["cit004_tp"] + c["cit004_fp"]),
        "CIT004_FP": c["cit004_fp"],
        "BIB001_P": _ratio(c["bib001_tp"], c["bib001_tp"] + c["bib001_fp"]),
        "BIB001_FP": c["bib001_fp"],
        "link_P": link_p,
        "link_R": link_r,
        "link_F1": f1,
        "entries_found/truth": _ratio(c["entries_found"], c["entries_truth"]),
        "entries_aligned": _ratio(c["entries_aligned"], c["entries_truth"]),
        "lists_exact": _ratio(c["articles_count_exact"], c["articles"]),
    }


COLUMNS = (
    ("articles", "n"),
    ("CIT001_P", "unc P"),
    ("CIT001_R", "unc R"),
    ("CIT001_FP", "unc FP"),
    ("CIT001_abstained", "unc abst"),
    ("CIT002_P", "mis P"),
    ("CIT002_R", "mis R"),
    ("CIT002_FP", "mis FP"),
    ("CIT002_natural", "mis nat f/t"),
    ("CIT004_P", "yr P"),
    ("CIT004_FP", "yr FP"),
    ("BIB001_P", "dup P"),
    ("BIB001_FP", "dup FP"),
    ("link_P", "link P"),
    ("link_R", "link R"),
    ("link_F1", "link F1"),
    ("entries_found/truth", "ent f/t"),
    ("lists_exact", "list ="),
)


def _cell(value: float | int | str | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def table(title: str, groups: dict[str, Counter[str]]) -> str:
    head = [title, *(label for _, label in COLUMNS)]
    rows = [head]
    for name, counter in groups.items():
        m = metrics(counter)
        rows.append([name, *(_cell(m[key]) for key, _ in COLUMNS)])
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = [
        "| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)) + " |" for r in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        choices=(
            "dev",
            "test",
            "fresh",
            "fresh2",
            "fresh3",
            "fresh4",
            "fresh5",
            "fresh6",
            "fresh7",
            "fresh8",
            "all",
        ),
        default="dev",
        help="dev, fresh, fresh4 and fresh5 to study (fresh: articles added after test was "
        "first run, studied since issue 12; fresh4: Europe PMC full texts added to study; "
        "fresh5: SciELO, eLife, PLOS and small journals of test's kind, added to study; "
        "fresh6: SciELO in Portuguese and Spanish, added to study; fresh7: more SciELO-family "
        "and small Latin American journals, added to study; fresh8: author-year humanities and "
        "social-science articles, added to study); test, "
        "fresh2 and fresh3 are held out (fresh2: sources added after fresh was looked at; "
        "fresh3: sources added after fresh2 was reported; "
        "both kept unseen for a session's final figures); all: dev, test and fresh "
        "(fresh2 to fresh8 only by name)",
    )
    parser.add_argument("--format", choices=tuple(SUFFIX), default="md")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--publisher", help="only this publisher family (e.g. PLOS, SciELO)")
    parser.add_argument("--language", help="only this language (en, pt, es, ...)")
    parser.add_argument("--article", help="only articles whose id contains this")
    parser.add_argument(
        "--show-errors", type=int, default=0, metavar="N", help="N examples per error kind"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable figures on stdout")
    parser.add_argument(
        "--json-out", type=Path, help="also write the machine-readable figures to this file"
    )
    parser.add_argument("--no-perturb", action="store_true", help="published renderings only")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=60, help="seconds per article")
    parser.add_argument("--corpus", type=Path, default=None, help=f"default: {CORPUS}")
    args = parser.parse_args()

    records = [
        r
        for r in load(args.corpus)
        if r["split"] == args.split or (args.split == "all" and r["split"] in ALL_SPLITS)
    ]
    left_out = {
        k: why
        for k, why in NOT_SCORED.items()
        if (split := _NOT_SCORED_SPLIT.get(k)) == args.split
        or (args.split == "all" and split in ALL_SPLITS)
    }
    if args.publisher:
        wanted = args.publisher.lower()
        rows = publisher_rows(Counter(r["publisher_family"] for r in records))
        records = [
            r
            for r in records
            if wanted in (r["publisher_family"].lower(), rows[r["publisher_family"]].lower())
        ]
    if args.language:
        records = [r for r in records if r["language"] == args.language]
    if args.article:
        records = [r for r in records if args.article in r["id"]]
    if args.limit:
        records = records[: args.limit]
    jobs: list[tuple[dict[str, Any], str, str, int]] = []
    for record in records:
        jobs.append((record, args.format, "published", args.timeout))
        if not args.no_perturb:
            perturbed = perturb(record)
            if perturbed is not None:
                removed = perturbed["removed_entry"]
                perturbed["removed_ref"] = record["refs"][removed]
                jobs.append((perturbed, args.format, "perturbed", args.timeout))
    start = time.perf_counter()
    if args.workers > 1:
        with multiprocessing.get_context("fork").Pool(args.workers, maxtasksperchild=50) as pool:
            outcomes = list(pool.imap_unordered(_work, jobs, chunksize=1))
    else:
        outcomes = [_work(job) for job in jobs]
    wall = time.perf_counter() - start

    total: Counter[str] = Counter()
    by_pub: dict[str, Counter[str]] = defaultdict(Counter)
    by_lang: dict[str, Counter[str]] = defaultdict(Counter)
    by_style: dict[str, Counter[str]] = defaultdict(Counter)
    by_variant: dict[str, Counter[str]] = defaultdict(Counter)
    failures = [o for o in outcomes if o.failed]
    for o in outcomes:
        if o.failed:
            continue
        counts = o.counts
        if o.variant == "perturbed":
            # Articles and entries are counted once, on the published rendering.
            counts = Counter(
                {k: v for k, v in counts.items() if not k.startswith(("entries_", "articles"))}
            )
        total.update(counts)
        by_pub[o.publisher].update(counts)
        by_lang[o.language].update(counts)
        by_style[o.style].update(counts)
        by_variant[o.variant].update(o.counts)
    # Publishers with fewer than SMALL_PUBLISHER articles are one "other" row: a row of
    # one or two articles is noise, not a publisher's figure.
    rows = publisher_rows(Counter({k: v["articles"] for k, v in by_pub.items()}))
    grouped: dict[str, Counter[str]] = defaultdict(Counter)
    for k, v in by_pub.items():
        grouped[rows[k]].update(v)
    by_pub = grouped
    by_pub = dict(sorted(by_pub.items(), key=lambda kv: (kv[0] == "other", -kv[1]["articles"])))
    by_lang = dict(sorted(by_lang.items(), key=lambda kv: -kv[1]["articles"]))
    by_style = dict(sorted(by_style.items(), key=lambda kv: -kv[1]["articles"]))
    kinds: dict[str, list[tuple[str, dict[str, str]]]] = defaultdict(list)
    for o in sorted(outcomes, key=lambda o: (o.article, o.variant)):
        for e in o.errors:
            kinds[e["kind"]].append((f"{o.article} [{o.variant}]", e))

    if args.json or args.json_out:
        payload = {
            "split": args.split,
            "format": args.format,
            "wall_seconds": round(wall, 1),
            "not_scored": left_out,
            "total": metrics(total),
            "publishers": {k: metrics(v) for k, v in by_pub.items()},
            "languages": {k: metrics(v) for k, v in by_lang.items()},
            "styles": {k: metrics(v) for k, v in by_style.items()},
            "variants": {k: metrics(v) for k, v in by_variant.items()},
            "error_counts": {k: len(v) for k, v in kinds.items()},
            "failures": [
                {"article": o.article, "variant": o.variant, "error": o.failed} for o in failures
            ],
            "findings": {
                k[len("findings_") :]: v
                for k, v in sorted(total.items())
                if k.startswith("findings_")
            },
        }
        if args.json_out:
            args.json_out.write_text(json.dumps(payload, indent=1), encoding="utf-8")
        if args.json:
            print(json.dumps(payload, indent=1))
            return 0

    print(
        f"real articles: split={args.split} format={args.format} articles={len(records)} "
        f"audits={len(outcomes)} failed={len(failures)} wall={wall:.1f}s"
    )
    for article, why in sorted(left_out.items()):
        print(f"not scored (not an article): {article}: {why}")
    print()
    print(table("publisher", by_pub))
    print()
    print(table("language", by_lang))
    print()
    print(table("style", by_style))
    print()
    print(table("total", {"all": total, **{f"({k})": v for k, v in by_variant.items()}}))
    print()
    print(
        "findings by code:",
        dict(sorted((k[9:], v) for k, v in total.items() if k.startswith("findings_"))),
    )
    print(
        "error classes:", {k: len(v) for k, v in sorted(kinds.items(), key=lambda kv: -len(kv[1]))}
    )
    slow = sorted(outcomes, key=lambda o: -o.seconds)[:3]
    print("slowest:", ", ".join(f"{o.article} {o.seconds:.1f}s" for o in slow))
    for o in failures:
        print(f"FAILED {o.article} [{o.variant}]: {o.failed}")
    if args.show_errors:
        for kind, items in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
            print(f"\n== {kind}: {len(items)}")
            step = max(1, len(items) // args.show_errors)
            for where, e in items[::step][: args.show_errors]:
                details = "; ".join(f"{k}: {v}" for k, v in e.items() if k != "kind")
                print(f"- {where}: {details}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
