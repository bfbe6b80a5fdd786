# ruff: noqa: E501
"""Write refs.bib and expected-bibtex.txt for the latex-natbib example.

Deterministic: run it again and the files come out byte for byte the same.

refs.bib holds the works the paper cites (written out by hand below, invented but
realistic; DOIs use Crossref's example prefix 10.5555, so they resolve nowhere) and
several hundred generated entries that it does not cite, as a real group .bib file
does. expected-bibtex.txt is what BibTeX would say about main.tex, derived here by
BibTeX's own rules and independently of citeaudit:

* a citation is any \\cite-family command (natbib's \\citep, \\citet, \\citeauthor,
  \\citeyearpar, \\citealt, \\citealp, ... and \\nocite) that LaTeX would typeset, so
  text after an unescaped % and inside the comment, verbatim and lstlisting
  environments does not count -- those never reach the .aux file;
* BibTeX looks cite keys up case-insensitively: a key that differs from its database
  entry only in case is found, with "Warning--case mismatch" (biber, by contrast, is
  case-sensitive and would report it missing);
* a key with no entry at all gives "Warning--I didn't find a database entry for".

Usage: python make_bib.py   (from this folder)
"""

from __future__ import annotations

import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRA_ENTRIES = 380
SEED = 20240601

# key, type, authors, year, title, container, volume, number, pages, doi
CITED = [
    (
        "oke1982",
        "article",
        "Oke, Timothy R.",
        1982,
        "The Energetic Basis of the Urban Heat Island",
        "Quarterly Journal of the Royal Meteorological Society",
        "108",
        "455",
        "1--24",
        "10.5555/qj.1982.455",
    ),
    (
        "arnfield2003",
        "article",
        "Arnfield, A. John",
        2003,
        "Two Decades of Urban Climate Research: A Review of Turbulence, Exchanges of Energy and Water, and the Urban Heat Island",
        "International Journal of Climatology",
        "23",
        "1",
        "1--26",
        "10.5555/joc.2003.859",
    ),
    (
        "grimmond2010",
        "article",
        "Grimmond, C. Sue B. and Blackett, Matthew and Best, Martin J.",
        2010,
        "The International Urban Energy Balance Models Comparison Project: First Results from Phase 1",
        "Journal of Applied Meteorology and Climatology",
        "49",
        "6",
        "1268--1292",
        "10.5555/2010jamc2354.1",
    ),
    (
        "heaviside2017",
        "article",
        "Heaviside, Clare and Macintyre, Helen and Vardoulakis, Sotiris",
        2017,
        "The Urban Heat Island: Implications for Health in a Changing Environment",
        "Current Environmental Health Reports",
        "4",
        "3",
        "296--305",
        "10.5555/s40572-017-0150-3",
    ),
    (
        "ballester2023",
        "article",
        "Ballester, Joan and Quijal-Zamorano, Marcos and Turrubiates, Ra{\\'u}l Fernando M{\\'e}ndez",
        2023,
        "Heat-Related Mortality in Europe during the Summer of 2022",
        "Nature Medicine",
        "29",
        "7",
        "1857--1866",
        "10.5555/s41591-023-02419-z",
    ),
    (
        "santamouris2015",
        "article",
        "Santamouris, Mattheos",
        2015,
        "Analyzing the Heat Island Magnitude and Characteristics in One Hundred Asian and Australian Cities and Regions",
        "Science of the Total Environment",
        "512",
        "",
        "582--598",
        "10.5555/j.scitotenv.2015.01.060",
    ),
    (
        "akbari2012",
        "article",
        "Akbari, Hashem and Matthews, H. Damon",
        2012,
        "Global Cooling Updates: Reflective Roofs and Pavements",
        "Energy and Buildings",
        "55",
        "",
        "2--6",
        "10.5555/j.enbuild.2012.02.055",
    ),
    (
        "bowler2010",
        "article",
        "Bowler, Diana E. and Buyung-Ali, Lisette and Knight, Teri M. and Pullin, Andrew S.",
        2010,
        "Urban Greening to Cool Towns and Cities: A Systematic Review of the Empirical Evidence",
        "Landscape and Urban Planning",
        "97",
        "3",
        "147--155",
        "10.5555/j.landurbplan.2010.05.006",
    ),
    (
        "gago2013",
        "article",
        "Gago, E. J. and Roldan, J. and Pacheco-Torres, R. and Ord{\\'o}{\\~n}ez, J.",
        2013,
        "The City and Urban Heat Islands: A Review of Strategies to Mitigate Adverse Effects",
        "Renewable and Sustainable Energy Reviews",
        "25",
        "",
        "749--758",
        "10.5555/j.rser.2013.05.057",
    ),
    (
        "voogt2003",
        "article",
        "Voogt, James A. and Oke, Timothy R.",
        2003,
        "Thermal Remote Sensing of Urban Climates",
        "Remote Sensing of Environment",
        "86",
        "3",
        "370--384",
        "10.5555/s0034-4257(03)00079-8",
    ),
    (
        "zhao2014",
        "article",
        "Zhao, Lei and Lee, Xuhui and Smith, Ronald B. and Oleson, Keith",
        2014,
        "Strong Contributions of Local Background Climate to Urban Heat Islands",
        "Nature",
        "511",
        "7508",
        "216--219",
        "10.5555/nature13462",
    ),
    (
        "stewart2012",
        "article",
        "Stewart, Iain D. and Oke, Timothy R.",
        2012,
        "Local Climate Zones for Urban Temperature Studies",
        "Bulletin of the American Meteorological Society",
        "93",
        "12",
        "1879--1900",
        "10.5555/bams-d-11-00019.1",
    ),
    (
        "ziter2019",
        "article",
        "Ziter, Carly D. and Pedersen, Eric J. and Kucharik, Christopher J. and Turner, Monica G.",
        2019,
        "Scale-Dependent Interactions between Tree Canopy Cover and Impervious Surfaces Reduce Daytime Urban Heat during Summer",
        "Proceedings of the National Academy of Sciences",
        "116",
        "15",
        "7575--7580",
        "10.5555/pnas.1817561116",
    ),
    (
        "liang2001",
        "article",
        "Liang, Shunlin",
        2001,
        "Narrowband to Broadband Conversions of Land Surface Albedo I: Algorithms",
        "Remote Sensing of Environment",
        "76",
        "2",
        "213--238",
        "10.5555/s0034-4257(00)00205-4",
    ),
    (
        "chow2012",
        "article",
        "Chow, Winston T. L. and Brennan, Dean and Brazel, Anthony J.",
        2012,
        "Urban Heat Island Research in Phoenix, Arizona: Theoretical Contributions and Policy Applications",
        "Bulletin of the American Meteorological Society",
        "93",
        "4",
        "517--530",
        "10.5555/bams-d-11-00011.1",
    ),
    (
        "hondula2015",
        "article",
        "Hondula, David M. and Balling, Robert C. and Vanos, Jennifer K. and Georgescu, Matei",
        2015,
        "Rising Temperatures, Human Health, and the Role of Adaptation",
        "Current Climate Change Reports",
        "1",
        "3",
        "144--154",
        "10.5555/s40641-015-0016-4",
    ),
    (
        "ward2016",
        "article",
        "Ward, Kathryn and Lauf, Steffen and Kleinschmit, Birgit and Endlicher, Wilfried",
        2016,
        "Heat Waves and Urban Heat Islands in Europe: A Review of Relevant Drivers",
        "Science of the Total Environment",
        "569--570",
        "",
        "527--539",
        "10.5555/j.scitotenv.2016.06.119",
    ),
    (
        "coutts2013",
        "article",
        "Coutts, Andrew M. and Tapper, Nigel J. and Beringer, Jason and Loughnan, Margaret and Demuzere, Matthias",
        2013,
        "Watering Our Cities: The Capacity for Water Sensitive Urban Design to Support Urban Cooling and Improve Human Thermal Comfort in the Australian Context",
        "Progress in Physical Geography",
        "37",
        "1",
        "2--28",
        "10.5555/0309133312461032",
    ),
    (
        "manoli2019",
        "article",
        'Manoli, Gabriele and Fatichi, Simone and Schl{\\"a}pfer, Markus and Yu, Kailiang',
        2019,
        "Magnitude of Urban Heat Islands Largely Explained by Climate and Population",
        "Nature",
        "573",
        "7772",
        "55--60",
        "10.5555/s41586-019-1512-9",
    ),
    (
        "taleghani2018",
        "article",
        "Taleghani, Mohammad",
        2018,
        "Outdoor Thermal Comfort by Different Heat Mitigation Strategies: A Review",
        "Renewable and Sustainable Energy Reviews",
        "81",
        "",
        "2011--2018",
        "10.5555/j.rser.2017.06.010",
    ),
    (
        "middel2015",
        "article",
        "Middel, Ariane and Chhetri, Nalini and Quay, Raymond",
        2015,
        "Urban Forestry and Cool Roofs: Assessment of Heat Mitigation Strategies in Phoenix Residential Neighborhoods",
        "Urban Forestry \\& Urban Greening",
        "14",
        "1",
        "178--186",
        "10.5555/j.ufug.2014.09.010",
    ),
    (
        "wongsrivat2021",
        "book",
        "Wongsrivat, Pimchanok",
        2021,
        "Shade and the Tropical Street: Planning for Heat in South-East Asian Cities",
        "",
        "",
        "",
        "",
        "",
    ),
    (
        "harlan2006",
        "article",
        "Harlan, Sharon L. and Brazel, Anthony J. and Prashad, Lela and Stefanov, William L. and Larsen, Larissa",
        2006,
        "Neighborhood Microclimates and Vulnerability to Heat Stress",
        "Social Science \\& Medicine",
        "63",
        "11",
        "2847--2863",
        "10.5555/j.socscimed.2006.07.030",
    ),
    (
        "mora2017",
        "article",
        "Mora, Camilo and Dousset, B{\\'e}n{\\'e}dicte and Caldwell, Iain R.",
        2017,
        "Global Risk of Deadly Heat",
        "Nature Climate Change",
        "7",
        "7",
        "501--506",
        "10.5555/nclimate3322",
    ),
    (
        "li2013",
        "article",
        "Li, Dan and Bou-Zeid, Elie",
        2013,
        "Synergistic Interactions between Urban Heat Islands and Heat Waves: The Impact in Cities Is Larger than the Sum of Its Parts",
        "Journal of Applied Meteorology and Climatology",
        "52",
        "9",
        "2051--2064",
        "10.5555/jamc-d-13-02.1",
    ),
    (
        "schwaab2021",
        "article",
        "Schwaab, Jonas and Meier, Ronny and Mussetti, Gianluca and Seneviratne, Sonia",
        2021,
        "The Role of Urban Trees in Reducing Land Surface Temperatures in European Cities",
        "Nature Communications",
        "12",
        "1",
        "6763",
        "10.5555/s41467-021-26768-w",
    ),
    (
        "norton2015",
        "article",
        "Norton, Briony A. and Coutts, Andrew M. and Livesley, Stephen J. and Harris, Richard J.",
        2015,
        "Planning for Cooler Cities: A Framework to Prioritise Green Infrastructure to Mitigate High Temperatures in Urban Landscapes",
        "Landscape and Urban Planning",
        "134",
        "",
        "127--138",
        "10.5555/j.landurbplan.2014.10.018",
    ),
    # In the .bib but only cited where LaTeX does not look: a % comment, the comment
    # environment and an lstlisting. They must come out as uncited.
    (
        "ghost2020",
        "misc",
        "Okafor, Chidi and Brandt, Lena",
        2020,
        "Night-Time Cooling by Street Trees: A Preprint",
        "",
        "",
        "",
        "",
        "",
    ),
    (
        "hidden2019",
        "article",
        "Rossi, Giulia and Tan, Wei Ling",
        2019,
        "Green Roofs and Night-Time Air Temperature in Dense Districts",
        "Urban Climate",
        "29",
        "",
        "100497",
        "10.5555/j.uclim.2019.100497",
    ),
    (
        "listing2018",
        "manual",
        "Seabold, Skipper and Perktold, Josef",
        2018,
        "Statsmodels: Mixed Linear Model Regression",
        "",
        "",
        "",
        "",
        "",
    ),
]

