"""web21: a failed audit's reason never shows the store's SQL or its parameters."""

from __future__ import annotations

from sqlalchemy.exc import DataError

from citeaudit.service.reasons import internal_error


def test_a_database_errors_reason_names_no_statement() -> None:
    exc = DataError(
        "INSERT INTO links (url) VALUES (%(url)s)", {"url": "secret\x00"}, Exception("bad")
    )
    reason = internal_error(exc)
    assert reason.startswith("internal error: DataError")
    assert "INSERT" not in reason and "secret" not in reason and "links" not in reason
