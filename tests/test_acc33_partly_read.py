"""A list cited in part by a form no reader takes: one summary, not a finding per entry.

Made-up manuscripts audited through the public API, offline. Before acc30 the summary
(citations-not-recognised, CIT006) stood only when 80% of the list was uncited after
the author-and-page and name-and-title checks; an article citing some works by name and
year and the rest by a bare name ("(Quornby)", "following Vellacott,") fell under it and
got one "never cited" per entry. The summary now stands when what is left uncited is a
large share of the list and the text names most of those entries' authors.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

NAMES = [
    "Quornby", "Vellacott", "Draxmore", "Pellingrew", "Ostrander", "Halvicek",
    "Morrowfield", "Trenholm", "Ashgrove", "Brindlecombe", "Carrowmont", "Dunmerrow",
    "Fennimore", "Gallowbrook", "Harrowgate", "Inchcliffe",
]  # fmt: skip


def _entries() -> str:
    return "\n\n".join(
        f"{name}, Alma. An Invented Study of Sign Poetry {k}. Made-up Press, {2001 + k}."
        for k, name in enumerate(NAMES)
    )


def _codes(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "paper.md"
    path.write_text(
        f"# A made-up essay\n\n{body}\n\n## Works Cited\n\n{_entries()}\n", encoding="utf-8"
    )
    result = audit(AuditInput.from_paths([path]))
    return sorted(f.code for f in result.findings if f.code in ("CIT001", "CIT006"))


# four works cited by name and year, as any reader reads them
_READ = (
    "Humour in signed poetry has been studied (Quornby 2001; Vellacott 2002). "
    "Later work (Draxmore 2003) and (Pellingrew 2004) extended it."
)


def test_bare_names_of_the_rest_give_one_summary(tmp_path: Path) -> None:
    body = (
        f"{_READ}\n\nThe genres overlap (Ostrander; Halvicek; Morrowfield). Following "
        "Trenholm, we say texts are more or less poetic. Ashgrove observes that humour "
        "is social (Brindlecombe), and Carrowmont mentions the theatre; the triad of "
        "content, form and effect (Dunmerrow) guides the translation. As Fennimore and "
        "Gallowbrook put it, a sign is a picture; Harrowgate disagrees, and so does "
        "Inchcliffe."
    )
    assert _codes(tmp_path, body) == ["CIT006"]


def test_works_the_text_never_names_are_reported_one_by_one(tmp_path: Path) -> None:
    # the same share uncited, but nothing in the text names those authors: a padded
    # list, each entry a finding
    body = f"{_READ}\n\nThe genres overlap, and texts are more or less poetic."
    assert _codes(tmp_path, body) == ["CIT001"] * 12


def test_a_few_unread_names_stay_per_entry(tmp_path: Path) -> None:
    # most of the list cited; two named bare: a slip's size, reported per entry
    body = (
        f"{_READ} Others agree (Ostrander 2005; Halvicek 2006; Morrowfield 2007; "
        "Trenholm 2008; Ashgrove 2009; Brindlecombe 2010; Carrowmont 2011; Dunmerrow "
        "2012; Fennimore 2013; Gallowbrook 2014). Harrowgate and Inchcliffe disagree."
    )
    assert _codes(tmp_path, body) == ["CIT001"] * 2


# acc33: a taxonomic paper names its species' describers ("Aus bus Quornby, 1949");
# a describer who is also a listed author is not cited by that -- the summary must not
# hide those entries' uncited findings.
def test_names_only_as_taxon_authorities_stay_per_entry(tmp_path: Path) -> None:
    species = [
        f"Carabus {epithet} {name}, {1901 + k}"
        for k, (epithet, name) in enumerate(
            zip(
                ["alpinus", "borealis", "collinus", "dentatus", "elegans", "fuscus",
                 "glaber", "hirtus", "insularis", "jugalis", "lividus", "montanus"],
                NAMES[4:],
                strict=True,
            )
        )
    ]  # fmt: skip
    body = (
        f"{_READ}\n\nThe material examined belongs to "
        + "; ".join(species[:6])
        + ".\n\nFurther records: "
        + "; ".join(species[6:])
        + "."
    )
    assert _codes(tmp_path, body) == ["CIT001"] * 12


def test_botanical_authorities_without_years_are_no_mention(tmp_path: Path) -> None:
    # "Quercus alba Ostrander" names a describer with no year after it, and the run
    # ends at prose ("grows")
    taxa = ", ".join(
        f"Quercus {epithet} {name}"
        for epithet, name in zip(
            ["alba", "rubra", "nigra", "velutina", "palustris", "coccinea", "falcata",
             "laurifolia", "montana", "phellos", "stellata", "virginiana"],
            NAMES[4:],
            strict=True,
        )
    )  # fmt: skip
    body = f"{_READ}\n\nThe stand holds {taxa} grows there."
    assert _codes(tmp_path, body) == ["CIT001"] * 12


def test_authors_named_only_in_citations_read_stay_per_entry(tmp_path: Path) -> None:
    # each author has four works listed and one cited by name and year: the other
    # twelve are truly uncited, and the names the text writes are all inside citations
    # the readers read -- no sign of a form left unread (a taxonomic paper's old
    # monographs: "(Attems 1930b)" cited, Attems's eleven other works listed uncited)
    authors = NAMES[:4]
    entries = "\n\n".join(
        f"{name}, Alma. Invented Monograph {k}. Made-up Press, {1901 + 4 * i + k}."
        for i, name in enumerate(authors)
        for k in range(4)
    )
    body = (
        f"The fauna was revised ({authors[0]} 1901; {authors[1]} 1905), and later "
        f"({authors[2]} 1909) and ({authors[3]} 1913)."
    )
    path = tmp_path / "paper.md"
    path.write_text(f"# A made-up revision\n\n{body}\n\n## References\n\n{entries}\n")
    result = audit(AuditInput.from_paths([path]))
    codes = sorted(f.code for f in result.findings if f.code in ("CIT001", "CIT006"))
    assert codes == ["CIT001"] * 12
