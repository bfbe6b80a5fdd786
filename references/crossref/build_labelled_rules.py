"""Writes the "rules" part of labelled.json: entries labelled with what each registry rule
should say about them, for benches/registry_rules.py.

Entries are made up but written as authors write them, against the stand-in's records
(works.json; the fictional ones under 10.5555 come from build_records.py). Each case
may carry the years the text cites it by ("cited"), so the year rules see text, list
and record together. "expect" maps a rule to its outcome; a rule not named must stay
silent. Outcomes: year-mismatch "list-wrong" (the text's year is a date of the work),
"both-wrong" (neither text nor list is) or "off" (no citation disagrees);
citation-year-mismatch "text-wrong", "either" (both years are the work's), "both-wrong"
or "plain" (no record to judge by); metadata-mismatch the sorted slips (misspelt,
dropped, added, reordered, truncated, different, version); other rules true.
Run: python references/crossref/build_labelled_rules.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

ECOL = dict(
    doi="10.5555/ecol.2013.1187",
    authors=["Herrera, L.", "Wójcik, T.", "Begay, A."],
    title="Seed dispersal by frugivorous bats across a fragmented tropical landscape",
    container="J. Trop. Ecol.",
)
HIST = dict(
    doi="10.5555/hist.2014.22",
    authors=["Ashdown, M."],
    title="Grain prices and parish relief in the Lincolnshire fens, 1795-1834",
    container="Agricultural History Review",
)
PLOS = dict(
    doi="10.5555/plosone.2016.0158",
    authors=["Lindqvist, H.", "Nowakowska, E."],
    title="Urban noise shifts the dawn chorus of European robins",
    container="PLoS One",
)
INPRESS = dict(
    doi="10.5555/inpress.2023.0091",
    authors=["Bianchi, G.", "Puig, J."],
    title="Microplastic ingestion by juvenile sea turtles in the western Mediterranean",
    container="Mar. Pollut. Bull.",
)
PREPRINT = dict(
    doi="10.5555/preprint.2019.1230",
    authors=["Mehta, A.", "Rossi, S."],
    title="Transformer language models for protein secondary structure prediction",
    container="bioRxiv",
)
ISSUEPRINT = dict(
    doi="10.5555/issueprint.2010.44",
    authors=["Nguyen, V. M.", "Dubois, C."],
    title="Trace metal accumulation in estuarine oysters after dredging",
    container="Estuarine Research Letters",
)
OLD = dict(
    doi="10.5555/old.1958.313",
    authors=["Whitcombe, H. P."],
    title="On the sampling distribution of extreme river flows",
    container="Q. J. Hydrol.",
)
LNCS = dict(
    doi="10.5555/lncs.2021.17",
    kind="chapter",
    authors=["Tanaka, H.", "Kowalczyk, E."],
    title="Certified robustness of graph neural networks to edge perturbations",
    container="Lecture Notes in Computer Science",
)
JESP = dict(
    doi="10.5555/jesp.2018.0412",
    authors=["Brückner, H.", "Ortega, T.", "Lin, M."],
    title="Priming effects on moral judgement do not replicate across twelve laboratories",
    container="J. Exp. Soc. Psychol.",
)
LECUN = dict(
    doi="10.1038/nature14539",
    authors=["LeCun, Y.", "Bengio, Y.", "Hinton, G."],
    title="Deep learning",
    container="Nature",
)
NUMPY = dict(
    doi="10.1038/s41586-020-2649-2",
    authors=["Harris, C. R.", "Millman, K. J.", "van der Walt, S. J."],
    title="Array programming with NumPy",
    container="Nature",
)
LSTM = dict(
    doi="10.1162/neco.1997.9.8.1735",
    authors=["Hochreiter, S.", "Schmidhuber, J."],
    title="Long short-term memory",
    container="Neural Comput.",
)
BWA = dict(
    doi="10.1093/bioinformatics/btp324",
    authors=["Li, H.", "Durbin, R."],
    title="Fast and accurate short read alignment with Burrows-Wheeler transform",
    container="Bioinformatics",
)
SMITH = dict(
    doi="10.5555/smith.2017.302",
    authors=["Smith, J.", "Chen, L.", "Patel, R."],
    title="Sleep deprivation impairs working memory consolidation in adolescents",
    container="J. Sleep Res.",
)
BERG = dict(
    doi="10.5555/authors.2020.5",
    authors=["van den Berg, J.", "Fernández-López, M. J.", "Kjærgaard, S.", "Smirnova, O.", "Zhang, W."],
    title="Nitrogen deposition alters mycorrhizal networks in boreal forests",
    container="New Phytol.",
)
CHRONO = dict(
    doi="10.5555/consortium.2019.8",
    authors=["Jones, S. E.", "Lane, J. M.", "Wood, A. R."],
    title="Genome-wide association study of chronotype in 697,828 individuals",
    container="Nat. Commun.",
)
PERMAFROST = dict(
    doi="10.5555/translit.2018.77",
    authors=["Chaykovskiy, D.", "Kuznetsova, N.", "Schäfer, J."],
    title="Permafrost carbon release in the Yamal peninsula under Arctic amplification",
    container="Permafrost Periglac. Process.",
)
LEE = dict(
    doi="10.5555/lee.2022.41",
    authors=["Lee, M.", "Nowak, K.", "O'Brien, P.", "Rousseau, A."],
    title="Social media use and loneliness in older adults: a longitudinal cohort study",
    container="Ageing & Society",
)
HYPER = dict(
    doi="10.5555/title.2016.88",
    authors=["Bankole, O.", "Grant, H."],
    title="Hypertension and cognitive decline in a rural cohort over twenty years",
    container="J. Hypertens.",
)

AMP = dict(
    doi="10.5555/amp.2020.14",
    authors=["Popescu, A.", "Ionescu, M."],
    title="Roads and rivers: CO2 emissions from freight transport in the Danube basin",
    container="Transp. Res. D",
)
UK = dict(
    doi="10.5555/uk.2011.40",
    authors=["Gallagher, F.", "Price, O."],
    title="Modelling tumour growth in paediatric oncology: a programme of research",
    container="Br. J. Cancer",
)
SHORT = dict(
    doi="10.5555/short.2021.3",
    kind="inproceedings",
    authors=["Lin, Y.", "Oh, J.", "Li, B."],
    title="Edge caching for low-latency video streaming in 5G networks",
    container="Proc. IEEE ICC",
)
GAN = dict(
    doi="10.1145/3422622",
    authors=["Goodfellow, I.", "Pouget-Abadie, J.", "Mirza, M."],
    title="Generative adversarial networks",
    container="Commun. ACM",
)
BERT = dict(
    doi="10.18653/v1/n19-1423",
    kind="inproceedings",
    authors=["Devlin, J.", "Chang, M.-W.", "Lee, K.", "Toutanova, K."],
    title="BERT: Pre-training of deep bidirectional transformers for language understanding",
    container="NAACL-HLT",
)
XGB = dict(
    doi="10.1145/2939672.2939785",
    kind="inproceedings",
    authors=["Chen, T.", "Guestrin, C."],
    title="XGBoost: a scalable tree boosting system",
    container="KDD '16",
)
KM = dict(
    doi="10.1080/01621459.1958.10501452",
    authors=["Kaplan, E. L.", "Meier, P."],
    title="Nonparametric estimation from incomplete observations",
    container="J. Am. Stat. Assoc.",
)


def case(id: str, base: dict[str, Any], year: int | None, *, cited: list[int] | None = None,
         expect: dict[str, Any] | None = None, note: str = "", **changes: Any) -> dict[str, Any]:
    entry = {"id": id, "kind": "article", **base, "year": year, **changes}
    if cited:
        entry["cited"] = cited
    entry["expect"] = expect or {}
    if note:
        entry["note"] = note
    return entry


YM, CYM, MM = "year-mismatch", "citation-year-mismatch", "metadata-mismatch"

YEARS = [
    case("y01", ECOL, 2014, cited=[2014], note="print year"),
    case("y02", ECOL, 2013, cited=[2013], note="online-first year, a month before print"),
    case("y03", ECOL, 2014, cited=[2013], expect={CYM: "either"}),
    case("y04", ECOL, 2013, cited=[2014], expect={CYM: "either"}),
    case("y05", ECOL, 2015, cited=[2014], expect={YM: "list-wrong"}),
    case("y06", ECOL, 2012, expect={YM: "off"}),
    case("y07", HIST, 2013, cited=[2014], expect={YM: "list-wrong"}, note="the issue's example"),
    case("y08", HIST, 2014, cited=[2013], expect={CYM: "text-wrong"}),
    case("y09", HIST, 2013, cited=[2012], expect={YM: "both-wrong", CYM: "both-wrong"}),
    case("y10", HIST, 2014, cited=[2014]),
    case("y11", HIST, 2015, cited=[2015], expect={YM: "off"}),
    case("y12", PLOS, 2017, expect={YM: "off"}, note="online-only journal with volumes: no +1"),
    case("y13", PLOS, 2016),
    case("y14", PLOS, 2015, expect={YM: "off"}),
    case("y15", INPRESS, 2024, note="online in November, no issue yet: print to come"),
    case("y16", INPRESS, 2024, cited=[2023], expect={CYM: "either"}),
    case("y17", INPRESS, 2025, expect={YM: "off"}),
    case("y18", PREPRINT, 2020, note="a preprint's deposit (created) date"),
    case("y19", PREPRINT, 2019),
    case("y20", PREPRINT, 2021, expect={YM: "off"}),
    case("y21", ISSUEPRINT, 2011, note="the journal issue's print date"),
    case("y22", ISSUEPRINT, 2010),
    case("y23", ISSUEPRINT, 2012, expect={YM: "off"}),
    case("y24", OLD, 2006, expect={YM: "off"}, note="a journal article's deposit year is no date of it"),
    case("y25", OLD, 1958),
    case("y26", OLD, 1985, cited=[1958], expect={YM: "list-wrong"}),
    case("y27", LNCS, 2021),
    case("y28", LNCS, 2022),
    case("y29", LNCS, 2020, expect={YM: "off"}),
    case("y30", JESP, 2019, cited=[2018], expect={CYM: "either"}),
    case("y31", JESP, 2017, cited=[2019], expect={YM: "list-wrong"}),
    case("y32", JESP, 2019, cited=[2017], expect={CYM: "text-wrong"}),
    case("y33", LECUN, 2016, cited=[2015], expect={YM: "list-wrong"}),
    case("y34", LECUN, 2015, cited=[2016], expect={CYM: "text-wrong"}),
    case("y35", LECUN, 2015, cited=[2015, 2015]),
    case("y36", LSTM, 1997, cited=[1995], expect={CYM: "text-wrong"}),
    case("y37", BWA, 2010, expect={YM: "off"}),
    case("y38", dict(doi="10.1371/journal.pmed.0020124", authors=["Ioannidis, J. P. A."], title="Why most published research findings are false", container="PLoS Med."), 2006, expect={YM: "off"}),
    case("y39", dict(doi="10.5555/onlineonly.2021.7", authors=["Souza, A.", "Berg, J."], title="Soil microbial respiration under repeated drought pulses", container="Soil Biol. Biochem."), 2022, cited=[2021], expect={CYM: "either"}),
    case("y40", dict(doi="10.1038/s41586-020-2286-9", authors=["Gordon, D. E.", "Jang, G. M."], title="A SARS-CoV-2 protein interaction map reveals targets for drug repurposing", container="Nature"), 2021, expect={YM: "off"}),
    case("y41", dict(doi="10.1186/s13059-014-0550-8", authors=["Love, M. I.", "Huber, W.", "Anders, S."], title="Moderated estimation of fold change and dispersion for RNA-seq data with DESeq2", container="Genome Biol."), 2015, cited=[2015], expect={YM: "off"}),
    case("y42", dict(doi="10.1080/01621459.1958.10501452", authors=["Kaplan, E. L.", "Meier, P."], title="Nonparametric estimation from incomplete observations", container="J. Am. Stat. Assoc."), 1958, cited=[1985], expect={CYM: "text-wrong"}),
    case("y43", dict(doi=None, kind="book", authors=["Ashdown, M."], title="A history of fenland drainage", container=None, publisher="Boydell"), 2001, cited=[2002], expect={CYM: "plain"}, note="no record: text against list only"),
    case("y44", dict(doi=None, authors=["Petrova, E.", "Okafor, S."], title="Measuring urban heat islands with crowdsourced thermometers", container="Urban Climate"), 2020, cited=[2021], expect={CYM: "plain"}, note="two deposits: the registry cannot say which"),
    case("y45", HIST, 2014, cited=[2014, 2013], note="also cited by its year: the matcher takes 2013 for another work"),
    case("y46", SMITH, 2016, cited=[2017], expect={YM: "list-wrong"}),
    case("y47", SMITH, 2017, cited=[2016], expect={CYM: "text-wrong"}),
    case("y48", LEE, 2021, cited=[2021], expect={YM: "off"}),
    case("y49", LNCS, 2020, cited=[2022], expect={YM: "list-wrong"}),
    case("y50", LNCS, 2022, cited=[2021], expect={CYM: "either"}),
    case("y51", AMP, 2021, cited=[2020], expect={YM: "list-wrong"}),
    case("y52", ECOL, 2013, cited=[2015], expect={CYM: "text-wrong"}),
    case("y53", dict(doi="10.5555/greek.2019.12", authors=["Conti, C.", "Evans, M."], title="Alpha-synuclein aggregation and behavioural deficits in a rat model of Parkinson's disease", container="Neurobiol. Dis."), 2018, cited=[2019], expect={YM: "list-wrong"}),
    case("y54", dict(doi="10.5555/mathml.2015.3", authors=["Ferraro, P.", "Köhler, A."], title="Measurement of the Bs0 lifetime in hadronic decays", container="Phys. Rev. D"), 2014, expect={YM: "off"}),
    case("y55", CHRONO, 2020, expect={YM: "off"}, note="online-only journal with volumes"),
    case("y56", PREPRINT, 2020, cited=[2019], expect={CYM: "either"}, note="posted 2019, deposited 2020"),
    case("y57", INPRESS, 2023, cited=[2024], expect={CYM: "either"}),
    case("y58", dict(doi="10.1371/journal.pmed.0020124", authors=["Ioannidis, J. P. A."], title="Why most published research findings are false", container="PLoS Med."), 2005, cited=[2005]),
    case("y59", UK, 2011, cited=[2011]),
    case("y60", UK, 2010, cited=[2011], expect={YM: "list-wrong"}),
    case("y61", UK, 2011, cited=[2012], expect={CYM: "text-wrong"}),
    case("y62", SHORT, 2020, cited=[2019], expect={YM: "both-wrong", CYM: "both-wrong"}),
]


def authors(base: dict[str, Any], names: list[str]) -> dict[str, Any]:
    return {**base, "authors": names}


AUTHORS = [
    case("a01", authors(SMITH, ["Smtih, J.", "Chen, L.", "Patel, R."]), 2017, expect={MM: ["misspelt"]}),
    case("a02", authors(SMITH, ["Chen, L.", "Patel, R."]), 2017, expect={MM: ["dropped"]}),
    case("a03", authors(SMITH, ["Chen, L.", "Smith, J.", "Patel, R."]), 2017, expect={MM: ["reordered"]}),
    case("a04", authors(SMITH, ["Smith, J.", "Chen, L.", "Patel, R.", "Garcia, M."]), 2017, expect={MM: ["added"]}),
    case("a05", authors(SMITH, ["Smith, J.", "Patel, R."]), 2017, expect={MM: ["dropped"]}),
    case("a06", authors(SMITH, ["Smith, J."]), 2017, note="first author only"),
    case("a07", authors(SMITH, ["Smith, J.", "Chen, L."]), 2017),
    case("a08", authors(SMITH, ["SMITH, J.", "chen, l.", "Patel, Ravi"]), 2017),
    case("a09", BERG, 2020),
    case("a10", authors(BERG, ["Berg, J. van den", "Fernandez-Lopez, M. J.", "Kjaergaard, S.", "Smirnova, O.", "Zhang, W."]), 2020),
    case("a11", authors(BERG, ["Van Den Berg, J.", "Fernández López, M. J.", "Kjærgaard, S.", "Смирнова, О."]), 2020),
    case("a12", authors(BERG, ["Vandenberg, J.", "Fernández, M. J.", "Kjærgaard, S."]), 2020),
    case("a13", authors(BERG, ["van den Berg, J.", "Fernández-López, M. J.", "Kjærgaard, S.", "Smirnova, O.", "Wei, Zhang"]), 2020, note="given and family the other way round"),
    case("a14", authors(BERG, ["Fernández-López, M. J.", "van den Berg, J.", "Kjærgaard, S."]), 2020, expect={MM: ["reordered"]}),
    case("a15", authors(BERG, ["van den Berg, J.", "Fernandes-Lopes, M. J.", "Kjærgaard, S."]), 2020, expect={MM: ["misspelt"]}),
    case("a16", authors(BERG, ["van den Berg, J.", "Kjærgaard, S.", "Smirnova, O."]), 2020, expect={MM: ["dropped"]}),
    case("a17", authors(PERMAFROST, ["Tchaikovsky, D.", "Kuznetsova, N.", "Schaefer, J."]), 2018, note="another transliteration"),
    case("a18", authors(PERMAFROST, ["Chaikovskii, D.", "Kuznetsova, N.", "Schafer, J."]), 2018),
    case("a19", PERMAFROST, 2018),
    case("a20", authors(PERMAFROST, ["Kuznetsova, N.", "Schäfer, J."]), 2018, expect={MM: ["dropped"]}),
    case("a21", CHRONO, 2019, note="three of ten authors"),
    case("a22", authors(CHRONO, ["Jones, S. E.", "Lane, J. M.", "Wood, A. R.", "van Hees, V. T.", "Tyrrell, J.", "Beaumont, R. N."]), 2019),
    case("a23", authors(CHRONO, ["Jones, S. E.", "Wood, A. R.", "Lane, J. M."]), 2019, expect={MM: ["reordered"]}),
    case("a24", authors(CHRONO, ["Lane, J. M.", "Wood, A. R.", "van Hees, V. T."]), 2019, expect={MM: ["dropped"]}),
    case("a25", authors(CHRONO, ["Jones, S. E.", "Lane, J. M.", "Wood, A. R.", "Van Hees, V. T.", "Tyrell, J."]), 2019, expect={MM: ["misspelt"]}),
    case("a26", LEE, 2022),
    case("a27", authors(LEE, ["Lee, M.-j.", "Nowak, K.", "OBrien, P.", "Rousseau, A."]), 2022),
    case("a28", authors(LEE, ["Lee, M.", "Nowak, K.", "O'Brian, P.", "Rousseau, A."]), 2022, expect={MM: ["misspelt"]}),
    case("a29", authors(LEE, ["Nowak, K.", "Lee, M.", "O'Brien, P.", "Rousseau, A."]), 2022, expect={MM: ["reordered"]}),
    case("a30", authors(LEE, ["Nowak, K.", "O'Brien, P.", "Rousseau, A."]), 2022, expect={MM: ["dropped"]}),
    case("a31", authors(LECUN, ["Lecun, Y.", "Bengio, Y.", "Hinton, G. E."]), 2015),
    case("a32", authors(LECUN, ["LeCun, Y.", "Hinton, G.", "Bengio, Y."]), 2015, expect={MM: ["reordered"]}),
    case("a33", authors(LECUN, ["Bengio, Y.", "Hinton, G."]), 2015, expect={MM: ["dropped"]}),
    case("a34", authors(LECUN, ["LeCunn, Y.", "Bengio, Y.", "Hinton, G."]), 2015, expect={MM: ["misspelt"]}),
    case("a35", NUMPY, 2020),
    case("a36", authors(NUMPY, ["Harris, C. R.", "Millman, K. J.", "Walt, S. J. van der"]), 2020),
    case("a37", authors(NUMPY, ["Oliphant, T. E."]), 2020, expect={MM: ["added"]}, note="the wrong first author"),
    case("a38", authors(NUMPY, ["Millman, K. J.", "van der Walt, S. J."]), 2020, expect={MM: ["dropped"]}),
    case("a39", LSTM, 1997),
    case("a40", authors(LSTM, ["Schmidhuber, J.", "Hochreiter, S."]), 1997, expect={MM: ["reordered"]}),
    case("a41", authors(LSTM, ["Hochrieter, S.", "Schmidhuber, J."]), 1997, expect={MM: ["misspelt"]}),
    case("a42", dict(doi="10.1111/j.2517-6161.1995.tb02031.x", authors=["Benjamin, Y.", "Hochberg, Y."], title="Controlling the false discovery rate: a practical and powerful approach to multiple testing", container="J. R. Stat. Soc. B"), 1995, expect={MM: ["misspelt"]}),
    case("a43", dict(doi="10.1126/science.aac4716", authors=["Open Science Collaboration"], title="Estimating the reproducibility of psychological science", container="Science"), 2015),
    case("a44", authors(BWA, ["Durbin, R.", "Li, H."]), 2009, expect={MM: ["reordered"]}),
    case("a45", dict(doi="10.1038/s41586-020-2286-9", authors=["Jang, G. M.", "Bouhaddou, M."], title="A SARS-CoV-2 protein interaction map reveals targets for drug repurposing", container="Nature"), 2020, expect={MM: ["dropped"]}),
    case("a46", authors(SMITH, ["Smith, J.", "Chen, L.", "Patel, R.", "others"]), 2017, note="BibTeX 'and others'"),
    case("a47", authors(JESP, ["Bruckner, H.", "Ortega, T.", "Lin, M."]), 2019),
    case("a48", authors(JESP, ["Brueckner, H.", "Ortega, T."]), 2019),
    case("a49", authors(HIST, ["Ashdwon, M."]), 2014, expect={MM: ["misspelt"]}),
    case("a50", authors(ISSUEPRINT, ["Minh, N. V.", "Dubois, C."]), 2010, note="Vietnamese name, family written last"),
    case("a52", authors(SHORT, ["Lim, Y.", "Oh, J.", "Li, B."]), 2021, expect={MM: ["misspelt"]}),
    case("a53", SHORT, 2021),
    case("a54", authors(SHORT, ["Oh, J.", "Li, B."]), 2021, expect={MM: ["dropped"]}),
    case("a55", authors(SHORT, ["Li, B.", "Oh, J.", "Lin, Y."]), 2021, expect={MM: ["reordered"]}),
    case("a56", authors(SMITH, ["Smith, J.", "Brown, L.", "Patel, R."]), 2017, expect={MM: ["added", "dropped"]}, note="Brown for Chen"),
    case("a57", AMP, 2020),
    case("a58", authors(AMP, ["Popesku, A.", "Ionescu, M."]), 2020, expect={MM: ["misspelt"]}),
    case("a59", authors(JESP, ["Brückner, H.", "Ortega, T.", "Lim, M."]), 2019, expect={MM: ["misspelt"]}),
    case("a60", authors(LSTM, ["Hochreiter, S.", "Schmidhuber, J.", "Bengio, Y."]), 1997, expect={MM: ["added"]}),
    case("a61", authors(SMITH, ["Smith Jr., J.", "Chen, L.", "Patel, R."]), 2017),
    case("a62", authors(GAN, ["Goodfellow, I.", "Pouget Abadie, J.", "Mirza, M."]), 2020),
    case("a63", BERT, 2019),
    case("a64", authors(BERT, ["Devlin, J.", "Chang, M.-W.", "Toutanova, K."]), 2019, expect={MM: ["dropped"]}),
    case("a65", authors(KM, ["Meier, P.", "Kaplan, E. L."]), 1958, expect={MM: ["reordered"]}),
    case("a66", XGB, 2016),
    case("a67", authors(XGB, ["Chen, T.", "Guestrin, C.", "He, T."]), 2016, expect={MM: ["added"]}),
    case("a51", authors(LEE, ["Rousseau, A.", "Lee, M.", "Nowak, K."]), 2022, expect={MM: ["dropped", "reordered"]}, note="O'Brien missing though a later author is named"),
]


def titled(base: dict[str, Any], title: str) -> dict[str, Any]:
    return {**base, "title": title}


TITLES = [
    case("t01", titled(LECUN, "DEEP LEARNING"), 2015),
    case("t02", titled(LECUN, "Deep Learning."), 2015),
    case("t03", dict(doi="10.5555/mathml.2015.3", authors=["Ferraro, P.", "Köhler, A."], title="Measurement of the $B_s^0$ lifetime in hadronic decays", container="Phys. Rev. D"), 2015, note="MathML in the record"),
    case("t04", dict(doi="10.5555/mathml.2015.3", authors=["Ferraro, P.", "Köhler, A."], title="Measurement of the Bs0 lifetime in hadronic decays", container="Phys. Rev. D"), 2015),
    case("t05", dict(doi="10.5555/italic.2012.9", authors=["Adeyemi, R.", "Mensah, K."], title="Antifungal resistance in Candida auris isolates from intensive care units", container="J. Hosp. Infect."), 2012, note="HTML italics in the record"),
    case("t06", dict(doi="10.5555/subtitle.2018.66", authors=["MacLeod, F."], title="Who pays for the commons? Fisheries management and the distribution of quota rents in Scotland", container="Ecol. Econ."), 2018),
    case("t07", dict(doi="10.5555/subtitle.2018.66", authors=["MacLeod, F."], title="Who pays for the commons?", container="Ecol. Econ."), 2018, note="subtitle left out"),
    case("t08", dict(doi="10.5555/subtitle.2018.66", authors=["MacLeod, F."], title="Who pays for the commons - fisheries management and the distribution of quota rents in Scotland", container="Ecol. Econ."), 2018),
    case("t09", dict(doi="10.5555/greek.2019.12", authors=["Conti, C.", "Evans, M."], title="alpha-Synuclein aggregation and behavioral deficits in a rat model of Parkinson disease", container="Neurobiol. Dis."), 2019),
    case("t10", dict(doi="10.5555/greek.2019.12", authors=["Conti, C.", "Evans, M."], title="α-synuclein aggregation and behavioural deficits in a rat model of Parkinson's disease", container="Neurobiol. Dis."), 2019),
    case("t11", titled(HYPER, "Hypotension and cognitive decline in a rural cohort over twenty years"), 2016, expect={MM: ["different"]}),
    case("t12", titled(HYPER, "Hypertension and cognitive decline in a rural cohort over 20 years"), 2016),
    case("t13", titled(HYPER, "Hypertension and cognitive decline in a rural cohort"), 2016, expect={MM: ["truncated"]}),
    case("t14", titled(HYPER, "Hypertension and cognitive decline in an urban cohort over twenty years"), 2016, expect={MM: ["different"]}),
    case("t15", titled(NUMPY, "Array programming with"), 2020, expect={MM: ["truncated"]}),
    case("t16", titled(NUMPY, "Array programming with Num..."), 2020, expect={MM: ["truncated"]}),
    case("t17", titled(LSTM, "Long Short Term Memory"), 1997),
    case("t18", titled(BWA, "Fast and accurate long read alignment with Burrows-Wheeler transform"), 2009, expect={MM: ["different"]}),
    case("t19", titled(BWA, "Fast and accurate short read alignment with Burrows–Wheeler Transform"), 2009),
    case("t20", titled(ECOL, "Seed dispersal by frugivorous birds across a fragmented tropical landscape"), 2014, expect={MM: ["different"]}),
    case("t21", titled(ECOL, "Seed dispersal by frugivorous bats across a fragmented landscape"), 2014, expect={MM: ["different"]}),
    case("t22", titled(SMITH, "Sleep deprivation impairs working-memory consolidation in adolescents"), 2017),
    case("t23", titled(HIST, "Grain prices and parish relief in the Lincolnshire fens"), 2014, expect={MM: ["truncated"]}),
    case("t24", titled(LEE, "Social media use and loneliness in older adults"), 2022, note="subtitle left out"),
    case("t25", titled(LEE, "Social media use and loneliness in older adults: a cross-sectional study"), 2022, expect={MM: ["different"]}),
    case("t26", titled(LEE, "Social media use and loneliness in older adults - A longitudinal cohort study"), 2022),
    case("t27", dict(doi="10.1007/978-3-319-24574-4_28", kind="chapter", authors=["Ronneberger, O.", "Fischer, P.", "Brox, T."], title="U-Net", container="MICCAI 2015"), 2015),
    case("t28", titled(PERMAFROST, "Permafrost carbon release on the Yamal peninsula under arctic amplification"), 2018, note="a small word"),
    case("t29", titled(CHRONO, "Genome-wide association study of chronotype in 697 828 individuals"), 2019),
    case("t30", dict(doi="10.1037/0022-3514.54.6.1063", authors=["Watson, D.", "Clark, L. A.", "Tellegen, A."], title="Development and validation of brief measures of positive and negative affect: the PANAS scales", container="J. Pers. Soc. Psychol."), 1988),
    case("t31", dict(doi="10.1016/s0140-6736(97)11096-0", authors=["Wakefield, A. J.", "Murch, S. H.", "Anthony, A."], title="Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children", container="Lancet"), 1998, expect={"retracted-reference": True}, note="RETRACTED: prefix in the record"),
    case("t32", titled(SMITH, "Sleep deprivation impairs long-term memory consolidation in adolescents"), 2017, expect={MM: ["different"]}),
    case("t34", AMP, 2020, note="&amp; and <sub> in the record"),
    case("t35", titled(AMP, "Roads & rivers"), 2020),
    case("t36", titled(UK, "Modeling tumor growth in pediatric oncology: a program of research"), 2011, note="American spelling"),
    case("t37", titled(UK, "Modelling tumour growth in adult oncology: a programme of research"), 2011, expect={MM: ["different"]}),
    case("t38", titled(SMITH, "Sleep deprivation impairs workng memory consolidation in adolescents"), 2017, expect={MM: ["different"]}),
    case("t39", titled(XGB, "XGBoost"), 2016),
    case("t40", titled(BERT, "BERT: pre-training of deep bidirectional transformers"), 2019, expect={MM: ["truncated"]}),
    case("t41", titled(GAN, "Generative adversarial nets"), 2020, expect={MM: ["different"]}),
    case("t42", dict(doi="10.1111/j.2517-6161.1972.tb00899.x", authors=["Cox, D. R."], title="Regression models and life tables", container="J. R. Stat. Soc. B"), 1972),
    case("t43", titled(LECUN, "Deep learning: a review"), 2015, note="a subtitle the record lacks"),
    case("t44", titled(HIST, "Grain prices and parish relief in the Lincolnshire fens, 1795–1834"), 2014),
    case("t45", titled(SHORT, "Edge caching for low latency video streaming in 5G networks"), 2021),
    case("t46", titled(SMITH, "Sleep deprivation impairs working memory consolidation in adolescents [Internet]"), 2017, note="a note the list appends"),
    case("t47", titled(HIST, "Grain prices and parish relief in the Lincolnshire fens, 1795-1834 (in English)"), 2014),
    case("t48", titled(SMITH, "Sleep deprivation impairs working memory consolidation in adolescent boys"), 2017, expect={MM: ["different"]}),
    case("t33", titled(ECOL, "Seed dispersal by frugivorous bats across a fragmented tropical"), 2014, expect={MM: ["truncated"]}),
]

# Every other registry rule, with look-alikes that must stay silent.
OTHERS = [
    case("d01", {**LECUN, "doi": "10.1038/nature1453"}, 2015, expect={"doi-not-found": True}),
    case("d02", {**SMITH, "doi": "10.5555/smith.2017.320"}, 2017, expect={"doi-not-found": True}),
    case("d03", {**ECOL, "doi": "10.5555/ecol.2013.1178"}, 2014, expect={"doi-not-found": True}),
    case("d04", dict(doi="10.48550/arxiv.1706.03762", kind="misc", authors=["Vaswani, A.", "Shazeer, N."], title="Attention is all you need", container="arXiv"), 2017, note="DataCite"),
    case("d05", dict(doi="10.3280/es2019-002001", authors=["Rossi, L."], title="Sviluppo locale e cooperazione", container="Economia e Società Regionale"), 2019, note="mEDRA: doi.org only"),
    case("d06", {**NUMPY, "doi": "10/ggp5rm"}, 2020, note="shortDOI"),
    case("d07", {**LECUN, "doi": "10.1038/nature14236"}, 2015, expect={"doi-mismatch": True}),
    case("d08", {**ECOL, "doi": "10.5555/hist.2014.22"}, 2014, expect={"doi-mismatch": True}),
    case("d09", {**SMITH, "doi": "10.5555/lee.2022.41"}, 2017, expect={"doi-mismatch": True}),
    case("d10", {**LSTM, "doi": "10.1093/nar/25.17.3389"}, 1997, expect={"doi-mismatch": True}),
    case("d11", dict(doi="10.1101/2020.03.22.002386", authors=["Gordon, D. E.", "Jang, G. M."], title="A SARS-CoV-2 protein interaction map reveals targets for drug repurposing", container="Nature"), 2020, expect={MM: ["version"]}),
    case("d12", dict(doi="10.17632/7hpxhyr3j4.1", kind="dataset", authors=["García, L."], title="Leaf trait measurements of 120 Mediterranean shrub species", container="Mendeley Data"), 2021),
    case("d13", {**LSTM, "doi": "10.1162/neco.1997.9.8.1753"}, 1997, expect={"doi-not-found": True}),
    case("d14", {**LEE, "doi": "10.5555/lee.2022.14"}, 2022, expect={"doi-not-found": True}),
    case("d15", {**AMP, "doi": "10.5555/uk.2011.40"}, 2020, expect={"doi-mismatch": True}),
    case("d16", {**GAN, "doi": "10.1038/nature14539"}, 2020, expect={"doi-mismatch": True}),
    case("d17", titled(KM, "NONPARAMETRIC ESTIMATION FROM INCOMPLETE OBSERVATIONS"), 1958),
    case("m07", {**AMP, "doi": None}, 2020, expect={"missing-doi": AMP["doi"]}),
    case("m08", {**UK, "doi": None}, 2011, expect={"missing-doi": UK["doi"]}),
    case("m09", {**SHORT, "doi": None}, 2021, expect={"missing-doi": SHORT["doi"]}),
    case("u08", dict(doi=None, authors=["Moretti, G."], title="Anomalous charm production at forward rapidity", container="Physical Review D", volume="88"), 2013, expect={"unresolved-reference": True}),
    case("r07", dict(doi="10.5555/retracted.2021.9", authors=["Haddad, O.", "Saleh, L."], title="Ivermectin shortens recovery in mild respiratory infection: a multicenter trial", container="J. Antimicrob. Ther."), 2021, expect={"retracted-reference": True}),
    case("m01", {**ECOL, "doi": None}, 2014, expect={"missing-doi": ECOL["doi"]}),
    case("m02", {**SMITH, "doi": None}, 2017, expect={"missing-doi": SMITH["doi"]}),
    case("m03", {**LEE, "doi": None}, 2022, expect={"missing-doi": LEE["doi"]}),
    case("m04", {**PERMAFROST, "doi": None}, 2018, expect={"missing-doi": PERMAFROST["doi"]}),
    case("m05", {**HIST, "doi": None}, 2014, expect={"missing-doi": HIST["doi"]}),
    case("m06", dict(doi=None, authors=["Okonkwo, C."], title="Fruit bats as seed dispersers in West African forest remnants", container="J. Trop. Ecol."), 2008, expect={"unresolved-reference": True}),
    case("u01", dict(doi=None, authors=["Smith, A."], title="Quantum effects in avian navigation revisited", container="Nature", volume="12"), 2021, expect={"unresolved-reference": True}),
    case("u02", dict(doi=None, authors=["Kowalski, P.", "Reyes, D."], title="Napping and exam performance in first-year medical students", container="Journal of Sleep Research"), 2019, expect={"unresolved-reference": True}),
    case("u03", dict(doi=None, kind="book", authors=["Hart, R."], title="A history of seaside towns", container=None, publisher="Faber"), 1999),
    case("u04", dict(doi=None, kind="webpage", authors=[], title="Heat wave warnings", container=None, urls=["https://www.bbc.co.uk/news/heat"]), None),
    case("u05", dict(doi=None, authors=["Kingma, D. P.", "Ba, J."], title="Adam: A method for stochastic optimization", container="arXiv preprint arXiv:1412.6980"), 2014),
    case("u06", dict(doi=None, kind="thesis", authors=["Hochreiter, S."], title="Untersuchungen zu dynamischen neuronalen Netzen", container=None, publisher="TU München"), 1991),
    case("u07", dict(doi=None, authors=["Pereira, T."], title="Conflitos fundiários na fronteira agrícola do Pará", container="Revista Amazônica de Estudos Agrários", volume="7"), 2016, expect={"unresolved-reference": True}, note="a journal Crossref does not know: info"),
    case("r01", dict(doi="10.5555/retracted.2018.5", authors=["Lang, V.", "Moreau, I."], title="Fabricated gains: a placebo-controlled trial of curcumin in knee osteoarthritis", container="Clin. Rheumatol. Rep."), 2018, expect={"retracted-reference": True}),
    case("r02", dict(doi="10.5555/rw.2016.77", authors=["Ferri, M.", "Nowak, J."], title="Dietary nitrate improves cognitive flexibility in older adults: a randomised trial", container="Nutrition and Ageing"), 2016, expect={"retracted-reference": True}),
    case("r03", dict(doi="10.5555/corrected.2017.3", authors=["Molefe, T."], title="Groundwater recharge estimates for the Kalahari from chloride mass balance", container="Hydrogeol. J."), 2017, expect={"editorial-notice": True}),
    case("r04", dict(doi="10.1038/s41592-019-0686-2", authors=["Virtanen, P.", "Gommers, R.", "Oliphant, T. E."], title="SciPy 1.0: fundamental algorithms for scientific computing in Python", container="Nat. Methods"), 2020, expect={"editorial-notice": True}),
    case("r05", dict(doi="10.5555/eoc.2019.3", authors=["Watanabe, K.", "Schmidt, L."], title="Mitochondrial transfer rescues senescent fibroblasts in vivo", container="Cell Rep. Med."), 2019, expect={"editorial-notice": True}),
    case("r06", dict(doi="10.5555/withdrawn.2022.1", authors=["Raman, P."], title="A scalable catalyst for ambient ammonia synthesis", container="Chem. Commun."), 2022, expect={"editorial-notice": True}),
]

SCIPY = dict(
    doi="10.1038/s41592-019-0686-2",
    authors=["Virtanen, P.", "Gommers, R.", "Oliphant, T. E."],
    title="SciPy 1.0: fundamental algorithms for scientific computing in Python",
    container="Nat. Methods",
)
RESNET = dict(
    doi="10.1109/cvpr.2016.90",
    kind="inproceedings",
    authors=["He, K.", "Zhang, X.", "Ren, S.", "Sun, J."],
    title="Deep residual learning for image recognition",
    container="Proc. CVPR",
)
GLOVE = dict(
    doi="10.3115/v1/d14-1162",
    kind="inproceedings",
    authors=["Pennington, J.", "Socher, R.", "Manning, C. D."],
    title="GloVe: Global vectors for word representation",
    container="EMNLP",
)
SMOTE = dict(
    doi="10.1613/jair.953",
    authors=["Chawla, N. V.", "Bowyer, K. W.", "Hall, L. O.", "Kegelmeyer, W. P."],
    title="SMOTE: synthetic minority over-sampling technique",
    container="J. Artif. Intell. Res.",
)
BLAST = dict(
    doi="10.1093/nar/25.17.3389",
    authors=["Altschul, S. F.", "Madden, T. L.", "Schäffer, A. A."],
    title="Gapped BLAST and PSI-BLAST: a new generation of protein database search programs",
    container="Nucleic Acids Res.",
)
DQN = dict(
    doi="10.1038/nature14236",
    authors=["Mnih, V.", "Kavukcuoglu, K.", "Silver, D."],
    title="Human-level control through deep reinforcement learning",
    container="Nature",
)
GO = dict(
    doi="10.1038/nature16961",
    authors=["Silver, D.", "Huang, A.", "Maddison, C. J."],
    title="Mastering the game of Go with deep neural networks and tree search",
    container="Nature",
)
AUTOENC = dict(
    doi="10.1126/science.1127647",
    authors=["Hinton, G. E.", "Salakhutdinov, R. R."],
    title="Reducing the dimensionality of data with neural networks",
    container="Science",
)
PANAS = dict(
    doi="10.1037/0022-3514.54.6.1063",
    authors=["Watson, D.", "Clark, L. A.", "Tellegen, A."],
    title="Development and validation of brief measures of positive and negative affect: the PANAS scales",
    container="J. Pers. Soc. Psychol.",
)
DESEQ = dict(
    doi="10.1186/s13059-014-0550-8",
    authors=["Love, M. I.", "Huber, W.", "Anders, S."],
    title="Moderated estimation of fold change and dispersion for RNA-seq data with DESeq2",
    container="Genome Biol.",
)

# Written after the rules and the cases above were settled, and run once before any
# change: the figures of that first run are in the README as the held-out check.
HELD_OUT = [
    case("h01", LECUN, 2015, cited=[2014], expect={CYM: "text-wrong"}),
    case("h02", NUMPY, 2019, cited=[2020], expect={YM: "list-wrong"}),
    case("h03", authors(NUMPY, ["Harris, C. R.", "Milman, K. J.", "van der Walt, S. J."]), 2020, expect={MM: ["misspelt"]}),
    case("h04", authors(NUMPY, ["Harris, C. R.", "van der Walt, S. J.", "Millman, K. J."]), 2020, expect={MM: ["reordered"]}),
    case("h05", dict(doi="10.1038/s41586-020-2286-9", authors=["Gordon, D. E.", "Jang, G. M.", "Bouhaddou, M."], title="A SARS-CoV-2 protein interaction map reveals targets for drug repurposing", container="Nature"), 2020, cited=[2020]),
    case("h06", titled(BWA, "Fast and accurate short read alignment with Burrows-Wheeler transform."), 2009),
    case("h07", authors(BWA, ["Li, H.", "Durbin, R.", "Homer, N."]), 2009, expect={MM: ["added"]}),
    case("h08", SCIPY, 2020, expect={"editorial-notice": True}),
    case("h09", SCIPY, 2019, cited=[2020], expect={YM: "list-wrong", "editorial-notice": True}),
    case("h10", dict(doi="10.1016/s0140-6736(97)11096-0", authors=["Wakefield, A. J."], title="Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children", container="The Lancet"), 1998, cited=[1998], expect={"retracted-reference": True}),
    case("h11", DESEQ, 2014),
    case("h12", authors(DESEQ, ["Love, M. I.", "Anders, S.", "Huber, W."]), 2014, expect={MM: ["reordered"]}),
    case("h13", RESNET, 2016),
    case("h14", RESNET, 2015, cited=[2016], expect={YM: "list-wrong"}),
    case("h15", GLOVE, 2014),
    case("h16", authors(GLOVE, ["Pennington, J.", "Socher, R.", "Maning, C. D."]), 2014, expect={MM: ["misspelt"]}),
    case("h17", SMOTE, 2002),
    case("h18", authors(SMOTE, ["Chawla, N. V.", "Hall, L. O.", "Bowyer, K. W.", "Kegelmeyer, W. P."]), 2002, expect={MM: ["reordered"]}),
    case("h19", dict(doi="10.1023/a:1010933404324", authors=["Breiman, L."], title="Random forest", container="Mach. Learn."), 2001),
    case("h20", dict(doi="10.1007/bf00994018", authors=["Cortes, C.", "Vapnik, V."], title="Support vector networks", container="Mach. Learn."), 1995),
    case("h21", dict(doi="10.1214/aos/1013203451", authors=["Friedman, J. H."], title="Greedy function approximation", container="Ann. Stat."), 2001),
    case("h22", authors(BLAST, ["Altschul, S. F.", "Madden, T. L.", "Schaffer, A. A."]), 1997),
    case("h23", authors(BLAST, ["Altschul, S. F.", "Madden, T. L.", "Schaeffer, A. A."]), 1997),
    case("h24", titled(BLAST, "Gapped BLAST and PSI-BLAST: a new generation of protein database search program"), 1997),
    case("h25", DQN, 2015),
    case("h26", DQN, 2016, cited=[2015], expect={YM: "list-wrong"}),
    case("h27", GO, 2016, cited=[2017], expect={CYM: "text-wrong"}),
    case("h28", authors(AUTOENC, ["Hinton, G. E.", "Salakhudinov, R. R."]), 2006, expect={MM: ["misspelt"]}),
    case("h29", dict(doi="10.1007/978-3-319-24574-4_28", kind="chapter", authors=["Ronneberger, O.", "Fischer, P.", "Brox, T."], title="U-Net: convolutional networks for biomedical image segmentation", container="MICCAI"), 2015),
    case("h30", PANAS, 1988),
    case("h31", authors(PANAS, ["Clark, L. A.", "Watson, D.", "Tellegen, A."]), 1988, expect={MM: ["reordered"]}),
    case("h32", dict(doi="10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0", authors=["Cronin, B."], title="Metatheorizing citation", container="J. Am. Soc. Inf. Sci."), 1998),
    case("h33", JESP, 2018, cited=[2019], expect={CYM: "either"}),
    case("h34", dict(doi="10.5555/withdrawn.2022.1", authors=["Raman, P."], title="A scalable catalyst for ambient ammonia synthesis", container="Chem. Commun."), 2022, expect={"editorial-notice": True}),
    case("h35", dict(doi="10.5555/eoc.2019.3", authors=["Watanabe, K.", "Schmidt, L."], title="Mitochondrial transfer rescues senescent fibroblasts in vivo", container="Cell Rep. Med."), 2020, cited=[2019], expect={YM: "list-wrong", "editorial-notice": True}),
    case("h36", KM, 1959, cited=[1958], expect={YM: "list-wrong"}),
    case("h37", dict(doi="10.1111/j.2517-6161.1972.tb00899.x", authors=["Cox, D. R."], title="Regression models and life-tables", container="J. R. Stat. Soc. B"), 1972),
    case("h38", dict(doi="10.1111/j.2517-6161.1995.tb02031.x", authors=["Benjamini, Y.", "Hochberg, Y."], title="Controlling the false discovery rate", container="J. R. Stat. Soc. B"), 1995),
    case("h39", {**BWA, "doi": "10.1093/bioinformatics/btp234"}, 2009, expect={"doi-not-found": True}),
    case("h40", {**SMOTE, "doi": "10.1023/a:1010933404324"}, 2002, expect={"doi-mismatch": True}),
    case("h41", {**DQN, "doi": None}, 2015, expect={"missing-doi": DQN["doi"]}),
    case("h42", dict(doi=None, authors=["Haldorsen, K."], title="Deep learning for seismic inversion beneath salt bodies", container="Geophysics", volume="85"), 2020, expect={"unresolved-reference": True}),
    case("h43", authors(ECOL, ["Herrera, L.", "Wojcik, T.", "Begay, A."]), 2014),
    case("h44", authors(ECOL, ["Herrera, L.", "Begay, A."]), 2014, expect={MM: ["dropped"]}),
    case("h45", titled(LEE, "Social media use and loneliness among older adults: a longitudinal cohort study"), 2022, expect={MM: ["different"]}),
    case("h46", titled(PERMAFROST, "Permafrost carbon release in the Yamal Peninsula under Arctic Amplification"), 2018),
    case("h47", titled(HYPER, "Hypertension and cognitive decline in a rural cohort over twenty years: the Ogun study"), 2016, note="a subtitle the record lacks"),
    case("h48", authors(CHRONO, ["Jones, S. E.", "Lane, J. M.", "Wood, A. R.", "van Hees, V. T.", "Tyrrell, J.", "Beaumont, R. N.", "Jeffries, A. R.", "Dashti, H. S.", "Hillsdon, M.", "Ruth, K. S."]), 2019),
    case("h49", {**CHRONO, "container": "Nature Communications"}, 2019, cited=[2019]),
    case("h50", INPRESS, 2023, cited=[2023]),
]

CASES = YEARS + AUTHORS + TITLES + OTHERS + HELD_OUT

ABOUT = (
    "entries: 50 entries without DOIs, written as authors write them (abbreviated journals, "
    "missing subtitles, accents dropped, online-first years, typos), each labelled with the "
    "DOI a reader should be pointed to, or null when no record in works.json is that work "
    "(look-alikes, other versions, duplicates, fabricated works); measured by "
    "benches/resolution.py. rules: made-up entries labelled with what each registry rule "
    "should say (see build_labelled_rules.py for the outcomes), including the cases that must "
    "stay silent; measured by benches/registry_rules.py. Never derived from ../shared/examples."
)


def write() -> None:
    path = HERE / "labelled.json"
    data = json.loads(path.read_text("utf-8"))
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "case ids repeat"
    lines = ["{", f' "about": {json.dumps(ABOUT, ensure_ascii=False)},', ' "entries": [']
    lines.append(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in data["entries"]))
    lines.append(" ],")
    lines.append(' "rules": [')
    lines.append(",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in CASES))
    lines.append(" ]")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", "utf-8")


if __name__ == "__main__":
    write()
