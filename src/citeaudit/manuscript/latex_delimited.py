"""Delimited arguments of LaTeX user macros, read as TeX and xparse read them.

``\\def\\mycite#1;{\\cite{#1}}`` takes everything up to the first ``;`` outside braces
(one brace group around the whole is stripped); ``\\def\\x[#1]#2{...}`` wants a ``[``
right after the name, then reads up to ``]``. xparse's ``r()``/``R(){default}`` (a
required argument between a pair, nesting counted), ``d()``/``D(){default}`` (the
same, optional), ``u{tokens}`` (up to the tokens, like TeX), ``v`` (verbatim, between
two equal characters or in braces) and an environment's ``b`` (its body, up to the
matching ``\\end``) read arguments no brace group delimits. Read only as ``{...}`` or
one token, such a macro's use cited nothing, or its definition's keys wrongly.

An argument is described by a marker string in `Macro.arguments` (a tuple of
``str | None`` other readers already walk: a marker is "not a plain mandatory
argument" to them). Every read stops within `MAX_ARGUMENT` (`MAX_BODY` for a body)
characters, and what it scanned is returned to be charged to the document's budget:
a hostile file whose every use leaves its delimiter out pays for each look.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "BODY",
    "MAX_ARGUMENT",
    "MAX_BODY",
    "PAIR",
    "TEX",
    "VERB",
    "def_arguments",
    "is_marker",
    "read_marked",
]

TEX = "\x00tex:"  # + prefix + "\x00" + delimiter: TeX's parameter text, xparse's u
PAIR = "\x00pair:"  # + "r" (required) or "o" (optional) + open + close + default
VERB = "\x00verb"
BODY = "\x00body:"  # + the environment's name
MAX_ARGUMENT = 2_000  # characters of one argument of a use
MAX_BODY = 10_000  # characters of an environment's body passed as an argument
_MAX_DELIMITER = 64  # a longer parameter text is no citation wrapper's

_SPLIT = re.compile(r"#([1-9])")
_TOKEN = re.compile(r"\\[A-Za-z@]++|\\.|\s++|[^\\\s]", re.DOTALL)
_SPACES = re.compile(r"\s*+")
_AFTER_WORD = re.compile(r"(\\[A-Za-z@]++)\s++")
_RUNS = re.compile(r"\s++")


def is_marker(argument: str | None) -> bool:
    return argument is not None and argument.startswith(
        ("\x00tex:", "\x00pair:", "\x00verb", "\x00body:")
    )


def def_arguments(parameters: str) -> tuple[str | None, ...] | None:
    """The arguments of ``\\def``'s parameter text (what stands between the name and
    the body's ``{``): None when it is no parameter text TeX accepts in order (or one
    too long to be a citation wrapper's)."""
    pieces = _SPLIT.split(parameters)
    numbers = pieces[1::2]
    if numbers != [str(n) for n in range(1, len(numbers) + 1)]:
        return None
    texts = [_normal(piece) for piece in pieces[0::2]]
    texts[0] = texts[0].lstrip()  # spaces after the name are no tokens
    if any("#" in piece or len(piece) > _MAX_DELIMITER for piece in texts):
        return None
    if not numbers:
        return () if not texts[0] else None
    arguments: list[str | None] = []
    for k in range(len(numbers)):
        prefix = texts[0] if k == 0 else ""
        delimiter = texts[k + 1]
        arguments.append(TEX + prefix + "\x00" + delimiter if prefix or delimiter else None)
    return tuple(arguments)


def _normal(piece: str) -> str:
    """Tokens as TeX reads them: a run of spaces is one, none after a control word."""
    return _AFTER_WORD.sub(r"\1", _RUNS.sub(" ", piece))


@lru_cache(maxsize=512)
def _literal(tokens: str) -> str:
    """A pattern matching `tokens` as written in a text (spaces one to a few, a control
    word not run on into letters, spaces after it skipped)."""
    parts: list[str] = []
    for token in _TOKEN.finditer(tokens):
        t = token.group()
        if t.isspace():
            parts.append(r"\s{1,8}+")
        elif len(t) > 2 or (len(t) == 2 and t[1].isalpha()):
            parts.append(re.escape(t) + r"(?![A-Za-z@])\s{0,8}+")
        else:
            parts.append(re.escape(t))
    return "".join(parts)


@lru_cache(maxsize=512)
def _prefix(tokens: str) -> re.Pattern[str]:
    return re.compile(_literal(tokens))


@lru_cache(maxsize=512)
def _until(tokens: str) -> re.Pattern[str]:
    """The delimiter, or a brace, or a control sequence (skipped whole): one search
    step each, so a scan is linear."""
    return re.compile(r"(?P<d>" + _literal(tokens) + r")|[{}]|\\(?:[A-Za-z@]++|.)", re.DOTALL)


