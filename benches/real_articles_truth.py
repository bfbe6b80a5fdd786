"""Ground truth the publisher's links do not give: works cited but absent from the list,
repeated entries, and citations whose year differs from their entry's.

Why this exists: the XML's ``<xref>`` says which entry a citation points at, but
published articles carry their authors' slips too -- an author-year citation in plain
text naming a work the list lacks ("(Meneses, 2004)"), an xref whose text names
another work than the entry it links, the same work listed twice with different
capitals or initials. Without these the bench would count citeaudit's correct
findings on the published article as false alarms.

Every decision here is made from the XML alone (structured names, years, titles, the
entry's text), never from what citeaudit reports, and leans towards *not* calling a
citation missing: a work counts as missing only when no entry of the article's list
carries its first author's surname (or organisation) with its year, in its fields or
anywhere in its text; a surname spelled almost like an entry's with the same year is
left out of the truth as ambiguous ("near"), and a surname that matches an entry of
another year is a year difference (either a missing work or a wrong year -- both
findings describe it).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from rapidfuzz import fuzz

_YEAR = r"(?:1[6-9]\d\d|20[0-3]\d)[a-z]?"
_PARTICLE = (
    r"(?:\b(?:van|von|de|da|do|dos|das|del|della|di|du|le|la|der|den|ten|ter|mc|st\.?)\s+"
    r"|\b[dDlL]['’]\s?|\bO['’])"
)
_SURNAME = rf"{_PARTICLE}*[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’\-])*[^\W\d_]"
_SEP = r"(?:\s*,\s*|\s+(?:and|&|e|y|und|et|og|in)\s+|\s*;\s*)"
_ET_AL = r"(?:\s+et\s+al(?:\s?\.)?|\s+and\s+colleagues|\s+e\s+col\.?|\s+y\s+col\.?|\s+and\s+others)"
_NAMES = (
    rf"(?P<names>{_SURNAME}(?:\s+{_SURNAME})?"
    rf"(?:{_SEP}{_SURNAME}(?:\s+{_SURNAME})?){{0,3}}{_ET_AL}?)"
)
_YEARS = rf"(?P<years>{_YEAR}(?![/–\-.]\d)(?:\s*,\s*(?:{_YEAR}|[a-h]\b(?!\.)))*)"
# "(Smith, 2004)", "(Smith and Lee 2004a, 2005)", "(e.g., Smith et al., 2004; ...)"
_PAREN_ITEM = re.compile(rf"^(?:[a-zà-ÿ][\w.]*,?:?\s+){{0,3}}?{_NAMES}[\s,]+{_YEARS}\b")
# The next work after a comma: "(Smith 2001, Lee and Park 2004)".
_NEXT_ITEM = re.compile(rf"\s*,\s*(?:and\s+)?{_NAMES}[\s,]+{_YEARS}\b")
# A species name before the brackets makes them its authority: "C. ornatus (Röding, 1798)".
_BINOMIAL = re.compile(r"\b[A-Z][a-z]*\.?\s+(?:\([A-Z][a-z]+\)\s+)?[a-z]{3,}(?:\s+[a-z]{3,})?\s*$")
# "Smith et al. (2004)", "Smith and Lee (2004, 2005)"
_NARRATIVE_NAMES = _NAMES.replace(_SEP, r"(?:\s+(?:and|&|e|y|und|og)\s+)")
_NARRATIVE = re.compile(rf"\b{_NARRATIVE_NAMES}[’']?s?\s*\(\s*{_YEARS}\s*[),;:]")
# a family's or a higher taxon's name ("Brassicaceae", "Carabidae", "Zuphiinae",
# "Chrysidoidea"): a label before a work in a group, never a co-author of it
_TAXON_RANK = re.compile(r"(?:aceae|idae|inae|oidea)\s*$")
_BRACKETS = re.compile(r"[(\[]([^()\[\]]{4,400})[)\]]")

# Capitalised words that stand before a year without being an author.
_NOT_NAMES = {
    "table", "tables", "fig", "figs", "figure", "figures", "supplementary", "appendix",
    "eq", "equation", "section", "chapter", "vol", "volume", "no", "nr", "n", "p", "pp",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "spring", "summer", "autumn", "fall", "winter",
    "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
    "setembro", "outubro", "novembro", "dezembro", "enero", "febrero", "marzo", "mayo",
    "junio", "julio", "septiembre", "octubre", "noviembre", "diciembre",
    "in", "on", "at", "since", "until", "from", "before", "after", "during", "between",
    "the", "a", "an", "see", "cf", "eg", "ie", "and", "or", "of", "for", "to", "by", "with",
    "year", "years", "version", "release", "edition", "ed", "eds", "published", "accessed",
    "em", "na", "de", "desde", "entre", "ano", "anos", "año", "años", "leto", "let",
    "v", "vs", "windows", "python", "r", "matlab", "spss", "stata", "sas",
    "cohort", "survey", "census", "wave", "phase", "study", "trial", "data", "database",
    "law", "lei", "ley", "decree", "decreto", "act", "resolution", "resolução", "portaria",
    "iso", "gene", "protein", "strain", "species", "model", "models", "dataset",
    "university", "hospital", "group", "team", "project", "world", "global", "national",
    "covid", "sars", "cov", "hiv", "who", "excel", "microsoft", "google", "ibm", "apple",
    "figura", "tabela", "tabla", "slika", "foto", "photo", "source", "fonte",
    "fuente", "vir", "note", "nota", "ser", "thr", "tyr", "lys", "arg", "apud",
}  # fmt: skip


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, accents off, letters and digits only: how names are compared.

    Cached: `classify` folds each entry's names and whole text once per candidate
    citation, so reading the corpus folded the same strings 7.7 million times (about
    two minutes of the suite's corpus test on an idle machine, ten under load)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _first_surname(names: str, caps: bool = False) -> str | None:
    """The first author's surname (particles kept) of a citation's names part.

    Surnames in capitals are read only where the list writes them so (`caps`, ABNT);
    elsewhere a word in capitals before a year is an acronym, a gene, a survey.
    """
    names = re.sub(r"['’]s?$", "", names.strip())
    for word in names.split():
        if re.search(r"[A-Z]{2}[a-z]", word) or (
            re.search(r"[a-z][A-Z]", word)
            and not re.match(r"(Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Ten|Ter)[A-Z][a-z]", word)
        ):
            return None  # camel case: a product (EpiInfo, BIAcore, MTur), not a person
    head = re.split(r"\s+(?:et\s+al|and|e|y|und|et|og)\b|\s*[,;&]\s*", names, maxsplit=1)[0].strip()
    if any(fold(w) in _NOT_NAMES for w in re.findall(r"\b[A-ZÀ-Þ][^\W\d_]*", names)):
        return None
    # One surname (with its particles): two capitalised words before a year are far
    # more often a place, a survey or a product ("Earth Summit 2012") than a double
    # surname, and the truth must not call them missing works.
    words = re.sub(_PARTICLE, "", head).split()
    if len(words) != 1:
        return None
    if words[0].isupper() and (len(words[0]) <= 3 or not caps):
        return None  # an acronym (DFG, IUCN): an organisation's, judged by nobody here
    return head


def _surnames(names: str) -> list[str]:
    """Every capitalised name of a citation's names part (for "is it listed")."""
    return [w for w in re.findall(rf"{_SURNAME}", names) if fold(w) not in _NOT_NAMES]


