"""The bench's relabelled view (benches/freetext_accuracy.book_as_container) is judged on
the gold tags alone: a container-title with no title and no journal is a book's title
labelled as its container; any entry with a title or a journal is left as labelled."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benches"))

from freetext_accuracy import book_as_container  # type: ignore[import-not-found]


def test_a_book_labelled_as_container() -> None:
    parts = [
        ("author", "Lather, P."),
        ("date", "(1991)."),
        ("container-title", "Getting smart."),
        ("location", "New York:"),
        ("publisher", "Routledge."),
    ]
    assert book_as_container(parts)


def test_a_chapter_or_an_article_stays() -> None:
    chapter = [("author", "A, B."), ("title", "Chapter."), ("container-title", "In Book.")]
    article = [("author", "A, B."), ("journal", "Fictive Review,"), ("volume", "3")]
    empty_title = [("title", ""), ("container-title", "Book.")]
    assert not book_as_container(chapter)
    assert not book_as_container(article)
    assert book_as_container(empty_title)
