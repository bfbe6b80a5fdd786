"""Markdown manuscripts (also Pandoc Markdown and R Markdown / Quarto sources).

The body keeps its markup -- the citation extractors cope with ``(*ORG*, 2022)`` --
but what a reader never sees is blanked, line numbers kept: fenced code blocks, HTML
comments and YAML metadata blocks (the front matter, and -- as Pandoc and Quarto read
them -- any block after a blank line that opens with a ``key:``, such as the one
R Markdown authors put after a setup chunk). Left visible for the Pandoc citation
extractor, as written: a metadata ``nocite:`` field (its keys are cited by
declaration), and of an executable chunk (```` ```{r} ````) its fence lines, its
``@key`` tokens and ``cite_r`` (code whose Markdown output cites). A
``bibliography:`` field (Pandoc's way of naming .bib files: a value, a [list], or
"- item" lines, possibly "- [item]") becomes `bibliography_files` -- each located
through the reader's `InputScope`, so an uploaded audit never reads
``bibliography: /etc/passwd``; one that is missing or refused is a problem on its line.
Fenced-div fences (``::: {#refs}``, ``:::``) and lines of bare ``<div>`` tags are markup
and blanked; a fence whose braces give no engine (```` ```{.r .css} ````) is plain code.
Child documents (knitr ``child=`` chunks, Quarto ``{{< include >}}``) are spliced in
where they are named, on the same scope and budget (`markdown_children`).
Quarto's custom cross-reference kinds, declared in the front matter (``crossref: custom:
- kind: float, key: suppfig``), make ``@suppfig-x`` a reference to a float like
``@fig-x``, in the main file and in every child it includes: their ``@`` is blanked,
so no citation extractor reads "suppfig-x" as a key missing from the .bib.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import ClassVar

from citeaudit.input_scope import InputScope
from citeaudit.manuscript.document import Document, Line
from citeaudit.manuscript.html_hidden import (
    Hiding,
    blank_hidden_html,
    hidden_html_elements,
    hidden_html_message,
)
from citeaudit.manuscript.interface import ManuscriptReader
from citeaudit.manuscript.markdown_children import ChildSplicer
from citeaudit.manuscript.markdown_definitions import (
    blank_link_definitions,
    blank_unused_footnotes,
)
from citeaudit.manuscript.markdown_links import unwrap_placeholder_links
from citeaudit.manuscript.plaintext import document_from_lines
from citeaudit.manuscript.pointed_list import unread_pointer
from citeaudit.manuscript.project_config import crossref_keys
from citeaudit.manuscript.reading import InputProblem, decode_text

__all__ = [
    "MarkdownReader",
    "custom_crossref_keys",
    "hide_custom_crossrefs",
    "hide_non_text",
    "knit_time_path",
]

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# An executable chunk names its engine: ```{r}, ```{python}. ```{.r .css} and ```{=html}
# are code and raw blocks with attributes: shown or passed on, never run, never cited in.
_ENGINE = re.compile(r"[ \t]*\{[ \t]*[A-Za-z]")
# Lines that are only a fenced div's fence or HTML div tags: Pandoc's ``::: {#refs}``
# placeholder under a References heading is where the .bib's list goes, not a list.
# A line of raw TeX commands only (``\newpage``, ``\setlength{\parindent}{-0.5in}``):
# passed to LaTeX, never shown as text. Sectioning commands stay: they are headings.
# An argument of three words or more is prose a command dresses (``\textcolor{red}{As
# Smith (2010) showed...}``): shown, and cited in, so the line is kept.
_RAW_TEX = re.compile(
    r"^[ \t]*(?!\\(?:part|chapter|(?:sub)*section|paragraph)\b)"
    r"(?:\\[A-Za-z@]+\*?(?:\[[^\]\n]*\])?(?:\{[^{}\s]*(?:[ \t]+[^{}\s]*)?\})*[ \t]*)+$"
)
# A raw LaTeX command naming the .bib files: "\bibliography{ref,more}",
# "\addbibresource{ref.bib}" on a line of its own (bounded: linear).
_RAW_BIBLIOGRAPHY = re.compile(
    r"^[ \t]*\\(bibliography|addbibresource)(?:\[[^\]\n]{0,200}\])?\{([^{}\n]{1,500})\}[ \t]*$"
)
_MOST_RAW_BIBS = 16


def _raw_names(found: re.Match[str]) -> list[str]:
    return [n.strip() for n in found.group(2).split(",") if n.strip()][:_MOST_RAW_BIBS]


def _bib_name(name: str, command: str) -> str:
    """BibTeX adds ".bib" to a ``\bibliography`` name; biblatex's resource is named whole."""
    return name if command == "addbibresource" or name.endswith(".bib") else f"{name}.bib"


