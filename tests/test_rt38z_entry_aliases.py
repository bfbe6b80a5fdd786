"""One BibTeX entry's ``ids`` (biblatex's old keys it is still cited by) is read to
`limits.MAX_ENTRY_ALIASES` keys.

Every key of ``ids`` went into the audit's key index twice (as written and case-folded):
one entry listing 500,000 old keys, a 5.9 MB field, held 270 MB of an offline audit
while the entry itself cost 30 (rt38z, `benches/rt38z_scaling.py` bib-ids-flood) -- the
"one record's size" class of rt37z, inside one field. The tests count the keys an entry
is looked up by; they fail before the cut.
"""

from __future__ import annotations

from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.bibliography.limits import MAX_ENTRY_ALIASES
from citeaudit.matching.keys import KeyIndex, ref_keys

LISTED = 5_000


def _bib() -> str:
    ids = ", ".join(f"old{i}" for i in range(LISTED))
    return (
        "@article{first, author={Lund, Kari}, title={Read}, journal={J}, year={2011}}\n"
        f"@article{{flood,\n  ids = {{{ids}}},\n  author={{Ode, Ann}}, title={{T}}, year=2001}}\n"
        "@article{after, author={Berg, Ola}, title={After}, journal={J}, year={2012}}\n"
    )


def test_an_entrys_keys_stop_at_the_cap_and_the_cut_is_said_on_its_line() -> None:
    bibliography = parse_bibtex(_bib(), "refs.bib")
    by_key = {r.key: r for r in bibliography.references}
    assert set(by_key) == {"first", "flood", "after"}  # the rest of the file is read
    keys = ref_keys(by_key["flood"])
    assert len(keys) <= 1 + MAX_ENTRY_ALIASES, len(keys)  # 5,001 before
    assert keys[:3] == ("flood", "old0", "old1")  # the first old keys still cite it
    said = [p for p in bibliography.problems if "ids" in p.message]
    assert len(said) == 1 and said[0].location.line == 2, bibliography.problems
    assert f"{LISTED:,} keys" in said[0].message and "'flood'" in said[0].message


def test_the_key_index_holds_what_the_entries_are_cited_by_not_what_they_list() -> None:
    bibliography = parse_bibtex(_bib(), "refs.bib")
    index = KeyIndex(bibliography.references)
    held = len(index._exact) + len(index._folded)  # the work, counted
    assert held <= 2 * (3 + MAX_ENTRY_ALIASES), held  # ~10,000 before


def test_an_entry_of_a_few_old_keys_is_read_whole() -> None:
    bibliography = parse_bibtex(
        "@article{new, ids={old1, Old2}, author={Ode, Ann}, title={T}, year=2001}\n", "refs.bib"
    )
    assert ref_keys(bibliography.references[0]) == ("new", "old1", "Old2")
    assert not bibliography.problems


def test_a_csl_items_ids_stop_at_the_cap_in_json_and_yaml() -> None:
    """A CSL item's ``ids`` reached the key index the same way (its extra fields)."""
    from citeaudit.bibliography.csl_json import parse_csl_json
    from citeaudit.bibliography.csl_yaml import parse_csl_yaml

    ids = ",".join(f"old{i}" for i in range(LISTED))
    read = (
        parse_csl_json(f'[{{"id": "k", "title": "T", "ids": "{ids}"}}, {{"id": "b"}}]', "x.json"),
        parse_csl_yaml(f'references:\n- id: k\n  title: T\n  ids: "{ids}"\n- id: b\n', "x.yaml"),
    )
    for bibliography in read:
        assert [r.key for r in bibliography.references] == ["k", "b"]
        keys = ref_keys(bibliography.references[0])
        assert len(keys) <= 1 + MAX_ENTRY_ALIASES and keys[1] == "old0", len(keys)
        said = [p for p in bibliography.problems if "ids" in p.message]
        assert len(said) == 1 and said[0].location.line == (
            1 if "json" in said[0].location.file else 2
        )
