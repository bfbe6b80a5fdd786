"""Which entries are worth a bibliographic query, and which look like journal works.

Web pages, news articles, reports and other grey literature with only a URL are not
sent to Crossref at all: it does not hold them, and a miss would be no evidence of
anything. Only entries that look like articles, papers or chapters can be reported
as unknown to every registry.
"""

from __future__ import annotations

import re
from enum import StrEnum

from citeaudit.model.reference import Reference

__all__ = ["Genre", "genre"]


class Genre(StrEnum):
    ARTICLE = "article"  # journal article, conference paper, chapter: registries should know it
    SCHOLARLY = "scholarly"  # book, thesis, preprint...: worth a query, a miss proves little
    GREY = "grey"  # web page, news, report, software, dataset: not sent


_ARTICLE_KINDS = {
    "article",
    "article-journal",
    "journal-article",
    "paper-conference",
    "inproceedings",
    "conference",
    "proceedings-article",
    "chapter",
    "incollection",
    "inbook",
    "book-chapter",
}
_SCHOLARLY_KINDS = {
    "book",
    "phdthesis",
    "mastersthesis",
    "thesis",
    "preprint",
    "unpublished",
    "proceedings",
    "collection",
}
_GREY_KINDS = {
    "webpage",
    "online",
    "post",
    "post-weblog",
    "blog",
    "article-newspaper",
    "article-magazine",
    "news",
    "newspaper",
    "report",
    "techreport",
    "software",
    "dataset",
    "data",
    "legislation",
    "legal_case",
    "patent",
    "manual",
    "speech",
    "interview",
    "broadcast",
    "motion_picture",
    "video",
    "misc",
}
_NEWS_HOSTS = re.compile(
    r"(nytimes|theguardian|bbc\.|reuters|washingtonpost|wsj\.com|ft\.com|cnn\.com|"
    r"economist\.com|bloomberg|apnews|lemonde|spiegel|medium\.com|substack|"
    r"twitter\.com|x\.com|youtube|wikipedia|\.gov\b|\.gov/|github\.com)",
    re.IGNORECASE,
)


def genre(ref: Reference) -> Genre:
    kind = (ref.kind or "").lower()
    if kind in _ARTICLE_KINDS:
        if ref.urls and not ref.container and _NEWS_HOSTS.search(" ".join(ref.urls)):
            return Genre.GREY
        return Genre.ARTICLE
    if kind in _SCHOLARLY_KINDS:
        return Genre.SCHOLARLY
    if kind in _GREY_KINDS:
        # "misc" with a journal-like container and volume is an article in disguise.
        if kind == "misc" and ref.container and (ref.volume or ref.pages) and not ref.urls:
            return Genre.ARTICLE
        return Genre.GREY
    # Unknown kind (free-text references): judge by shape.
    if ref.urls and _NEWS_HOSTS.search(" ".join(ref.urls)):
        return Genre.GREY
    if ref.container and (ref.volume or ref.issue or ref.pages):
        return Genre.ARTICLE
    if ref.urls and not ref.container:
        return Genre.GREY
    if ref.title and ref.authors:
        return Genre.SCHOLARLY
    return Genre.GREY
