"""Whether a cited name and a listed name are one: folded spellings, acronyms, word bags.

Shared by citation matching and the rules that compare names, so "Van der Berg",
"van der Berg" and "VAN DER BERG" are one name everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import groupby

from rapidfuzz.distance import OSA

from citeaudit.manuscript.citations.names import CONNECTORS
from citeaudit.matching.bodies import body_form
from citeaudit.model.surnames import PARTICLES, fold_name
from citeaudit.transliterations import transliterated

# German writes an umlaut out when the letter is missing ("Mueller" for "Müller"), and
# Danish and Norwegian their ø and å ("Soerensen" for "Sørensen", "Aasen" for "Åsen"):
# a name with one is also compared in that spelling.
_UMLAUTS = str.maketrans(
    {
        "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
        "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa",
    }
)  # fmt: skip
_INSIDE = re.compile(r"[(\[]([^()\[\]]+)[)\]]")


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Case-folded, accents, script and markup stripped, words kept: ``*Šimić.*`` ->
    ``simic``, ``Иванов`` -> ``ivanov`` (transliterated as `fold_name` does)."""
    plain = re.sub(r"['’]", "", fold_name(unicodedata.normalize("NFC", name)))
    return " ".join(re.sub(r"[\W_]+", " ", plain).split())