SURNAMES = [
    "Abadi", "Almeida", "Andersson", "Bakker", "Banerjee", "Becker", "Bianchi", "Chen", "Cruz",
    "Dubois", "Eze", "Fernandes", "Fischer", "Garc{\\'i}a", "Gupta", "Haddad", "Hansen", "Hoang",
    "Ibrahim", "Ivanova", "Jensen", "Kim", "Kowalski", "Kumar", "Laurent", "Lindqvist", "Lopez",
    "Mahlangu", "Martins", "Meyer", "Moreau", "Mwangi", "Nguyen", "Novak", "Nowak", "Okonkwo",
    "Olsen", "Park", "Pereira", "Petrov", "Popescu", "Rahman", "Ramos", "Richter", "Rosen",
    "Saito", "Santos", "Schmidt", "Setiawan", "Silva", "Sousa", "Suzuki", "Takahashi", "Tanaka",
    "van der Berg", "Varga", "Wang", "Weber", "Wijaya", "Yilmaz", "Zhang", "M{\\\"u}ller",
    "{\\O}stergaard", "Kurniawan", "Hidayat", "O'Brien", "de Souza", "Al-Farsi",
]  # fmt: skip
GIVEN = [
    "Ana", "Benedikt", "Carmen", "Dewi", "Eitan", "Fatima", "Gustavo", "Hiroshi", "Ines",
    "Jae-won", "Kofi", "Lucia", "Mateusz", "Nadia", "Oluwaseun", "Priya", "Qiang", "Rahel",
    "Siti", "Tomasz", "Umut", "Valentina", "Wen", "Xavier", "Yuki", "Zeynep",
]  # fmt: skip
TOPICS = [
    "Urban Heat Island", "Street Canyon Ventilation", "Evapotranspiration", "Cool Roofs",
    "Green Infrastructure", "Thermal Comfort", "Land Surface Temperature", "Heat-Health Warning",
    "Urban Canopy Layer", "Sky View Factor", "Anthropogenic Heat", "Permeable Pavements",
    "Blue-Green Corridors", "Local Climate Zones", "Heat Vulnerability",
]  # fmt: skip
OPENERS = [
    "Assessing", "Mapping", "Modelling", "Quantifying", "Revisiting", "Towards an Index of",
    "Observed Trends in", "Seasonal Variation of", "A Field Study of", "Uncertainty in",
]  # fmt: skip
PLACES = [
    "Jakarta", "Lagos", "Berlin", "S{\\~a}o Paulo", "Melbourne", "Hanoi", "Madrid", "Chicago",
    "Nairobi", "Seoul", "Warsaw", "Bandung", "Lisbon", "Cairo", "Montr{\\'e}al",
]  # fmt: skip
JOURNALS = [
    "Urban Climate", "Building and Environment", "Landscape and Urban Planning",
    "International Journal of Biometeorology", "Theoretical and Applied Climatology",
    "Sustainable Cities and Society", "Environmental Research Letters",
    "Boundary-Layer Meteorology", "Urban Forestry \\& Urban Greening", "Atmosphere",
]  # fmt: skip
PUBLISHERS = ["Routledge", "Springer", "Cambridge University Press", "Elsevier", "Wiley"]
CITE = re.compile(r"\\(?:cite[a-zA-Z]*|nocite)\*?\s*(?:\[[^\]]*\]\s*){0,2}\{([^{}]*)\}")
HIDDEN_ENV = re.compile(r"\\begin\{(comment|verbatim|lstlisting|minted)\}.*?\\end\{\1\}", re.DOTALL)
INPUT = re.compile(r"\\(?:input|include)\{([^{}]+)\}")


