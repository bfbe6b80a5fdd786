"""A finished audit is stored typed, read back equal, decoded once, and gone with it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.views import NewFile
from tests.report.test_json_golden import rich_result


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    engine = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    upgrade(engine)
    try:
        yield Repository(engine)
    finally:
        engine.dispose()


def test_a_finished_audit_reads_back_typed_without_its_manuscript_text(repo: Repository) -> None:
    account = repo.account_for_token(repo.create_token("journal"))
    assert account is not None
    audit_id = repo.create_audit(account, [NewFile("manuscript", "paper.md", "text", b"x")], {})
    assert repo.result(audit_id) is None  # not finished
    result = rich_result()
    assert result.data.manuscripts[0].lines  # the text the store leaves in the upload
    assert repo.save_final(audit_id, findings=[], resolutions=[], links=[], result=result)

    stored = repo.result(audit_id)
    bare = tuple(
        dataclasses.replace(d, lines=(), reference_entries=()) for d in result.data.manuscripts
    )
    assert stored == dataclasses.replace(
        result, data=dataclasses.replace(result.data, manuscripts=bare)
    )
    assert repo.result(audit_id) is stored  # decoded once while it is read again

    assert repo.delete_audit(audit_id, account)
    assert repo.result(audit_id) is None