Candidate = tuple[int, int, str, list[str], list[str]]


def candidates(
    text: str, caps: bool = False, narrative: bool = True, listed: frozenset[str] = frozenset()
) -> list[Candidate]:
    """Author-year citations written in a paragraph.

    Each: (start, end, first surname, years, every surname named). Narrative ones
    ("Smith (2004)") only with `narrative` (articles the publisher cites by author
    and year; in numbered articles a name before a year is rarely a citation).
    A narrative citation naming the author with a given name ("Ailton Krenak (2019)",
    as humanities writing does) counts when its last word is a surname the list holds
    (`listed`, folded): two capitalised words are otherwise too often a place or a
    survey to be read as a person.
    """
    out: list[Candidate] = []
    for m in _BRACKETS.finditer(text):
        inner, base = m.group(1), m.start(1)
        authority = re.fullmatch(
            rf"\s*{_SURNAME}(?:\s+[IVX]+)?(?:\s+in\s+{_SURNAME})?,?\s*{_YEAR}", inner
        )
        if authority and _BINOMIAL.search(text[max(0, m.start() - 60) : m.start()]):
            continue
        # Items separated by semicolons; ABNT also separates co-authors so
        # ("(Morson; Emerson, 1990)"): a part that is only a name joins the next.
        pending: int | None = None
        for pm in re.finditer(r"[^;]+", inner):
            if re.fullmatch(rf"\s*{_SURNAME}(?:\s+{_SURNAME})?\s*", pm.group()):
                if _TAXON_RANK.search(pm.group()):
                    continue  # "(Brassicaceae; Hansen and Earle 1996)": a family, no co-author
                pending = pm.start() if pending is None else pending
                continue
            start = pending if pending is not None else pm.start()
            pending = None
            part = inner[start : pm.end()]
            lead = len(part) - len(part.lstrip())
            stripped = part.lstrip()
            im = _PAREN_ITEM.match(stripped)
            # Works separated by commas, as Pensoft and many journals write them
            # ("(Duke and Bunt 1979, Duke 1992, Duke et al. 1998)"): each one after the
            # first is read too (only the first was, so a missing second work was no truth).
            while im is not None:
                after = stripped[im.end() :][:20]
                if re.match(r"[\s,]*(apud|cited in|citado por|citado en|in:)", after, re.I):
                    break  # a work cited second-hand is not expected in the list
                surname = _first_surname(im.group("names"), caps)
                if surname:
                    s = base + start + lead + im.start("names")
                    e = base + start + lead + im.end("years")
                    names = _surnames(im.group("names"))
                    out.append((s, e, surname, _years(im.group("years")), names))
                im = _NEXT_ITEM.match(stripped, im.end())
    caption = re.match(
        r"(Fig|Figure|Figura|Table|Tabela|Tabla|Slika|Foto|Photo)\w*\.?\s*\w*\s*[.:]", text
    )
    for m in [] if caption or not narrative else _NARRATIVE.finditer(text):
        surname = _first_surname(m.group("names"), caps)
        given = re.fullmatch(r"([A-ZÀ-Þ][^\W\d_]+)\s+([A-ZÀ-Þ][^\W\d_]+)", m.group("names"))
        if (
            surname is None
            and given
            and fold(given.group(2)) in listed
            and fold(given.group(1)) not in _NOT_NAMES | listed
        ):
            surname = given.group(2)
        # Running text names places and institutions before years too; a narrative
        # citation's first author is one word (with its particles).
        before = text[max(0, m.start() - 4) : m.start()]
        before = text[max(0, m.start() - 5) : m.start()]
        if re.search(r"\b(in|em|en|na|no|at|v|w|des|der|die|das|dem|den)\s+$", before):
            continue  # "in Portugal (1974)": a place and its year
        if re.search(r"[^\W\d_],\s*$", before):
            continue  # "Hanson, Bob (2014)", "Snow, Whright and Warren": not the first name
        if surname and len(re.sub(_PARTICLE, "", surname).split()) != 1:
            continue
        if surname and not any(c[0] <= m.start() < c[1] for c in out):
            names = _surnames(m.group("names"))
            if given and surname == given.group(2):
                names = [surname]  # the given name is no co-author
            years = _years(m.group("years"))
            out.append((m.start("names"), m.end("years"), surname, years, names))
    return sorted(out)