@lru_cache(maxsize=65536)
def name_forms(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """Comparable spellings of a family or organisation name: (names, acronyms).

    Names are the whole name, the name without leading particles and any part in
    parentheses or brackets ("... (CSTO)", "... [WHO]"), and an international body's
    form shared by its names in other languages (`bodies`: "OMS", "WHO"); acronyms are
    built from the initials of a name of two or more significant words. A name of one letter is a
    form only when the name is that letter ("V" for "V, M. G.").
    """
    names: set[str] = set()
    acronyms: set[str] = set()
    candidates = [_INSIDE.sub(" ", name)] + [m.group(1) for m in _INSIDE.finditer(name)]
    candidates += [c.translate(_UMLAUTS) for c in candidates if c.translate(_UMLAUTS) != c]
    for candidate in candidates:
        words = normalise_name(candidate).split()
        if not words:
            continue
        body = body_form(candidate, words)
        if body is not None:
            names.add(body)  # "OMS" and "World Health Organization": one body (`bodies`)
        if len(words) > 1 and words[-1] == "jr":
            words[-1] = "junior"  # "SILVA JR." and "SILVA JÚNIOR" are one name
        names.add("".join(words))
        # the leading particles counted, then cut once: cutting one word at a time
        # copied the rest each time (quadratic: "de " x 160,000 in a BibTeX author, 28 s)
        lead = 0
        while lead < len(words) - 1 and (words[lead] in PARTICLES or words[lead] == "the"):
            lead += 1
        words = words[lead:]
        names.add("".join(words))
        significant = [w for w in words if w not in CONNECTORS]
        if len(significant) >= 2:
            acronyms.add("".join(w[0] for w in significant))
        # "Conselho Nacional de Justiça" is CNJ, "Portal do Turismo de Pirenópolis" PTP:
        # Romance names leave their particles out of the acronym.
        core = [w for w in significant if w not in PARTICLES]
        if len(core) >= 2:
            acronyms.add("".join(w[0] for w in core))
            # "Perfil do leitor" ~ "PERFIL DE LEITOR": a body's name whatever its joining words
            names.add(" ".join(core))
            names.update(_bags(core))
    # a one-letter form is kept only when it is the whole name: a one-letter surname
    # ("V", "O", "E": Spanish, Korean, Chinese), never a letter left of a longer name
    whole = normalise_name(name)
    return frozenset(n for n in names if len(n) > 1 or n == whole), frozenset(acronyms)


BAG = "+"  # marks a name's words taken in any order, so no other form equals it
_MAX_BAG_WORDS = 10


def _bags(core: list[str]) -> set[str]:
    """A body's name as a set of words, whatever their order, and with any run of two
    or more of its words written as their acronym: "Secretariat of the Convention on
    Biological Diversity" is cited "CBD Secretariat" and "Secretariat of the CBD" --
    both the bag {cbd, secretariat}. Names of at most ten words: a run per pair of
    ends, so the forms stay few."""
    if len(core) > _MAX_BAG_WORDS:
        return set()
    bags = {BAG + "".join(sorted(core))}
    for i in range(len(core)):
        for j in range(i + 2, len(core) + 1):
            if j - i == len(core):
                continue  # the whole name's acronym is an acronym form already
            shorter = [*core[:i], "".join(w[0] for w in core[i:j]), *core[j:]]
            bags.add(BAG + "".join(sorted(shorter)))
    return bags


@lru_cache(maxsize=65536)
def names_match(cited: str, family: str) -> bool:
    """Whether a name as cited and an entry's family name denote the same author.

    An acronym only ever meets a whole name ("CSTO" ~ "Collective Security Treaty
    Organization"), never another acronym, so two different two-word family names
    with the same initials do not match.
    """
    cited_names, cited_acronyms = name_forms(cited)
    family_names, family_acronyms = name_forms(family)
    return bool(
        cited_names & family_names or cited_acronyms & family_names or cited_names & family_acronyms
    )


_MOST_SYLLABLE = 4  # letters a word of a body's name may give its acronym
_SYLLABLE_WORDS = 12  # words of a name looked at for one


def syllables_spell(acronym: str, head: str, whole: bool = False) -> bool:
    """Whether `acronym` (folded) is made of the first letters of the words of a body's
    name `head` (as written), in order, each word giving one to four: "VLIZ" for
    "Vlaams Instituut voor de Zee", "EMBRAPA" for "Empresa Brasileira de Pesquisa
    Agropecuária", "CEPAL" for "Comisión Económica para América Latina y el Caribe".
    Bodies name their acronyms so, and `name_forms` knows only one letter a word. Every
    word gives a letter, except a joining word (written in lower case, or a connector
    or particle), which may give one or none; words after the acronym's last letter
    are left out, as for "USP"; two words at least give letters. `whole`: a word in title
    case ("Embrapa", "Minsal") is read as an acronym only when some word gives two
    letters or more -- one letter a word is a surname's shape as often."""
    words = re.findall(r"[^\W\d_]+", head)[:_SYLLABLE_WORDS]
    folded = [normalise_name(w).replace(" ", "") for w in words]
    optional = [
        w[:1].islower() or w.casefold() in CONNECTORS or w.casefold() in PARTICLES for w in words
    ]
    seen: set[tuple[int, int, int]] = set()

    def spells(i: int, j: int, used: int) -> bool:
        if j == len(acronym):
            return used >= 2 and (not whole or used < len(acronym))
        if i == len(folded) or (i, j, used) in seen:
            return False
        seen.add((i, j, used))
        if optional[i] and spells(i + 1, j, used):
            return True
        word = folded[i]
        return any(
            acronym.startswith(word[:n], j) and spells(i + 1, j + n, used + 1)
            for n in range(1, min(_MOST_SYLLABLE, len(word)) + 1)
        )

    return spells(0, 0, 0)


def slash_parts(name: str) -> list[str]:
    """The names a slash joins ("BAKHTIN/VOLOCHÍNOV" -> both); [] for a name without
    one, or with an empty part ("and/or")."""
    if "/" not in name:
        return []
    parts = [p.strip() for p in name.split("/")]
    if len(parts) > 4 or not all(len(normalise_name(p)) >= 2 for p in parts):
        return []
    return parts


def same_person(cited: str, family: str) -> bool:
    """Whether a cited name is the family name as written or in another
    transliteration ("Voloshinov" ~ "Volóchinov")."""
    if names_match(cited, family):
        return True
    return transliterated(cited, family)


def one_typo(cited: str, listed: str) -> bool:
    """Whether two spellings of a name differ by a typo: one edit in names of 5-7
    letters, two in longer ones, two neighbouring letters swapped counting as one edit
    ("Bratno" for Branto: a slip of the fingers, as a letter left out is), and so does
    a double letter written on a neighbour (`double_moved`: "Odonne" for Oddone). The
    caller pairs only names of 5 letters or more with the same first letter (a
    different initial is a different name more often than a slip), and five-letter ones
    only when more than the name ties them."""
    allowed = 1 if min(len(cited), len(listed)) < 8 else 2
    return OSA.distance(cited, listed, score_cutoff=allowed) <= allowed or double_moved(
        cited, listed
    )


def double_moved(a: str, b: str) -> bool:
    """Whether two spellings of one length are the same letters in the same runs, one
    run doubled in each and a different one ("oddone", "odonne"; "tapparo", "taparro"):
    the writer doubled the wrong letter. OSA counts it two edits, which a six-letter
    name is not allowed, so "(ODONNE, 2007)" left ODDONE (2007) uncited and itself
    missing (fresh7 bench). Linear in the names' length."""
    if len(a) != len(b) or a == b:
        return False
    ra, rb = _runs(a), _runs(b)
    if len(ra) != len(rb) or any(x[0] != y[0] for x, y in zip(ra, rb, strict=True)):
        return False
    changed = [(x[1], y[1]) for x, y in zip(ra, rb, strict=True) if x[1] != y[1]]
    return sorted(changed) == [(1, 2), (2, 1)]


# Spelling habits of Portuguese, Spanish and English names that writers follow or drop
# at will: Souza / Sousa, Mello / Melo, Lyra / Lira, Phelippe / Felippe, Mathias /
# Matias, MacKay / McKay. Folded, both spellings give one form. Only these: an "h"
# dropped elsewhere would make Graham and Gram one name.
_HABITS = (
    (re.compile(r"^mac(?=[^aeiou])"), "mc"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"th"), "t"),
    (re.compile(r"y"), "i"),
    (re.compile(r"z"), "s"),
)

