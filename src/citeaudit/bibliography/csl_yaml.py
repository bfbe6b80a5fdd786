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
limit makes it a problem on the file, never a crash.

Aliases: each item is built with a fresh memory of what was built, so an alias to a
value anchored in an earlier item builds it again, and the item then reads it (fields,
authors, `extra`); a merge (``<<: *a``) copies every key into the item. A list of 8,000
scalars anchored once and named by 8,000 items (215 KB) took 40 s, a mapping of 4,000
keys merged into 4,000 items 55 s and 1.2 GB. So an alias is charged, as it is
composed, the characters it stands for (its anchor's span, and what the aliases inside
that stand for: `_ItemsLoader.compose_node`), and one file's aliases may stand for at
most as many characters as the file holds (`_ALIASED_FLOOR` at least): an item past
that is a problem, never built. An alias bomb costs its text and one problem.

Memory: a composed YAML tree costs 100 to 250 bytes per character of text (a node and
two marks per scalar), so composing a 50 MB upload whole took gigabytes. The items are
composed one at a time from the parser's events and dropped once built: the rest of the
file is skipped event by event, an item is cut at `_MAX_ITEM_EVENTS` events (a real
item holds a few hundred), and at most `_MAX_ANCHORS` anchors are kept for aliases.
Problems are capped (`limits.ProblemTally`), and an item's raw text is its own span, not
the whole line a flow list shares with every other item (quadratic on one long line).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

import yaml

from citeaudit.bibliography.csl_json import MAX_INT_DIGITS as _MAX_INT_DIGITS
from citeaudit.bibliography.csl_json import csl_item_reference
from citeaudit.bibliography.interface import Bibliography, BibliographyReader, ParseProblem
from citeaudit.bibliography.limits import MAX_ENTRIES, PersonBudget, ProblemTally, entries_cut
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
    # libyaml's C parser takes UTF-8 and a lone surrogate cannot be encoded: a text
    # holding one (a file decoded with surrogateescape, a pasted list) raised instead of
    # being read (the long fuzz profile's find)
    text = encodable(text)
    tally = ProblemTally(source)
    problems = tally.problems
    references: list[Reference] = []
    cut: tuple[ParseProblem, ...] = ()
    constructor = _constructor("")
    loader: Any = None
    persons = PersonBudget()  # `limits`: the file's author and editor lists
    budget = aliases_left = max(_ALIASED_FLOOR, len(text))
    try:
        loader = _loader(text)
        if not _open_items(loader):
            problems.append(
                ParseProblem(
                    Location(source, 1),
                    "no 'references:' list of CSL items (Pandoc's YAML bibliography format)",
                )
            )
            _drain(loader)
            return Bibliography(source, CslYamlReader.format, (), tally.final())
        while not loader.check_event(yaml.SequenceEndEvent):
            tally.entries = len(references)
            tally.trim()
            location = Location(source, loader.peek_event().start_mark.line + 1)
            if len(references) >= MAX_ENTRIES:
                cut = (entries_cut(source, location.line or 1),)
                break
            if tally.full:  # past the problems' cap: counted, never built
                tally.skip(location.line or 1)
                _skip(loader)
                continue
            loader.events = 0
            aliased = loader.aliased
            node = loader.compose_node(None, None)  # `_ItemsLoader.compose_node`
            location = Location(source, node.start_mark.line + 1)  # an alias: its node's
            raw = encodable(_raw(text, node))
            aliased = loader.aliased - aliased
            if aliased > aliases_left:
                problems.append(ParseProblem(location, _too_aliased(aliased, budget), raw))
                continue
            aliases_left -= aliased
            try:
                item: Any = constructor.construct_object(node, deep=True)
            except _UNBUILDABLE:
                # a value YAML cannot build (``!!int`` on nothing, ``!!bool maybe``): what
                # was half-built is dropped, the item is a problem, the rest is read
                problems.append(ParseProblem(location, _NOT_BUILT, raw))
                constructor = _constructor("")
                continue
            constructor.constructed_objects.clear()  # the item is built: let it go
            if not isinstance(item, dict):
                problems.append(ParseProblem(location, "item is not a CSL item (a mapping)", raw))
                continue
            item = {str(name): value for name, value in item.items()}
            item["issued"] = _date(item.get("issued"))
            references.append(
                csl_item_reference(item, raw, len(references) + 1, location, problems, persons)
            )
        if not cut:
            _drain(loader)
    except (yaml.YAMLError, RecursionError) as exc:
        # the file is not valid YAML: what was read of it is dropped, as when it was
        # composed whole, and the one problem says where
        references.clear()
        persons = PersonBudget()
        tally = ProblemTally(source)
        problems = tally.problems
        cut = ()
        mark = getattr(exc, "problem_mark", None)
        if mark is None and isinstance(exc, RecursionError) and loader is not None:
            mark = _reader_mark(loader)  # where the nesting got too deep, not line 1
        line = mark.line + 1 if mark is not None else getattr(exc, "line", 1)
        reason = "nested too deeply" if isinstance(exc, RecursionError) else _reason(exc)
        problems.append(ParseProblem(Location(source, line), f"not valid YAML: {reason}"))
    finally:
        if loader is not None:
            loader.dispose()
    tally.entries = len(references)
    found = (*tally.final(), *persons.problem(source), *cut)
    return Bibliography(source, CslYamlReader.format, tuple(references), found)


