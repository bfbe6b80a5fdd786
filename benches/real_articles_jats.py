"""JATS XML of a published article -> the compact record the real-article bench renders.

Why a record and not the XML: the corpus must stay small and the renderings (Markdown,
text, DOCX) must be made the same way every run, so the build keeps only what an editor
would see -- the body paragraphs as the publisher renders them, each in-text citation's
span and the reference-list entries it points at, and the list itself as text -- plus
where the article came from and under which licence.

The ground truth is the publisher's own linking: every ``<xref ref-type="bibr">`` names
the ``<ref>`` it cites. Two corrections are made because the XML under-states what the
text cites: a numeric range written as two linked ends (``[5]–[9]``) cites every entry
in between, and an entry no xref names but whose first author and year stand together
in the text (a plain-text citation the typesetter did not link) is counted as cited.

Record layout (JSON, keys kept short to keep the corpus small)::

    {"id", "doi", "title", "publisher", "journal", "language", "licence", "style",
     "source": {...},
     "paras": [{"h": heading level (0 = paragraph), "t": text,
                "sup": [[start, end], ...],           # superscript runs
                "cit": [[start, end, [ref indices]], ...]}],
     "refs": [{"id", "label", "text", "year", "first", "cited", "unlinked"}],
     "uncited_truth": [...], "year_mismatch": [...], "duplicates": [[i, j], ...]}
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from real_articles_truth import cited_works, fold

XLINK = "{http://www.w3.org/1999/xlink}href"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_WS = re.compile(r"\s+")
# U+2212 MINUS SIGN is a range dash too: ACS prints "4−6" with it
_DASH = re.compile(r"^\s*[-–—‒−]\s*$")
_YEAR = re.compile(r"(1[5-9]\d\d|20\d\d)([a-z]?)")
_INT = re.compile(r"^\D*?(\d{1,4})\D*$")
_INNER_RANGE = re.compile(r"^[\[(]?(\d{1,4})\s*[-–—‒−]\s*(\d{1,4})[\])]?$")
# one xref whose text is a whole group, "45,48,49" or "12,14-16" (SciELO 2013 markup
# links the group to its last entry only): every number listed is cited
_INNER_PART = r"\d{1,4}(?:\s*[-–—‒−]\s*\d{1,4})?"
_INNER_LIST = re.compile(rf"^[\[(]?{_INNER_PART}(?:\s*[,;]\s*{_INNER_PART})+[\])]?$")
_INNER_PARTS = re.compile(r"(\d{1,4})(?:\s*[-–—‒−]\s*(\d{1,4}))?")

# Containers whose text an editor's manuscript would not carry inline.
_SKIP = {
    "table",
    "alternatives",
    "graphic",
    "media",
    "object-id",
    "disp-formula",
    "supplementary-material",
    "fn-group",
    "ref-list",
    "permissions",
}
_BLOCKS = {"p", "title", "caption", "label"}

HEADINGS = {
    "en": "References",
    "pt": "Referências",
    "es": "Referencias",
    "fr": "Références",
    "de": "Literatur",
    "it": "Bibliografia",
    "sl": "Literatura",
}


def local(tag: Any) -> str:
    """Element name without namespace; comments and PIs have none."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def parse_xml(data: bytes) -> etree._Element:
    """Parses untrusted publisher XML: no DTD, no entities fetched, no network."""
    parser = etree.XMLParser(
        load_dtd=False, no_network=True, resolve_entities=False, recover=True, huge_tree=False
    )
    root = etree.fromstring(data, parser)
    if root is None:
        raise ValueError("not XML")
    # Comments and processing instructions print nothing ("<!--PageBreak-->"); their
    # tails are the text that follows them.
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)
    _space_taxon_parts(root)
    if root.get("obkms_process"):
        _space_stripped_inline(root)
    return root


def _space_taxon_parts(root: etree._Element) -> None:
    """Put back the space between the parts of a taxon name ("Lepyrodon patagonicus").

    TaxPub marks a name's genus and species as sibling elements; some copies of
    Pensoft's XML (re-serialised by text-mining pipelines) lost the whitespace between
    them, and the page always prints one.
    """
    for part in root.iter("{http://www.plazi.org/taxpub}taxon-name-part"):
        nxt = part.getnext()
        if not part.tail and nxt is not None and local(nxt.tag) == "taxon-name-part":
            part.tail = " "


_INLINE = frozenset({"italic", "bold", "xref", "taxon-name", "named-content", "underline"})


def _space_stripped_inline(root: etree._Element) -> None:
    """OpenBiodiv's re-serialised Pensoft XML dropped every whitespace-only text node, so
    two inline elements the page prints apart ("<italic>sensu</italic> <xref>Standley
    1937</xref>") touch. Between two such elements that both end and start with a
    letter, the page had a space."""
    for element in root.iter():
        nxt = element.getnext()
        if element.tail or nxt is None or not isinstance(nxt.tag, str):
            continue
        if local(element.tag) not in _INLINE or local(nxt.tag) not in _INLINE:
            continue
        before, after = "".join(element.itertext()), "".join(nxt.itertext())
        if before[-1:].isalpha() and after[:1].isalpha():
            element.tail = " "


def clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