SHORTEST_RESPELT = 4  # letters: "Melo", "Lira"


@lru_cache(maxsize=65536)
def habit_form(name: str) -> str:
    """A folded name (`normalise_name`, spaces removed) with the letters spelling habits
    disagree on made one: "souza" -> "sousa", "mello" -> "melo", "mackay" -> "mckay"."""
    for pattern, repl in _HABITS:
        name = pattern.sub(repl, name)
    return name


def _runs(name: str) -> list[tuple[str, int]]:
    return [(letter, len(list(run))) for letter, run in groupby(name)]


def _one_letter_doubled(a: str, b: str) -> bool:
    """Whether two spellings differ only by one letter written double in one and single
    in the other ("mello", "melo"): the same letters in the same runs, one run's length
    changed. Collapsing every double on both sides made "baiin" and "baain" one name,
    two different vowels doubled at two places."""
    ra, rb = _runs(a), _runs(b)
    if len(ra) != len(rb) or any(x[0] != y[0] for x, y in zip(ra, rb, strict=True)):
        return False
    return sum(1 for x, y in zip(ra, rb, strict=True) if x[1] != y[1]) == 1


def respelt(cited: str, listed: str) -> bool:
    """Whether two different folded spellings of a name differ only by spelling habits
    (`habit_form`): "souza" ~ "sousa", "mello" ~ "melo". Each habit changes a letter
    or two a writer may well take for the same name, unlike any other letter changed in
    a short name ("Lima", "Lina" are two names)."""
    if cited == listed or min(len(cited), len(listed)) < SHORTEST_RESPELT:
        return False
    a, b = habit_form(cited), habit_form(listed)
    return a == b or _one_letter_doubled(a, b)