# What PyYAML's constructors raise on a value they cannot build: its own errors, and
# plain ones from a tag it obeys (``!!int`` on an empty scalar: IndexError; ``!!bool
# maybe``: KeyError; ``!!float x``: ValueError). Never `Exception`: a worker's time
# limit is one, and must stop the step.
_UNBUILDABLE = (
    yaml.YAMLError,
    RecursionError,
    ValueError,
    TypeError,
    OverflowError,
    LookupError,
    AttributeError,
)
_NOT_BUILT = "item holds a value YAML cannot build (a type tag on a value not of that type)"


def _constructor(text: str) -> Any:
    """The safe constructor, with timestamps kept as written: CSL dates are EDTF text
    (``2019-05``, ``2019-13-45`` a typing slip), never Python dates that may not exist;
    and integers too long for any CSL value kept as written too (`_integer`)."""
    loader = yaml.SafeLoader(text)
    loader.yaml_constructors = {
        **yaml.SafeLoader.yaml_constructors,
        "tag:yaml.org,2002:timestamp": yaml.SafeLoader.construct_yaml_str,
        "tag:yaml.org,2002:int": _integer,
    }
    return loader


def _integer(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    """A YAML integer, or its text when written longer than `_MAX_INT_DIGITS` (what the
    CSL-JSON reader keeps as digits): YAML builds integers JSON cannot write
    (hexadecimal, binary, ``1_000``, base 60), and a 5 KB ``volume: 0xfff...`` was an
    integer of 6,000 decimal digits, which Python refuses to write as text -- the
    reader raised where the volume was written out."""
    written = str(node.value)
    if len(written) > _MAX_INT_DIGITS:
        return written
    value: int = yaml.SafeLoader.construct_yaml_int(loader, node)
    return value


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
# A quoted string on one line -- or, kept (`open`), a double quote never closed on its
# line, read once to the line's end: tried alone, the search restarted at every later
# quote of the line and read to its end again ('"\\' x 40,000 took 17 s); each of them
# is an escaped quote of the first one's text, so it fails the same way.
_QUOTED = re.compile(r"\"(?:[^\"\\\n]|\\.)*+\"|'[^'\n]*+'|(?P<open>\"(?:[^\"\\\n]|\\.)*+)")
_BRACKET = re.compile(r"[\[\]{}]")
_LEADING = re.compile(r"^([ \t]*+)((?:-[ \t]++)*+)", re.MULTILINE)


class _TooDeep(RecursionError):
    """Flow brackets nested past any CSL file, found before composing, at `line`."""

    def __init__(self, line: int) -> None:
        super().__init__("flow collections nested past any CSL file")
        self.line = line


def _shallow(text: str) -> bool:
    """Whether no structure in `text` can nest deeper than the caps (quoted strings
    set aside; brackets in plain scalars counted, which only errs towards "deep");
    brackets past the cap raise RecursionError ("nested too deeply") whichever loader
    the indentation chooses: a file sent to the pure-Python loader by one line indented
    past `_MAX_INDENT` skipped the bracket cap, and that scanner pays the bracket depth
    at every token (300 deep, up to its recursion limit: 100 KB took 5 s of CPU)."""
    blocks_shallow = True
    for lead in _LEADING.finditer(text):
        if len(lead.group(1)) > _MAX_INDENT or lead.group(2).count("-") > _MAX_COMPACT:
            blocks_shallow = False
            break
    depth = 0
    # a quoted string holds no line break: lines kept; an unclosed one's text is kept
    # (its brackets counted: errs towards "deep")
    unquoted = _QUOTED.sub(r"\g<open>", text)
    for bracket in _BRACKET.finditer(unquoted):
        if bracket.group() in "[{":
            depth += 1
            if depth > _MAX_FLOW_DEPTH:
                # never composed: PyYAML's scanner pays the depth at every token (1,575
                # brackets took 0.9 s of CPU, up to the recursion limit), and no CSL
                # file nests brackets a tenth as deep
                raise _TooDeep(unquoted.count("\n", 0, bracket.start()) + 1)
        elif depth:
            depth -= 1
    return blocks_shallow


_MAX_ITEM_EVENTS = 200_000  # parser events one item may take (a real item: hundreds)
_MAX_ANCHORS = 10_000  # anchors kept for aliases (Pandoc writes none)
# Characters a small file's aliases may stand for in all (a larger file's: its length).
_ALIASED_FLOOR = 100_000


def _too_aliased(aliased: int, budget: int) -> str:
    return (
        f"item not read: its aliases (*name) repeat {aliased:,} characters of values "
        f"written earlier, past what one file's aliases may repeat ({budget:,} in all, as "
        "many as the file holds)"
    )


_BLOCK_PREFIX = 64  # columns before an item that may be its line's "- " and indentation
_LINE_REST = 64  # characters after an item that may close its line


class _ItemsLoader:
    """What both loaders add: the events an item has taken, counted; a cap on the
    anchors kept (each holds its node for aliases); and what the aliases composed so far
    stand for (`aliased`: characters), with each anchor's size."""

    events = 0
    aliased = 0

    def __init__(self, text: str) -> None:
        super().__init__(text)  # type: ignore[call-arg]
        self.sizes: dict[str, int] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        """`Composer.compose_node`, charging each alias its anchor's size; an anchored
        node's size is its span and what the aliases inside it stand for (so a chain of
        anchors, each naming the last twice, doubles as it would expand)."""
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent):
            self.aliased += self.sizes.get(event.anchor, 0)
            return super().compose_node(parent, index)  # type: ignore[misc]
        if event.anchor is None:
            return super().compose_node(parent, index)  # type: ignore[misc]
        before = self.aliased
        node = super().compose_node(parent, index)  # type: ignore[misc]
        span = node.end_mark.index - node.start_mark.index
        self.sizes[event.anchor] = max(span, 1) + self.aliased - before
        return node

    def get_event(self) -> Any:
        self.events += 1
        if self.events > _MAX_ITEM_EVENTS:
            raise yaml.YAMLError(f"an item holds more than {_MAX_ITEM_EVENTS:,} values")
        anchors: dict[str, Any] = self.anchors  # type: ignore[attr-defined]
        if len(anchors) > _MAX_ANCHORS:
            raise yaml.YAMLError(f"more than {_MAX_ANCHORS:,} anchors")
        return super().get_event()  # type: ignore[misc]


