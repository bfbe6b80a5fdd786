"""CSL YAML: an alias repeats an earlier value, and what aliases add is bounded per file.

The items are composed and built one at a time (`csl_yaml`), each with a fresh
memory of what it built: an alias to a value anchored in an earlier item builds that
value again -- and the item then reads it (its fields, its authors, its `extra`). So a
value anchored once and named by every later item cost its size once per item:

- a list of 8,000 scalars anchored in the first item and named by 8,000 items (215 KB)
  took 40 s; a 100 KB scalar named by 8,000 items (290 KB), 15 s;
- a mapping of 4,000 keys merged (``<<: *a``) into 4,000 items (126 KB) took 55 s and
  1.2 GB: every item holds a copy of every key;
- a chain of merges (each anchor merging the one before: the i-th holds i keys) and one
  merge of a list of k aliases to the same mapping (PyYAML walks it k times) are
  quadratic in the same way, inside one item or across the file.

Now every alias is charged, as the item is composed, the size of the text it stands for
(an anchor's span plus what the aliases inside it stand for), and the file's aliases
may stand for at most as many characters as the file holds (`_ALIASED_FLOOR` at least):
an item past that is a problem, not built. Work is counted (calls and characters the
regular-expression engine reads: `tests/security/counted_work.py`), never timed;
linear grows 8x from the base to 8 times it, quadratic 64x.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.csl_yaml import parse_csl_yaml
from tests.security.counted_work import Case, assert_linear


def _read(text: str) -> object:
    return parse_csl_yaml(text, "refs.yaml")


def _list(n: int) -> str:
    return "[" + ", ".join(["x"] * n) + "]"


def _alias_across_items(n: int) -> str:
    """A list of n/16 scalars anchored in the first item, named by n/40 items."""
    items = "".join(f"- {{id: b{i}, note: *x}}\n" for i in range(n // 40))
    return f"- id: a\n  note: &x {_list(n // 16)}\n{items}"


def _scalar_across_items(n: int) -> str:
    """A scalar of n/4 characters (words) anchored once, named by n/40 items."""
    items = "".join(f"- {{id: b{i}, note: *s}}\n" for i in range(n // 40))
    return "- {id: a, note: &s " + "word " * (n // 20) + "}\n" + items


def _merge_across_items(n: int) -> str:
    """A mapping of n/40 keys merged into n/40 items."""
    keys = ", ".join(f"k{i}: v" for i in range(n // 40))
    items = "".join(f"- {{<<: *a, id: b{i}}}\n" for i in range(n // 40))
    return f"- &a {{id: a, {keys}}}\n{items}"


def _merge_chain(n: int) -> str:
    """n/30 anchors, each merging the one before and adding a key."""
    links = "".join(f"- &a{i} {{<<: *a{i - 1}, id: b{i}, k{i}: v}}\n" for i in range(1, n // 30))
    return "- &a0 {id: b0, k0: v}\n" + links


def _merge_list(n: int) -> str:
    """One item merging a list of n/8 aliases to a mapping of n/40 keys."""
    keys = ", ".join(f"k{i}: v" for i in range(n // 40))
    return f"- &a {{id: a, {keys}}}\n- {{id: b, <<: [{', '.join(['*a'] * (n // 8))}]}}\n"


def _scalar_in_many_fields(n: int) -> str:
    """One item naming a scalar of n/4 characters in n/40 fields of its own."""
    fields = "".join(f"  f{i}: *s\n" for i in range(n // 40))
    return "- id: a\n  note: &s " + "word " * (n // 20) + "\n" + fields


CASES = {
    "a list anchored once, named by every item": Case(_alias_across_items, _read, 8_000),
    "a scalar anchored once, named by every item": Case(_scalar_across_items, _read, 8_000),
    "a mapping merged into every item": Case(_merge_across_items, _read, 8_000),
    "a chain of merges": Case(_merge_chain, _read, 6_000),
    "one merge of many aliases to one mapping": Case(_merge_list, _read, 8_000),
    "a scalar named in many fields of one item": Case(_scalar_in_many_fields, _read, 8_000),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_aliases_cost_what_the_file_holds(name: str) -> None:
    assert_linear(__name__, name)


def test_an_anchor_reused_a_few_times_is_read() -> None:
    """A hand-written file naming one author through an alias: every item keeps it."""
    text = (
        "- id: a\n  author: &smith [{family: Smith, given: J.}]\n  title: One\n"
        "- id: b\n  author: *smith\n  title: Two\n"
        "- id: c\n  author: *smith\n  title: Three\n"
    )
    bibliography = parse_csl_yaml(text, "refs.yaml")
    assert [r.key for r in bibliography.references] == ["a", "b", "c"]
    assert all(r.authors[0].family == "Smith" for r in bibliography.references)
    assert not bibliography.problems


def test_items_past_the_aliases_budget_are_problems_and_the_rest_is_read() -> None:
    """Past the budget an item that names the anchor is a problem on its line; an item
    with no alias after it is still read."""
    named = "".join(f"- {{id: b{i}, note: *x}}\n" for i in range(100))
    text = f"- id: a\n  note: &x {_list(50_000)}\n{named}- {{id: last, title: Plain}}\n"
    bibliography = parse_csl_yaml(text, "refs.yaml")
    keys = [r.key for r in bibliography.references]
    assert keys == ["a", "b0", "last"]  # b0's 150,000 characters fit the file's budget
    refused = [p for p in bibliography.problems if "aliases" in p.message]
    assert [p.location.line for p in refused] == list(range(4, 103))
