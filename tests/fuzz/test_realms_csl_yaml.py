"""Fuzz: the CSL YAML reader (Pandoc's YAML bibliographies).

Property, as for the other readers: a Bibliography comes back -- entries and problems
that name the file and a line, text that encodes as UTF-8 -- whatever the text: JSON
(which is YAML), YAML-looking fragments, tags, aliases, deep nesting, junk.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from citeaudit.bibliography.csl_yaml import parse_csl_yaml
from tests.fuzz import strategies as s
from tests.fuzz.harness import assert_encodable, example

_PIECES = st.sampled_from(
    (
        "references:\n",
        "- id: a\n",
        "  author:\n",
        "  - family: Okafor\n",
        "    given: Ada\n",
        "  issued:\n",
        "  - year: 2011\n",
        "  issued: 2019-05\n",
        "  title: [a, {b: c}]\n",
        "- &x {id: b}\n",
        "- *x\n",
        "- !!python/object:os.system x\n",
        "  DOI: 10.1/x\n",
        "- - - -\n",
        '  title: "\\ud800"\n',
        "? [a]\n: b\n",
        "---\n",
        "...\n",
        "\t\n",
        "[[[[",
    )
)
_YAML = st.lists(_PIECES | st.text(max_size=20), max_size=40).map("".join)


@given(st.one_of(s.csl_json_text, _YAML))
def test_csl_yaml(text: str) -> None:
    with example("csl-yaml", text):
        bibliography = parse_csl_yaml(text, "refs.yaml")
        assert bibliography.source == "refs.yaml"
        for problem in bibliography.problems:
            assert problem.location.file == "refs.yaml"
            assert problem.location.line is None or problem.location.line >= 1
        for reference in bibliography.references:
            assert reference.id and reference.location.file == "refs.yaml"
        assert_encodable(bibliography)
