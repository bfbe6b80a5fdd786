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