# Captions a chunk prints: knitr's ``fig.cap="..."`` option, Quarto's ``#| fig-cap:`` line.
_CHUNK_CAPTION = re.compile(r"\b(?:fig|tab)[.-]cap\s*=\s*(['\"])([^'\"\n]*)\1")
_QUARTO_CAPTION = re.compile(r"^\s*#\|\s*(?:fig|tab|tbl)-cap\s*:\s*(.*)$")
_CHILD_OPTION = re.compile(r"\bchild\s*=")  # a chunk naming child documents keeps its fences
_QUARTO_CHILD = re.compile(r"^\s*#\|\s*child\s*:")
_DIV_MARKUP = re.compile(r"^ {0,3}(?::{3,}[^\n]*|(?:[ \t]*</?div\b[^<>]*>)+[ \t]*)$", re.IGNORECASE)
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")
_BIB_FIELD = re.compile(r"^bibliography\s*:\s*(.*)$")
_LIST_ITEM = re.compile(r"^\s*-\s+(.+)$")
_METADATA_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:(?:\s|$)")
_YAML_LINE = re.compile(r"^(?:[A-Za-z_][\w-]*[ \t]*:(?:\s|$)|[ \t]|-[ \t]|#|$)")
_NOCITE_FIELD = re.compile(r"^nocite[ \t]*:")
_NESTED = re.compile(r"^\s+\S|^-")  # a field's value on its following lines
# Pandoc's placeholder for the list citeproc makes, when empty: ``<div id="refs"></div>``,
# or ``::: {#refs}`` closed on the next line.
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S")
_EMPTY_REFS_DIV = re.compile(
    r"^[ \t]*<div[ \t]+id[ \t]*=[ \t]*[\"']?refs[\"']?[ \t]*>[ \t]*</div>[ \t]*$", re.IGNORECASE
)
_REFS_FENCE = re.compile(r"^ {0,3}:{3,}[ \t]*\{[ \t]*#refs[ \t]*\}[ \t]*$")
_CLOSING_FENCE = re.compile(r"^ {0,3}:{3,}[ \t]*$")
_PLACEHOLDER_REACH = 6  # lines looked at past a heading
# knitr's inline R in a metadata value: ```r here::here("ms/refs.yaml")```
_HERE_CALL = re.compile(r"^`r[ \t]+(?:here::)?here[ \t]*\(([^()`]*)\)[ \t]*`$")
_HERE_REACH = 4  # folders looked in for here()'s project root: the file's and 3 above
# ``@kind-label`` or ``@{kind-label``: the kind is a whole word (a key is letters and
# digits only), looked up in the declared kinds. One pattern for every front matter:
# an alternation of the declared keys tried them all at each "@" (thousands of long
# keys in a hostile front matter, seconds a line).
_CROSSREF_USE = re.compile(r"(?<![\w@.\\/$])(@\{?)([A-Za-z][A-Za-z0-9]*+)(?=-\w)")
_CODE_CITATION = re.compile(
    r"(?<![\w@.\\/$])@(?:\{[^{}\s]+\}|\w[^\s\"',;)\]}]*)|\bcite_r\b"
    # a LaTeX citation in an R string a table prints unescaped: kable(escape = FALSE) of
    # c("depots \\cite{roe2001}") -- kept from its last backslash
    r"|\\[A-Za-z]{0,12}cite[A-Za-z]{0,4}\*?\{[^{}\"'\n]{1,300}\}"
)


