"""Build references/labelled/freetext.jsonl: the labelled set for the free-text parser.

Each structured work in works.py is rendered in six styles (APA 6/7, Harvard, Chicago
author-date or notes-bibliography, MLA, IEEE, Vancouver) with the small variations real
lists show; the hand-written messy entries in handwritten.py are appended. The gold
fields follow what each rendering actually shows (e.g. MLA's "et al." keeps only the
first author; a style that omits the site name has no container).

Run: python references/labelled/make_labelled.py
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from handwritten import HANDWRITTEN  # noqa: E402
from works import WORKS  # noqa: E402

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MON_ABBR = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
]
ORDINAL = {"1": "1st", "2": "2nd", "3": "3rd"}


def ordinal(n: str) -> str:
    return ORDINAL.get(n, f"{n}th")


class Name:
    def __init__(self, spec: str) -> None:
        self.org = spec.startswith("!")
        if self.org:
            self.family, self.given = spec[1:], ""
        elif "|" in spec:
            self.family, self.given = spec.split("|", 1)
        else:
            self.family, self.given = spec, ""

    def initials(self, dots: bool = True, space: bool = True) -> str:
        out = []
        for word in self.given.split():
            parts = word.split("-")
            if dots:
                out.append("-".join(p[0].upper() + "." for p in parts if p))
            else:
                out.append("".join(p[0].upper() for p in parts if p))
        return (" " if space and dots else "").join(out)

    # the rendered forms
    def inverted_initials(self, space: bool = True) -> str:
        if self.org or not self.given:
            return self.family
        return f"{self.family}, {self.initials(space=space)}"

    def inverted_full(self) -> str:
        if self.org or not self.given:
            return self.family
        return f"{self.family}, {self.given}"

    def direct_full(self) -> str:
        if self.org or not self.given:
            return self.family
        return f"{self.given} {self.family}"

    def direct_initials(self) -> str:
        if self.org or not self.given:
            return self.family
        return f"{self.initials()} {self.family}"

    def vancouver(self) -> str:
        if self.org or not self.given:
            return self.family
        return f"{self.family} {self.initials(dots=False)}"

    def gold(self, given: str | None) -> dict[str, Any]:
        if self.org:
            return {"family": self.family, "given": None, "organisation": True}
        return {"family": self.family, "given": given or None}


def join_and(items: list[str], conj: str = "and", oxford: bool = True) -> str:
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return (
            f"{items[0]} {conj} {items[1]}"
            if conj != "&" or not oxford
            else f"{items[0]}, & {items[1]}"
        )
    sep = ", " if oxford else " "
    return ", ".join(items[:-1]) + f"{sep}{conj} {items[-1]}"


def end(title: str) -> str:
    """A title followed by a full stop, unless it ends in ? or !."""
    return title if title[-1] in "?!." else title + "."


def dash(pages: str) -> str:
    return pages.replace("-", "–")


def render(
    work: dict[str, Any], style: str, rng: random.Random, n: int
) -> tuple[str, dict[str, Any]]:
    """Render one work; returns the text and its gold fields."""
    names = [Name(a) for a in work["authors"]]
    kind = work["kind"]
    year = work.get("year")
    suffix = work.get("suffix") or ""
    nd = work.get("no_date", False)
    t = work["title"]
    c = work.get("container")
    vol, iss, pages = work.get("volume"), work.get("issue"), work.get("pages")
    pub, place = work.get("publisher"), work.get("place")
    doi, url = work.get("doi"), work.get("url")
    eds = [Name(e) for e in work.get("editors", [])]
    edition = work.get("edition")
    genre = work.get("genre", "Doctoral dissertation")
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    gold_container = c if kind in {"article", "chapter", "news", "webpage"} else None
    gold_authors: list[dict[str, Any]]
    gold_year: int | None = year
    gold_suffix: str | None = suffix or None
    gold_nd = nd

    if style == "apa":
        apa6 = rng.random() < 0.35
        listed = names if not apa6 or len(names) <= 7 else names[:6]
        parts = [a.inverted_initials() for a in listed]
        if len(parts) == 1:
            a = parts[0]
        elif len(parts) == 2:
            a = f"{parts[0]}, & {parts[1]}"
        else:
            a = ", ".join(parts[:-1]) + f", & {parts[-1]}"
        if apa6 and len(names) > 7:
            a = ", ".join(parts) + f", . . . {names[-1].inverted_initials()}"
            listed = [*listed, names[-1]]
        gold_authors = [x.gold(x.initials() or None) for x in listed]
        if nd:
            date = "n.d."
        elif kind in {"news", "webpage"} and rng.random() < 0.6:
            date = f"{year}{suffix}, {MONTHS[month]} {day}"
        else:
            date = f"{year}{suffix}"
        head = a if a.endswith(".") else a + "."
        s = f"{head} ({date}). "
        doi_s = (f"doi:{doi}" if apa6 else f"https://doi.org/{doi}") if doi else ""
        url_s = (f"Retrieved from {url}" if apa6 else url) if url else ""
        tail = doi_s or url_s
        if kind == "article":
            s += f"{end(t)} {c}"
            if vol:
                s += f", {vol}" + (f"({iss})" if iss else "")
            if pages:
                s += f", {dash(pages)}"
            s += "."
        elif kind == "book":
            ed = f" ({ordinal(edition)} ed.)" if edition else ""
            where = f"{place}: {pub}" if apa6 else pub
            if names[0].org and pub == names[0].family and not apa6:
                s += f"{t}{ed}."
            else:
                s += f"{t}{ed}. {where}."
        elif kind == "chapter":
            ed_names = " & ".join(e.direct_initials() for e in eds) if len(eds) <= 2 else ""
            ed_lab = "Ed." if len(eds) == 1 else "Eds."
            where = f"{place}: {pub}" if apa6 else pub
            s += f"{end(t)} In {ed_names} ({ed_lab}), {c} (pp. {dash(pages)}). {where}."
        elif kind in {"webpage", "news"}:
            s += f"{end(t)} {c}."
        elif kind == "report":
            if names[0].org and names[0].family == pub:
                s += f"{end(t)}"
            else:
                s += f"{end(t)} {place + ': ' if apa6 else ''}{pub}."
        elif kind == "thesis":
            if apa6:
                s += f"{t} ({genre}). {pub}."
            else:
                s += f"{t} [{genre}, {pub}]."
        text = s + (f" {tail}" if tail else "")
        return text.strip(), dict(
            authors=gold_authors,
            year=gold_year,
            year_suffix=gold_suffix,
            no_date=gold_nd,
            title=t,
            container=gold_container,
            doi=doi,
            style="apa",
            variant="apa6" if apa6 else "apa7",
        )

    if style == "harvard":
        listed = names if len(names) <= 3 else names[:1]
        parts = [x.inverted_initials(space=False) for x in listed]
        a = join_and(parts, "and", oxford=False) if len(parts) > 1 else parts[0]
        if len(names) > 3:
            a += " et al."
        gold_authors = [x.gold(x.initials(space=False) or None) for x in listed]
        parens = rng.random() < 0.7
        date = "n.d." if nd else f"{year}{suffix}"
        s = f"{a} ({date}) " if parens else f"{a if a.endswith('.') else a + '.'} {date}. "
        quote = rng.random() < 0.6
        tt = f"'{t}'," if quote else end(t)
        accessed = f"(Accessed: {day} {MONTHS[month]} 2023)"
        if kind == "article":
            s += f"{tt} {c}"
            if vol:
                s += f", {vol}" + (f"({iss})" if iss else "")
            if pages:
                s += f", pp. {pages}"
            s += "."
            if doi:
                s += (
                    f" doi: {doi}."
                    if rng.random() < 0.5
                    else f" Available at: https://doi.org/{doi}."
                )
            elif url:
                s += f" Available at: {url} {accessed}."
        elif kind == "book":
            ed = f" {ordinal(edition)} edn." if edition else ""
            s += f"{end(t)}{ed} {place}: {pub}."
            if doi:
                s += f" doi: {doi}."
            elif url:
                s += f" Available at: {url} {accessed}."
        elif kind == "chapter":
            ed_names = " and ".join(e.inverted_initials(space=False) for e in eds)
            lab = "ed." if len(eds) == 1 else "eds."
            s += f"{tt} in {ed_names} ({lab}) {c}. {place}: {pub}, pp. {pages}."
            if doi:
                s += f" doi: {doi}."
        elif kind in {"webpage", "news"}:
            if kind == "news":
                s += f"{tt if quote else end(t)} {c}, {day} {MONTHS[month]}."
            else:
                s += f"{end(t)}"
                gold_container = None
            s += f" Available at: {url} {accessed}."
        elif kind == "report":
            s += f"{end(t)} {place}: {pub}."
            if doi:
                s += f" doi: {doi}."
            elif url:
                s += f" Available at: {url} {accessed}."
        elif kind == "thesis":
            s += f"{end(t)} {genre}. {pub}."
        return s.strip(), dict(
            authors=gold_authors,
            year=gold_year,
            year_suffix=gold_suffix,
            no_date=gold_nd,
            title=t,
            container=gold_container,
            doi=doi,
            style="harvard",
        )

    if style in {"chicago-ad", "chicago-nb"}:
        listed = names if len(names) <= 10 else names[:7]
        parts = [listed[0].inverted_full()] + [x.direct_full() for x in listed[1:]]
        if len(parts) == 2:
            a = (
                f"{parts[0]}, and {parts[1]}"
                if rng.random() < 0.7
                else f"{parts[0]} and {parts[1]}"
            )
        else:
            a = join_and(parts, "and") if len(parts) > 1 else parts[0]
        gold_authors = [listed[0].gold(listed[0].given or None)] + [
            x.gold(x.given or None) for x in listed[1:]
        ]
        a = a if a.endswith(".") else a + "."
        q = f"“{end(t)}”" if rng.random() < 0.5 else f'"{end(t)}"'
        dstr = "n.d." if nd else f"{year}{suffix}"
        full_date = f"{MONTHS[month]} {day}, {year}" if year else ""
        doi_s = f" https://doi.org/{doi}." if doi else (f" {url}." if url else "")
        if style == "chicago-ad":
            s = f"{a} {dstr} " if dstr.endswith(".") else f"{a} {dstr}. "
            if kind == "article":
                s += f"{q} {c}"
                if vol:
                    s += f" {vol}" + (f" ({iss})" if iss else "")
                s += f": {dash(pages)}." if pages else "."
            elif kind in {"book", "report"}:
                ed = f" {ordinal(edition)} ed." if edition else ""
                s += f"{end(t)}{ed} {place}: {pub}."
            elif kind == "chapter":
                ed_names = join_and([e.direct_full() for e in eds], "and")
                s += f"{q} In {c}, edited by {ed_names}, {dash(pages)}. {place}: {pub}."
            elif kind in {"webpage", "news"}:
                s += f"{q} {c}" + (f", {full_date}." if full_date else ".")
            elif kind == "thesis":
                s += f"{q} {genre}, {pub}."
        else:
            s = f"{a} "
            if kind == "article":
                s += f"{q} {c}"
                if vol:
                    s += f" {vol}" + (f", no. {iss}" if iss else "")
                s += f" ({dstr})" if year else ""
                s += f": {dash(pages)}." if pages else "."
            elif kind in {"book", "report"}:
                ed = f" {ordinal(edition)} ed." if edition else ""
                s += f"{end(t)}{ed} {place}: {pub}, {dstr}."
            elif kind == "chapter":
                ed_names = join_and([e.direct_full() for e in eds], "and")
                s += f"{q} In {c}, edited by {ed_names}, {dash(pages)}. {place}: {pub}, {dstr}."
            elif kind in {"webpage", "news"}:
                s += f"{q} {c}" + (f", {full_date}." if full_date else ".")
                if nd:
                    gold_nd = False  # notes-bibliography just leaves the date out
            elif kind == "thesis":
                s += f"{q} {genre}, {pub}, {dstr}."
        s += doi_s
        return s.strip(), dict(
            authors=gold_authors,
            year=gold_year,
            year_suffix=gold_suffix,
            no_date=gold_nd,
            title=t,
            container=gold_container,
            doi=doi,
            style="chicago",
            variant=style,
        )

    if style == "mla":
        if len(names) >= 3:
            a = f"{names[0].inverted_full()}, et al."
            gold_authors = [names[0].gold(names[0].given or None)]
        elif len(names) == 2:
            a = f"{names[0].inverted_full()}, and {names[1].direct_full()}."
            gold_authors = [
                names[0].gold(names[0].given or None),
                names[1].gold(names[1].given or None),
            ]
        else:
            a = names[0].inverted_full() + "."
            gold_authors = [names[0].gold(names[0].given or None)]
        a = a.replace("..", ".")
        q = f"“{end(t)}”" if rng.random() < 0.5 else f'"{end(t)}"'
        ystr = f"{year}{suffix}" if year else ""
        gold_nd = False
        s = f"{a} "
        if kind == "article":
            s += f"{q} {c}"
            if vol:
                s += f", vol. {vol}"
            if iss:
                s += f", no. {iss}"
            if ystr:
                s += f", {ystr}"
            if pages:
                s += f", pp. {pages}"
            s += "."
        elif kind in {"book", "report"}:
            ed = f" {ordinal(edition)} ed.," if edition else ""
            s += f"{end(t)}{ed} {pub}, {ystr}."
        elif kind == "chapter":
            ed_names = join_and([e.direct_full() for e in eds], "and")
            s += f"{q} {c}, edited by {ed_names}, {pub}, {ystr}, pp. {pages}."
        elif kind in {"webpage", "news"}:
            d = f", {day} {MON_ABBR[month]} {year}" if year else ""
            s += f"{q} {c}{d}"
        elif kind == "thesis":
            s += f"{end(t)} {ystr}. {pub}, {genre}."
        if doi:
            s += f" https://doi.org/{doi}." if rng.random() < 0.6 else f" doi:{doi}."
        elif url:
            bare = re.sub(r"^https?://", "", url)
            s += f", {bare}." if kind in {"webpage", "news"} else f" {bare}."
        elif kind in {"webpage", "news"}:
            s += "."
        return s.strip(), dict(
            authors=gold_authors,
            year=gold_year,
            year_suffix=gold_suffix,
            no_date=gold_nd,
            title=t,
            container=gold_container,
            doi=doi,
            style="mla",
        )

    if style == "ieee":
        listed = names if len(names) <= 6 else names[:1]
        parts = [x.direct_initials() for x in listed]
        a = join_and(parts, "and") if len(parts) > 1 else parts[0]
        if len(names) > 6:
            a += " et al."
        gold_authors = [x.gold(x.initials() or None) for x in listed]
        prefix = rng.choice([f"[{n}] ", f"[{n}]\t", ""])
        tq = f"“{t},”" if t[-1] not in "?!" else f"“{t}”"
        if rng.random() < 0.5:
            tq = tq.replace("“", '"').replace("”", '"')
        ystr = f"{year}{suffix}" if year else "n.d."
        s = f"{prefix}{a}, "
        if kind == "article":
            s += f"{tq} {c}"
            if vol:
                s += f", vol. {vol}"
            if iss:
                s += f", no. {iss}"
            if pages:
                s += f", pp. {dash(pages)}"
            s += f", {MON_ABBR[month]} {ystr}" if year else f", {ystr}"
            s += f", doi: {doi}." if doi else ("" if s.endswith(".") else ".")
            if url and not doi:
                s += f" [Online]. Available: {url}"
        elif kind in {"book", "report"}:
            ed = f", {ordinal(edition)} ed" if edition else ""
            s += f"{t}{ed}. {place}: {pub}, {ystr}."
            if doi:
                s += f" doi: {doi}."
        elif kind == "chapter":
            ed_names = join_and([e.direct_initials() for e in eds], "and")
            lab = "Ed." if len(eds) == 1 else "Eds."
            s += f"{tq} in {c}, {ed_names}, {lab} {place}: {pub}, {ystr}, pp. {dash(pages)}."
        elif kind in {"webpage", "news"}:
            s += f"{tq} {c}, {ystr}{'' if ystr.endswith('.') else '.'} [Online]. Available: {url}"
        elif kind == "thesis":
            kindlab = "Ph.D. dissertation" if genre != "Skripsi" else "B.A. thesis"
            s += f"{tq} {kindlab}, {pub}, {ystr}."
        s = s.strip()
        return s, dict(
            authors=gold_authors,
            year=gold_year,
            year_suffix=gold_suffix,
            no_date=nd,
            title=t,
            container=gold_container,
            doi=doi,
            style="ieee",
        )

    if style == "vancouver":
        listed = names if len(names) <= 6 else names[:6]
        a = ", ".join(x.vancouver() for x in listed)
        if len(names) > 6:
            a += ", et al"
        gold_authors = [x.gold(x.initials(dots=False) or None) for x in listed]
        prefix = rng.choice([f"{n}. ", f"{n}) ", ""])
        ystr = f"{year}{suffix}" if year else "[date unknown]"
        s = f"{prefix}{a}. "
        if kind == "article":
            s += f"{end(t)} {c}. {ystr}"
            if vol:
                s += f";{vol}" + (f"({iss})" if iss else "")
            if pages:
                s += f":{pages}"
            s += "."
            if doi:
                s += f" doi:{doi}"
            elif url:
                s += f" Available from: {url}"
        elif kind in {"book", "report"}:
            ed = f" {ordinal(edition)} ed." if edition else ""
            s += f"{end(t)}{ed} {place}: {pub}; {ystr}."
            if url and not doi:
                s += f" Available from: {url}"
        elif kind == "chapter":
            ed_names = ", ".join(e.vancouver() for e in eds)
            lab = "editor" if len(eds) == 1 else "editors"
            s += f"{end(t)} In: {ed_names}, {lab}. {c}. {place}: {pub}; {ystr}. p. {pages}."
        elif kind in {"webpage", "news"}:
            tt = t.rstrip("?!.")
            mark = t[-1] if t[-1] in "?!" else ""
            cited = f"[cited 2023 {MON_ABBR[month].rstrip('.')} {day}]"
            s += f"{tt}{mark} [Internet]. {c}; {ystr} {cited}. "
            s += f"Available from: {url}"
        elif kind == "thesis":
            s += f"{t} [{genre}]. {pub}; {ystr}."
        gold_nd = nd
        return s.strip(), dict(
            authors=gold_authors,
            year=gold_year,
            year_suffix=gold_suffix,
            no_date=gold_nd,
            title=t,
            container=gold_container,
            doi=doi,
            style="vancouver",
        )
    raise ValueError(style)


def main() -> None:
    rng = random.Random(20240611)
    rows: list[dict[str, Any]] = []
    for i, work in enumerate(WORKS):
        chicago = "chicago-ad" if i % 2 == 0 else "chicago-nb"
        for style in ("apa", "harvard", chicago, "mla", "ieee", "vancouver"):
            text, gold = render(work, style, rng, rng.randint(1, 60))
            if gold.get("doi") and gold["doi"].lower() not in text.lower():
                gold["doi"] = None  # this rendering leaves the DOI out
            gold.setdefault("variant", gold["style"])
            rows.append(
                {
                    "text": text,
                    "style": gold.pop("style"),
                    "language": work["lang"],
                    "kind": work["kind"],
                    **gold,
                    "source": "rendered",
                }
            )
    for row in HANDWRITTEN:
        rows.append({**row, "source": "handwritten"})
    out = HERE / "freetext.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} entries to {out}")


if __name__ == "__main__":
    main()
