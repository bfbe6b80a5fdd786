"""rt37z: one bibliography entry holding a flood of fields is read to a cap, not built whole.

A BibTeX field costs six bytes of a file (``f1={},``) and ~400 bytes in memory once
parsed (the parser's `Field`, its name and value, the Reference's `extra`): one entry of
a million empty fields (6 MB) held ~400 MB, whatever the entry caps say (it is one
entry). `limits.MAX_ENTRY_FIELDS` bounds what one entry gives; the entry's end is still
found, so the entries after it are read as before. Sizes only: no clock.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.bibliography import bibtexparser_blocks
from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.bibliography.limits import MAX_ENTRY_FIELDS

_FLOOD = 3 * MAX_ENTRY_FIELDS
_AFTER = "@article{after, author={Lund, Kari}, title={Still read}, year={2011}}\n"


def _flooded(opening: str = "@misc{flood,", closing: str = "}") -> str:
    fields = ",\n".join(f"note{i}={{x}}" for i in range(_FLOOD))
    return f"{opening}\n title={{A work}}, year={{2009}},\n{fields}{closing}\n\n{_AFTER}"


def test_the_fast_reader_builds_no_field_past_the_cap() -> None:
    blocks = bibtexparser_blocks.split(_flooded())
    entry = blocks[0][0]
    assert isinstance(entry, bibtexparser_blocks.CutEntry)
    assert len(entry.fields) == MAX_ENTRY_FIELDS
    assert entry.written == _FLOOD + 2
    assert [b.key for b, _ in blocks[1:]] == ["after"]  # the end of the flood was found


def test_a_flooded_entry_gives_a_bounded_reference_and_one_problem() -> None:
    bib = parse_bibtex(_flooded(), "refs.bib")
    assert len(bib.references) == 2
    flooded = bib.references[0]
    assert flooded.title == "A work" and flooded.year == 2009  # the fields before the cap
    assert len(flooded.extra) <= MAX_ENTRY_FIELDS
    cut = [p for p in bib.problems if "fields" in p.message and "flood" in p.message]
    assert len(cut) == 1 and cut[0].location.line == 1
    after = bib.references[1]
    assert after.title == "Still read" and after.year == 2011


def test_an_entry_bibtexparser_reads_is_cut_as_well() -> None:
    """Parenthesised entries are left to bibtexparser: cut before they are kept."""
    bib = parse_bibtex(_flooded("@misc(flood,", ")"), "refs.bib")
    assert len(bib.references[0].extra) <= MAX_ENTRY_FIELDS
    assert sum("fields" in p.message for p in bib.problems) == 1
    assert bib.references[-1].title == "Still read"


def test_a_real_sized_entry_is_untouched() -> None:
    fields = ", ".join(f"custom{i}={{v{i}}}" for i in range(60))
    bib = parse_bibtex(f"@misc{{k, title={{T}}, {fields}}}\n", "refs.bib")
    assert not bib.problems
    assert len(bib.references[0].extra) == 60


def test_a_ris_record_of_a_flood_of_tags_is_read_to_the_cap() -> None:
    """rispy builds a list item per tag line: a record of a million ``KW  - `` lines
    (7 MB) held ~100 MB. Past the cap the tag lines are left out before rispy sees
    them, the end tag kept; one problem on the record's line; the next record is read."""
    from citeaudit.bibliography import ris

    flood = "".join(f"KW  - word{i}\n" for i in range(_FLOOD))
    text = (
        f"TY  - JOUR\nTI  - A work\nPY  - 2009\n{flood}ER  - \n"
        "TY  - JOUR\nAU  - Lund, Kari\nTI  - Still read\nPY  - 2011\nER  - \n"
    )
    record = next(ris._records(text, "refs.ris", ris.ProblemTally("refs.ris")))
    assert record.text.count("\nKW  - ") <= MAX_ENTRY_FIELDS
    assert record.tags == _FLOOD + 2 and record.text.endswith("ER  - ")
    bib = ris.parse_ris(text, "refs.ris")
    assert [r.title for r in bib.references] == ["A work", "Still read"]
    assert bib.references[0].year == 2009
    cut = [p for p in bib.problems if "fields" in p.message]
    assert len(cut) == 1 and cut[0].location.line == 1


def test_a_ris_record_of_continuation_lines_is_not_cut() -> None:
    from citeaudit.bibliography import ris

    abstract = "".join(f"more words {i}\n" for i in range(_FLOOD))
    bib = ris.parse_ris(f"TY  - JOUR\nTI  - T\nAB  - Start\n{abstract}ER  - \n", "refs.ris")
    assert not bib.problems and len(bib.references) == 1