@lru_cache(maxsize=512)
def _pair(open_: str, close: str) -> re.Pattern[str]:
    ends = re.escape(open_) + "|" + re.escape(close) if open_ != close else re.escape(close)
    return re.compile(r"[{}]|\\.|" + ends, re.DOTALL)


@lru_cache(maxsize=512)
def _environment(name: str) -> re.Pattern[str]:
    return re.compile(r"\\(begin|end)\s*+\{\s*+" + re.escape(name) + r"\s*+\}")


def read_marked(
    text: str, pos: int, marker: str, first: bool, cost: list[int]
) -> tuple[str | None, int] | None:
    """The argument `marker` describes, read at `pos`: (its value, the offset after
    it); (None, pos) when it is a plain undelimited argument still to read there
    (after a TeX prefix matched); None when the use does not match (TeX's "use
    doesn't match its definition", a required delimiter missing, or a cap). What was
    scanned is added to `cost`."""
    if marker.startswith(TEX):
        prefix, delimiter = marker[len(TEX) :].split("\x00", 1)
        if first:
            pos = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
        if prefix:
            matched = _prefix(prefix).match(text, pos, pos + MAX_ARGUMENT)
            if matched is None:
                return None
            pos = matched.end()
        if not delimiter:
            return None, pos
        return _delimited(text, pos, delimiter, cost)
    after = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
    if marker.startswith(PAIR):
        mode, open_, close, default = (
            marker[len(PAIR)],
            marker[len(PAIR) + 1],
            marker[len(PAIR) + 2],
            marker[len(PAIR) + 3 :],
        )
        if not text.startswith(open_, after):
            return (default, pos) if mode == "o" else None
        return _paired(text, after, open_, close, cost)
    if marker == VERB:
        if after >= len(text):
            return None
        stop = min(len(text), after + MAX_ARGUMENT)
        if text[after] == "{":
            end = _brace_end(text, after, stop)
        else:
            found = text.find(text[after], after + 1, stop)
            end = found + 1 if found > 0 else -1
        cost[0] += (end if end > 0 else stop) - after
        return None if end < 0 else (text[after + 1 : end - 1], end)
    if marker.startswith(BODY):
        return _body(text, pos, marker[len(BODY) :], cost)
    return None


def _brace_end(text: str, start: int, stop: int) -> int:
    depth = 0
    for i in range(start, stop):
        char = text[i]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def _delimited(text: str, pos: int, delimiter: str, cost: list[int]) -> tuple[str, int] | None:
    stop = min(len(text), pos + MAX_ARGUMENT)
    depth = 0
    i = pos
    pattern = _until(delimiter)
    while (m := pattern.search(text, i, stop)) is not None:
        i = m.end()
        if m.group("d") is not None:
            if depth == 0:
                cost[0] += i - pos
                value = text[pos : m.start()]
                if value.startswith("{") and _brace_end(value, 0, len(value)) == len(value):
                    value = value[1:-1]  # TeX strips one group around the whole
                return value, i
        elif m.group() == "{":
            depth += 1
        elif m.group() == "}":
            depth -= 1
            if depth < 0:
                break  # the group the use stands in closes first
    cost[0] += stop - pos
    return None


def _paired(
    text: str, start: int, open_: str, close: str, cost: list[int]
) -> tuple[str, int] | None:
    stop = min(len(text), start + MAX_ARGUMENT)
    braces = 0
    nesting = 0
    i = start + 1
    pattern = _pair(open_, close)
    while (m := pattern.search(text, i, stop)) is not None:
        i = m.end()
        char = m.group()
        if char == "{":
            braces += 1
        elif char == "}":
            braces -= 1
        elif braces == 0 and char == close and nesting == 0:
            cost[0] += i - start
            return text[start + 1 : m.start()], i
        elif braces == 0 and char == close:
            nesting -= 1
        elif braces == 0 and char == open_:
            nesting += 1
    cost[0] += stop - start
    return None


def _body(text: str, pos: int, name: str, cost: list[int]) -> tuple[str, int] | None:
    """An environment's body up to its own ``\\end{name}`` (nested ones counted),
    spaces around it trimmed as xparse trims them."""
    stop = min(len(text), pos + MAX_BODY)
    depth = 0
    for m in _environment(name).finditer(text, pos, stop):
        if m.group(1) == "begin":
            depth += 1
        elif depth:
            depth -= 1
        else:
            cost[0] += m.end() - pos
            return text[pos : m.start()].strip(), m.end()
    cost[0] += stop - pos
    return None
