"""An entry that opens with a surname's lower-case particle, Vancouver style.

"von Hoff K., Bergström A., ... (2016)." or "de Almeida RM, Souza T, ...": the
surname's particle is written in lower case, so the line opens in lower case, which
`reference_section.looks_like_entry_start` reads as the middle of an entry (a title's
tail) unless a year in brackets follows the name soon. A hard-wrapped entry's first
line often holds no year (the authors fill it), so such an entry was joined to the one
before it, and every citation of it reported missing (Frontiers as converted Markdown).

The shape read here is the particle(s), a capitalised surname, its initials and a
comma, then the next author's name: prose does not open with "van Dijk T., Maas R.".
"""

from __future__ import annotations

import re

# the particles a surname keeps in lower case at the start of an entry
_PARTICLES = (
    r"(?:van|von|der|den|de|da|di|du|del|della|dos|das|des|la|le|ten|ter|zu|vom|zur|"
    r"'t|d'|o')"
)
_UPPER = "A-ZÀ-ÖØ-Þ"
# "von Hoff K., B", "de la Cruz-Ortiz MA, S", "van 't Veer LJ, D": particles (each
# followed by a space, or "d'" glued), a capitalised surname of up to three words, one
# to three initials, a comma, the next author's capital. Each part is a distinct
# character class after a fixed separator: one reading, linear time.
_PARTICLE_SURNAME_INITIALS = re.compile(
    rf"^(?:{_PARTICLES}\s+){{1,3}}[{_UPPER}][\w'’]*(?:[\s\-][{_UPPER}][\w'’]*){{0,2}}\s"
    rf"(?:[{_UPPER}]\.?[\s\-]?){{1,3}},\s+"
    rf"(?:{_PARTICLES}\s+){{0,3}}[{_UPPER}]"
)


def particle_surname_start(plain: str) -> bool:
    """Whether `plain` (a line without its Markdown) opens with a lower-case particle,
    a surname and its initials, then the next author: "van Rossum G., Drake F. L.,"."""
    return _PARTICLE_SURNAME_INITIALS.match(plain) is not None
