"""What every part that reads or compares people's names agrees on: the particles.

A particle ("van", "der", "de", "da", "dos", "von", "ibn", "al", "St.") belongs to a
family name but is written, capitalised and cited inconsistently: "van der Berg",
"Van der Berg", "Berg"; "SILVA, J. C. da"; "de la Macorra". The reference-list parser
(keeping a particle with its name), the citation extractor (allowing a lower-case word
inside a name), the matcher (citation to entry) and the registry comparison (entry to
record) must agree on which words these are, or a name one of them keeps whole another
cuts -- so the list lives here, once.

Only words that are a particle in some language's names and are never a whole family
name on their own are listed; "Mac" and "Saint" are here because they are written
apart as often as glued ("Mac Donald", "Saint Pierre").
"""

from __future__ import annotations

from functools import lru_cache

from anyascii import anyascii

__all__ = ["PARTICLES", "fold_name", "is_particle"]

_WRITTEN = """
    van von vom der den de del della dei degli des di da das do dos du
    la le les lo ten ter te zu zur
    al el bin binti ibn af av
    mac st st. saint d' van't
"""
PARTICLES = frozenset(_WRITTEN.split())


def is_particle(word: str) -> bool:
    """Whether `word` (any case, "d’" with either apostrophe) is a name particle."""
    return word.casefold().replace("’", "'") in PARTICLES


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """A name in lower-case ASCII, whatever script or accents it was written in:
    "Šimić" -> "simic", "Иванов" -> "ivanov", "Øster" -> "oster". Transliteration is
    anyascii's (one maintained table for every script), so the list and the text meet
    however either wrote the name."""
    return anyascii(name).lower()