def _years(text: str) -> list[str]:
    years: list[str] = []
    for token in re.split(r"\s*[,;]\s*", text):
        if re.fullmatch(_YEAR, token):
            years.append(token)
        elif re.fullmatch(r"[a-h]", token) and years:
            years.append(years[-1][:4] + token)
    return years


def ref_keys(ref: dict[str, Any]) -> tuple[set[str], str, str]:
    """An entry's folded surnames and organisation names, its year, its folded text."""
    names = {fold(n) for n in ref.get("names", []) if n}
    if ref.get("first"):
        names.add(fold(ref["first"]))
    return {n for n in names if n}, (ref.get("year") or "")[:4], fold(ref.get("text", ""))


@functools.lru_cache(maxsize=1 << 16)
def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-ZÀ-Þ][\w\-]*", name)).lower()


def classify(surname: str, year: str, refs: list[dict[str, Any]]) -> tuple[str, list[int]]:
    """Whether the list holds the work cited by `surname` and `year`.

    "listed": an entry has the surname (or organisation, or its acronym) and the year
    in its fields, or both in its text. "year": entries have the surname, none the
    year. "near": an entry of that year has an almost identical surname (a spelling
    slip or the XML's). "missing": nothing of the kind.
    """
    key, y = fold(surname), year[:4]
    last = fold(surname.split()[-1])
    same_name: list[int] = []
    near: list[int] = []
    for i, ref in enumerate(refs):
        names, ref_year, text = ref_keys(ref)
        has_name = (
            key in names
            or last in names
            or any(
                n.endswith(key) or key.endswith(n) for n in names if len(n) >= 4 and len(key) >= 4
            )
        )
        in_text = key in text or (len(last) >= 4 and last in text)
        acronym = any(_acronym(n) == key for n in ref.get("names", []) if len(key) >= 2)
        year_ok = y == ref_year or y in text
        if (has_name or in_text or acronym) and year_ok:
            return "listed", [i]
        if has_name:
            same_name.append(i)
        elif year_ok and any(fuzz.ratio(key, n) >= 80 for n in names):
            near.append(i)
    if near:
        return "near", near
    if same_name:
        return "year", same_name
    return "missing", []