@dataclass
class _Para:
    """A paragraph being built: text with superscript and citation spans."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    sup: list[list[int]] = field(default_factory=list)
    cit: list[list[Any]] = field(default_factory=list)

    def add(self, text: str) -> tuple[int, int]:
        text = _WS.sub(" ", text)
        if text.startswith(" ") and (self.length == 0 or self.parts[-1].endswith(" ")):
            text = text[1:]
        start = self.length
        if text:
            self.parts.append(text)
            self.length += len(text)
        return start, self.length

    def finish(self) -> dict[str, Any]:
        text = "".join(self.parts)
        stripped = text.rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        stripped = stripped.lstrip()

        def shift(spans: list[list[Any]]) -> list[list[Any]]:
            out = []
            for span in spans:
                s, e = max(span[0] - lead, 0), min(span[1] - lead, len(stripped))
                if e > s:
                    out.append([s, e, *span[2:]])
            return out

        return {"h": 0, "t": stripped, "sup": shift(self.sup), "cit": shift(self.cit)}


class _Walker:
    """Renders body elements to paragraphs, recording where each bibr xref lands."""

    def __init__(
        self, ref_index: dict[str, int], groups: dict[str, list[int]] | None = None
    ) -> None:
        self.ref_index = ref_index
        self.groups = groups or {}  # placeholder ids and the sub-labelled refs they stand for
        self.paras: list[dict[str, Any]] = []
        self.broken_xrefs = 0

    def block(self, element: etree._Element, level: int = 0) -> None:
        """Walks a container: sections give headings, paragraphs give paragraphs."""
        for child in element:
            name = local(child.tag)
            if name in _SKIP or not name:
                continue
            if name == "sec" or name == "app" or name == "ack" or name == "boxed-text":
                self.block(child, level + 1)
            elif name == "title":
                para = self.inline(child)
                if para["t"]:
                    para["h"] = min(level + 1, 6)
                    self.paras.append(para)
            elif name in ("p", "list-item", "def-item"):
                self._paragraph(child)
            elif name in ("fig", "table-wrap"):
                self._caption(child)
            elif name in ("list", "def-list", "caption", "app-group", "fig-group"):
                self.block(child, level)
            else:
                self.block(child, level)

    def _paragraph(self, element: etree._Element) -> None:
        # A paragraph holding lists or nested blocks: its inline text is one paragraph,
        # each nested block its own.
        nested = [c for c in element if local(c.tag) in ("list", "fig", "table-wrap", "disp-quote")]
        para = self.inline(element, skip=set(map(id, nested)))
        if para["t"]:
            self.paras.append(para)
        for child in nested:
            if local(child.tag) in ("fig", "table-wrap"):
                self._caption(child)
            else:
                self.block(child)

    def _caption(self, element: etree._Element) -> None:
        builder = _Para()
        label = element.find("label")
        if label is not None:
            self._inline(label, builder, False, set())
            builder.add(". ")
        caption = element.find("caption")
        if caption is not None:
            for child in caption:
                if local(child.tag) in ("title", "p"):
                    self._inline(child, builder, False, set())
                    builder.add(" ")
        para = builder.finish()
        if para["t"] and caption is not None:
            self.paras.append(para)

    def inline(self, element: etree._Element, skip: set[int] | None = None) -> dict[str, Any]:
        builder = _Para()
        self._inline(element, builder, False, skip or set(), top=True)
        return builder.finish()

    def _inline(
        self,
        element: etree._Element,
        builder: _Para,
        in_sup: bool,
        skip: set[int],
        top: bool = False,
    ) -> None:
        name = local(element.tag)
        if not top:
            if id(element) in skip:
                builder.add(element.tail or "")
                return
            if name in ("inline-formula", "tex-math"):
                builder.add(" " + clean("".join(element.itertext()))[:80] + " ")
                builder.add(element.tail or "")
                return
            if name in _SKIP or name in ("fn", "fig", "table-wrap"):
                builder.add(element.tail or "")
                return
        sup = in_sup or name == "sup"
        start = builder.length
        if name == "xref" and element.get("ref-type") == "bibr":
            raw = "".join(element.itertext())
            text = clean(raw)
            rids = (element.get("rid") or "").split()
            targets = [
                t
                for r in rids
                for t in ([self.ref_index[r]] if r in self.ref_index else self.groups.get(r, []))
            ]
            if not text:
                # PLOS writes a range as linked ends with the entries between as
                # empty xrefs ([8<xref B9/>-10]); the page prints nothing for them,
                # so they join the citation they follow, and an empty xref that
                # follows no citation prints (and cites) nothing.
                if targets and builder.cit and builder.cit[-1][1] == builder.length:
                    builder.cit[-1][2] = [*builder.cit[-1][2], *targets]
                if not top:
                    builder.add(element.tail or "")
                return
            # SciELO typesetters put the space before a citation inside its xref
            # ("citados por<xref> EPdata (2020)</xref>"): the page prints "por EPdata
            # (2020)", so the space stays, outside the citation (likewise after it).
            # Only where the citation names its authors: a bare number's space
            # ("individuals.<xref> 15</xref>") is how those typesetters mark a
            # citation number set after the word, which the rendering has always
            # glued to it as the superscript it is; a space there would turn test's
            # superscript articles into bare numbers in running text.
            named = text[:1].isalpha()
            if named and raw[:1].isspace():
                builder.add(" ")
            s, e = builder.add(text)
            if targets and e > s:
                builder.cit.append([s, e, targets, 1 if sup else 0])
            elif rids and not targets:
                self.broken_xrefs += 1
            if named and raw[-1:].isspace() and (element.tail or "")[:1].isalnum():
                builder.add(" ")
        else:
            builder.add(element.text or "")
            for child in element:
                self._inline(child, builder, sup, skip)
        if name == "sup" and not in_sup and builder.length > start:
            builder.sup.append([start, builder.length])
        if not top:
            builder.add(element.tail or "")


# ---------------------------------------------------------------- references


def _names(group: etree._Element) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for child in group:
        name = local(child.tag)
        if name in ("name", "string-name"):
            surname = clean("".join(child.findtext("surname") or ""))
            given = clean(child.findtext("given-names") or "")
            if surname:
                out.append((surname, given))
            else:
                out.append((clean("".join(child.itertext())), ""))
        elif name in ("collab", "institution"):
            out.append((clean("".join(child.itertext())), ""))
        elif name == "etal":
            out.append(("et al.", ""))
    return out


def _group_names(citation: etree._Element, kinds: tuple[str | None, ...]) -> list[tuple[str, str]]:
    groups = [g for g in citation.iter("person-group") if g.get("person-group-type") in kinds]
    return [n for g in groups for n in _names(g)]


def _authors(citation: etree._Element) -> list[tuple[str, str]]:
    names = _group_names(citation, (None, "author")) or _names(citation)
    # An edited book with no author is listed (and cited) under its editors.
    return names or _group_names(citation, ("editor",))


def _edited_only(citation: etree._Element) -> bool:
    return not (_group_names(citation, (None, "author")) or _names(citation)) and bool(
        _group_names(citation, ("editor",))
    )


def _initials(given: str) -> str:
    if re.fullmatch(r"[A-Z]{1,4}", given):
        return given  # already initials ("YH")
    return "".join(p[0] for p in re.split(r"[\s.\-]+", given) if p)


def _field(citation: etree._Element, name: str) -> str:
    found = _find(citation, name)
    return clean("".join(found.itertext())) if found is not None else ""


def _find(citation: etree._Element, name: str) -> etree._Element | None:
    """The first `name` element of the entry that is not inside a date-in-citation: an
    access date is no year of the work. pandoc's JATS writer (JOSS, JOSE) writes a
    web page's or software's access date as ``<date-in-citation content-type=
    "access-date"><year>2023</year>...``, and an entry with no issued date has no other
    year: its page prints "(n.d.)" and its citations "(Okoro, n.d.)", and taking the
    access year made a year mismatch the publisher never printed."""
    for found in citation.iter(name):
        if not any(local(a.tag) == "date-in-citation" for a in found.iterancestors()):
            return found
    return None


def render_element_citation(citation: etree._Element, style: str) -> str:
    """A structured entry written out in the house style of the article's list.

    `style` is one of "plos" (Surname AB (Year) Title. Source 3: 1–9.), "elife"
    (Surname AB. Year. Title. Source 3:1–9.), "apa" and "vancouver".
    """
    names = _authors(citation)
    year = _field(citation, "year")
    title = _field(citation, "article-title") or _field(citation, "chapter-title")
    source = _field(citation, "source")
    volume, issue = _field(citation, "volume"), _field(citation, "issue")
    fpage, lpage = _field(citation, "fpage"), _field(citation, "lpage")
    elocation = _field(citation, "elocation-id")
    publisher = _field(citation, "publisher-name")
    place = _field(citation, "publisher-loc")
    doi = ""
    for pid in citation.iter("pub-id"):
        if pid.get("pub-id-type") == "doi":
            doi = clean(pid.text or "")
    pages = f"{fpage}–{lpage}" if fpage and lpage else fpage or elocation
    title = title.rstrip(".")
    eds = _edited_only(citation)
    if style == "apa":
        authors = ", ".join(
            s if s == "et al." or not g else f"{s}, {'. '.join(_initials(g))}." for s, g in names
        ) + (" (Eds.)" if eds else "")
        out = f"{authors} ({year or 'n.d.'}). {title + '. ' if title else ''}{source}"
        if volume:
            out += f", {volume}" + (f"({issue})" if issue else "")
        if pages:
            out += f", {pages}"
        out += "."
        if publisher and not volume:
            out += f" {place + ': ' if place else ''}{publisher}."
    else:
        authors = ", ".join(s if s == "et al." else f"{s} {_initials(g)}".strip() for s, g in names)
        if eds:
            authors += ", editors" if style == "vancouver" else " (Eds)"
        loc = f"{volume}" + (f"({issue})" if issue else "")
        if style == "plos":
            out = f"{authors} ({year}) {title + '. ' if title else ''}{source}"
            out += f" {loc}: {pages}." if loc and pages else "."
        elif style == "elife":
            out = f"{authors.rstrip('.')}. {year}. {title + '. ' if title else ''}{source}"
            out += f" {loc}:{pages}." if loc and pages else "."
        else:  # vancouver
            out = f"{authors.rstrip('.')}. {title + '. ' if title else ''}{source}. "
            if publisher and not volume:
                out += f"{place + ': ' if place else ''}{publisher}; "
            out += f"{year}"
            out += f";{loc}:{pages}." if loc and pages else "."
        if publisher and not volume and style != "vancouver":
            out += f" {place + ': ' if place else ''}{publisher}."
    if doi:
        out += f" https://doi.org/{doi}" if style in ("apa", "elife") else f" doi:{doi}"
    return clean(out)


_FIELDS = {
    "surname", "given-names", "name", "string-name", "collab", "year", "source",
    "article-title", "volume", "issue", "fpage", "lpage", "person-group", "etal",
    "pub-id", "publisher-name", "publisher-loc", "chapter-title",
}  # fmt: skip


def _mixed_is_readable(mixed: etree._Element) -> bool:
    """Some publishers tag mixed-citation without the punctuation between fields.

    F1000 writes ``<name>..</name> <name>..</name>`` with only spaces between authors,
    and some PMC journals glue every field (``BalducciSIacobellisG``); such entries are
    written out from their fields instead, as the publisher's page does.
    """
    text = clean("".join(mixed.itertext()))
    if len(text) < 15:
        return False
    for group in mixed.iter("person-group"):
        names = [c for c in group if local(c.tag) in ("name", "string-name")]
        for a in names[:-1]:
            if not re.search(r"[,;&]|\band\b|\bet\b|\by\b|\be\b", a.tail or ""):
                return False
    for name in mixed.iter("name"):
        surname = name.find("surname")
        if surname is not None and not surname.tail and surname.getnext() is not None:
            return False  # "EntringerS": the page prints "Entringer S"
    glued = 0
    for child in mixed.iter():
        if local(child.tag) in _FIELDS and not child.tail:
            nxt = child.getnext()
            if nxt is not None and local(nxt.tag) in _FIELDS:
                glued += 1
    return glued <= 2


def _readable_once_spaced(mixed: etree._Element) -> bool:
    """A mixed-citation whose only fault is names run together ("AlvesMHeflerSM", the
    whitespace lost by a re-serialising pipeline) while its fields keep the page's
    punctuation ("(<year>2011</year>) <article-title>"): printed as it stands, with
    the names spaced (`_spaced_names`), it is the page's text."""
    groups = [c for c in mixed if local(c.tag) == "person-group"]
    if not groups or not any(_glued_names(g) for g in groups):
        return False
    if any(local(c.tag) == "name" for c in mixed):
        return False  # names outside a group: no place to put the separators
    glued = 0
    for child in mixed:
        if local(child.tag) in _FIELDS and not child.tail:
            nxt = child.getnext()
            if nxt is not None and local(nxt.tag) in _FIELDS:
                glued += 1
    return glued == 0 and len(clean("".join(mixed.itertext()))) >= 15


