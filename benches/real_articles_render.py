"""A corpus record rendered as the manuscript an editor receives: Markdown, text, DOCX.

Every rendering is deterministic (same record, same bytes apart from DOCX zip times,
which the reader ignores), so figures are comparable run to run.

How the publisher's citations are written:
- In-text citations keep the publisher's own text ("(Smith et al., 2019)", "[3]",
  "[5]–[9]"); superscript numbers are ``^3^`` in Markdown (Pandoc's superscript, what
  Word-to-Markdown converters emit), Unicode superscript digits in plain text (what
  copying from Word or a PDF gives), and real superscript runs in DOCX.
- The reference list follows a heading in the article's language ("References",
  "Referências", "Referencias"); numbered lists keep their numbers ("1. Smith J ...").
- DOCX, like Word with Zotero: each citation cluster is a Zotero ``ADDIN
  ZOTERO_ITEM`` field whose result is the printed citation, and the list is one
  ``ADDIN ZOTERO_BIBL`` field of "Bibliography"-style paragraphs.

Perturbation (`perturb`) makes positives the published article lacks: one cited
entry is taken out of the list (its citations become missing-reference) and every
citation of another entry is taken out of the text (that entry becomes uncited).
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
import re
from pathlib import Path
from typing import Any

SUPERSCRIPT = str.maketrans("0123456789-–+()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻⁺⁽⁾")
_SUPERSCRIPTABLE = re.compile(r"^[0-9,\-–+() ]+$")


def para_key(text: str) -> str:
    """What a paragraph is found by in the reader's lines: its letters only.

    Readers strip or keep markup (``^3^``, superscript digits, list numbers) as they
    like; the letters survive all of that.
    """
    return "".join(ch for ch in text.lower() if ch.isalpha())


def _label(label: str) -> str:
    label = label.strip()
    if re.fullmatch(r"\d+", label):
        return f"{label}. "
    if re.fullmatch(r"\d+\.", label) or re.fullmatch(r"\[\d+\]", label):
        return f"{label} "
    return f"{label} " if label else ""


def ref_line(record: dict[str, Any], ref: dict[str, Any], position: int) -> str:
    """One list entry as written in the manuscript (numbered lists keep their numbers)."""
    # A list cited by number is numbered even when the XML's entries carry no label
    # (the journal's page numbers them); an entry keeps its original number when the
    # perturbation removed one before it, as a labelled list keeps its labels.
    numbered = record.get("numbered_list") or str(record.get("style", "")).startswith("numeric")
    if not numbered:
        return ref["text"]
    number = ref.get("orig", position - 1) + 1
    label = _label(ref["label"]) if ref["label"] else f"{number}. "
    # Some publishers' mixed-citation text already starts with the number.
    if re.match(rf"^\[?{re.escape(label.strip(' .[]'))}[\].]?\s", ref["text"]):
        return ref["text"]
    return label + ref["text"]


def _pieces(para: dict[str, Any]) -> list[tuple[str, bool]]:
    """The paragraph as (text, superscript) runs."""
    text = para["t"]
    out: list[tuple[str, bool]] = []
    pos = 0
    for s, e in sorted((sp[0], sp[1]) for sp in para["sup"]):
        if s < pos:
            continue
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < len(text):
        out.append((text[pos:], False))
    return out


_BARE_NUMBER = re.compile(r"\d{1,4}")


def as_printed(para: dict[str, Any]) -> dict[str, Any]:
    """The paragraph with a comma between two numeric citations that touch, as printed.

    Nature's JATS writes a superscript group as bare xrefs with nothing between them
    (``<sup><xref>2</xref><xref>3</xref></sup>``); its pages print the commas ("2,3").
    Written as the XML has it, ``^23^`` is citation 23 to any reader, and a Word or
    Markdown manuscript never reads so. Superscript and citation spans move with the
    text; nothing else changes (the truth is the XML's, and letters are untouched).
    """
    text = para["t"]
    cits = sorted(para["cit"])
    at = [
        a[1]
        for a, b in itertools.pairwise(cits)
        if a[1] == b[0]
        and _BARE_NUMBER.fullmatch(text[a[0] : a[1]])
        and _BARE_NUMBER.fullmatch(text[b[0] : b[1]])
    ]
    if not at:
        return para

    def moved(pos: int, end: bool) -> int:
        # an end at an insertion point stays before the comma, a start goes after it
        return pos + sum(1 for p in at if p < pos or (p == pos and not end))

    pieces = [text[a:b] for a, b in zip([0, *at], [*at, len(text)], strict=True)]
    commas = {moved(p, True) for p in at}
    sup: list[list[int]] = []
    for sp in sorted([moved(sp[0], False), moved(sp[1], True)] for sp in para["sup"]):
        if sup and sup[-1][1] in commas and sp[0] == sup[-1][1] + 1:
            sup[-1][1] = sp[1]  # one superscript run, the comma inside it
        else:
            sup.append(sp)
    return {
        **para,
        "t": ",".join(pieces),
        "sup": sup,
        "cit": [[moved(c[0], False), moved(c[1], True), *c[2:]] for c in para["cit"]],
    }


def inline(para: dict[str, Any], fmt: str) -> str:
    parts = []
    for chunk, sup in _pieces(as_printed(para)):
        if not sup:
            parts.append(chunk)
        elif fmt == "md":
            parts.append(f"^{chunk.replace(' ', '')}^")
        elif _SUPERSCRIPTABLE.match(chunk):
            parts.append(chunk.replace(" ", "").translate(SUPERSCRIPT))
        else:
            parts.append(chunk)
    return "".join(parts)


def render_text(record: dict[str, Any], fmt: str) -> str:
    """Markdown ("md") or plain text ("txt") of the whole manuscript."""
    blocks = []
    for para in record["paras"]:
        text = inline(para, fmt)
        if para["h"] and fmt == "md":
            blocks.append("#" * para["h"] + " " + text)
        else:
            blocks.append(text)
    blocks.append(("## " if fmt == "md" else "") + record["heading"])
    for position, ref in enumerate(record["refs"], start=1):
        line = ref_line(record, ref, position)
        blocks.append(line)
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------- DOCX


def _clusters(para: dict[str, Any]) -> list[tuple[int, int, list[int]]]:
    """Citation clusters as a reference manager inserts them: brackets included.

    Citations joined by ";", "," or a dash, inside one pair of brackets (or one
    superscript run), are one field.
    """
    text = para["t"]
    out: list[tuple[int, int, list[int]]] = []
    for s, e, targets, _sup in sorted(para["cit"]):
        if out and re.fullmatch(r"\s*[;,–\-]\s*", text[out[-1][1] : s]):
            prev = out.pop()
            out.append((prev[0], e, prev[2] + list(targets)))
        else:
            out.append((s, e, list(targets)))
    widened = []
    for s, e, targets in out:
        if s > 0 and e < len(text) and text[s - 1] + text[e] in ("()", "[]"):
            s, e = s - 1, e + 1
        widened.append((s, e, targets))
    return widened


def _fld_char(paragraph: Any, kind: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    run._r.append(el)


def _instr(paragraph: Any, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    run._r.append(instr)


def _field_runs(paragraph: Any, instruction: str, result: str, sup: bool) -> None:
    """A complex field: begin, instruction, separate, the shown result, end."""
    _fld_char(paragraph, "begin")
    _instr(paragraph, instruction)
    _fld_char(paragraph, "separate")
    shown = paragraph.add_run(result)
    shown.font.superscript = sup
    _fld_char(paragraph, "end")


def _item_data(ref: dict[str, Any], item_id: int) -> dict[str, Any]:
    """The work as Zotero stores it in the field (CSL-JSON, the csl-citation.json
    schema): its authors' family names and its year, from the publisher's XML.

    The corpus keeps no structured title or DOI, so the item has none -- a field with
    the entry's opening text as its "title" (as written before) was no Zotero shape,
    and let a reader link every work by that text alone.
    """
    data: dict[str, Any] = {"id": item_id, "type": "article-journal"}
    names = [n for n in ref.get("names") or [] if n]
    if names:
        data["author"] = [{"family": n} for n in names]
    year = re.match(r"\d{4}", str(ref.get("year") or ""))
    if year:
        data["issued"] = {"date-parts": [[int(year.group(0))]]}
    return data


def _zotero_instruction(record: dict[str, Any], targets: list[int], shown: str) -> str:
    items = []
    for t in targets:
        ref = record["refs_by_index"].get(t)
        if ref is None:
            continue
        items.append(
            {
                "id": t + 1,
                "uris": [f"http://zotero.org/users/local/bench/items/{ref['id']}"],
                "itemData": _item_data(ref, t + 1),
            }
        )
    digest = hashlib.sha1(shown.encode()).hexdigest()[:8]
    data = {
        "citationID": digest,
        "properties": {"formattedCitation": shown, "plainCitation": shown, "noteIndex": 0},
        "citationItems": items,
        "schema": "https://github.com/citation-style-language/schema/raw/master/csl-citation.json",
    }
    return " ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps(data, ensure_ascii=False) + " "


def _add_plain(paragraph: Any, text: str, sups: list[tuple[int, int]], a: int, b: int) -> None:
    """text[a:b] as runs, superscript where the publisher printed it so."""
    cursor = a
    for s, e in sups:
        if e <= cursor or s >= b:
            continue
        if s > cursor:
            paragraph.add_run(text[cursor:s])
        run = paragraph.add_run(text[max(s, cursor) : min(e, b)])
        run.font.superscript = True
        cursor = min(e, b)
    if cursor < b:
        paragraph.add_run(text[cursor:b])


def render_docx(record: dict[str, Any], path: Path, fields: bool = True) -> None:
    """The manuscript as Word with Zotero writes it (fields off: plain runs)."""
    import docx

    record = dict(record)
    record["refs_by_index"] = {r.get("orig", i): r for i, r in enumerate(record["refs"])}
    if record.get("removed_ref") is not None:
        # an entry deleted from the list by hand: Zotero's fields still name the work
        record["refs_by_index"][record["removed_entry"]] = record["removed_ref"]
    document = docx.Document()
    for para in record["paras"]:
        if para["h"]:
            document.add_heading(para["t"], level=min(para["h"], 9))
            continue
        paragraph = document.add_paragraph()
        clusters = _clusters(para) if fields else []
        pos = 0
        text = para["t"]
        sup_spans = [(s[0], s[1]) for s in para["sup"]]

        for s, e, targets in clusters:
            _add_plain(paragraph, text, sup_spans, pos, s)
            shown = text[s:e]
            sup = any(ss <= s < se for ss, se in sup_spans)
            _field_runs(paragraph, _zotero_instruction(record, targets, shown), shown, sup)
            pos = e
        _add_plain(paragraph, text, sup_spans, pos, len(text))
    document.add_heading(record["heading"], level=1)
    styles = [s.name for s in document.styles]
    style = "Bibliography" if "Bibliography" in styles else None
    refs = record["refs"]
    for position, ref in enumerate(refs, start=1):
        paragraph = document.add_paragraph(style=style)
        if fields and position == 1:
            # Zotero's bibliography is one field spanning every entry's paragraph.
            _fld_char(paragraph, "begin")
            _instr(
                paragraph,
                ' ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY ',
            )
            _fld_char(paragraph, "separate")
        paragraph.add_run(ref_line(record, ref, position))
        if fields and position == len(refs):
            _fld_char(paragraph, "end")
    document.save(str(path))


# ---------------------------------------------------------------- perturbation


def _pick(candidates: list[int], seed: str) -> int | None:
    if not candidates:
        return None
    digest = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    return candidates[digest % len(candidates)]


def _cut(para: dict[str, Any], cit: list[Any]) -> None:
    """Removes one citation from the text with its separator and, if left empty, its brackets."""
    from real_articles_jats import _delete

    text = para["t"]
    s, e = cit[0], cit[1]
    after = re.match(r"\s*[;,]\s*", text[e:])
    before = re.search(r"[;,]\s*$", text[:s])
    if after and e + after.end() < len(text) and text[e + after.end()] not in ")]":
        e += after.end()
    elif before:
        s -= len(before.group(0))
    # Empty brackets left behind go too, with the space before them.
    if s > 0 and e < len(text) and text[s - 1] + text[e] in ("()", "[]"):
        s, e = s - 1, e + 1
        if s > 0 and text[s - 1] == " ":
            s -= 1
    elif s > 0 and text[s - 1] == " " and (e >= len(text) or text[e] in " .,;:"):
        s -= 1
    para["cit"] = [c for c in para["cit"] if c is not cit]
    para["sup"] = [sp for sp in para["sup"] if not (s <= sp[0] and sp[1] <= e)]
    _delete(para, [(s, e)])


def perturb(record: dict[str, Any]) -> dict[str, Any] | None:
    """A copy with one entry dropped from the list and another's citations dropped from
    the text; None when the article has too few single-target citations for that.

    Adds "removed_entry" (its citations are the missing-reference positives) and
    "uncited_entry" (now uncited); entries keep their original index in "orig".
    """
    rec = copy.deepcopy(record)
    spans: dict[int, list[tuple[int, list[Any]]]] = {}
    multi: set[int] = set()
    for pi, para in enumerate(rec["paras"]):
        for cit in para["cit"]:
            for t in cit[2]:
                spans.setdefault(t, []).append((pi, cit))
            if len(cit[2]) > 1:
                multi.update(cit[2])
    # Range ends ("[5]–[9]") carry the entries between; leave ranges alone.
    for para in rec["paras"]:
        for a, b in zip(para["cit"], para["cit"][1:], strict=False):
            if re.fullmatch(r"\s*[–\-]\s*", para["t"][a[1] : b[0]]):
                multi.update(a[2])
                multi.update(b[2])
    single = sorted(t for t in spans if t not in multi and not rec["refs"][t]["unlinked"])
    if len(single) < 2:
        return None
    removed = _pick(single, rec["id"] + "/removed")
    uncited = _pick([t for t in single if t != removed], rec["id"] + "/uncited")
    if removed is None or uncited is None:
        return None
    # Cutting moves the later spans (new lists), so each cut looks its citation up again.
    for pi in sorted({pi for pi, _ in spans[uncited]}):
        para = rec["paras"][pi]
        while True:
            cit = next((c for c in para["cit"] if uncited in c[2]), None)
            if cit is None:
                break
            _cut(para, cit)
    for i, ref in enumerate(rec["refs"]):
        ref["orig"] = i
    rec["refs"] = [r for r in rec["refs"] if r["orig"] != removed]
    rec["removed_entry"] = removed
    rec["uncited_entry"] = uncited
    rec["uncited_truth"] = sorted({*rec["uncited_truth"], uncited})
    return rec


# ---------------------------------------------------------------- converted Markdown

# "md-conv": the manuscript as an editor receives it after a converter (pandoc,
# markitdown, mammoth, html2text) turned the journal's HTML page, a PDF or a Word file
# into Markdown. Each article gets its own mix of the artifacts those tools leave,
# chosen by a generator seeded with its id (the perturbed copy shares the published
# one's mix), so a run is deterministic. The letters of every paragraph are kept, in
# order (the bench finds a finding's paragraph by them), apart from link targets and
# entities, which the bench's key for this format drops.

NBSP = "\u00a0"
SHY = "\u00ad"
ZW = ("\u200b", "\u200c", "\u2060", "\ufeff")

_REF_HEADINGS = {
    "en": ("References", "REFERENCES", "Reference List", "Bibliography", "Literature Cited"),
    "pt": (
        "Referências",
        "REFERÊNCIAS",
        "Referências Bibliográficas",
        "REFERÊNCIAS BIBLIOGRÁFICAS",
    ),
    "es": ("Referencias", "REFERENCIAS", "Referencias bibliográficas", "Bibliografía"),
    "id": ("Daftar Pustaka", "DAFTAR PUSTAKA", "REFERENSI"),
}


class ConvProfile:
    """One article's converter artifacts (which tool, which habits)."""

    def __init__(self, record: dict[str, Any]) -> None:
        import random

        seed = int(hashlib.sha256(("md-conv/" + record["id"]).encode()).hexdigest(), 16)
        rng = random.Random(seed)
        self.rng_seed = seed
        p = rng.random
        self.width = rng.randint(72, 80) if p() < 0.75 else 0  # 0: no hard wrap
        self.wrap_indent = p() < 0.6  # list continuation lines indented
        self.hyphenate = self.width and p() < 0.35  # PDF line-end hyphens
        self.soft_hyphens = p() < 0.2
        self.zero_width = p() < 0.3
        self.nbsp = p() < 0.5
        self.curly = p() < 0.5
        self.emph_etal = p() < 0.5
        self.bold_cit_year = p() < 0.1
        self.links = rng.choice(("none", "none", "span", "bracket"))
        self.anchor = rng.choice(("#ref-", "#B", "#CR", "#bib"))
        self.esc_brackets = p() < 0.5
        self.esc_marks = p() < 0.6  # \_ \*
        self.amp = rng.choice(("&", "&amp;", "\\&"))
        self.sup = rng.choice(("^", "^", "<sup>"))
        self.body_heading = rng.choice(("plain", "bold", "caps", "bold-para"))
        self.ref_heading = rng.choice(("plain", "bold-numbered", "bold-para", "caps", "variant"))
        self.list_style = rng.choice(("para", "bullet", "numbered", "hardbreak"))
        self.escape_number = p() < 0.5  # "1\." for a numbered entry written as text
        self.entry_journal = p() < 0.6  # *Journal*
        self.entry_year = p() < 0.15  # **2019**
        self.urls = rng.choice(("plain", "angle", "link"))
        self.footnotes = p() < 0.3
        self.crlf = p() < 0.05
        self.rng = rng


_ET_AL = re.compile("\\bet[ \u00a0]al\\.?")
_WORD = re.compile(r"[^\W\d_]{9,}")
_URL = re.compile(r"(?:https?://|doi:\s?|www\.)[^\s<>]+[^\s<>.,;)]")


def _plain(text: str, prof: ConvProfile, in_entry: bool = False) -> str:
    """Text a converter wrote as text: its quotes, escapes, spaces and invisible marks."""
    rng = prof.rng
    if prof.curly:
        out = []
        opened = False
        for i, ch in enumerate(text):
            if ch == '"':
                out.append("\u201d" if opened else "\u201c")
                opened = not opened
            elif ch == "'" and 0 < i < len(text) - 1 and text[i - 1].isalpha():
                out.append("\u2019")
            else:
                out.append(ch)
        text = "".join(out)
    if prof.esc_marks:
        text = text.replace("\\", "\\\\").replace("_", "\\_").replace("*", "\\*")
    if prof.esc_brackets:
        text = text.replace("[", "\\[").replace("]", "\\]")
    if prof.amp != "&":
        text = text.replace("&", prof.amp)
    if prof.soft_hyphens:
        text = _WORD.sub(
            lambda m: m.group(0)[:4] + SHY + m.group(0)[4:] if rng.random() < 0.3 else m.group(0),
            text,
        )
    if prof.zero_width and text:
        chars = list(text)
        for _ in range(max(1, len(chars) // 400)):
            at = rng.randrange(len(chars))
            if chars[at] == " ":
                chars[at] = " " + rng.choice(ZW)
            elif chars[at].isalpha() and rng.random() < 0.3:
                chars[at] = chars[at] + rng.choice(ZW)
        text = "".join(chars)
    return text


def _url(url: str, prof: ConvProfile) -> str:
    if prof.urls == "angle" and url.startswith("http"):
        return f"<{url}>"
    if prof.urls == "link" and url.startswith("http"):
        return f"[{url.replace('_', chr(92) + '_') if prof.esc_marks else url}]({url})"
    return url.replace("_", "\\_") if prof.esc_marks else url


def _emph(text: str, prof: ConvProfile) -> str:
    """Plain text with its et al. in italics and URLs as the tool links them."""
    out = []
    pos = 0
    marks = []
    if prof.emph_etal:
        marks += [(m.start(), m.end(), "*" + m.group(0) + "*") for m in _ET_AL.finditer(text)]
    for m in _URL.finditer(text):
        marks.append((m.start(), m.end(), _url(m.group(0), prof)))
    for s, e, repl in sorted(marks):
        if s < pos:
            continue
        out.append(_plain(text[pos:s], prof))
        out.append(repl)
        pos = e
    out.append(_plain(text[pos:], prof))
    return "".join(out)


def _nbsp(text: str, prof: ConvProfile) -> str:
    if not prof.nbsp:
        return text
    text = re.sub(r"\bet al", "et" + NBSP + "al", text)
    text = re.sub(r"\b(p|pp)\. (?=\d)", lambda m: m.group(1) + "." + NBSP, text)
    return re.sub(r"(?<=[A-Z]\.) (?=[A-Z][a-z])", NBSP, text)


def _conv_inline(para: dict[str, Any], prof: ConvProfile, ref_numbers: dict[int, str]) -> str:
    """A body paragraph with its citations linked, emphasised and escaped as a tool
    writes them."""
    p = as_printed(para)
    text = p["t"]
    sups = sorted((s[0], s[1]) for s in p["sup"])
    links: list[tuple[int, int, int]] = []
    if prof.links != "none":
        for s, e, targets, *_ in sorted(p["cit"]):
            if not targets or (links and s < links[-1][1]):
                continue
            if (
                prof.links == "bracket"
                and s > 0
                and e < len(text)
                and text[s - 1] + text[e] in ("()", "[]")
            ):
                s, e = s - 1, e + 1
            # a link never crosses a superscript run's edge
            if any(a < s < b < e or s < a < e < b for a, b in sups):
                continue
            links.append((s, e, targets[0]))
    cuts = sorted(
        {0, len(text), *(x for sp in sups for x in sp), *(x for lk in links for x in lk[:2])}
    )
    out: list[str] = []
    sup_open = "^" if prof.sup == "^" else "<sup>"
    sup_close = "^" if prof.sup == "^" else "</sup>"
    cit_spans = [(c[0], c[1]) for c in p["cit"]]
    for a, b in itertools.pairwise(cuts):
        for s, _e in sups:
            if s == a:
                out.append(sup_open)
        for s, _e, _t in links:
            if s == a:
                out.append("[")
        chunk = text[a:b]
        in_sup = any(s <= a < e for s, e in sups)
        if in_sup and prof.sup == "^":
            chunk = chunk.replace(" ", "")
        in_cit = any(s <= a < e for s, e in cit_spans)
        if in_cit and prof.bold_cit_year:
            pieces = re.split(r"(\b(?:1[5-9]|20)\d\d[a-z]?\b)", chunk)
            chunk = "".join(
                "**" + piece + "**" if i % 2 else _emph(_nbsp(piece, prof), prof)
                for i, piece in enumerate(pieces)
            )
        else:
            chunk = _emph(_nbsp(chunk, prof), prof)
        out.append(chunk)
        for _s, e, t in reversed(links):
            if e == b:
                out.append(f"]({prof.anchor}{ref_numbers.get(t, str(t + 1))})")
        for _s, e in sups:
            if e == b:
                out.append(sup_close)
    return "".join(out)


def _wrap(text: str, prof: ConvProfile, first: str = "", indent: str = "") -> list[str]:
    """Hard-wrapped lines (the first after `first`, the rest after `indent`)."""
    if not prof.width:
        return [first + text]
    lines: list[str] = []
    line = first
    for word in re.split(r" +", text):
        if not word:
            continue
        room = prof.width - len(line) - 1
        if len(line.strip()) and len(word) > room:
            if (
                prof.hyphenate
                and room > 4
                and re.fullmatch(r"[^\W\d_]{8,}", word)
                and prof.rng.random() < 0.5
            ):
                cut = max(3, min(room - 1, len(word) - 3))
                lines.append(line + " " + word[:cut] + "-")
                line = indent + word[cut:]
                continue
            lines.append(line)
            line = indent + word
        else:
            line = line + (" " if line.strip() else "") + word
    lines.append(line)
    return lines


_VOLUME = re.compile(r"(?<=\. )([A-Z][^.()\d]{3,80}?)(?=,? \d+\s*[(,:])")


def _conv_entry(text: str, prof: ConvProfile) -> str:
    marks: list[tuple[int, int, str]] = []
    if prof.entry_journal:
        m = _VOLUME.search(text)
        if m:
            marks.append((m.start(1), m.end(1), "*" + m.group(1).strip() + "*"))
    if prof.entry_year:
        m = re.search(r"\b(?:1[5-9]|20)\d\d[a-z]?\b", text)
        if m and not any(s <= m.start() < e for s, e, _ in marks):
            marks.append((m.start(), m.end(), "**" + m.group(0) + "**"))
    out = []
    pos = 0
    for s, e, repl in sorted(marks):
        out.append(_emph(text[pos:s], prof))
        out.append(repl)
        pos = e
    out.append(_emph(text[pos:], prof))
    return "".join(out)


def _heading(text: str, level: int, style: str) -> str:
    if style == "bold":
        return "#" * level + " **" + text + "**"
    if style == "caps":
        return "#" * level + " " + text.upper()
    if style == "bold-para":
        return "**" + text + "**"
    return "#" * level + " " + text


def render_conv(record: dict[str, Any]) -> tuple[str, dict[int, int]]:
    """The manuscript as a converter's Markdown, and which paragraph (index in
    record["paras"]) each of its lines (1-based) belongs to."""
    prof = ConvProfile(record)
    rng = prof.rng
    numbered = bool(
        record.get("numbered_list") or str(record.get("style", "")).startswith("numeric")
    )
    ref_numbers = {
        ref.get("orig", i): str(ref.get("orig", i) + 1) for i, ref in enumerate(record["refs"])
    }
    blocks: list[tuple[list[str], int | None]] = []
    notes: list[str] = []
    sections = 0
    for pi, para in enumerate(record["paras"]):
        if para["h"]:
            sections += para["h"] <= 2
            blocks.append(([_heading(para["t"], para["h"], prof.body_heading)], pi))
            continue
        text = _conv_inline(para, prof, ref_numbers)
        if prof.footnotes and len(notes) < 3 and rng.random() < 0.08:
            end = re.search(r"\.(?= [A-Z])", text)
            if end:
                notes.append(f"[^{len(notes) + 1}]")
                text = text[: end.end()] + notes[-1] + text[end.end() :]
        blocks.append((_wrap(text, prof), pi))
    heading = record["heading"]
    names = _REF_HEADINGS.get(record.get("language", "en"), (heading,))
    if prof.ref_heading == "bold-numbered":
        blocks.append(([f"## **{sections + 1}. {heading.upper()}**"], None))
    elif prof.ref_heading == "bold-para":
        blocks.append(([f"**{heading.upper()}**"], None))
    elif prof.ref_heading == "caps":
        blocks.append(([f"# {heading.upper()}"], None))
    elif prof.ref_heading == "variant":
        blocks.append(([f"## {rng.choice(names)}"], None))
    else:
        blocks.append(([f"## {heading}"], None))
    entries: list[list[str]] = []
    for position, ref in enumerate(record["refs"], start=1):
        line = ref_line(record, ref, position)
        label = ""
        if numbered:
            m = re.match(r"(\[\d+\]|\d+\.)\s+", line)
            if m:
                label, line = m.group(1), line[m.end() :]
                if label.endswith(".") and prof.escape_number:
                    label = label[:-1] + "\\."
                elif label.startswith("[") and prof.esc_brackets:
                    label = "\\" + label[:-1] + "\\]"
                label += " "
        body = _conv_entry(line, prof)
        if prof.list_style == "bullet":
            first = "- " + label
        elif prof.list_style == "numbered" and not numbered:
            first = f"{position}. "
        else:
            first = label
        indent = " " * len(first) if prof.wrap_indent and prof.list_style != "para" else ""
        entries.append(_wrap(body, prof, first, indent))
    if prof.list_style == "hardbreak":
        joined: list[str] = []
        for lines in entries:
            if joined:
                joined[-1] += rng.choice(("  ", "\\"))
            joined.extend(lines)
        blocks.append((joined, None))
    elif prof.list_style in ("bullet", "numbered") and rng.random() < 0.5:
        blocks.append(([ln for lines in entries for ln in lines], None))  # a tight list
    else:
        blocks.extend((lines, None) for lines in entries)
    for n, marker in enumerate(notes, start=1):
        blocks.append(
            (
                _wrap(f"See note {n} in the supplementary material.", prof, marker + ": ", "    "),
                None,
            )
        )
    out: list[str] = []
    line_para: dict[int, int] = {}
    for lines, pi in blocks:
        if out:
            out.append("")
        for ln in lines:
            out.append(ln)
            if pi is not None:
                line_para[len(out)] = pi
    newline = "\r\n" if prof.crlf else "\n"
    return newline.join(out) + newline, line_para


_LINK_TARGET = re.compile(r"\]\([^()\s]*\)")
_TAG = re.compile(r"</?sup>")


def conv_key(text: str) -> str:
    """`para_key` of a converted line: link targets, tags and entities dropped."""
    import html

    return para_key(html.unescape(_TAG.sub("", _LINK_TARGET.sub("]", text))))