def caps_list(refs: list[dict[str, Any]]) -> bool:
    """Whether the list writes surnames in capitals (ABNT): most entries start so."""
    starts = [re.match(r"\s*([^\W\d_]{3,})", r.get("text", "")) for r in refs]
    return sum(1 for m in starts if m and m.group(1).isupper()) > len(refs) / 2


def cited_works(
    paras: list[dict[str, Any]], refs: list[dict[str, Any]], author_year: bool = True
) -> list[dict[str, Any]]:
    """Author-year citations whose work the list lacks or lists under another year.

    Plain-text citations are judged against the whole list. A citation inside an
    xref is judged only when its text names none of its own targets' authors with
    their year nor names their author at all (the XML linked it to another work):
    an xref whose entry has the year but a surname spelled otherwise is a spelling
    question, one whose entry has the surname but another year a year question
    (real_articles_jats's year truth). Each item: paragraph "p", span "s", "e",
    "name", "year", "kind" (missing / year / near), "near" (entries sharing the
    surname or nearly), "xref".
    """
    caps = caps_list(refs)
    # A "surname" the article also writes in lower case is a word ("entropia").
    words = {w for p in paras for w in re.findall(r"\b[a-zà-ÿ]{3,}\b", p["t"])}
    listed = frozenset(fold(r["first"]) for r in refs if r.get("first"))
    out: list[dict[str, Any]] = []
    for pi, para in enumerate(paras):
        if para["h"]:
            continue
        text = para["t"]
        for s, e, surname, years, names in candidates(text, caps, author_year, listed):
            if surname.lower() in words:
                continue
            xref = [c for c in para["cit"] if c[0] < e and s < c[1]]
            if xref:
                own = [refs[t] for c in xref for t in c[2]]
                near = [y for y in years if classify(surname, y, own)[0] == "near"]
                for y in near:  # linked to an entry spelling the author otherwise
                    out.append(
                        {
                            "p": pi,
                            "s": s,
                            "e": e,
                            "name": surname,
                            "year": y,
                            "kind": "near",
                            "near": [t for c in xref for t in c[2]],
                            "xref": True,
                        }
                    )
                if near or any(
                    classify(n, y, own)[0] != "missing" or _has_year(y, own)
                    for n in names
                    for y in years
                ):
                    # Linked to an entry of its author under another year, and no entry
                    # of the list has it under this one ("(Bakhtin, 1981)" linked to
                    # BAKHTIN ... 2018): the rule for plain-text citations holds -- a
                    # missing work or a wrong year, both findings describe it.
                    for y in [] if near else years:
                        kind, same = classify(surname, y, refs)
                        if kind == "year" and classify(surname, y, own)[0] == "year":
                            out.append(
                                {
                                    "p": pi,
                                    "s": s,
                                    "e": e,
                                    "name": surname,
                                    "year": y,
                                    "kind": "year",
                                    "near": same,
                                    "xref": True,
                                }
                            )
                    continue
            team = _same_team(names, refs) if not xref else []
            for year in years:
                if team:
                    # The entries whose first author and co-authors are the citation's:
                    # the work is one of them, under the year it gives or, when none
                    # has that year, under another -- a year slip, not another work
                    # ("Martin and Michelangeli 2008" for "Martin CV, Michelangeli FA
                    # (2009)", while "Michelangeli FA, ..., Martin CV (2008)" is a
                    # different work whose co-author only happens to be Martin).
                    if not _team_has_year(names, year, refs, "et al" in text[s:e]):
                        item = _item(pi, s, e, surname, year, "year", team, xref=False)
                        out.append({**item, "team": True})
                    continue
                kinds = [classify(n, year, refs) for n in names[1:]]
                if any(k == "listed" for k, _ in kinds):
                    continue  # "(PERMDISP, Anderson, 2006)": listed under a later name
                kind, near = classify(surname, year, refs)
                if kind == "listed":
                    continue
                out.append(_item(pi, s, e, surname, year, kind, near, xref=bool(xref)))
    return out