_LEADING_SEPARATORS = re.compile(r"^[\s.,;:]+")
_SPACE_BEFORE = re.compile(r"\s+(?=[,.)])")
_SPACE_INSIDE = re.compile(r"(?<=\()\s+|(?<=\d[–-])\s+(?=\d)")
_ID_LABEL = re.compile(r"(PMID|PMC|ISSN|PubMed)\W*$", re.I)


def _printed_text(mixed: etree._Element) -> str:
    """The text of a mixed-citation as the page prints it.

    Some journals' reference tools (Edifix, for the Slovenian Medical Journal) append
    the PubMed id and the journal's ISSN as bare tagged identifiers the page does
    not print (``...:98–109. 10.1038/x 25385412 1759-4790``); an identifier printed
    with its label (``PMID: 25385412``) stays.
    """
    parts: list[str] = [mixed.text or ""]
    for child in mixed:
        kind = local(child.tag)
        bare_id = kind == "issn" or (
            kind == "pub-id" and child.get("pub-id-type") in ("pmid", "pmcid", "issn")
        )
        if kind == "person-group" and _glued_names(child):
            parts.append(_spaced_names(child))
        elif isinstance(child.tag, str) and not (bare_id and not _ID_LABEL.search("".join(parts))):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return clean("".join(parts))


