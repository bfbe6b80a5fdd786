"""An audit's links are stored in batches: a few statements per 500 links, the same rows
as one at a time (a 2,000-link audit took 24 s to store, about five round trips a link)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from citeaudit.audit_data import AuditData, AuditResult
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.tables import AuditLink, Link, LinkCheckRow
from citeaudit.store.views import NewFile

EMPTY = AuditResult(AuditData((), (), (), ()), ())


def _repo(tmp_path: Path) -> tuple[Repository, str, str]:
    engine = make_engine(f"sqlite:///{tmp_path / 'links.db'}")
    upgrade(engine)
    repo = Repository(engine)
    account = repo.account_for_token(repo.create_token("links"))
    assert account is not None
    made = [
        repo.create_audit(account, [NewFile("manuscript", "a.md", "text", b"x")], {})
        for _ in range(2)
    ]
    return repo, made[0], made[1]


def _parse(repo: Repository, audit_id: str, links: list[dict[str, Any]]) -> None:
    repo.begin_parse(audit_id)
    repo.save_offline(audit_id, references=[], citations=[], findings=[], chunks=[], links=links)


def _final(repo: Repository, audit_id: str, links: list[dict[str, Any]]) -> None:
    assert repo.save_final(audit_id, findings=[], resolutions=[], links=links, result=EMPTY)


def _ties(repo: Repository, audit_id: str) -> dict[str, tuple[list[str], bool]]:
    with repo.session() as s:
        rows = s.execute(
            select(Link.url, AuditLink.reference_ids, AuditLink.check_id)
            .join(Link, Link.id == AuditLink.link_id)
            .where(AuditLink.audit_id == audit_id)
        ).all()
    return {url: (list(refs), check is not None) for url, refs, check in rows}


def test_ties_and_checks_are_the_rows_one_at_a_time_made(tmp_path: Path) -> None:
    repo, first, second = _repo(tmp_path)
    shared = "https://example.org/shared"
    _parse(
        repo,
        first,
        [
            {"url": shared, "reference_ids": ["r1"]},
            {"url": "https://example.org/a", "reference_ids": ["r2"]},
            {"url": shared, "reference_ids": ["r3", "r1"]},  # another reference, one link
        ],
    )
    assert _ties(repo, first) == {
        shared: (["r1", "r3"], False),
        "https://example.org/a": (["r2"], False),
    }
    _final(repo, first, [{"url": shared, "outcome": "ok", "status": 200, "reference_ids": ["r4"]}])
    assert _ties(repo, first) == {
        shared: (["r1", "r3", "r4"], True),
        "https://example.org/a": (["r2"], False),  # never checked: still watched
    }
    _parse(repo, second, [{"url": shared, "reference_ids": ["x"]}])
    with repo.session() as s:  # one link row, whoever cites it
        assert s.scalars(select(Link.url)).all().count(shared) == 1
    with repo.session() as s:  # the link's history: the one check, whoever cited it
        history = s.scalars(select(LinkCheckRow.outcome).join(Link).where(Link.url == shared)).all()
    assert history == ["ok"]


def test_storing_2000_links_takes_a_few_statements(tmp_path: Path) -> None:
    repo, first, _ = _repo(tmp_path)
    links = [
        {"url": f"https://example.org/{i}", "reference_ids": [f"r{i}"], "outcome": "ok"}
        for i in range(2000)
    ]
    statements: list[str] = []
    event.listen(repo.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    _parse(repo, first, links)
    parsed = len(statements)
    _final(repo, first, links)
    assert parsed < 40, parsed
    assert len(statements) - parsed < 60, len(statements) - parsed
    assert len(_ties(repo, first)) == 2000 and all(c for _, c in _ties(repo, first).values())
