"""Class: a narrative year followed by the venue it appeared in, "Smith (2001 en Revista X)".

Spanish, Portuguese, French and English writers name where a work appeared inside the
year's parenthesis with no comma: "Ramírez (2001 en Revista Ejemplo)", "Costa (2010 em
Anais do Congresso)", "Durand (1998 dans Cahiers Test)", "Hale (2005 in Example
Quarterly)". The group was no year at all, so the entry was reported never cited. Read
WEAK: a place's or an event's year looks the same ("Expo (1900 in Paris)"), so such a
citation confirms an entry and is never a missing work on its own. Made-up instances.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_TEXT = """# Introducción

Como mostró Ramírez (2001 en Revista Ejemplo de Ciencias), el efecto es real. Costa
(2010 em Anais do Congresso Teste) confirma. Durand (1998 dans Cahiers Test) aussi, et
Hale (2005 in Example Quarterly) agrees. La Expo (1900 in Paris) fue un hito.

Otros lo discuten (Nadie, 1990; Otro, 1991; Tercero, 1992; Cuarto, 1993; Quinto, 1994).

# Referencias

Costa, B. (2010). Um estudo. Anais do Congresso Teste, 1-9.

Durand, C. (1998). Une étude. Cahiers Test, 4, 1-9.

Hale, D. (2005). A study. Example Quarterly, 3, 1-9.

Cuarto, F. (1993). Cuatro. Madrid: Ejemplo.

Nadie, N. (1990). Nada. Madrid: Ejemplo.

Otro, O. (1991). Otra. Madrid: Ejemplo.

Quinto, Q. (1994). Cinco. Madrid: Ejemplo.

Ramírez, A. (2001). Un estudio. Revista Ejemplo de Ciencias, 2, 1-9.

Tercero, T. (1992). Tres. Madrid: Ejemplo.
"""


def test_a_venue_after_the_year_still_cites(tmp_path: Path) -> None:
    uncited, missing = markdown_verdict(tmp_path, _TEXT, 8)
    assert uncited == set()
    assert missing == set()
