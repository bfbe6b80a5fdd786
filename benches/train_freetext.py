"""Train the CRF tagger of the free-text reference parser on the AnyStyle data.

    python benches/train_freetext.py [--data DIR] [--out PATH] [--no-hints] [--param NAME=VALUE]

Data: AnyStyle's labelled reference strings (github.com/inukshuk/anystyle, BSD-2-Clause,
credited in NOTICE), default /work/shared/data/anystyle or $ANYSTYLE_DATA. Every 10th
sequence of each file is held out (benches/freetext_accuracy.py scores on those) and
never trained on.

Each token gets a label (author, date, title, container, editor, volume, pages,
publisher, location, doi, url, number, other) and the features of
`citeaudit.bibliography.freetext_crf.features`, which include what the rule-based parser
made of the entry: the tagger learns where the rules are right. The default output is
the model that ships, ``src/citeaudit/bibliography/models/freetext-crf.model``; training
is deterministic (fixed data order, L-BFGS), so rebuilding gives the same file.

``--skip-folds`` chooses which folds besides the held-out one are left out (default
none: the shipped model is trained on every fold but the held-out 0, the dev fold 5
included). To score a second fold held out from training, train without it and score
it: ``--skip-folds 3 --out /tmp/no3.model`` then ``freetext_accuracy.py --fold 3
--model /tmp/no3.model``. Measured so (issue 12, point 5): the phrase-context and bigram
features (`freetext_crf.PHRASE_CONTEXT`, `BIGRAMS`) took fold 3 from 0.774/0.699
(title/container) to 0.780/0.710 and fold 5 from 0.798/0.726 to 0.798/0.741 (both models
trained without folds 0, 3 and 5); c1 1.0 instead of 0.6 moved fold 3 up and fold 5 down
by under a point, so c1 stays. The shipped model (these features, every fold but 0,
commit 6b2cd1f's rules): held-out 0.779/0.716 (was 0.769/0.695); the same recipe
without fold 3, scored on it: 0.791/0.739 (was 0.774/0.699; fold 3's container misses
were looked at when the trailing-locator rule was written, so its container figure is
not blind); without fold 7, scored on it (blind): 0.781/0.731 (was 0.782/0.738, a model
of the old recipe and features trained without folds 0, 5 and 7) -- the gain is not on
every fold. 1.39 MB. ``--without phrase_context,bigrams`` trains without the new
features, for comparison.

Validation (issue 12, point 5, eighth round). The shipped model trains on the dev fold
5 too, and the gates of `freetext_merge` had been tuned on that fold: a model scores
strings it has memorised far better (dev with the shipped model: title 0.874, container
0.834; with a model trained without fold 5: 0.806, 0.738), so gates tuned so measured
how far the tagger may be trusted on strings it knows. The gates are now checked the
way any hyper-parameter is: ``--skip-folds 5 --out /tmp/no5.model``, then
``freetext_accuracy.py --dev --scan-gates 0.2,0.3,0.5,0.7:0.1,0.2,0.3,0.5 --model
/tmp/no5.model`` (it refuses fold 0); the scan is near flat (title 0.804-0.809 for
gates 0.2-0.7, container 0.734 at 0.1 and 0.738-0.739 from 0.2 up), so TITLE_GATE 0.3 and
CONTAINER_GATE 0.2 stand, and the shipped model is refitted on every fold but 0. Held-out
(fold 0, de-duplicated), the model retrained on the eighth round's rules: first family
0.960, year 0.983, title 0.782, container 0.715 (the seventh round's: 0.960, 0.983,
0.779, 0.716; a retraining on rules changed elsewhere moved container between 0.711 and
0.719, a few of its 620 entries: the figures' noise).

Ninth round (issue 12, point 5), every figure on the dev fold 5 with a model trained
without it (``--skip-folds 5``; baseline with this round's merge rules: title 0.815,
container 0.738 of 914/621). Two feature groups were tried and dropped: the first word
of each phrase and of its neighbours ("in", "journal", "vol") with the neighbours' first
character gave 0.800/0.721 (35 entries gained, 60 lost); a token-length bucket with an
abbreviated-word flag ("Geol.", "Sist.") gave 0.809/0.738 (13 gained, 25 lost). The
best-of readings (rules, tagger, merged: whichever is right) reach only 0.833/0.744 on
that fold, so the gates leave little; the misses are the tagger's. The shipped model is
unchanged (its rules' hints are unchanged since it was trained, and training is
deterministic). Held-out (fold 0, de-duplicated) with this round's merge rules: first
family 0.960, year 0.983, title 0.783, container 0.715 (was 0.960/0.983/0.782/0.715).

Tenth round (issue 12, point 5, helper H9), dev fold 5 with models trained without it.
Baseline (this recipe, retrained on this round's rules): title 0.812, container 0.741
(tagger alone 0.783/0.721; best-of rules/tagger/merged 0.832/0.750). A feature group
was tried and dropped: each phrase's capitalisation profile (all capitalised, sentence
case, lower case), its count of abbreviated words, lexicons of serials' abbreviations
("J.", "Rev.", "Appl.") and whole words ("Acta", "Revista", "Cuadernos"), units that
do not end at an initial's or an abbreviation's full stop ("J. Appl. Phys." one unit
with the units before and after it summed up), the next token's first character and
words three away: 0.812/0.729 (tagger alone 0.780/0.705), 1411 s to train against
845 s. The misses are mostly not the features': the token confusions are title and
container taken for each other (~930 of ~11,800 such tokens), and a third of the dev
sample (ugly.xml) labels by its own conventions (a book's title as container-title with
no title: 51 of 621 dev containers, 43 missed; titles cut after "in" or holding the
year). Rules and merge changes of this round (spelt-out editions, a book's place and
year after its title, a quoted head with a subtitle after a colon) gain 3 dev titles and
lose none; held-out (fold 0, de-duplicated, the shipped model unchanged): first family
0.960, year 0.983, title 0.783, container 0.715 (unchanged).

Eleventh round (issue 12, point 5, helper H8). No model could be trained in the session
(the machine was loaded twelve- to twentyfold: a --skip-folds 5 training had 80 s of its
~850 s of CPU after ten minutes), so the rules were studied alone, which no fold trains:
their misses on folds 1-9 (de-duplicated, 8,227 titles, 5,409 containers) were sorted
by shape, and the largest classes a rule could take fixed (page ranges with em dashes,
Unicode hyphens, spaced or doubled dashes; a locator sentence after a journal of whole
words or EndNote's "Journal, 2005. 5(3): p. 333-8."; an abbreviated IEEE journal after a
quoted title; a book's subtitle sentence before its imprint; a bracketed imprint
closing a title). Rules alone: title 4949 -> 5022, container 2454 -> 2615 (3 titles
lost). The parser with the shipped model (trained on the old rules' hints) on folds
1-9, which it has seen: title 7246 -> 7251, container 4596 -> 4595; held-out (fold 0,
de-duplicated, looked at once): first family 0.960, year 0.983, title 0.783 -> 0.782,
container 0.715 -> 0.710 (relabelled view, `book_as_container`: 0.777/0.739 ->
0.776/0.734) -- within a retraining's noise, but not up: the model reads hints it was
not trained on. Retraining on the new hints (the shipped recipe) is the step left. The
real-article bench (dev, Markdown) is identical before and after.

Twelfth round (issue 12, point 5, helper H5). The rules' misses on folds 1-9 were
sorted by class (chapter marks "In:"/"in:"/", in:", editors, editions, URLs, non-English,
"?"/"!" titles, Vancouver, IEEE, ABNT; /tmp scripts, not kept) and the largest fixed at
the root: names with no year ran past the title into the chapter ("Karl Weber: Vorrede.
In: …", "Weber, Karl, Titel, in: Buch"), a bare year closed by a colon ("Weber, Karl
2008: Titel"), a year closing the entry read as the author-date year (the whole entry
then one list of people: "Ricoeur, Paul, From Text to Action, London: Athlone, 1991."),
editors standing as authors ("Roe, Mia, and Al Poe (Eds.). Title"), the book after its
editors ("In: Otto Lang, ed. Book", "In C. Smith & D. Nylund, Book", "(szerk)"), TeX
quotes, a comma-joined imprint after a one-sentence title, an organisation spanning a
colon. Rules alone on folds 1-9: title 4861 -> 5098 of 7870, container 2562 -> 2648 of
5182 (class table in the H5 report; chapters after "In:" 93 -> 168 titles, 48 -> 93
containers). Blind dev (fold 5, de-duplicated, the model trained without it on the old
rules' hints): first family 0.982 -> 0.982, year 0.983 -> 0.985, title 0.810 -> 0.817,
container 0.742 -> 0.747. The shipped model retrained on the new hints (the recipe
unchanged, 1004 s of training on a machine loaded ~18-fold, 1.37 MB): held-out (fold 0,
de-duplicated) first family 0.960 -> 0.963, year 0.983 -> 0.982, title 0.782 -> 0.791,
container 0.710 -> 0.711 (with the old model and the new rules: 0.963/0.982/0.790/0.716,
the difference within a retraining's noise). The targets (title 0.90, container 0.85)
stay out of reach on this sample: good.xml's held-out titles and containers are at
0.911/0.906, ugly.xml's at 0.598/0.416, and a sample of 45 blind dev misses showed about
half of them to be ugly.xml's own labelling (a book's title as container-title, "In:"
and "Available from" inside titles, volumes inside containers), which no parser of the
other files' convention can give.

Thirteenth round (issue 12, point 5, helper f1parse). The misses of the parser on the
blind dev fold 5 (a model trained without it, the twelfth round's rules): 163 of 914
titles and 159 of 621 containers, of which ugly.xml holds 120 and 126; of the container
misses 36 are ugly.xml's book-as-container labelling and 42 an empty container, of the
title misses 14 a gold cut mid-phrase; the rest is spread thin (title too long at its
end 41, too short 47). Where the rules alone failed on folds 1-9, two classes stood out
and were fixed at the root: a comma-joined entry whose year is followed only by
locators ("Perrin, Note sur …, Le Moyen Âge, 69, 1963, 75-86.": 163 entries whose
title was the pages, their title and journal read as names) and a year right after
Vancouver-style names ("Saunders L. G. (1959) Methods …", 98 titles opening on the
year); with them an Elsevier locator ("Biomacromolecules 14 (2013) 1134–1142") and a
book's page count ("…, Paris: CRL, 554p"). Rules alone, folds 1-9: title 4651 -> 4744
of 7313, container 2387 -> 2457 of 4788, first family and year unchanged or up, none
lost; blind dev fold 5 (rules alone): 616 -> 623 titles, 319 -> 325 containers. The
parser on the blind dev fold (model trained without it on the old hints) is flat:
title 752 -> 751, container 462 -> 462, year 892 -> 893 -- the tagger had already
learnt to mend these shapes, so the rules' gain is on hints it reads. The features are
unchanged, so the shipped model is not retrained (a retraining and its blind check did
not fit in the session on a machine loaded ~20-fold). Held-out (fold 0,
de-duplicated): first family 0.963 -> 0.963, year 0.982 -> 0.982, title 0.791 -> 0.794,
container 0.711 -> 0.711 (good.xml 0.911/0.906 -> 0.913/0.906, ugly.xml 0.598/0.416 ->
0.601/0.416). On the real-article corpus's dev split (18,192 list entries) names and
years are unchanged for every entry; 36 titles and 63 containers change, mostly PLOS's
"Names, et al. (2004) Title, with commas. Blood 103: 2170–2179." read whole.

Fourteenth round (issue 12, point 5, helper f1). First the scorer
(`freetext_eval`, `freetext_accuracy.anystyle_gold`) was checked for fairness. Case,
punctuation, trailing full stops, quotation marks and an opening "In" were already
compared alike on both sides, and italics tags are kept on both; three conventions of
the gold were not, each now normalised on BOTH sides with the comparison before printed
beside (``title=``, ``container=``): a chapter's mark closing a quoted title ("“An
Essay,” in", "« Un essai », dans": the commonest tail of a missed title, 3/6/8 entries
on folds 5/3/7), a closing run of numbers in the container ("Earth and Planetary Science
Letters 202,", "CSPG Core Conference 2005,": 14 of 621 dev containers) and editors after
the "In" ("In J. Roe (Eds.), Book"); a container-title that is only the "en" mark before
the `journal` is no longer the gold container. Left as they were (named, not changed):
the `book_as_container` labelling (51 of 620 dev containers; its view stays beside the
headline), titles whose gold holds a bracketed note the parser drops ("(abstract)",
"(D. Bowden, Trans.)", 4 dev entries) and gold cut mid-phrase (`gold_cut_badly`). Then
the parser's misses on the blind dev fold (a model trained without it, ``--skip-folds
5``, 599 s on this round's machine): three classes fixed after the merge or in the
rules, none of which changes the tagger's hints but for two entries, so the shipped
model is not retrained -- an abbreviated journal's head left on the title or on no
field ("…, Math. Programming, 60", "… pathway. Can. J. Cardiovasc. Nurs. 2003;13";
`freetext_journal_head`), a government body under its country read as the country
alone ("Australia. Department of External Affairs. 1913."), and a web page's site read
both as the end of the title and as the container. Blind dev fold 5 (de-duplicated):
first family 0.981 -> 0.981, year 0.986 -> 0.986, title 0.815 -> 0.818 and container
0.739 -> 0.744 compared as before; 0.821 and 0.766 compared as now. Rules alone on
folds 1-4 and 6-9: title +12, container +9, one title and one family lost on a
mislabelled gold. Held-out (fold 0, de-duplicated, the shipped model, scored once at
the end): first family 0.963, year 0.982, title 0.803, container 0.730 (compared as
before: 0.794 and 0.711, unchanged from the thirteenth round); good.xml 0.913/0.919,
ugly.xml 0.625/0.436. The title and container targets (0.90, 0.85) are not reached:
ugly.xml (a third of the sample) labels by its own conventions, and the remaining
misses on the other files are a long tail (multi-sentence book titles cut at their
first full stop, comma-joined "Title, Journal," entries with no locator, web pages,
notes in brackets), no class above a handful of dev entries.

Fifteenth round (issue 12, point 5, helper fx). Where the misses lie, on the blind dev
fold 5 (a model trained without it, ``--skip-folds 5``, 1017 s; de-duplicated, 914
titles, 620 containers): ugly.xml holds 121 of the 163 title misses and 111 of the 136
container misses (good.xml 24/12, core.xml 12/10, bad.xml 6/3). Titles: 80 too short (a
second sentence or a bracketed note the gold keeps: "Title. Subtitle sentence.", "(D.
Bowden, Trans.)"), 63 too long (the series, place or journal run on), 20 elsewhere or
overlapping, 2 the container. Containers: 40 empty, 34 a book's title that the gold
labels container-title with no title (`book_as_container`; ugly.xml does so for 243
books of folds 1-9 and labels 1,063 books of the same shape title), 34 too long, 18 too
short. The scorer was not changed: case, punctuation and the conventions f1 named are
already compared alike on both sides, and the near misses left (one or two words apart)
are the parser's or the gold's, not the comparison's. The one class of the rules large
enough to fix: a comma-joined entry whose year closes it ("Ames, P. R., Quill, T.N. and
Lund,K.T., Title, Journal, v. 12, p. 1-9. 1991.", 120-odd hand-typed planetary-science
entries): no author-date year, and the name walk ran on through title and journal; the
names now end where a comma piece reads as a title when nothing after them does. Rules
alone on folds 1-9: title 5420 -> 5508 of 8227, container 2881 -> 2954 of 5404, year +3
-1, first family unchanged, none lost. Blind dev with the no-5 model (trained on the old
hints): title 752 -> 751, container 484 -> 484 (the tagger had mended those fields; the
two lost are gold quirks, "St." cut from a title and an "(abstract)" kept), but 17
author lists no longer hold title and journal words. The shipped model is not retrained
(a retraining took 17 minutes of a machine loaded ~14-fold, left no time for its blind
check; whether a model trained on the new hints gains was not measured). Held-out (fold
0, de-duplicated, scored once at the end): first family 0.963 -> 0.963, year 0.982 ->
0.982, title 0.803 -> 0.806, container 0.730 -> 0.732 (compared as before f1: 0.794 ->
0.797, 0.711 -> 0.712); ugly.xml 0.625/0.436 -> 0.631/0.440. The targets stay out of
reach for the reasons the fourteenth round gave: good.xml is at 0.913/0.919, ugly.xml's
conventions are not one parser's. On the real-article corpus's dev split (18,192 list
entries, the shipped model) 42 entries change, no year: 36 first families, about thirty
of them from an initial to the surname (Vancouver lists with a comma slip or ".." after
the names, "Cronin B, Meho L I. Title", "> Vrtovec T, …, Pernuš F.. Title"), containers
found where there were none or a locator (7); 4 titles now open on the last name or a
role ("Meho L I. Using the h-index …", "org. The image of madness …"), the price of the
30 families. The real-article bench (dev, Markdown) is identical before and after
(uncited P/R 0.971/0.906, missing P/R 0.937/0.903, link F1 0.991).

Sixteenth round (issue 12, point 5, helper f2). Rules only, the model not retrained (a
--skip-folds 5 training had 2 of its ~15 CPU minutes after 15 minutes on a machine loaded
~15-fold and was stopped). Classes fixed: ABNT's "[S.l.: s.n.]" read as an imprint (the
one-word title after the initials no longer a given name), "Family, I., Title, Place,
Year" no longer two people, a title-first entry before an edition, a translator or only
its imprint no longer the author, a subtitle sentence before an imprint followed by the
extent or series, and year-first publication lists ("1991: Karl Weber: Titel"). Rules
alone on folds 1-9: first family 8037 -> 8071, year 8366 -> 8369, title 6002 -> 6045,
container 3249 -> 3258 of 8611/8638/8843/5836, none lost. The parser (shipped model) on
folds 3, 5 and 7, which it has seen: family 2816 -> 2826, year 2847 -> 2849, title
2610 -> 2613, container 1712 -> 1713 (the three lost are gold cut mid-phrase). Held-out
(fold 0, de-duplicated, scored once at the end): first family 0.963 -> 0.965, year
0.982, title 0.806, container 0.732 (unchanged). Real-article dev split (18,192 entries):
one family and five titles change, no year, all corrections.

``--no-hints`` trains a tagger without the rules' reading (for comparison only, written
to /tmp/freetext-crf-plain.model; ``freetext_accuracy.py --crf`` scores it).
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

from citeaudit.bibliography.freetext import parse_fields, rule_hints  # noqa: E402
from citeaudit.bibliography.freetext_crf import (  # noqa: E402
    LABELS,
    MODEL_PATH,
    features,
    spans,
    tokens,
)
from citeaudit.bibliography.freetext_names import parse_authors  # noqa: E402
from citeaudit.doi import find_dois  # noqa: E402
from citeaudit.model.location import Location  # noqa: E402
from citeaudit.model.reference import Reference  # noqa: E402

DEV = 5  # sequence i with i % 10 == 5: the dev sample the parser's gates are tuned on,
# with a model trained without it (--skip-folds 5; see the docstring)
PLAIN_MODEL = Path("/tmp/freetext-crf-plain.model")
# c1 (L1) 0.6 rather than 0.05: on two extra folds held out from training (AnyStyle
# sequences 3 and 7 mod 10, each scored with the dev sample) the sparser model got 67
# more of ~3,900 titles and 46 more of ~2,600 containers right, and is half the size
PARAMS = {
    "c1": 0.6,
    "c2": 0.05,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}


def training_data(
    data_dir: Path, skip: tuple[int, ...] = ()
) -> tuple[list[list[str]], list[list[str]]]:
    """Tokens and labels of every sequence outside the held-out fold and the `skip` folds."""
    from freetext_accuracy import ANYSTYLE_FILES, HOLDOUT_EVERY, anystyle_sequences

    xs, ys = [], []
    for name in ANYSTYLE_FILES:
        path = data_dir / name
        if not path.exists():
            continue
        for i, parts in anystyle_sequences(path):
            if i % HOLDOUT_EVERY == 0 or i % HOLDOUT_EVERY in skip:
                continue  # the held-out sample is never trained on
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


def train(data_dir: Path, out: Path, *, hints: bool, skip: tuple[int, ...] = ()) -> None:
    xs, ys = training_data(data_dir, skip)
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        h = rule_hints(parse_fields(" ".join(x))) if hints else None
        trainer.append(features(x, h), y)
    trainer.set_params(PARAMS)
    start = time.time()
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    print(
        f"trained on {len(xs)} sequences in {time.time() - start:.0f}s -> {out} "
        f"({out.stat().st_size / 1e6:.2f} MB)"
    )


def load_crf_parser(model: Path = PLAIN_MODEL) -> Callable[[str], Reference]:
    """The tagger alone (trained with --no-hints), for comparison with the parser."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))

    def parse(text: str) -> Reference:
        toks = tokens(text)
        labels = tagger.tag(features(toks)) if toks else []
        sp = spans(toks, labels)
        authors, _ = parse_authors(sp.get("author", ""))
        ym = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)([a-z])?(?!\d)", sp.get("date", ""))
        dois = find_dois(text)

        def clean(s: str | None) -> str | None:
            s = (s or "").strip(" .,;:\"“”'‘’()`")
            return s or None

        return Reference(
            id="ref-1",
            index=1,
            location=Location("crf"),
            raw=text,
            authors=authors,
            year=int(ym.group(1)) if ym else None,
            year_suffix=ym.group(2) if ym else None,
            title=clean(sp.get("title")),
            container=clean(sp.get("container")),
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
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--no-hints", action="store_true", help="train without the rules' reading")
    ap.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a training parameter (c1, c2, max_iterations, ...), for comparisons",
    )
    ap.add_argument(
        "--skip-folds",
        default="",
        metavar="N,M",
        help="folds (i %% 10) left out besides the held-out 0; default none (the shipped "
        "recipe). '3' leaves fold 3 out too (score it: freetext_accuracy.py --fold 3 --model)",
    )
    ap.add_argument(
        "--without",
        default="",
        metavar="FLAG,...",
        help="train without these feature groups of freetext_crf (phrase_context, bigrams), "
        "for comparisons; the tagger ignores features a model was not trained on",
    )
    args = ap.parse_args()
    from citeaudit.bibliography import freetext_crf

    for flag in filter(None, (x.strip() for x in args.without.split(","))):
        setattr(freetext_crf, flag.upper(), False)
    skip = tuple(int(x) for x in args.skip_folds.split(",") if x.strip())
    for item in args.param:
        name, _, value = item.partition("=")
        PARAMS[name] = type(PARAMS.get(name, 0.0))(value)
    out = args.out or (PLAIN_MODEL if args.no_hints else MODEL_PATH)
    train(args.data, out, hints=not args.no_hints, skip=skip)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