def _glued_names(group: etree._Element) -> bool:
    """Whether a person-group's names lost the separators the page prints between them
    ("AlvesMHeflerSM": whitespace stripped by a re-serialising pipeline)."""
    names = [c for c in group if local(c.tag) in ("name", "string-name")]
    if any(not (a.tail or "").strip() for a in names[:-1]):
        return True
    for name in names:
        surname = name.find("surname")
        if surname is not None and not surname.tail and surname.getnext() is not None:
            return True
    return False


def _spaced_names(group: etree._Element) -> str:
    """A person-group as Vancouver-like pages print it: "Alves M, Hefler SM"."""
    out = []
    for name in group:
        kind = local(name.tag)
        if kind == "name":
            words = [clean("".join(part.itertext())) for part in name if isinstance(part.tag, str)]
            out.append(" ".join(w for w in words if w))
        elif kind in ("string-name", "collab"):
            out.append(clean("".join(name.itertext())))
        elif kind == "etal":
            out.append("et al.")
    return ", ".join(w for w in out if w)


def reference_text(ref: etree._Element, style: str) -> tuple[str, etree._Element | None]:
    """The entry as the list prints it, and the citation element its fields come from.

    Separators at the start are dropped: SciELO keeps the label's full stop inside the
    mixed-citation (``<label>1</label><mixed-citation>. Aar LE...``) and an entry with
    an empty author field starts with the punctuation that followed it; the page
    prints neither.
    """
    text, citation = _reference_text(ref, style)
    # Pretty-printed XML leaves its indentation inside the fields ("Kos A , Lah B .",
    # "29( 1): 11– 6"); no list prints a space before a comma or inside a bracket.
    text = _SPACE_INSIDE.sub("", _SPACE_BEFORE.sub("", text))
    return _LEADING_SEPARATORS.sub("", text), citation


def _reference_text(ref: etree._Element, style: str) -> tuple[str, etree._Element | None]:
    mixed = [c for c in ref.iter() if local(c.tag) == "mixed-citation"]
    elements = [c for c in ref.iter() if local(c.tag) in ("element-citation", "nlm-citation")]
    if mixed and (_mixed_is_readable(mixed[0]) or _readable_once_spaced(mixed[0])):
        return _printed_text(mixed[0]), mixed[0]
    if elements:
        return render_element_citation(elements[0], style), elements[0]
    if mixed and mixed[0].find(".//surname") is not None and mixed[0].find(".//source") is not None:
        return render_element_citation(mixed[0], style), mixed[0]
    if mixed:
        return _printed_text(mixed[0]), mixed[0]
    label = ref.find("label")
    parts = [clean("".join(c.itertext())) for c in ref if c is not label]
    return clean(" ".join(parts)), None


def _first_family(citation: etree._Element | None, text: str) -> str:
    names = _authors(citation) if citation is not None else []
    if names:
        return names[0][0]
    # Untagged entries (SciELO's mixed-citation): the text before the first comma,
    # full stop or semicolon, when it looks like a name.
    m = re.match(r"\s*([^\W\d_][\w'’\- ]{1,40}?)\s*[,.;(]", text)
    return m.group(1) if m else ""


def _year(citation: etree._Element | None, text: str) -> str:
    if citation is not None:
        y = _find(citation, "year")
        if y is not None and y.text:
            m = _YEAR.search(y.text)
            if m:
                return m.group(1) + m.group(2)
    m = _YEAR.search(text)
    return m.group(1) + m.group(2) if m else ""


# ---------------------------------------------------------------- metadata


def licence_of(root: etree._Element) -> str:
    """The article's licence as a short name: CC-BY-4.0, CC-BY, CC0 ... or ""."""
    for lic in root.iter():
        if local(lic.tag) not in ("license", "license_ref"):
            continue
        href = lic.get(XLINK) or (lic.text if local(lic.tag) == "license_ref" else "") or ""
        for ref in lic.iter():
            if local(ref.tag) in ("license_ref", "ext-link", "uri"):
                href = href or ref.text or ref.get(XLINK) or ""
        m = re.search(r"creativecommons\.org/licenses/([a-z\-]+)/(\d\.\d)", href, re.I)
        if m:
            return f"CC-{m.group(1).upper()}-{m.group(2)}"
        if re.search(r"creativecommons\.org/publicdomain/zero", href, re.I):
            return "CC0-1.0"
        text = clean("".join(lic.itertext()))
        m = re.search(r"\bCC[ -]BY(?:[ -](NC|SA|ND))*(?:[ -]([\d.]+))?", text)
        if m:
            return clean(m.group(0)).replace(" ", "-")
        if re.search(r"Creative Commons Attribution", text, re.I):
            return "CC-BY"
        if re.search(r"public domain|CC0", text, re.I):
            return "CC0"
    return ""


def _publisher(root: etree._Element) -> str:
    return clean(root.findtext(".//journal-meta/publisher/publisher-name") or "")


def _journal(root: etree._Element) -> str:
    title = root.find(".//journal-meta//journal-title")
    if title is not None:
        return clean("".join(title.itertext()))
    return clean(root.findtext(".//journal-meta/journal-id") or "")


def _doi(root: etree._Element) -> str:
    for aid in root.findall(".//article-meta/article-id"):
        if aid.get("pub-id-type") == "doi":
            return clean(aid.text or "").lower()
    return ""


# ---------------------------------------------------------------- styles


def classify_style(paras: list[dict[str, Any]], refs: list[dict[str, Any]]) -> str:
    """The in-text citation style the publisher printed, from the cited spans."""
    kinds: dict[str, int] = {}
    for para in paras:
        text = para["t"]
        for s, e, _targets, sup in para["cit"]:
            span = text[s:e]
            before = text[max(s - 1, 0) : s]
            if re.search(r"[A-Za-zÀ-ÿ]", span) and _YEAR.search(span):
                kind = "abnt" if re.search(r"\b[A-ZÀ-Ý]{3,}\b", span) else "author-year"
            elif sup or span.startswith("^"):
                kind = "numeric-superscript"
            elif span.startswith("[") or before == "[":
                kind = "numeric-brackets"
            elif span.startswith("(") or before == "(":
                kind = "numeric-parentheses"
            elif re.search(r"\d", span):
                kind = "numeric-other"
            else:
                kind = "other"
            kinds[kind] = kinds.get(kind, 0) + 1
    if not kinds:
        return "none"
    return max(kinds.items(), key=lambda kv: kv[1])[0]


