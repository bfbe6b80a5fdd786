"""Which citations cite a work not yet accepted: reported as possibly missing only."""

from __future__ import annotations

from citeaudit.model.citation import Citation, CitationKind
from citeaudit.model.publication_status import ends_pending


def cites_pending_work(cit: Citation) -> bool:
    """Whether `cit` cites a work in preparation, submitted or under review.

    Why: "(Lee, in prep.)" and "(Ortiz et al., submitted)" cite works that many
    styles and journals leave out of the reference list (there is nothing to find
    yet); an error for each cried wolf on published articles. Missing-reference
    skips them and possible-missing-reference reports them, one severity lower. "In
    press" and "n.d." are not pending: lists hold those works.
    """
    return cit.kind is CitationKind.AUTHOR_YEAR and cit.year is None and ends_pending(cit.item)
