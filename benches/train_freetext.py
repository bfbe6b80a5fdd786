"""Train (and load) a CRF free-text reference tagger on the AnyStyle data, for comparison.

    python benches/train_freetext.py [--data DIR] [--out PATH]

Data: AnyStyle's labelled reference strings (github.com/inukshuk/anystyle, BSD-2-Clause),
default /work/shared/data/anystyle or $ANYSTYLE_DATA. Every 10th sequence of each file is
held out (benches/freetext_accuracy.py scores on those) and never trained on.

Each token gets a label (author, date, title, container, editor, volume, pages,
publisher, location, doi, url, other); `load_crf_parser` turns a tagged string into a
`Reference` with the same name splitter and DOI finder as the rule-based parser, so the
two are compared on tagging alone. The model is written to /tmp by default: it ships only
if it scores better on the labelled set (see the report of the comparison).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benches"))

import pycrfsuite  # noqa: E402

from citeaudit.bibliography.freetext_names import parse_authors  # noqa: E402
from citeaudit.doi import find_dois  # noqa: E402
from citeaudit.model.location import Location  # noqa: E402
from citeaudit.model.reference import Reference  # noqa: E402

DEFAULT_MODEL = Path(os.environ.get("FREETEXT_CRF_MODEL", "/tmp/freetext-crf.model"))
LABELS = {
    "author": "author",
    "date": "date",
    "title": "title",
    "container-title": "container",
    "journal": "container",
    "editor": "editor",
    "volume": "volume",
    "issue": "volume",
    "pages": "pages",
    "publisher": "publisher",
    "location": "location",
    "doi": "doi",
    "url": "url",
    "citation-number": "number",
}
_TOKEN = re.compile(r"\S+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def shape(tok: str) -> str:
    s = re.sub(r"[A-ZÀ-Þ]", "A", tok)
    s = re.sub(r"[a-zß-ÿ]", "a", s)
    s = re.sub(r"\d", "9", s)
    return re.sub(r"(.)\1+", r"\1\1", s)


def tok_features(toks: list[str], i: int) -> dict[str, float | str]:
    t = toks[i]
    core = t.strip(".,;:()[]\"“”'‘’")
    f: dict[str, float | str] = {
        "bias": 1.0,
        "low": core.lower()[:20],
        "shape": shape(t)[:10],
        "suf3": core[-3:].lower(),
        "pre3": core[:3].lower(),
        "last": t[-1:],
        "first": t[:1],
        "pos": str(min(i, 10)),
        "rel": f"{int(10 * i / max(1, len(toks)))}",
        "year": float(bool(re.fullmatch(r"\(?(1[5-9]|20)\d\d[a-z]?\)?[.,;:]?", t))),
        "init": float(bool(re.fullmatch(r"[A-ZÀ-Þ]\.(-?[A-Z]\.)*,?", t))),
        "cap": float(core[:1].isupper()),
        "allcap": float(core.isupper() and len(core) > 1),
        "digit": float(any(c.isdigit() for c in t)),
        "quote": float(any(c in t for c in '"“”«»')),
        "paren": float("(" in t or ")" in t),
        "url": float(t.startswith(("http", "www", "doi:", "10."))),
        "range": float(bool(re.search(r"\d[-–]\d", t))),
    }
    for off in (-2, -1, 1, 2):
        j = i + off
        if 0 <= j < len(toks):
            u = toks[j]
            f[f"{off}:low"] = u.strip('.,;:()[]"“”').lower()[:20]
            f[f"{off}:shape"] = shape(u)[:10]
            f[f"{off}:last"] = u[-1:]
        else:
            f[f"{off}:edge"] = 1.0
    return f


def sent_features(toks: list[str]) -> list[dict[str, float | str]]:
    return [tok_features(toks, i) for i in range(len(toks))]


def training_data(data_dir: Path) -> tuple[list[list[str]], list[list[str]]]:
    from freetext_accuracy import ANYSTYLE_FILES, HOLDOUT_EVERY, anystyle_sequences

    xs, ys = [], []
    for name in ANYSTYLE_FILES:
        path = data_dir / name
        if not path.exists():
            continue
        for i, parts in anystyle_sequences(path):
            if i % HOLDOUT_EVERY == 0:
                continue
            toks: list[str] = []
            labs: list[str] = []
            for tag, text in parts:
                for t in tokens(text):
                    toks.append(t)
                    labs.append(LABELS.get(tag, "other"))
            if toks:
                xs.append(toks)
                ys.append(labs)
    return xs, ys


def train(data_dir: Path, out: Path) -> None:
    xs, ys = training_data(data_dir)
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(sent_features(x), y)
    trainer.set_params(
        {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
    )
    start = time.time()
    trainer.train(str(out))
    print(
        f"trained on {len(xs)} sequences in {time.time() - start:.0f}s -> {out} "
        f"({out.stat().st_size / 1e6:.1f} MB)"
    )


def load_crf_parser(model: Path = DEFAULT_MODEL) -> Callable[[str], Reference]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))

    def parse(text: str) -> Reference:
        toks = tokens(text)
        labels = tagger.tag(sent_features(toks)) if toks else []
        spans: dict[str, str] = {}
        prev = None
        for t, lab in zip(toks, labels, strict=True):
            if lab != prev and lab in spans:
                lab_key = f"{lab}#2"
                spans[lab_key] = spans.get(lab_key, "") + " " + t
            else:
                spans[lab] = (spans.get(lab, "") + " " + t).strip()
            prev = lab
        authors, _ = parse_authors(spans.get("author", ""))
        ym = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)([a-z])?(?!\d)", spans.get("date", ""))
        dois = find_dois(text)

        def clean(s: str | None) -> str | None:
            if not s:
                return None
            s = s.strip(" .,;:\"“”'‘’()")
            return s or None

        return Reference(
            id="ref-1",
            index=1,
            location=Location("crf"),
            raw=text,
            authors=authors,
            year=int(ym.group(1)) if ym else None,
            year_suffix=ym.group(2) if ym else None,
            title=clean(spans.get("title")),
            container=clean(spans.get("container")),
            doi=dois[0][2] if dois else None,
        )

    return parse


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("ANYSTYLE_DATA", "/work/shared/data/anystyle")),
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    args = ap.parse_args()
    train(args.data, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
