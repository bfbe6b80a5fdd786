"""The first words of an abbreviated journal's name, given back to the journal.

"…, Math. Programming, 60 (1993)", "… pathway. Can. J. Cardiovasc. Nurs. 2003;13(1)":
the full stop of each abbreviated word reads as a sentence's end, so the rules (and at
times the tagger) leave the journal's head on the end of the title, or on no field,
and only its last word or words stand as the container. Here the words just before the
container that are journal abbreviations (`JOURNAL_ABBREVIATIONS`, each written with its
full stop) join it, and leave the title if they ended it.

Only listed abbreviations are taken, never a capitalised word as such: a title's own
last word ("… of the Amazon. Geogr. Rev.") stays the title's. The run must open a
phrase (after a comma, semicolon or full stop) and hold more than single letters ("J."
may be an editor's initial), and the title keeps two words or more.
"""

from __future__ import annotations

import re

__all__ = ["JOURNAL_ABBREVIATIONS", "with_journal_head"]

# ISO 4 abbreviations that open or run through journals' names (the words themselves,
# without the full stop); single letters only "J" (Journal) and "Z" (Zeitschrift), so a
# title's part number ("Part I.") is not taken
JOURNAL_ABBREVIATIONS = frozenset(
    (  # noqa: SIM905 (one word list reads better as text)
        "J Z Acad Adm Afr Agric Am Anal Ann Annu Appl Arch Assoc Astron Astrophys Aust "
        "Biochem Biol Biomed Biophys Bot Br Bull Can Cardiol Cardiovasc Chem Chin Clin "
        "Commun Comput Conf Curr Dermatol Dev Dtsch Ecol Econ Educ Electron Endocrinol "
        "Eng Environ Epidemiol Eur Exp Fac Gastroenterol Genet Geochem Geogr Geol Geophys "
        "Gynecol Hist Hosp Hum Hydrol Immunol Ind Inf Inst Int Jpn Lett Manag Mater Math "
        "Mech Med Meteorol Microbiol Mineral Mol Natl Neurol Neurosci Nucl Nurs Nutr "
        "Obstet Oceanogr Oncol Ophthalmol Opt Paleontol Pathol Pediatr Petrol Pharm "
        "Pharmacol Philos Phys Physiol Polit Proc Psychiatr Psychol Publ Qual Radiol "
        "Rehabil Rep Res Rev Sci Soc Sociol Stat Stud Surg Symp Syst Technol Theor Ther "
        "Trans Univ Vet Zool"
    ).split()
)

# the abbreviated words ending the text before the container, each with its full stop
_TRAILING_ABBREVIATIONS = re.compile(r"(?:(?<=[\s,;.])[A-Z][a-z]{0,11}\.\s*){1,6}$")


def with_journal_head(
    title: str | None, container: str | None, text: str
) -> tuple[str | None, str | None]:
    """`title` and `container`, the journal's abbreviated head moved from the title (or
    from between the two) into the container; unchanged when there is none."""
    if not container:
        return title, container
    after = text.find(title) + len(title) if title and title in text else 0
    at = text.find(container, after)
    if at <= 0:
        return title, container
    m = _TRAILING_ABBREVIATIONS.search(text[:at])
    if m is None:
        return title, container
    words = m.group(0).split()
    keep = len(words)
    while keep > 0 and words[keep - 1].rstrip(".") in JOURNAL_ABBREVIATIONS:
        keep -= 1
    head_words = words[keep:]
    if all(len(w) <= 2 for w in head_words):
        return title, container  # "J." alone may be a person's initial: "In: Roe, J. Book"
    start = at - len(m.group(0)) + len(" ".join(words[:keep])) + (1 if keep else 0)
    start = text.index(head_words[0], start)
    if text[:start].rstrip()[-1:] not in (",", ";", "."):
        return title, container  # the words go on a phrase: "… on applied Math."
    new_title = title
    if title:
        head = " ".join(w.rstrip(".") for w in head_words)
        bare = title.rstrip(" .,")
        flat = re.sub(r"\.\s*", " ", bare)
        if flat == head or flat.endswith(" " + head):
            cut = bare[: len(bare) - len(_dotted(bare, len(head_words)))].rstrip(" .,;:")
            if len(cut.split()) < 2:
                return title, container
            new_title = cut
        elif title in text and text.find(title) + len(title) > start:
            return title, container  # the title holds the words some other way
    return new_title, text[start:at] + container


def _dotted(title: str, n: int) -> str:
    """The last `n` words of `title` as written (with their full stops)."""
    return " ".join(title.split()[-n:])
