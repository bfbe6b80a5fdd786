"""fair32: a deleted audit keeps its account's place in flight until its step ends.

Deleting an audit in flight freed its account's place at once, while the audit's step
(a network chunk: up to 480 s) went on in its worker: an account at its limit could
send, delete and send again, and keep more steps at work than its limit allows, with
Celery as with the embedded executor. Now an audit whose step runs is kept, hidden
from its owner and marked `deleting`, and counted in flight until that step ends; the
step's end (or the sweeper, for a step whose worker was killed) removes it.

Counted, not timed: the chunks held at once (a phase that waits for the test's word,
`tests.security.fair32_held_phases`) and what the admission answers.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from citeaudit.service.dispatch import CeleryDispatcher
from citeaudit.service.embedded import InProcessDispatcher
from citeaudit.service.jobs import Jobs
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.quotas import AccountLimits, OverLimit
from citeaudit.store.views import NewFile
from tests.redis_db import redis_db
from tests.redteam.offline_service import offline_settings
from tests.security.fair32_held_phases import count
from tests.service.fake_phases_launcher import use_fake_phases
from tests.service.processes import Proc, base_env, celery_worker, wait_for

SPEC = "tests.security.fair32_held_phases:enrichers"
LIMIT = AccountLimits(max_in_flight=1)
UPLOAD = [NewFile("bibliography", "refs.bib", "text", b"@article{k, doi={10.1000/x1}}\n")]
OPTIONS = {"links": False}  # one resolution chunk, held
LIVENESS = 90.0  # real seconds a wait may take at most (only when the test fails)


def _round(
    repo: Repository, account: int, submit: Callable[[str], None], folder: Path
) -> tuple[object, int]:
    """An audit sent and held in its chunk, deleted, and another asked for: the
    admission's answer and the chunks held once the new one (if any) started."""
    first = repo.create_audit_within(account, UPLOAD, OPTIONS, LIMIT)
    assert isinstance(first, str)
    submit(first)
    wait_for(lambda: count(folder, "started-") >= 1, LIVENESS, "the first chunk to start")
    assert repo.delete_audit(first, account)
    assert repo.get_audit(first, account) is None  # gone for its owner at once
    answer = repo.create_audit_within(account, UPLOAD, OPTIONS, LIMIT)
    if isinstance(answer, str):  # before: admitted while the deleted one's chunk runs
        submit(answer)
        wait_for(lambda: count(folder, "started-") >= 2, LIVENESS, "the second chunk")
    return answer, count(folder, "started-") - count(folder, "ended-")


def _released(repo: Repository, account: int, folder: Path) -> None:
    """The held chunks let go: the deleted audit leaves the account's count."""
    (folder / "release").write_text("")
    wait_for(lambda: repo.in_flight(account) == 0, LIVENESS, "the deleted audit to go")
    again = repo.create_audit_within(account, UPLOAD, OPTIONS, LIMIT)
    assert isinstance(again, str)  # nothing leaked: the place is free again


@pytest.fixture
def redis_url() -> Iterator[str]:
    yield from redis_db(13)


@pytest.mark.services
@pytest.mark.slow
def test_celery_deleted_audit_holds_its_place_while_its_chunk_runs(
    tmp_path: Path, redis_url: str
) -> None:
    folder = tmp_path / "held"
    folder.mkdir()
    database = f"sqlite:///{tmp_path / 'store.db'}"
    engine = make_engine(database)
    upgrade(engine)
    repo = Repository(engine)
    account = repo.account_for_token(repo.create_token("sender"))
    assert account is not None
    env = base_env(
        tmp_path,
        CITEAUDIT_DATABASE_URL=database,
        CITEAUDIT_BROKER_URL=redis_url,
        FAIR32_HOLD_DIR=str(folder),
    )
    launcher = [sys.executable, "-m", "tests.service.fake_phases_launcher", SPEC]
    args = celery_worker("audits,registry,links", "fair32@%h", concurrency=4, launcher=launcher)
    worker = Proc("worker", args, env, tmp_path / "worker.log")
    dispatcher = CeleryDispatcher(redis_url)
    try:
        wait_for(
            lambda: "ready." in worker.output() or worker.popen.poll() is not None,
            60,
            "the worker to start",
        )
        assert worker.popen.poll() is None, worker.output()
        answer, held = _round(repo, account, dispatcher.submit, folder)
        assert isinstance(answer, OverLimit), "admitted while the deleted audit's chunk ran"
        assert held == 1  # before: 2 chunks of an account limited to 1 audit at once
        _released(repo, account, folder)
    finally:
        (folder / "release").write_text("")
        dispatcher.close()
        worker.stop()
        engine.dispose()


def test_embedded_deleted_audit_holds_its_place_while_its_chunk_runs(
    tmp_path: Path,
    migrated_sqlite: Callable[[Path], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "held"
    folder.mkdir()
    monkeypatch.setenv("FAIR32_HOLD_DIR", str(folder))
    use_fake_phases(monkeypatch, SPEC)
    settings = offline_settings(tmp_path, database_url=migrated_sqlite(tmp_path / "t.db"))
    engine = make_engine(settings.database_url)
    upgrade(engine)
    repo = Repository(engine)
    account = repo.account_for_token(repo.create_token("sender"))
    assert account is not None
    dispatcher = InProcessDispatcher(Jobs(repo, settings), 2)
    try:
        answer, held = _round(repo, account, dispatcher.submit, folder)
        assert isinstance(answer, OverLimit), "admitted while the deleted audit's chunk ran"
        assert held == 1  # before: 2 chunks of an account limited to 1 audit at once
        _released(repo, account, folder)
    finally:
        (folder / "release").write_text("")
        dispatcher.close()
        engine.dispose()


def test_embedded_restart_forgets_the_steps_a_stopped_server_left_running(
    tmp_path: Path, migrated_sqlite: Callable[[Path], str]
) -> None:
    """A server stopped mid-step leaves that step noted running; at the next start no
    step runs, so a deletion of the audit then is not kept waiting for it."""
    settings = offline_settings(tmp_path, database_url=migrated_sqlite(tmp_path / "t.db"))
    engine = make_engine(settings.database_url)
    upgrade(engine)
    repo = Repository(engine)
    account = repo.account_for_token(repo.create_token("sender"))
    assert account is not None
    audit_id = repo.create_audit(account, UPLOAD, OPTIONS)
    assert repo.begin_parse(audit_id) is not None
    assert repo.begin_step(audit_id, "parse") == 1  # then the server stopped
    dispatcher = InProcessDispatcher(Jobs(repo, settings), 1)
    try:
        repo.purge_deleted()  # as `InProcessDispatcher.resume` does first
        assert repo.delete_audit(audit_id, account)
        assert repo.in_flight(account) == 0  # gone at once: no step of it runs
    finally:
        dispatcher.close()
        engine.dispose()