if hasattr(yaml, "CSafeLoader"):

    class _CItems(_ItemsLoader, yaml.CSafeLoader, yaml.composer.Composer):  # type: ignore[misc]
        def __init__(self, text: str) -> None:
            _ItemsLoader.__init__(self, text)  # CSafeLoader's, then the sizes
            self.anchors: dict[str, Any] = {}


class _PyItems(_ItemsLoader, yaml.SafeLoader):  # type: ignore[misc]
    pass


def _reader_mark(loader: Any) -> Any:
    """The pure-Python reader's place in the text (a mark with `line`), or None."""
    get_mark = getattr(loader, "get_mark", None)
    try:
        return get_mark() if get_mark is not None else None
    except (AttributeError, IndexError):
        return None


def _loader(text: str) -> Any:
    """A loader composing nodes one at a time: libyaml's parser when `_shallow` says its
    recursion is safe, else the pure-Python one."""
    if _shallow(text) and hasattr(yaml, "CSafeLoader"):
        return _CItems(text)
    return _PyItems(text)


def _open_items(loader: Any) -> bool:
    """Move `loader` to the first item of the ``references:`` list (or of a bare list);
    whether there is such a list. Other values are skipped unbuilt."""
    loader.get_event()  # the stream's start
    if loader.check_event(yaml.StreamEndEvent):
        return False
    loader.get_event()  # the document's start
    if loader.check_event(yaml.SequenceStartEvent):
        loader.get_event()
        return True
    if not loader.check_event(yaml.MappingStartEvent):
        return False
    loader.get_event()
    while not loader.check_event(yaml.MappingEndEvent):
        loader.events = 0
        key = loader.peek_event()
        if isinstance(key, yaml.ScalarEvent) and key.value == "references":
            loader.get_event()
            if loader.check_event(yaml.SequenceStartEvent):
                loader.get_event()
                return True
            return False
        _skip(loader)  # the key
        _skip(loader)  # its value
    return False


def _skip(loader: Any) -> None:
    """Consume one node's events without building it (iterative: any depth)."""
    depth = 0
    while True:
        loader.events = 0
        event = loader.get_event()
        if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            depth += 1
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            depth -= 1
        if depth <= 0:
            return


def _drain(loader: Any) -> None:
    """Read the rest of the stream, unbuilt: an error after the list, or a second
    document, is still reported (as composing the file whole did)."""
    while not loader.check_event(yaml.StreamEndEvent):
        loader.events = 0
        event = loader.get_event()
        if isinstance(event, yaml.DocumentEndEvent) and loader.check_event(yaml.DocumentStartEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                event.start_mark,
                "but found another document",
                loader.peek_event().start_mark,
            )


def _raw(text: str, node: yaml.Node) -> str:
    """The item's text: its lines, from the one it starts on ("- id: a" with its dash)
    to the one it ends on; an item of a flow list sharing a long line with others is its
    own span (and a few characters around it), so the raw texts cost what the file does."""
    start, end = node.start_mark, node.end_mark
    begin = start.index
    if start.column <= _BLOCK_PREFIX and not text[start.index - start.column : start.index].strip(
        " \t-"
    ):
        begin = start.index - start.column
    if end.column == 0:
        stop = end.index - 1
    else:
        newline = text.find("\n", end.index, end.index + _LINE_REST)
        if newline >= 0:
            stop = newline
        elif len(text) - end.index <= _LINE_REST:
            stop = len(text)
        else:
            stop = end.index
    return text[begin : max(begin, stop)].rstrip()


def _reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    return encodable(str(problem or exc))[:200]
