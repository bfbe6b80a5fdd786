"""CSL YAML brackets nested past any real file are refused before composing.

Found by benches/fuzz.py (the CSL YAML target, 2,000 examples): ``'[' * 1575 +
']' * 1575`` went to PyYAML's pure-Python composer, whose scanner pays the nesting
depth at every token -- quadratic up to the recursion limit (0.9 s of CPU, 19 s of a
loaded worker, per file). Real CSL YAML nests 4 to 6 deep; past 64 brackets the file
is one problem, "nested too deeply", and nothing is composed.
"""

from __future__ import annotations

import pytest
import yaml

from citeaudit.bibliography.csl_yaml import parse_csl_yaml


@pytest.mark.parametrize("depth", [65, 200, 1575, 100_000])
def test_deep_brackets_are_one_problem_and_never_composed(
    depth: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_compose(*args: object, **kwargs: object) -> None:
        raise AssertionError("composed text nested past the cap")

    monkeypatch.setattr(yaml, "compose", no_compose)
    for text in ("[" * depth + "]" * depth, "references: " + "[{a: " * depth):
        result = parse_csl_yaml(text, "refs.yaml")
        assert result.references == ()
        assert [p.message for p in result.problems] == ["not valid YAML: nested too deeply"]
        assert result.problems[0].location.line == 1


def test_brackets_as_deep_as_real_files_are_still_read() -> None:
    text = "references:\n- id: k\n  title: T\n  author: [{family: Okafor, given: Ada}]\n"
    assert [r.key for r in parse_csl_yaml(text, "refs.yaml").references] == ["k"]
