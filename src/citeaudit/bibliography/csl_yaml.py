"""CSL YAML files: Pandoc's own bibliography format (``bibliography: refs.yaml``).

What ``pandoc-citeproc --bib2yaml`` and Better BibTeX's "Better CSL YAML" export write,
and what R Markdown projects keep beside the manuscript: a ``references:`` list (or a
bare list) of CSL items -- the same items as CSL-JSON, written as YAML. Each item is
read as `csl_json` reads its JSON twin, and knows the line it starts on.

Hostile text: only the safe loaders are used (plain data, no tags that run code).
libyaml's composer is fast (a megabyte in a fraction of a second, where the pure-Python
one takes seconds) but recurses in C, where no limit stops it: it composes only text
whose nesting `_shallow` bounds; brackets nested deeper are a problem on the file at
once, other deep text (indentation) goes to the pure-Python composer, whose recursion
limit makes it a problem on the file, never a crash. Aliases share one object
and items are walked one level down, so an alias bomb costs no more than its text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

import yaml

from citeaudit.bibliography.csl_json import csl_item_reference
from citeaudit.bibliography.interface import Bibliography, BibliographyReader, ParseProblem
from citeaudit.bibliography.limits import MAX_ENTRIES, entries_cut
from citeaudit.bibliography.loading import read_text, with_problems
from citeaudit.encodable import encodable
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference

__all__ = ["CslYamlReader", "parse_csl_yaml"]


class CslYamlReader(BibliographyReader):
    format: ClassVar[str] = "csl-yaml"
    extensions: ClassVar[tuple[str, ...]] = (".yaml", ".yml")

    def read(self, path: Path) -> Bibliography:
        decoded = read_text(path)
        return with_problems(parse_csl_yaml(decoded.text, str(path)), decoded)


def parse_csl_yaml(text: str, source: str) -> Bibliography:
    """A Bibliography from CSL YAML text; `source` names the file in locations."""
    problems: list[ParseProblem] = []
    references: list[Reference] = []
    try:
        items = _item_nodes(text)
    except (yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = "nested too deeply" if isinstance(exc, RecursionError) else _reason(exc)
        problems.append(ParseProblem(Location(source, line), f"not valid YAML: {reason}"))
        return Bibliography(source, CslYamlReader.format, (), tuple(problems))
    if items is None:
        problems.append(
            ParseProblem(
                Location(source, 1),
                "no 'references:' list of CSL items (Pandoc's YAML bibliography format)",
            )
        )
        return Bibliography(source, CslYamlReader.format, (), tuple(problems))
    lines = text.split("\n")
    constructor = _constructor("")
    for node in items:
        location = Location(source, node.start_mark.line + 1)
        if len(references) >= MAX_ENTRIES:
            problems.append(entries_cut(source, location.line or 1))
            break
        # a block item ends where the next begins: at column 0 of that line
        last = node.end_mark.line + (1 if node.end_mark.column else 0)
        raw = encodable("\n".join(lines[node.start_mark.line : last]).rstrip())
        try:
            item: Any = constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError):
            item = None  # a value YAML cannot build; what was half-built is dropped
            constructor = _constructor("")
        if not isinstance(item, dict):
            problems.append(ParseProblem(location, "item is not a CSL item (a mapping)", raw))
            continue
        item = {str(name): value for name, value in item.items()}
        item["issued"] = _date(item.get("issued"))
        references.append(csl_item_reference(item, raw, len(references) + 1, location, problems))
    return Bibliography(source, CslYamlReader.format, tuple(references), tuple(problems))


def _constructor(text: str) -> Any:
    """The safe constructor, with timestamps kept as written: CSL dates are EDTF text
    (``2019-05``, ``2019-13-45`` a typing slip), never Python dates that may not exist."""
    loader = yaml.SafeLoader(text)
    loader.yaml_constructors = {
        **yaml.SafeLoader.yaml_constructors,
        "tag:yaml.org,2002:timestamp": yaml.SafeLoader.construct_yaml_str,
    }
    return loader


def _date(value: Any) -> Any:
    """A CSL YAML date as CSL-JSON writes it: Pandoc's list of ``{year:, month:}``
    parts (``issued: [{year: 1989}]``) becomes ``date-parts``; a bare year or an EDTF
    text (``issued: 2019-05``, which YAML may already have made a date) its ``raw``."""
    if isinstance(value, dict) and "date-parts" not in value and "year" in value:
        value = [value]
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value[:2]):
        parts = [
            [p for p in (v.get("year"), v.get("month"), v.get("day")) if p is not None]
            for v in value[:2]
        ]
        return {"date-parts": [p for p in parts if p]} if any(parts) else value
    if isinstance(value, int | str) and not isinstance(value, bool):
        return {"raw": str(value)}
    return value


# Nesting the C composer is trusted with: flow brackets open at once, leading spaces,
# compact "- - -" items on one line. Real files stay far below (depth 4 to 6).
_MAX_FLOW_DEPTH = 64
_MAX_INDENT = 256
_MAX_COMPACT = 16
_QUOTED = re.compile(r"\"(?:[^\"\\\n]|\\.)*+\"|'[^'\n]*+'")
_LEADING = re.compile(r"^([ \t]*+)((?:-[ \t]++)*+)", re.MULTILINE)


def _shallow(text: str) -> bool:
    """Whether no structure in `text` can nest deeper than the caps (quoted strings
    set aside; brackets in plain scalars counted, which only errs towards "deep");
    brackets past the cap raise RecursionError ("nested too deeply")."""
    for lead in _LEADING.finditer(text):
        if len(lead.group(1)) > _MAX_INDENT or lead.group(2).count("-") > _MAX_COMPACT:
            return False
    depth = 0
    for char in _QUOTED.sub("", text):
        if char in "[{":
            depth += 1
            if depth > _MAX_FLOW_DEPTH:
                # never composed: PyYAML's scanner pays the depth at every token (1,575
                # brackets took 0.9 s of CPU, up to the recursion limit), and no CSL
                # file nests brackets a tenth as deep
                raise RecursionError("flow collections nested past any CSL file")
        elif char in "]}" and depth:
            depth -= 1
    return True


def _item_nodes(text: str) -> list[yaml.Node] | None:
    """The nodes of the items: those of the ``references:`` list, or of a bare list."""
    loader = yaml.CSafeLoader if _shallow(text) and hasattr(yaml, "CSafeLoader") else None
    root = yaml.compose(text, Loader=loader or yaml.SafeLoader)
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "references":
                return list(value.value) if isinstance(value, yaml.SequenceNode) else None
        return None
    if isinstance(root, yaml.SequenceNode):
        return list(root.value)
    return None


def _reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    return encodable(str(problem or exc))[:200]