class MarkdownReader(ManuscriptReader):
    format: ClassVar[str] = "markdown"
    extensions: ClassVar[tuple[str, ...]] = (".md", ".markdown", ".mdown")

    def __init__(self, scope: InputScope | None = None) -> None:
        self.scope = scope if scope is not None else InputScope()

    def read(self, path: Path) -> Document:
        return self.read_with_problems(path)[0]

    def read_with_problems(self, path: Path) -> tuple[Document, list[InputProblem]]:
        texts, problems = decode_text(path)
        name = str(path)
        hidden = hidden_html_elements(texts)  # blanked below (hide_non_text): said once
        if hidden:
            problems.append(InputProblem(name, None, hidden_html_message(hidden)))
        splicer = ChildSplicer(main_dir=Path(path).parent, scope=self.scope, hide=hide_non_text)
        lines = splicer.expand(Path(path), name, texts)
        problems.extend(splicer.problems)
        lines = hide_custom_crossrefs(lines, custom_crossref_keys(texts))
        bibs: list[str] = []
        for file, bib, number in splicer.bibliographies:
            candidates = _bib_candidates(file, bib, Path(path).parent)
            located = self.scope.locate("bibliography file", bib, candidates)
            if located is None:
                break  # past the scope's cap on named files, which was said once
            if isinstance(located, str):
                problems.append(InputProblem(file, number, located, unreadable=True))
            elif str(located) not in bibs:
                bibs.append(str(located))
        document = document_from_lines(
            name, self.format, lines, bibliography_files=tuple(bibs), files=tuple(splicer.files)
        )
        if not document.reference_entries and document.reference_heading is not None:
            # "## References" then "See `references.md`." with no such file beside the
            # manuscript: say where the list is, once (pointed_list)
            note = unread_pointer(lines, document.reference_heading)
            if note is not None:
                problems.append(InputProblem(note.file, note.line, note.message))
        return document, problems  # a list with no heading: see markdown_tail_list


def _bib_candidates(file: str, bib: str, main: Path | None = None) -> list[Path]:
    """Where a ``bibliography:`` name may be: beside the file that names it, then beside
    the main file (pandoc reads a knitr child's metadata too, its paths from the working
    folder: a child in rmd/ repeating the parent's "rmd/refs.bib" means the parent's);
    for knitr's inline ```r here::here("ms/refs.bib")``` (evaluated when the document is
    knit, from the project's root), under the folders above it, nearest first."""
    folder = Path(file).parent
    relative = knit_time_path(bib)
    if relative is None:
        beside_main = [main / bib] if main is not None and main != folder else []
        return [folder / bib, *beside_main]
    return [base / relative for base in [folder, *folder.parents][:_HERE_REACH]]


def knit_time_path(value: str) -> str | None:
    """The path an inline R ``here::here("a", "b.bib")`` (or ``here("a/b.bib")``) gives,
    relative to the project root; None for any other value (a plain name, other code)."""
    call = _HERE_CALL.match(value.strip())
    if call is None:
        return None
    parts = [part.strip() for part in call.group(1).split(",")]
    names = [part[1:-1] for part in parts if len(part) >= 2 and part[0] == part[-1] in "\"'"]
    if not names or len(names) != len(parts) or not all(names):
        return None
    return "/".join(names)