def _field_lines(fields: list[tuple[str, str]]) -> str:
    return ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)


def cited_entry(row: tuple[str, str, str, int, str, str, str, str, str, str]) -> str:
    key, kind, authors, year, title, container, volume, number, pages, doi = row
    container_field = {"article": "journal", "incollection": "booktitle"}.get(kind, "")
    fields = [("author", authors), ("title", title), ("year", str(year))]
    if container_field:
        fields.append((container_field, container))
    fields += [("volume", volume), ("number", number), ("pages", pages), ("doi", doi)]
    if kind == "book":
        fields.append(("publisher", "Routledge"))
    if kind == "misc":
        fields.append(("howpublished", "Preprint, withdrawn"))
    return f"@{kind}{{{key},\n{_field_lines(fields)}\n}}\n"


def generated_entries(rng: random.Random, taken: set[str]) -> list[str]:
    entries: list[str] = []
    for _ in range(EXTRA_ENTRIES):
        n_authors = rng.choice([1, 1, 2, 2, 3, 3, 4, 6])
        people = [(rng.choice(SURNAMES), rng.choice(GIVEN)) for _ in range(n_authors)]
        authors = " and ".join(f"{family}, {given}" for family, given in people)
        year = rng.randint(1975, 2024)
        topic = rng.choice(TOPICS)
        title = f"{rng.choice(OPENERS)} {topic} in {rng.choice(PLACES)}"
        if rng.random() < 0.4:
            title += f": Evidence from {rng.randint(2, 60)} Stations"
        base = re.sub(r"[^a-z]", "", people[0][0].lower().replace("{\\", "")) + str(year)
        key = base
        suffix = ord("a")
        while key in taken:
            key = base + chr(suffix)
            suffix += 1
        taken.add(key)
        roll = rng.random()
        if roll < 0.7:
            kind = "article"
            first_page = rng.randint(1, 900)
            fields = [
                ("journal", rng.choice(JOURNALS)),
                ("volume", str(rng.randint(1, 120))),
                ("number", str(rng.randint(1, 12)) if rng.random() < 0.7 else ""),
                ("pages", f"{first_page}--{first_page + rng.randint(5, 30)}"),
            ]
        elif roll < 0.8:
            kind = "book"
            fields = [("publisher", rng.choice(PUBLISHERS)), ("address", rng.choice(PLACES))]
        elif roll < 0.9:
            kind = "inproceedings"
            fields = [
                (
                    "booktitle",
                    f"Proceedings of the {rng.randint(4, 12)}th International Conference on Urban Climate",
                ),
                ("pages", f"{rng.randint(1, 400)}--{rng.randint(401, 420)}"),
            ]
        else:
            kind = "techreport"
            fields = [
                ("institution", f"{rng.choice(PLACES)} Metropolitan Climate Office"),
                ("number", f"TR-{rng.randint(1, 99):02d}"),
            ]
        doi = f"10.5555/uc.{year}.{rng.randint(1000, 9999)}" if rng.random() < 0.6 else ""
        all_fields = [
            ("author", authors),
            ("title", title),
            ("year", str(year)),
            *fields,
            ("doi", doi),
        ]
        entries.append(f"@{kind}{{{key},\n{_field_lines(all_fields)}\n}}\n")
    return entries


