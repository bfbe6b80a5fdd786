"""Class: a group of authors' names alone, "(Sutton-Spence; Perlin; Strobel)".

ABNT and APA writers cite several works by their authors only when the years stand
elsewhere or the works carry none: "(Quadros; Karnopp)", "(SILVA; SOUZA; COSTA)",
"(Moreau; Petit)". No year, so no reader took the group and every entry was
"never cited". Such a group is read WEAK, each part one work: an entry whose authors
fit it as written is cited, and a group of places or things ("(Portugal; Espanha)",
"(Lisboa; Porto)") confirms nothing and is never a missing work. Made-up instances.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_TEXT = """# Introdução

A língua foi descrita antes (Sutton-Spencer; Pereira; Stroud). As marcas
variam (QUADRADO; KARNEIRO), como notam outros (Moreau; Petit). Os dados vêm de
dois países (Portugal; Espanha) e de duas cidades (Lisboa; Porto).

O resto é conhecido (Alves, 2001; Borges, 2002; Cunha, 2003; Dias, 2004).

# Referências

ALVES, A. Um livro. São Paulo: Ática, 2001.

BORGES, B. Outro livro. São Paulo: Ática, 2002.

CUNHA, C. Terceiro livro. São Paulo: Ática, 2003.

DIAS, D. Quarto livro. São Paulo: Ática, 2004.

KARNEIRO, L. Estudos da língua. Porto Alegre: Artmed, s.d.

MOREAU, P. Les marques. Paris: Seuil, 1997.

PEREIRA, G. Identidades. Porto Alegre: Mediação, 1998.

PETIT, J. Les signes. Paris: Seuil, 2003.

QUADRADO, R. Língua de sinais. Porto Alegre: Artmed, 2004.

STROUD, K. As imagens do outro. Florianópolis: UFSC, 2008.

SUTTON-SPENCER, R. The linguistics of sign. Cambridge: CUP, 1999.
"""


def test_author_only_groups_cite_their_entries(tmp_path: Path) -> None:
    uncited, missing = markdown_verdict(tmp_path, _TEXT, 8)
    assert uncited == set()
    assert missing == set()