def hide_non_text(texts: list[str]) -> tuple[list[str], list[tuple[str, int]]]:
    """The lines with metadata, fenced code, HTML comments, hidden HTML, link
    reference definitions' labels and titles and uncalled footnotes blanked;
    and the .bib names the metadata gives, each with its line number."""
    out = list(texts)
    bibs: list[tuple[str, int]] = []
    fence: str | None = None
    executable = False
    in_comment = False
    hiding: Hiding = None  # a hidden HTML element left open (html_hidden)
    opened = 0  # the line an executable chunk opened on
    cites = False  # whether that chunk kept anything that may cite
    i = 0
    while i < len(out):
        text = out[i]
        if fence is not None:
            if text.strip().startswith(fence):
                fence = None  # an executable chunk's closing fence stays: its end
                if not executable:
                    out[i] = ""
                elif not cites and not _CHILD_OPTION.search(out[opened]):
                    # nothing in it can print a citation: its fences are code too (a
                    # chunk under an empty References heading was read as an entry);
                    # a caption in its options is printed text all the same
                    out[opened] = _captions(out[opened])
                    out[i] = ""
            elif executable:
                caption = _QUARTO_CAPTION.match(text)
                out[i] = caption.group(1).strip().strip("'\"") if caption else _code_citations(text)
                cites = cites or bool(out[i]) or _QUARTO_CHILD.match(text) is not None
            else:
                out[i] = ""
            i += 1
            continue
        if not in_comment:
            end = _metadata_end(out, i)
            if end is not None:
                indent = _block_indent(out, i + 1, end)
                fields = [line[indent:] for line in out[i + 1 : end]]
                bibs.extend(_front_matter_bibliographies(fields, first=i + 2))
                _blank_metadata(out, i, end, indent)
                i = end + 1
                continue
            opening = _FENCE.match(text)
            if opening is not None and not _inline_code(opening.group(1), text[opening.end() :]):
                fence = opening.group(1)
                executable = _ENGINE.match(text[opening.end() :]) is not None
                opened, cites = i, False
                if not executable:
                    out[i] = ""
                i += 1
                continue
        out[i], in_comment = _blank_comments(text, in_comment)
        out[i], hiding = blank_hidden_html(out[i], hiding)  # <div hidden>, display:none
        out[i] = unwrap_placeholder_links(out[i])
        if not in_comment and (_DIV_MARKUP.match(out[i]) or _RAW_TEX.match(out[i])):
            raw_bib = _RAW_BIBLIOGRAPHY.match(out[i])
            if raw_bib is not None:
                # R Markdown through LaTeX (``citation_package: natbib``) names its .bib
                # by a raw ``\bibliography{ref}`` as a LaTeX file does
                bibs.extend((_bib_name(n, raw_bib.group(1)), i + 1) for n in _raw_names(raw_bib))
            out[i] = ""  # ``::: {#refs}``, ``<div id="refs"></div>``, ``\newpage``: markup
        i += 1
    _blank_placeholder_headings(texts, out)
    blank_link_definitions(out)  # a definition's label and title never print
    blank_unused_footnotes(out)  # nor does a note no text calls
    return out, bibs


def _blank_placeholder_headings(texts: list[str], out: list[str]) -> None:
    """Blank a heading whose section is only Pandoc's empty ``refs`` placeholder.

    ``## References`` then ``<div id="refs"></div>`` (or ``::: {#refs}`` and ``:::``)
    is where citeproc prints the list it makes from the .bib; what follows (tables,
    appendices, figure legends) is text that cites, not a typed list -- read as one,
    its ``| @Kluge2007 |`` cells were no citations and their entries "never cited".
    A ``refs`` div holding entries (a rendered file) is a list, and keeps its heading.
    """
    for i, text in enumerate(out):
        if not _ATX_HEADING.match(text):
            continue
        j = i + 1
        # blank and comment lines between heading and placeholder; a few at most
        while j < len(out) and j <= i + _PLACEHOLDER_REACH and not out[j].strip():
            if _EMPTY_REFS_DIV.match(texts[j]):
                out[i] = ""
                break
            if _REFS_FENCE.match(texts[j]):
                if j + 1 < len(texts) and _CLOSING_FENCE.match(texts[j + 1]):
                    out[i] = ""
                break
            j += 1


def _captions(header: str) -> str:
    """The captions a chunk's options print (``fig.cap="..."``, ``tab.cap='...'``), as
    the line's text; "" when it has none."""
    return " ".join(m.group(2) for m in _CHUNK_CAPTION.finditer(header))


def _inline_code(fence: str, info: str) -> bool:
    """Backticks after a backtick fence make the line inline code, not a fence
    (CommonMark): "```Unknown element```# Introduction", as a Google Docs export
    writes, opened a code block that hid the rest of the paper."""
    return fence.startswith("`") and "`" in info


def _metadata_end(lines: list[str], i: int) -> int | None:
    """The closing line of a YAML metadata block opening at line `i`, if one does.

    Pandoc's rule: a ``---`` line not followed by a blank line, at the start or after a
    blank line, up to ``---`` or ``...``. Past the start, the block must open with a
    ``key:`` line and hold only YAML-looking lines (keys, indented values, ``- ``
    items, comments) -- ``---`` rules around paragraphs are no metadata.
    """
    if lines[i].strip() != "---" or i + 1 >= len(lines):
        return None
    if i > 0 and (
        lines[i - 1].strip() or lines[i].rstrip() != "---" or not _METADATA_KEY.match(lines[i + 1])
    ):
        return None
    for j in range(i + 1, len(lines)):
        if _FRONT_MATTER_END.match(lines[j]):
            return j
        if i > 0 and not _YAML_LINE.match(lines[j]):
            return None  # prose between two rules
    return None