def _house_style(publisher: str, numeric: bool) -> str:
    if re.search(r"Public Library of Science|PLOS", publisher, re.I):
        return "plos"
    if re.search(r"eLife", publisher, re.I):
        return "elife"
    return "vancouver" if numeric else "apa"


# ---------------------------------------------------------------- the record


def expand_ranges(
    paras: list[dict[str, Any]], refs: list[dict[str, Any]], numbered: bool = True
) -> None:
    """``[5]–[9]`` links only its ends; the entries between are cited too.

    The numbers are the entries' labels; a numbered list whose entries carry no label
    (the journal's page numbers them, BMC, Zdrav Vestn) is numbered by position.
    A number whose refs are sub-labelled (Wiley's 2a, 2b, 2c) names all of them, as
    the publisher's page links it.
    """
    by_label: dict[int, list[int]] = {}
    for i, ref in enumerate(refs):
        label = ref["label"] or ""
        m = _INT.match(label)
        if not m:
            continue
        n = int(m.group(1))
        if n not in by_label:
            by_label[n] = [i]
        elif _SUB_LABEL.match(label) and all(
            _SUB_LABEL.match(refs[j]["label"] or "") for j in by_label[n]
        ):
            by_label[n].append(i)
    if not by_label and numbered:
        by_label = {i + 1: [i] for i in range(len(refs))}
    for para in paras:
        cits = para["cit"]
        for c in cits:  # one xref printed "9–11" or "45,48,49" linking only one
            shown = para["t"][c[0] : c[1]]
            if not (_INNER_RANGE.match(shown) or _INNER_LIST.match(shown)):
                continue
            for part in _INNER_PARTS.finditer(shown):
                lo = int(part.group(1))
                hi = int(part.group(2) or lo)
                if 0 <= hi - lo < 200:
                    inner = [t for n in range(lo, hi + 1) for t in by_label.get(n, [])]
                    c[2] = sorted({*c[2], *inner})
        for a, b in itertools.pairwise(cits):
            between = para["t"][a[1] : b[0]]
            if not _DASH.match(between):
                continue
            la, lb = _INT.match(para["t"][a[0] : a[1]]), _INT.match(para["t"][b[0] : b[1]])
            if not la or not lb:
                continue
            lo, hi = int(la.group(1)), int(lb.group(1))
            if 0 < hi - lo < 200:
                inner = [t for n in range(lo + 1, hi) for t in by_label.get(n, [])]
                a[2] = sorted({*a[2], *inner})


_NUM_SPAN = re.compile(r"^\(?\[?\d{1,4}[a-z]?\]?\)?$")
_GROUP_SEP = re.compile(r"^\s*[,;–\-−]\s*$")


def _delete(para: dict[str, Any], cuts: list[tuple[int, int]]) -> None:
    """Removes character ranges from a paragraph, moving its spans along."""
    if not cuts:
        return
    cuts = sorted(set(cuts))
    text = para["t"]

    def moved(pos: int) -> int:
        return pos - sum(min(e, pos) - s for s, e in cuts if s < pos)

    kept, last = [], 0
    for s, e in cuts:
        kept.append(text[last:s])
        last = max(last, e)
    kept.append(text[last:])
    para["t"] = "".join(kept)
    for key in ("sup", "cit"):
        para[key] = [[moved(sp[0]), moved(sp[1]), *sp[2:]] for sp in para[key]]


