"""Red team H7: a CSL YAML number too long to write is data, never a traceback.

The CSL-JSON reader keeps a number of over 100 digits as its digits (Python refuses to
turn integers over 4,300 digits into text). YAML builds its own integers, in forms JSON
has not -- hexadecimal, binary, octal, ``1_000`` and base 60 (``1:30:00``) -- so a
5 KB ``volume: 0xfff…`` made an integer of 6,000 decimal digits, and writing it as the
volume raised ValueError out of the reader: `citeaudit check` ended in a traceback and
a service audit failed as an internal error. Now such a number is kept as written,
like JSON's, and the file is read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import Phase
from citeaudit.bibliography.csl_yaml import parse_csl_yaml

LONG = {
    "hexadecimal": "0x" + "f" * 5_000,
    "binary": "0b" + "1" * 20_000,
    "octal": "0o" + "7" * 6_000,
    "underscores": "1_" * 3_000 + "1",
    "base 60": "1" + ":59" * 3_000,
}
FIELDS = ("volume: {}", "issued: {}", "issued: {{date-parts: [[{}]]}}", "id: {}")


def _yaml(field: str) -> str:
    head = "references:\n- title: Made-up results\n  author: [{family: Okafor}]\n"
    return head + ("  id: one\n" if not field.startswith("id") else "") + f"  {field}\n"


@pytest.mark.parametrize("form", list(LONG))
@pytest.mark.parametrize("field", FIELDS)
def test_a_number_too_long_to_write_is_kept_as_written(form: str, field: str) -> None:
    written = LONG[form]
    bibliography = parse_csl_yaml(_yaml(field.format(written)), "refs.yaml")
    [reference] = bibliography.references
    assert reference.title == "Made-up results"
    if field == "volume: {}":
        assert reference.volume == written
    if field == "id: {}":
        assert reference.key == written


def test_short_numbers_are_still_numbers() -> None:
    bibliography = parse_csl_yaml(
        "references:\n- id: one\n  title: T\n  volume: 0x1F\n  issued: {date-parts: [[2_019]]}\n",
        "refs.yaml",
    )
    [reference] = bibliography.references
    assert reference.volume == "31" and reference.year == 2019


def test_the_audit_reads_the_file_and_the_rest_of_it(tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text("As found [@one] and [@two].\n", encoding="utf-8")
    refs = tmp_path / "refs.yaml"
    refs.write_text(
        _yaml(f"volume: {LONG['hexadecimal']}") + "- id: two\n  title: Another\n",
        encoding="utf-8",
    )
    result = audit(
        AuditInput((paper,), (refs,)),
        skipped={Phase.RESOLUTION: "offline", Phase.LINKS: "offline"},
    )
    assert sorted(r.key for r in result.data.references) == ["one", "two"]
    assert not [f for f in result.findings if f.rule == "missing-reference"]


@pytest.mark.parametrize("value", ["!!int", "!!int ''", "!!bool maybe", "!!int abc", "!!float x"])
def test_a_type_tag_on_a_value_not_of_that_type_is_one_problem(value: str) -> None:
    """PyYAML obeys a tag and raised IndexError (``!!int`` on nothing) or KeyError
    (``!!bool maybe``) out of the reader: a traceback from a 40-byte file."""
    text = (
        "references:\n"
        f"- id: one\n  title: Broken\n  volume: {value}\n"
        "- id: two\n  title: Read all the same\n"
    )
    bibliography = parse_csl_yaml(text, "refs.yaml")
    assert [r.key for r in bibliography.references] == ["two"]
    [problem] = bibliography.problems
    assert problem.location.line == 2
    assert "cannot build" in problem.message