def _block_indent(lines: list[str], start: int, end: int) -> int:
    """The indentation every key of a metadata block shares: R Markdown templates indent
    the whole block ("  bibliography: refs.bib"), valid YAML all the same; read at
    column 0, its bibliography was never found and every citation was "missing"."""
    indent: int | None = None
    for k in range(start, end):
        line = lines[k]
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        width = len(line) - len(stripped)
        indent = width if indent is None else min(indent, width)
        if indent == 0:
            return 0
    return indent or 0


def _blank_metadata(out: list[str], start: int, end: int, indent: int = 0) -> None:
    """Blank a metadata block but its ``nocite:`` field, kept as written."""
    nocite = False
    for k in range(start, end + 1):
        line = out[k][indent:] if out[k][:indent].isspace() else out[k]
        if _NOCITE_FIELD.match(line):
            nocite = True
        elif nocite and not _NESTED.match(line):
            nocite = False
        if not nocite or k == end:
            out[k] = ""


def _code_citations(text: str) -> str:
    """A line of an executable chunk with all but what may print a citation blanked;
    a comment line (``# cite_r(...)``) prints nothing (``#|`` options, captions, do)."""
    stripped = text.lstrip()
    if stripped.startswith("#") and not stripped.startswith("#|"):
        return ""
    kept = [" "] * len(text)
    for m in _CODE_CITATION.finditer(text):
        kept[m.start() : m.end()] = text[m.start() : m.end()]
    return "".join(kept).rstrip()


def _blank_comments(text: str, in_comment: bool) -> tuple[str, bool]:
    result: list[str] = []
    pos = 0
    while pos <= len(text):
        if in_comment:
            end = text.find("-->", pos)
            if end < 0:
                return "".join(result), True
            pos = end + 3
            in_comment = False
        else:
            begin = text.find("<!--", pos)
            if begin < 0:
                result.append(text[pos:])
                break
            result.append(text[pos:begin])
            pos = begin + 4
            in_comment = True
    return "".join(result), in_comment


def _front_matter_bibliographies(fields: list[str], first: int = 2) -> list[tuple[str, int]]:
    """Names from ``bibliography:`` (a value, a [list] or "- item" lines, an item
    possibly a [list] itself); `fields` start on line `first` of the file."""
    names: list[tuple[str, int]] = []
    for i, text in enumerate(fields):
        found = _BIB_FIELD.match(text)
        if found is None:
            continue
        value = found.group(1).strip()
        number = i + first
        if value:
            names.extend((name, number) for name in _names(value))
            continue
        # Walked by index, never sliced: a copy of the rest of the block for each empty
        # ``bibliography:`` line was quadratic on a block of 100,000 of them.
        k = i + 1
        while k < len(fields) and (entry := _LIST_ITEM.match(fields[k])) is not None:
            names.extend((name, number + k - i) for name in _names(entry.group(1)))
            k += 1
    return names


def _names(value: str) -> list[str]:
    """File names of a YAML value: ``a.bib``, ``"a.bib"``, ``[a.bib, 'b.bib']``."""
    value = value.split(" #", 1)[0].strip()
    listed = value.startswith("[") and value.endswith("]")
    parts = value[1:-1].split(",") if listed else [value]
    return [p.strip().strip("'\"").strip() for p in parts if p.strip().strip("'\"").strip()]


def custom_crossref_keys(texts: list[str]) -> tuple[str, ...]:
    """The ``key:`` of each custom cross-reference kind the front matter declares
    (Quarto: ``crossref: custom: - kind: float, key: suppfig``); a project's
    ``_quarto.yml`` adds its own (`project_build`). A file whose first line opens no
    front matter declares none."""
    end = _metadata_end(texts, 0) if texts else None
    return crossref_keys(texts[1:end]) if end is not None else ()


def hide_custom_crossrefs(lines: list[Line], keys: tuple[str, ...]) -> list[Line]:
    """`lines` with the ``@`` of each ``@key-label`` of a custom cross-reference kind
    blanked (columns kept): Quarto prints "Supplementary Figure 3" there, no citation."""
    if not keys:
        return lines
    kinds = frozenset(keys)

    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(1)) + m.group(2) if m.group(2) in kinds else m.group(0)

    out: list[Line] = []
    for line in lines:
        if "@" in line.text:
            text = _CROSSREF_USE.sub(blank, line.text)
            if text != line.text:
                line = dataclasses.replace(line, text=text)
        out.append(line)
    return out