def _tidy_numeric(para: dict[str, Any]) -> None:
    """Undoes the XML's pretty-printing around numeric citations.

    SciELO and others indent xrefs, so a group that the publisher prints as a
    superscript ``MSM.4,6`` reads ``MSM. 4 , 6`` and ``(1)`` reads ``( 1 )``. A group
    of numeric xrefs joined by commas or dashes is one marker: its inner spaces go,
    and when any member is superscript (or the first is glued to the word before), the
    whole group is superscript and glued to its word, as printed.
    """
    text, cits = para["t"], para["cit"]
    groups: list[list[list[Any]]] = []
    for cit in cits:
        if not _NUM_SPAN.match(text[cit[0] : cit[1]]):
            groups.append([])
            continue
        if groups and groups[-1] and _GROUP_SEP.match(text[groups[-1][-1][1] : cit[0]]):
            groups[-1].append(cit)
        else:
            groups.append([cit])
    cuts: list[tuple[int, int]] = []
    new_sup: list[list[int]] = []
    for group in groups:
        if not group:
            continue
        for a, b in itertools.pairwise(group):
            gap = text[a[1] : b[0]]
            sep = gap.strip()
            i = gap.index(sep) if sep else 0
            cuts.extend([(a[1], a[1] + i), (a[1] + i + len(sep), b[0])])
        start, end = group[0][0], group[-1][1]
        glued = start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([–-/"
        sup = any(c[3] for c in group) or glued
        j = start
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if j < start and j > 0 and (sup or text[j - 1] in "(["):
            cuts.append((j, start))
        k = end
        while k < len(text) and text[k] == " ":
            k += 1
        if k > end and k < len(text) and text[k] in ")]":
            cuts.append((end, k))
        if sup:
            for c in group:
                c[3] = 1
            new_sup.append([start, end])
    # "( Foster et al., 2017)": the indentation's space inside the brackets goes.
    for cit in cits:
        if cit[0] >= 2 and text[cit[0] - 2 : cit[0]] in ("( ", "[ "):
            cuts.append((cit[0] - 1, cit[0]))
        if text[cit[1] : cit[1] + 2] in (" )", " ]"):
            cuts.append((cit[1], cit[1] + 1))
    para["sup"] = [s for s in para["sup"] if not any(n[0] <= s[0] < n[1] for n in new_sup)]
    para["sup"].extend(new_sup)
    para["sup"].sort()
    _delete(para, [c for c in cuts if c[1] > c[0]])


# A plain-text citation, as the truth reads one: the entry's first author, then at most
# 80 characters of co-authors and joiners ("et al.", "and Lee", "& Park", ", Lee e
# Souza", "in", a possessive) with no digit, bracket or semicolon -- a bracket or a
# semicolon ends one citation and starts another, a number is a specimen, a page or
# another work's year -- then the year, after "(" (narrative), after the same
# authors' earlier years ("Anderson 1975, 1976", ABNT's "2011 [1954]"), or after a
# protologue's volume and page ("Carse, Trans. N. Z. Inst. 57: 91. 1926") or its page
# alone after a colon ("Moritzi, Syst. Verz.: 35. 1846").
_PLAIN_GAP = r"[^\n\d;()\[\]]{0,80}?"
_PLAIN_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?"
_PLAIN_PAGES = (
    r"(?:\d{1,4}(?:\(\d{1,4}\))?\s?:\s?\d{1,5}(?:\s?[-–]\s?\d{1,5})?[.,]?\s{1,3}"
    r"|(?:(?<=:\s)|(?<=:))\d{1,5}(?:\s?[-–]\s?\d{1,5})?[.,]\s{1,3})?"
)
_PLAIN_BEFORE = rf"\(?\s?(?:{_PLAIN_YEAR}(?:\s?\[{_PLAIN_YEAR}\])?\s?,\s?){{0,6}}"
_PLAIN_BEFORE += rf"(?:{_PLAIN_YEAR}\s?\[)?"


def plain_text_cited(
    paras: list[dict[str, Any]], refs: list[dict[str, Any]], cited: set[int]
) -> set[int]:
    """Entries no xref names but which the text cites by first author and year.

    The name and the year must make one citation (the shapes above): a name and any
    year within a sentence ("30 Jul 1933, Kanehira 2301"; "Beenen et al. (2005) use
    ... In 1998") is not one, and counting it made a truly uncited entry "cited", so
    that reporting it counted against the audit. Compared without accents
    ("González-Perez" for González-Pérez), a double surname also by its first part
    ("Troitiño e Vinuesa" for Troitiño Vinuesa); an entry whose year has a letter
    needs that letter ("2011a" cites 2011a, not 2011b).
    """
    body = _unaccented("\n".join(p["t"] for p in paras if not p["h"]))
    found: set[int] = set()
    for i, ref in enumerate(refs):
        if i in cited or not ref["first"] or not ref["year"]:
            continue
        first = _unaccented(ref["first"])
        family = first.split()[-1] if len(first) > 40 else first
        names = {family}
        head = family.split()[0]
        if len(family.split()) == 2 and len(head) >= 4 and head[0].isupper():
            names.add(head)
        year = re.escape(ref["year"][:4])
        # A work published over years ("Moritzi A (1845–1846)") is cited by either end.
        span = re.search(rf"\b{year}\s?[–-]\s?(1[5-9]\d\d|20\d\d)\b", ref["text"])
        if span:
            year = rf"(?:{year}|{span.group(1)})"
        if ref["year"][4:5].isalpha():  # "2011b" is cited as "2011b" or "2011a, b"
            year += rf"(?:[a-z]\b\s*,\s*){{0,6}}{ref['year'][4]}\b"
        shape = rf"\b{_PLAIN_GAP}{_PLAIN_PAGES}{_PLAIN_BEFORE}\b{year}(?!\d)"
        for name in names:
            if any(
                _names_fit(body, m, ref)
                for m in re.finditer(rf"\b{re.escape(name)}{shape}", body, re.I)
            ):
                found.add(i)
                break
    return found


# A co-author joined before the name ("Guglielmino and Olmi 2007", "Lee & Olmi 2007"):
# the name is then not the citation's first author. (Not a comma: "However, Olmi (2007)".)
_JOINED_BEFORE = re.compile(r"([A-ZÀ-Þ][^\W\d_]+)\.?\s*(?:&|\band\b|\bund\b|\be\b|\by\b)\s*$")
# The co-authors joined after it, in the gap before the year ("Olmi and Guglielmino
# 2007", "Davis and David B. Morris in 2007"): each run of capitalised words after a joiner.
_JOINED_AFTER = re.compile(
    r"(?:,|&|\band\b|\bund\b|\be\b|\by\b)\s*([A-ZÀ-Þ][^\W\d_]*(?:[.\s]+[A-ZÀ-Þ][^\W\d_]*)*)"
)
# Capitalised words a citation's gap holds that are no co-author ("et al.", "In").
_NOT_CO_AUTHORS = {"et", "al", "in", "and", "colleagues", "col", "others", "coauthors"}


def _names_fit(body: str, match: re.Match[str], ref: dict[str, Any]) -> bool:
    """Whether a plain-text citation found by an entry's first surname and year names
    that entry by all its written names: no author joined before the name that the
    entry lacks ("Guglielmino and Olmi 2007" cites Guglielmino & Olmi 2007, not "Olmi M
    (2007)"), and each co-author joined after it is one of the entry's ("Shpeley and
    Ball 2001" is not "Ball GE, Bousquet Y (2001)"). A name is the entry's when its
    text holds it or an author's surname is spelled almost so ("Olsen and Schaal" for
    "Olsen KM, Schall B"): a spelling slip still cites the work; another name does not.
    """
    from rapidfuzz import fuzz

    written = _norm_ref(_unaccented(ref["text"]))
    # Its authors' surnames, or the words where a printed entry writes them.
    authors = [fold_key(n) for n in ref.get("names", []) if n] or [
        fold_key(w) for w in re.findall(r"[^\W\d_]{3,}", _unaccented(ref["text"])[:120])
    ]

    def fits(word: str) -> bool:
        key = fold_key(word)
        return (
            key in _NOT_CO_AUTHORS
            or len(key) <= 1
            or key in written
            or any(fuzz.ratio(key, a) >= 80 for a in authors)
        )

    before = _JOINED_BEFORE.search(body[max(0, match.start() - 40) : match.start()])
    if before and not fits(before.group(1)):
        return False
    gap = re.split(r"\d", match.group(), maxsplit=1)[0]
    runs = _JOINED_AFTER.findall(gap)
    listed = [n for n in ref.get("names", []) if n]
    # A co-author the entry lacks makes another work only where the citation also
    # writes another number of authors ("Wheeler and Krell 2007" is not "Wheeler QD
    # (2007)"); two names for a two-author entry with one name amiss ("Mitchell and
    # Daly 2015" for "Mitchell JD, Douglas CD (2015)") is a slip in a name, still a
    # citation of the entry.
    if listed and "et al" not in gap and len(runs) + 1 == len(listed):
        return True
    for found in _JOINED_AFTER.finditer(gap):
        # A run with an abbreviated word ("Trans. & Proc. New Zealand Inst." of a
        # protologue's journal) is a title, no author.
        words = re.findall(r"([^\W\d_]+)(\.?)", gap[found.start(1) : found.end(1) + 1])
        if any(dot and len(w) > 1 for w, dot in words):
            continue
        long = [w for w, _ in words if len(w) > 1]
        if long and not any(fits(w) for w in long):
            return False
    return True


def fold_key(word: str) -> str:
    return _norm_ref(_unaccented(word))


def _combining_marks() -> re.Pattern[str]:
    """Every combining character (`unicodedata.combining` non-zero) as one class: the
    same characters a per-character test drops, at C speed (a corpus read unaccented
    55 million characters one Python call at a time, half a minute)."""
    marks = [c for c in range(0x110000) if unicodedata.combining(chr(c))]
    ranges: list[str] = []
    start = prev = marks[0]
    for c in [*marks[1:], -1]:
        if c != prev + 1:
            ranges.append(f"\\U{start:08x}" + (f"-\\U{prev:08x}" if prev > start else ""))
            start = c
        prev = c
    return re.compile("[" + "".join(ranges) + "]")


_COMBINING = _combining_marks()


def _unaccented(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", _COMBINING.sub("", decomposed))


def _norm_ref(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _work_key(citation: etree._Element | None, ref: dict[str, Any]) -> str | None:
    """Authors' surnames, year and title from the structured fields, folded.

    Two entries with the same key are one work listed twice even when the text
    differs in capitals, accents, punctuation or an author's initials ("Park IM,
    Pillow JW (2011) Bayesian spike-triggered covariance analysis" and "... Bayesian
    Spike-Triggered Covariance Analysis"). None when a part is missing: no
    duplicate is claimed from the text alone beyond exact equality.
    """
    if citation is None or not ref["names"] or not ref["year"]:
        return None
    title = _field(citation, "article-title") or _field(citation, "chapter-title")
    title = title or _field(citation, "source")
    if len(fold(title)) < 12:
        return None
    surnames = "|".join(fold(n) for n in ref["names"])
    # Two parts of one article series share authors, year and title, not pages.
    return f"{surnames}#{ref['year']}#{fold(title)}#{fold(_field(citation, 'fpage'))}"


def _duplicates(refs: list[dict[str, Any]], work_keys: list[str | None]) -> list[list[int]]:
    seen: dict[str, int] = {}
    out = []
    for i, ref in enumerate(refs):
        keys = [_norm_ref(ref["text"])]
        if work_keys[i]:
            keys.append(work_keys[i] or "")
        m = re.search(r"10\.\d{4,9}/\S+", ref["text"])
        if m:
            keys.append(m.group(0).rstrip(".").lower())
        for key in keys:
            if key in seen:
                out.append([seen[key], i])
                break
        for key in keys:
            seen.setdefault(key, i)
    return out


def _cited_years(paras: list[dict[str, Any]], refs: list[dict[str, Any]]) -> list[int]:
    """Entries an author-year citation gives another year than the list does."""
    out: set[int] = set()
    for para in paras:
        for s, e, targets, _sup in para["cit"]:
            if len(targets) != 1:
                continue
            ref = refs[targets[0]]
            years = [m.group(1) + m.group(2) for m in _YEAR.finditer(para["t"][s:e])]
            # An entry printed without any year differs from a citation giving one.
            if not years or (ref["year"] and ref["year"][:4] in [y[:4] for y in years]):
                continue
            # Only a citation naming its entry's author differs in year from it; an
            # xref whose text names another author links another work (the kitchen-
            # sink fixture's "Stone and Lisberger, 1990" -> Hall 2012), which the
            # missing truth judges. The name may stand before a year-only xref.
            named = fold(para["t"][max(0, s - 80) : e])
            head = re.match(r"\W*(\w+)", ref["text"])
            own = [*ref["names"], ref["first"], head.group(1) if head else ""]
            if any(len(fold(n)) >= 2 and fold(n) in named for n in own):
                out.add(targets[0])
    return sorted(out)


def translations(data: bytes) -> list[str]:
    """Languages of the translations published inside the article (SciELO prints the
    whole article again in each), whose body cites the main reference list."""
    root = parse_xml(data)
    out = []
    for sub in root.iter("sub-article"):
        if sub.get("article-type") == "translation" and sub.find("body") is not None:
            lang = (sub.get(XML_LANG) or "").lower()[:2]
            if lang and any(x.get("ref-type") == "bibr" for x in sub.iter("xref")):
                out.append(lang)
    return out


def article_title(article: etree._Element) -> str:
    """The title of an article or of a translation inside it (a sub-article).

    Read from the element's own front matter (a translation's is a front-stub, with no
    article-meta), never from an entry's article-title further down.
    """
    for path in ("front/article-meta", "front-stub", "front", ".//article-meta"):
        found = article.find(f"{path}//article-title")
        if found is not None:
            return clean("".join(found.itertext()))
    return ""


def _translation(root: etree._Element, language: str) -> etree._Element | None:
    """The article's published translation into `language` (a sub-article), if any."""
    return next(
        (
            s
            for s in root.iter("sub-article")
            if s.get("article-type") == "translation"
            and (s.get(XML_LANG) or "").lower()[:2] == language
        ),
        None,
    )


def translated_title(data: bytes, translation: str) -> str:
    """The title of the article's published translation into `translation`, or ""."""
    sub = _translation(parse_xml(data), translation)
    return article_title(sub) if sub is not None else ""


_PLACEHOLDER_LABEL = re.compile(r"^\W*(\d{1,4})\W*$")
_SUB_LABEL = re.compile(r"^\W*(\d{1,4})[a-z]\W*$")


def sub_labelled(
    placeholders: dict[str, tuple[str, int]], refs: list[dict[str, Any]]
) -> dict[str, list[int]]:
    """What each placeholder reference stands for: the refs labelled N plus a letter
    that follow it.

    Wiley's XML puts an empty reference labelled "1" (a no-break space for its text)
    before the refs labelled 1a, 1b, 1c, and the text's "[1]" links to the empty one,
    as the publisher's page links it to all of 1a-1c. Dropped with its empty text, the
    link cited nothing: the truth said "[1]" cited no entry and 1b, 1c were uncited.
    """
    out: dict[str, list[int]] = {}
    for rid, (number, start) in placeholders.items():
        run: list[int] = []
        for i in range(start, len(refs)):
            m = _SUB_LABEL.match(refs[i]["label"] or "")
            if m is None or m.group(1) != number:
                break
            run.append(i)
        if run:
            out[rid] = run
    return out


def article_record(
    data: bytes, source: dict[str, str], translation: str | None = None
) -> dict[str, Any] | None:
    """The bench's record of one JATS article, or None when it is unusable.

    Unusable: no body, no reference list, fewer than three entries, or no linked
    citation (the ground truth would be empty). With `translation` (a language code),
    the record is of the article's published translation into that language: its body
    and title, with the main article's reference list when it has none of its own.
    """
    root = parse_xml(data)
    if local(root.tag) != "article":
        found = next((e for e in root.iter() if local(e.tag) == "article"), None)
        if found is None:
            return None
        root = found
    body = root.find("body")
    back = root.find("back")
    # The element whose title the record takes: the article, or its translation.
    titled: etree._Element = root
    if translation is not None:
        sub = _translation(root, translation)
        if sub is None:
            return None
        titled = sub
        body = sub.find("body")
        if sub.find("back") is not None and list(sub.find("back").iter("ref")):  # type: ignore[union-attr]
            back = sub.find("back")
    if body is None or back is None:
        return None
    ref_elements = [r for rl in back.iter("ref-list") for r in rl if local(r.tag) == "ref"]
    if len(ref_elements) < 3:
        return None
    publisher = _publisher(root)
    # The numeric/author-year guess for rendering structured entries: labels say numeric.
    labels = [clean(r.findtext("label") or "") for r in ref_elements]
    numeric = sum(1 for lab in labels if lab) > len(labels) / 2
    style = _house_style(publisher, numeric)
    refs: list[dict[str, Any]] = []
    work_keys: list[str | None] = []
    ref_index: dict[str, int] = {}
    placeholders: dict[str, tuple[str, int]] = {}  # id -> (its number, refs before it)
    for element, label in zip(ref_elements, labels, strict=True):
        text, citation = reference_text(element, style)
        if not text:
            number = _PLACEHOLDER_LABEL.match(label)
            if number and element.get("id"):
                placeholders[element.get("id") or ""] = (number.group(1), len(refs))
            continue
        rid = element.get("id") or f"ref{len(refs) + 1}"
        ref_index[rid] = len(refs)
        # An id on the citation element itself is also a target some publishers use.
        for inner in element.iter():
            if inner.get("id") and inner is not element:
                ref_index.setdefault(inner.get("id") or "", len(refs))
        names = [n for n, _ in _authors(citation)] if citation is not None else []
        refs.append(
            {
                "id": rid,
                "label": label,
                "text": text,
                "year": _year(citation, text),
                "first": _first_family(citation, text),
                "names": [n for n in names if n != "et al."][:12],
            }
        )
        work_keys.append(_work_key(citation, refs[-1]))
    walker = _Walker(ref_index, sub_labelled(placeholders, refs))
    title = article_title(titled)
    walker.block(body, 0)
    for element in back:
        if local(element.tag) in ("ack", "app-group"):
            walker.block(element, 0)
    paras = [p for p in walker.paras if p["t"]]
    if not any(p["cit"] for p in paras):
        return None
    for para in paras:
        _tidy_numeric(para)
    expand_ranges(paras, refs, numeric or classify_style(paras, refs).startswith("numeric"))
    cited = {t for p in paras for c in p["cit"] for t in c[2]}
    unlinked = plain_text_cited(paras, refs, cited)
    for i, ref in enumerate(refs):
        ref["cited"] = i in cited
        ref["unlinked"] = i in unlinked
    lang = translation or (root.get(XML_LANG) or "en").lower()[:2]
    record = {
        "id": source.get("id", ""),
        "doi": _doi(root),
        "title": title,
        "publisher": publisher,
        "journal": _journal(root),
        "language": lang,
        "licence": licence_of(root),
        "style": classify_style(paras, refs),
        "numbered_list": numeric,
        "heading": HEADINGS.get(lang, "References"),
        "source": source,
        "broken_xrefs": walker.broken_xrefs,
        "paras": paras,
        "refs": refs,
        "uncited_truth": [i for i in range(len(refs)) if i not in cited and i not in unlinked],
        "year_mismatch": _cited_years(paras, refs),
        "duplicates": _duplicates(refs, work_keys),
    }
    if title:
        record["paras"] = [{"h": 1, "t": title, "sup": [], "cit": []}, *paras]
    author_year = record["style"] in ("author-year", "abnt")
    record["missing_truth"] = cited_works(record["paras"], refs, author_year)
    # REAL_MANUSCRIPTS_TRUTH20.md: an entry a citation names by its whole author team
    # under another year is cited with a year slip, not uncited; one work listed twice
    # with a slip in its title is a duplicate (real_articles._current_truth does the same).
    slipped = {t for it in record["missing_truth"] if it.get("team") for t in it["near"]}
    record["uncited_truth"] = [i for i in record["uncited_truth"] if i not in slipped]
    known = {t for pair in record["duplicates"] for t in pair}
    record["duplicates"] += [p for p in same_work_listed_twice(refs) if not set(p) <= known]
    return record


_ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x)$")


def same_work_listed_twice(refs: list[dict[str, Any]]) -> list[list[int]]:
    """Pairs of entries that are one work listed twice, read from the printed entries.

    The XML gives each listing its own id, so the build's duplicates (exact text, DOI,
    or structured authors + year + title + first page) miss a work listed twice with
    a slip in its title ("... to interferon-gamma" / "... to IFN-gamma", "changes in
    the distribution" / "in the spatial distribution"). An editor calls these one work:
    the same authors (every surname, in order) and year, texts that differ only a
    little once folded and stripped of numbers (ratio >= 90), and no number or part
    ("I", "II") in one that the other lacks -- two parts of one series, two datasets,
    two page ranges of one volume are distinct works -- nor a bracketed part one has and
    the other not ("Vaccines for preventing malaria (SPf66)" / "(blood-stage)": two
    reviews).
    """
    from rapidfuzz import fuzz

    def parts(ref: dict[str, Any]) -> tuple[str, set[str], set[str]]:
        text = _unaccented(ref["text"]).lower()
        return (
            _norm_ref(re.sub(r"https?://\S+|doi\S*|(?<![^\W\d_])\d+(?![^\W\d_])", " ", text)),
            set(re.findall(r"\d+", text)),
            {w for w in re.findall(r"[^\W\d_]+", text) if _ROMAN.match(w)}
            | {_norm_ref(b) for b in re.findall(r"\(([^()]*[^\W\d_][^()]*)\)", text)},
        )

    out: list[list[int]] = []
    keyed: dict[tuple[str, ...], list[int]] = {}
    for i, ref in enumerate(refs):
        if ref.get("names") and ref.get("year"):
            key = (*(fold_key(n) for n in ref["names"]), ref["year"])
            keyed.setdefault(key, []).append(i)
    for group in keyed.values():
        for a, b in itertools.combinations(group, 2):
            (ta, na, ra), (tb, nb, rb) = parts(refs[a]), parts(refs[b])
            if ra != rb or not (na <= nb or nb <= na):
                continue
            if fuzz.ratio(ta, tb) >= 90:
                out.append([a, b])
    return out