def visible_tex(path: Path, seen: set[Path]) -> str:
    """The text LaTeX typesets from `path`, with \\input files spliced in."""
    if path in seen or not path.is_file():
        return ""
    seen.add(path)
    text = path.read_text(encoding="utf-8")
    text = "\n".join(re.sub(r"(?<!\\)%.*", "", line) for line in text.splitlines())
    text = HIDDEN_ENV.sub("", text)
    return INPUT.sub(
        lambda m: visible_tex(
            HERE / (m.group(1) if m.group(1).endswith(".tex") else m.group(1) + ".tex"), seen
        ),
        text,
    )


def cited_keys(main: Path) -> list[str]:
    keys: list[str] = []
    for match in CITE.finditer(visible_tex(main, set())):
        for key in (k.strip() for k in match.group(1).split(",")):
            if key and key.lower() not in {k.lower() for k in keys}:
                keys.append(key)
    return keys


def main() -> None:
    rng = random.Random(SEED)
    taken = {row[0] for row in CITED}
    header = "% Generated by make_bib.py -- do not edit by hand; rerun the script.\n\n"
    entries = [cited_entry(row) for row in CITED] + generated_entries(rng, taken)
    (HERE / "refs.bib").write_text(header + "\n".join(entries), encoding="utf-8")

    database = {row[0].lower(): row[0] for row in CITED} | {k.lower(): k for k in taken}
    found, missing, mismatched = [], [], []
    for key in cited_keys(HERE / "main.tex"):
        entry_key = database.get(key.lower())
        if entry_key is None:
            missing.append(key)
        else:
            found.append(key)
            if entry_key != key:
                mismatched.append((entry_key, key))
    lines = [
        "# What BibTeX reports for main.tex + refs.bib (derived by make_bib.py; see its docstring).",
        f"# database entries: {len(entries)}; cite keys: {len(found) + len(missing)};"
        f" found: {len(found)}; missing: {len(missing)}; uncited entries: {len(entries) - len(found)}",
        "",
        "[found]  # cite keys with a database entry, in order of first citation",
        *found,
        "",
        '[missing]  # Warning--I didn\'t find a database entry for "KEY"',
        *missing,
        "",
        "[case-mismatch]  # Warning--case mismatch, database key: ENTRY, cite key: KEY (found anyway)",
        *(f"{entry} {key}" for entry, key in mismatched),
        "",
    ]
    (HERE / "expected-bibtex.txt").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
