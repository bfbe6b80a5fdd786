"""Real published PDFs with their publisher's JATS XML: the PDF bench's real set.

Why: PDFs printed from our own corpus (benches/pdf.py) share one typesetter, ours;
an editor's PDF comes from a journal's. Here each PDF is the journal's own file,
kept next to the article's JATS XML in a public repository, so the XML's reference
list and its citation links (``<xref ref-type="bibr">``) are the truth the PDF
reader is scored against (benches/pdf.py --real).

The repositories are git snapshots (the session tool `fetch github:OWNER/NAME` puts
them under /work/.mirror/OWNER+NAME/repo; `git clone --bare` does the same by hand)
read at the commits recorded below, so a rebuild gives the same set. Only data files
are read. The PDFs (binary, several MB) are not committed: they are copied into a
git-ignored cache; the truth (one JSON record per article, the layout of
real_articles_jats.py) and the manifest are committed:

    references/pdf_real/truth.jsonl.gz   the records, with each PDF's SHA-256
    references/pdf_real/SOURCES.md       repository, path, commit, licence of each

    .venv/bin/python benches/pdf_real_build.py [--mirror /work/.mirror] [--cache DIR]
    .venv/bin/python benches/pdf_real_build.py --restore-cache   # a new machine

``--restore-cache`` leaves the committed truth alone and only copies each PDF the
truth names, from its recorded repository and commit, into the cache, checking its
SHA-256 (a snapshot fetched later may have moved on; the recorded commit has not).

Articles without an open licence in their XML, or whose XML gives no usable truth
(no body, no linked citation), are left out and counted.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_articles_build import Source as CorpusSource
from real_articles_build import family
from real_articles_jats import article_record

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "references" / "pdf_real"
CACHE = ROOT / ".pdf-real-cache"

_OPEN = re.compile(r"^CC-BY|^CC0|public domain", re.IGNORECASE)


@dataclass(frozen=True)
class Pair:
    """One published PDF and the JATS XML of the same article."""

    repo: str
    commit: str
    pdf: str
    xml: str
    translation: str | None = None  # the PDF is the article's translation into this language
    family: str = ""  # the family the tables count it under, when not the XML's publisher


@dataclass(frozen=True)
class Folder:
    """A repository whose folders each hold one article as `.pdf` and JATS (`.jats`),
    at the newest commit of any branch that holds both."""

    repo: str
    commit: str  # the snapshot's HEAD when built (each paper is on a branch of its own)
    pattern: str  # on the JATS file's path: groups (folder, PDF's name without .pdf)
    family: str = ""


FOLDERS = (
    # The Journal of Open Source Education: the journal's PDF and its JATS, CC-BY-4.0.
    Folder(
        "openjournals/jose-papers",
        "33e0027f3ea3b278bd09bb45a8128079949f2c41",
        r"^(jose\.\d+)/(?:paper\.jats/)?(10\.21105\.jose\.\d+)\.jats$",
    ),
    # Software papers submitted to the Journal of Open Source Software, as the
    # journal's pipeline typesets them for review (the published paper's template and
    # JATS; the authors keep both in their repository), CC-BY-4.0 per the JATS.
    *(
        Folder(repo, "", r"^((?:[\w.-]+/)?paper)/(paper)\.jats$", "JOSS draft")
        for repo in (
            "ifilot/den2obj",
            "mavpanos/bunching",
            "Karlmyh/NNDensity",
            "willyfh/visualtorch",
            "CoLRev-Environment/bib-dedupe",
            "marcocacciabue/resvidex",
            "Feng-Ji-Lab/FedIRT",
            "ifilot/bramble",
            "DIDSR/DICaugment",
            "sodascience/metasyn",
            "chrstahl/peat",
            "BirkhoffG/jax-relax",
        )
    ),
)

_PACKTOOLS = "fe1ada8cd7cc638c8eab7ab1651f3b4f891d08e7"
_MIGRACAO = "fce8680cf6b1d71b3d039a8715ff1bd6ddd4e34c"
PAIRS = (
    # SciELO journals' PDFs (Acta Amazonica, TransInformação, Economia e Sociedade,
    # Hoehnea, Revista de Saúde Pública) in JATS tools' test fixtures.
    Pair(
        "scieloorg/packtools",
        _PACKTOOLS,
        "tests/fixtures/aplicacao-design-system/2236-8906-hoehnea-49-e1112020/"
        "2236-8906-hoehnea-49-e1112020.pdf",
        "tests/fixtures/aplicacao-design-system/2236-8906-hoehnea-49-e1112020/"
        "2236-8906-hoehnea-49-e1112020.xml",
    ),
    *(
        Pair(
            "scieloorg/packtools",
            _PACKTOOLS,
            f"tests/fixtures/pdf/{pdf}",
            f"tests/fixtures/pdf/{xml}",
        )
        for pdf, xml in (
            ("a1.pdf", "a1.xml"),
            ("a2.gt.pdf", "a2.xml"),
            ("a3.gt.pdf", "a3.xml"),
            ("a4.gt.pdf", "a4.xml"),
        )
    ),
    Pair(
        "scieloorg/packtools",
        _PACKTOOLS,
        "tests/sps/fixtures/package_folder/2318-0889-tinf-33-e200057.pdf",
        "tests/sps/fixtures/package_folder/2318-0889-tinf-33-e200057.xml",
    ),
    Pair(
        "scieloorg/packtools",
        _PACKTOOLS,
        "tests/sps/fixtures/package_folder/2318-0889-tinf-33-e200068.pdf",
        "tests/sps/fixtures/package_folder/2318-0889-tinf-33-e200068.xml",
    ),
    Pair(
        "scieloorg/document-store-migracao",
        _MIGRACAO,
        "tests/samples/0034-8910-rsp-47-02-0231/0034-8910-rsp-47-02-0231.pdf",
        "tests/samples/0034-8910-rsp-47-02-0231/0034-8910-rsp-47-02-0231.xml",
    ),
    Pair(
        "scieloorg/document-store-migracao",
        _MIGRACAO,
        "tests/samples/0034-8910-rsp-47-02-0231/0034-8910-rsp-47-02-0231-en.pdf",
        "tests/samples/0034-8910-rsp-47-02-0231/0034-8910-rsp-47-02-0231.xml",
        translation="en",
    ),
)


def _git(mirror: Path, repo: str, *args: str) -> bytes:
    path = mirror / repo.replace("/", "+") / "repo"
    # a snapshot may lack old objects: what cannot be read is not there
    return subprocess.run(["git", "-C", str(path), *args], capture_output=True).stdout


def _exists(mirror: Path, repo: str, commit: str, path: str) -> bool:
    where = mirror / repo.replace("/", "+") / "repo"
    done = subprocess.run(
        ["git", "-C", str(where), "cat-file", "-e", f"{commit}:{path}"], capture_output=True
    )
    return done.returncode == 0


def folder_pairs(mirror: Path, folder: Folder) -> list[Pair]:
    """Each article of the folder at the newest commit holding its JATS and its PDF."""
    names = _git(mirror, folder.repo, "log", "--all", "--name-only", "--format=")
    xmls = sorted({n for n in names.decode().split("\n") if re.match(folder.pattern, n)})
    pairs: list[Pair] = []
    for xml in xmls:
        found = re.match(folder.pattern, xml)
        assert found is not None
        pdf = f"{found.group(1)}/{found.group(2)}.pdf"
        if any(p.pdf == pdf for p in pairs):
            continue
        commits = _git(mirror, folder.repo, "log", "--all", "--format=%H", "--", xml)
        for commit in commits.decode().split():
            if _exists(mirror, folder.repo, commit, xml) and _exists(
                mirror, folder.repo, commit, pdf
            ):
                pairs.append(Pair(folder.repo, commit, pdf, xml, family=folder.family))
                break
    return pairs


def build(mirror: Path, cache: Path) -> tuple[list[dict[str, Any]], Counter[str]]:
    pairs = [p for f in FOLDERS for p in folder_pairs(mirror, f)] + list(PAIRS)
    records: list[dict[str, Any]] = []
    skipped: Counter[str] = Counter()
    cache.mkdir(parents=True, exist_ok=True)
    for pair in pairs:
        xml = _git(mirror, pair.repo, "show", f"{pair.commit}:{pair.xml}")
        pdf = _git(mirror, pair.repo, "show", f"{pair.commit}:{pair.pdf}")
        if not xml:
            skipped["XML not stored"] += 1
            continue
        if not pdf.startswith(b"%PDF"):
            skipped["PDF not stored (too large or LFS)"] += 1
            continue
        stem = Path(pair.pdf).stem
        article = f"{pair.repo}" if stem == "paper" else f"{pair.repo.split('/')[0]}/{stem}"
        source = {
            "id": article,
            "repo": pair.repo,
            "commit": pair.commit,
            "path": pair.xml,
            "pdf": pair.pdf,
        }
        record = article_record(xml, source, pair.translation)
        if record is None:
            skipped["no usable truth in the XML"] += 1
            continue
        if not _OPEN.search(record["licence"] or ""):
            skipped[f"licence not open ({record['licence'] or 'none'})"] += 1
            continue
        digest = hashlib.sha256(pdf).hexdigest()
        (cache / f"{digest}.pdf").write_bytes(pdf)
        record["pdf_sha256"] = digest
        record["split"] = "real-pdf"
        repo_source = CorpusSource(pair.repo, pair.commit, "", "")
        record["publisher_family"] = pair.family or family(record, repo_source)
        records.append(record)
    return records, skipped


def write(records: list[dict[str, Any]], skipped: Counter[str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with gzip.open(out / "truth.jsonl.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    families = Counter(r["publisher_family"] for r in records)
    lines = [
        "# Real published PDFs and their JATS truth",
        "",
        "Built by `benches/pdf_real_build.py` from public repositories (data files only);",
        "scored by `benches/pdf.py --real`. The PDFs are not committed: the build copies",
        "them into the git-ignored `.pdf-real-cache/`, named by their SHA-256 (below,",
        "shortened). `truth.jsonl.gz` holds each article's record (body paragraphs,",
        "citation links, reference list) made from the XML by `real_articles_jats.py`.",
        "",
        f"{len(records)} articles: "
        + ", ".join(f"{name} {n}" for name, n in families.most_common())
        + ". Left out: "
        + (", ".join(f"{why}: {n}" for why, n in skipped.most_common()) or "none")
        + ".",
        "",
        "| article | family | licence | lang | refs | repository | commit | PDF | XML | sha256 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in records:
        s = r["source"]
        lines.append(
            f"| {r['id']} | {r['publisher_family']} | {r['licence']} | {r['language']} | "
            f"{len(r['refs'])} | {s['repo']} | {s['commit'][:12]} | {s['pdf']} | {s['path']} | "
            f"{r['pdf_sha256'][:12]} |"
        )
    (out / "SOURCES.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def restore_cache(mirror: Path, cache: Path) -> Counter[str]:
    """Each PDF of the committed truth copied into the cache, read at the commit the
    truth records and checked against its SHA-256: the cache a bench run needs, with
    the truth unchanged."""
    outcome: Counter[str] = Counter()
    cache.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT / "truth.jsonl.gz", "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    for record in records:
        source = record["source"]
        pdf = _git(mirror, source["repo"], "show", f"{source['commit']}:{source['pdf']}")
        if hashlib.sha256(pdf).hexdigest() != record["pdf_sha256"]:
            outcome[f"not restored (fetch {source['repo']})"] += 1
            continue
        (cache / f"{record['pdf_sha256']}.pdf").write_bytes(pdf)
        outcome["restored"] += 1
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument(
        "--restore-cache",
        action="store_true",
        help="only copy the committed truth's PDFs into the cache (truth unchanged)",
    )
    args = parser.parse_args()
    if args.restore_cache:
        outcome = restore_cache(args.mirror, args.cache)
        print(dict(outcome))
        return 0 if set(outcome) == {"restored"} else 1
    records, skipped = build(args.mirror, args.cache)
    write(records, skipped, OUT)
    print(f"{len(records)} articles; skipped {dict(skipped)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