def _item(
    p: int, s: int, e: int, name: str, year: str, kind: str, near: Any, *, xref: bool
) -> dict[str, Any]:
    """One cited work of the truth: where it is written, whose and which year."""
    return {
        "p": p, "s": s, "e": e, "name": name, "year": year,
        "kind": kind, "near": near, "xref": xref,
    }  # fmt: skip


def _same_team(names: list[str], refs: list[dict[str, Any]]) -> list[int]:
    """Entries a citation naming two or more authors ("Martin and Michelangeli") names
    by all of them: the first is the entry's first author, each other one is among its
    authors. Empty for a citation of one name (and "et al.": its co-authors unwritten).
    """
    if len(names) < 2:
        return []
    out = []
    for i, ref in enumerate(refs):
        authors, _year, _text = ref_keys(ref)
        if (
            ref.get("first")
            and fold(ref["first"]) == fold(names[0])
            and all(fold(n) in authors for n in names[1:])
        ):
            out.append(i)
    return out


def _team_has_year(names: list[str], year: str, refs: list[dict[str, Any]], et_al: bool) -> bool:
    """Whether an entry is the work of exactly the authors the citation writes (in any
    order: "Häckel & Farkač 2012" for "Farkač J, Häckel M (2012)"; more only after "et
    al.") with its year, in its fields or its text ("World Ichneumonoidea 2004",
    published 2005). "Martin and Michelangeli" names a work of two authors, not one of
    seven where Martin comes last."""
    for ref in refs:
        authors, ref_year, text = ref_keys(ref)
        listed = [n for n in ref.get("names", []) if n]
        if listed and not (len(listed) == len(names) or (et_al and len(listed) > len(names))):
            continue
        if all(fold(n) in authors or fold(n) in text for n in names) and (
            ref_year == year[:4] or year[:4] in text
        ):
            return True
    return False


def _has_year(year: str, refs: list[dict[str, Any]]) -> bool:
    return any(ref_keys(r)[1] == year[:4] for r in refs)


def translated_truth(record: dict[str, Any], original: dict[str, Any]) -> None:
    """A translation's missing works count only when its original misses them too.

    A translation printed without its own list is rendered with the original's, and
    translators cite the editions of their language (``Vološinov, 1973`` against
    ``VOLOCHÍNOV [1926]``): such a citation names no entry of the rendered list, but
    the slip is the corpus's, not the authors'. It stays in the record as kind
    "translation", which the bench scores as neither right nor wrong.
    """

    def key(item: dict[str, Any]) -> tuple[str, str]:
        return fold(item["name"].split()[-1]), item["year"]

    known = {key(it) for it in original.get("missing_truth", [])}
    for item in record.get("missing_truth", []):
        if key(item) not in known:
            item["kind"] = "translation"
