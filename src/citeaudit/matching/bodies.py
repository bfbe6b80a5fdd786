"""International bodies named in another language than the list's: one author.

A Portuguese or Spanish text cites "(OMS, 2019)" or "la Organización Mundial de la
Salud (2019)" and lists the report it read in English, "World Health Organization.
(2019)." -- or the other way round. Each is the body's own name in the language of its
sentence, no slip an editor would correct, so `names.name_forms` gives every name and
usual acronym of one body below one shared form. Only the bodies of this table: the UN
family and a few others that every language names, whose names and acronyms are no
person's. An acronym counts only written in capitals ("OMS", not the surname "Oms").
"""

from __future__ import annotations

from functools import cache

from citeaudit.manuscript.citations.names import CONNECTORS
from citeaudit.model.surnames import PARTICLES

# Each body: its names and acronyms in English, Portuguese, Spanish and French, as
# bodies write them. Joining words and articles are left out when compared (`_key`),
# so "Organização para a Cooperação e o Desenvolvimento Econômico" needs no line of
# its own beside "... e Desenvolvimento ...".
_BODIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "who": (
        (
            "World Health Organization",
            "World Health Organisation",
            "Organização Mundial da Saúde",
            "Organización Mundial de la Salud",
            "Organisation mondiale de la santé",
            "Organizzazione Mondiale della Sanità",
            "Weltgesundheitsorganisation",
        ),
        ("WHO", "OMS"),
    ),
    "paho": (
        (
            "Pan American Health Organization",
            "Organização Pan-Americana da Saúde",
            "Organización Panamericana de la Salud",
            "Organisation panaméricaine de la santé",
        ),
        ("PAHO", "OPAS", "OPS"),
    ),
    "un": (
        (
            "United Nations",
            "United Nations Organization",
            "Organização das Nações Unidas",
            "Nações Unidas",
            "Organización de las Naciones Unidas",
            "Naciones Unidas",
            "Organisation des Nations unies",
            "Nations unies",
        ),
        ("UN", "ONU"),
    ),
    "oecd": (
        (
            "Organisation for Economic Co-operation and Development",
            "Organization for Economic Cooperation and Development",
            "Organização para a Cooperação e Desenvolvimento Econômico",
            "Organização para a Cooperação e Desenvolvimento Económico",
            "Organización para la Cooperación y el Desarrollo Económicos",
            "Organisation de coopération et de développement économiques",
        ),
        ("OECD", "OCDE"),
    ),
    "ilo": (
        (
            "International Labour Organization",
            "International Labour Organisation",
            "International Labor Organization",
            "International Labour Office",
            "Organização Internacional do Trabalho",
            "Organización Internacional del Trabajo",
            "Organisation internationale du travail",
        ),
        ("ILO", "OIT"),
    ),
    "imf": (
        (
            "International Monetary Fund",
            "Fundo Monetário Internacional",
            "Fondo Monetario Internacional",
            "Fonds monétaire international",
        ),
        ("IMF", "FMI"),
    ),
    "world bank": (
        ("World Bank", "The World Bank", "Banco Mundial", "Banque mondiale", "Weltbank"),
        (),
    ),
    "eclac": (
        (
            "Economic Commission for Latin America and the Caribbean",
            "Comissão Econômica para a América Latina e o Caribe",
            "Comisión Económica para América Latina y el Caribe",
        ),
        ("ECLAC", "CEPAL"),
    ),
    "undp": (
        (
            "United Nations Development Programme",
            "United Nations Development Program",
            "Programa das Nações Unidas para o Desenvolvimento",
            "Programa de las Naciones Unidas para el Desarrollo",
            "Programme des Nations unies pour le développement",
        ),
        ("UNDP", "PNUD"),
    ),
    "unicef": (
        (
            "United Nations Children's Fund",
            "Fundo das Nações Unidas para a Infância",
            "Fondo de las Naciones Unidas para la Infancia",
            "Fonds des Nations unies pour l'enfance",
        ),
        ("UNICEF",),
    ),
    "fao": (
        (
            "Food and Agriculture Organization of the United Nations",
            "Food and Agriculture Organization",
            "Organização das Nações Unidas para a Alimentação e a Agricultura",
            "Organización de las Naciones Unidas para la Alimentación y la Agricultura",
            "Organisation des Nations unies pour l'alimentation et l'agriculture",
        ),
        ("FAO",),
    ),
    "wto": (
        (
            "World Trade Organization",
            "Organização Mundial do Comércio",
            "Organización Mundial del Comercio",
            "Organisation mondiale du commerce",
        ),
        ("WTO", "OMC"),
    ),
    "unhcr": (
        (
            "United Nations High Commissioner for Refugees",
            "Alto Comissariado das Nações Unidas para Refugiados",
            "Alto Comisionado de las Naciones Unidas para los Refugiados",
        ),
        ("UNHCR", "ACNUR"),
    ),
    "unesco": (
        (
            "United Nations Educational, Scientific and Cultural Organization",
            "Organização das Nações Unidas para a Educação, a Ciência e a Cultura",
            "Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura",
        ),
        ("UNESCO",),
    ),
}

# joining words and articles a body's name may take or drop in any of these languages
_JOINING = (
    CONNECTORS
    | PARTICLES
    | frozenset(
        [
            "a",
            "o",
            "os",
            "as",
            "el",
            "la",
            "los",
            "las",
            "le",
            "les",
            "l",
            "the",
            "do",
            "da",
            "das",
            "dos",
            "del",
            "des",
            "du",
        ]
    )
)

MARK = "="  # the shared form's prefix: no name or acronym folds to one with it


def _key(words: list[str]) -> str:
    return "".join(w for w in words if w not in _JOINING)


@cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """The table by folded name (joining words left out) and by acronym, built once."""
    # folded as `names.normalise_name` folds; imported here, for names imports this
    from citeaudit.matching.names import normalise_name

    by_name: dict[str, str] = {}
    by_acronym: dict[str, str] = {}
    for body, (names, acronyms) in _BODIES.items():
        for name in names:
            by_name[_key(normalise_name(name).split())] = body
        for acronym in acronyms:
            by_acronym[acronym] = body
    return by_name, by_acronym


def body_form(written: str, words: list[str]) -> str | None:
    """The shared form of the body a name (`written` as given, `words` folded) is one
    of the names or capitals acronyms of, or None."""
    by_name, by_acronym = _table()
    body = by_acronym.get(written.strip().rstrip("."))
    if body is None and len(words) > 1:
        body = by_name.get(_key(words))
    return MARK + body if body is not None else None