def test_a_csl_json_item_longer_than_any_is_stepped_over_unbuilt() -> None:
    """json builds an item whole (10 MB of '{},' peaked at ~240 MB): an item past
    `csl_json.MAX_ITEM_CHARS` is decoded no further than a window of that many characters
    (what is built is bounded by the window, not the item), and the items around it
    are read."""
    import json

    from citeaudit.bibliography import csl_json

    built: list[int] = []

    def counting(pairs: list[tuple[str, object]]) -> dict[str, object]:
        built.append(len(pairs))
        return dict(pairs)

    window = csl_json.MAX_ITEM_CHARS // 3  # the "{}," a window holds
    flood = ",".join(["{}"] * (4 * window))
    items = [
        '{"id": "before", "title": "First"}',
        '{"id": "flood", "note": [' + flood + "]}",
        '{"id": "after", "title": "Still read", "issued": {"date-parts": [[2011]]}}',
    ]
    text = "[\n" + ",\n".join(items) + "\n]\n"
    decoder = csl_json._DECODER
    csl_json._DECODER = json.JSONDecoder(parse_int=csl_json._int, object_pairs_hook=counting)
    try:
        bib = csl_json.parse_csl_json(text, "refs.json")
    finally:
        csl_json._DECODER = decoder
    assert [r.title for r in bib.references] == ["First", "Still read"]
    assert bib.references[1].year == 2011
    # what a window holds (tried twice), not the item's 4 windows' worth (1,333,333)
    assert len(built) <= 2 * window + 6
    long = [p for p in bib.problems if "longer than any CSL item" in p.message]
    assert len(long) == 1 and long[0].location.line == 3


def test_many_small_csl_items_across_windows_all_read() -> None:
    """Items that straddle a window's end are read whole, numbers too."""
    from citeaudit.bibliography import csl_json

    count = csl_json.MAX_ITEM_CHARS // 40
    items = ",".join(f'{{"id":"k{i}","title":"T{i}","volume":{i}}}' for i in range(count))
    bib = csl_json.parse_csl_json("[" + items + "]", "refs.json")
    assert len(bib.references) == count and not bib.problems
    assert [r.volume for r in bib.references[-2:]] == [str(count - 2), str(count - 1)]


def test_a_broken_csl_item_past_a_window_reports_its_own_line() -> None:
    from citeaudit.bibliography import csl_json

    good = ",\n".join(f'{{"id":"k{i}","title":"{"x" * 50}"}}' for i in range(30_000))
    bib = csl_json.parse_csl_json("[" + good + ',\n{"id": "bad" "title": 1}]', "refs.json")
    assert len(bib.references) == 30_000
    (problem,) = bib.problems
    assert "invalid JSON" in problem.message and problem.location.line == 30_001


class _CountingDecoder:
    """Stands in for csl_json's decoder, counting the values it is asked to decode."""

    def __init__(self, decoder: object) -> None:
        self.decoder = decoder
        self.calls = 0

    def raw_decode(self, text: str, pos: int) -> tuple[object, int]:
        self.calls += 1
        return self.decoder.raw_decode(text, pos)  # type: ignore[attr-defined, no-any-return]


def test_a_flood_of_items_that_are_no_objects_loses_no_item_after_it() -> None:
    """'[],' is three bytes and one item: a flood of them costs time (linear), but an
    item after it is read -- the rest of the input is audited, nothing is lost."""
    from citeaudit.bibliography import csl_json
    from citeaudit.bibliography.limits import MAX_PROBLEMS

    items = ["[]"] * (3 * MAX_PROBLEMS) + ['{"id": "real", "title": "Read"}']
    bib = csl_json.parse_csl_json("[" + ",".join(items) + "]", "refs.json")
    assert [r.title for r in bib.references] == ["Read"]
    assert len(bib.problems) <= MAX_PROBLEMS + 2


def test_sniffing_a_file_for_json_decodes_no_more_than_its_opening() -> None:
    """A pasted list (the service stores it as .txt) or a file of no known extension
    was decoded whole by `json.loads` only to ask whether it is JSON: 9 MB of '[],'
    peaked at 210 MB. The opening decides now."""
    import tracemalloc

    from citeaudit.bibliography import loading

    flood = "[" + ",".join(["[]"] * 300_000) + "]"  # 900 KB: ~12 MB of lists decoded
    tracemalloc.start()
    try:
        assert loading._sniff(flood) == "csl-json"  # as before: '[' is CSL-JSON's
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * len(flood)
    assert loading._sniff('{"items": [{"id": "a"}]}') == "csl-json"
    assert loading._sniff("{\n  \"id\": 1") == "csl-json"  # damaged: the reader says where
    assert loading._sniff("{ not json }\n@article{a, title={T}}\n") == "bibtex"


def test_a_pasted_list_is_json_only_when_it_opens_as_csl_json(tmp_path: Path) -> None:
    from citeaudit.bibliography.loading import written_as_bibliography

    cases = {
        '[{"id": "a", "title": "T"}]': True,
        ' \n[\n  {\n "id": "a"}]': True,
        "[]": True,
        '{"items": []}': True,
        "[1] Lund K. A work. J Chem. 2011;1:2.\n[2] Roe P. Other. 2012.\n": False,
        "[" + ",".join(["[]"] * 1000) + "]": False,
        "{Lund} K. A work.\n": False,
    }
    for number, (text, expected) in enumerate(cases.items()):
        path = tmp_path / f"list{number}.txt"
        path.write_text(text, encoding="utf-8")
        assert written_as_bibliography(path) is expected, text[:40]
