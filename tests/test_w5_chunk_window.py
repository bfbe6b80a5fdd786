"""An audit keeps a few chunk tasks a phase in the queue, not all of them at once.

A service audit's network phases are cut into chunks, each a worker task. All of them
were queued when the files were read: an upload of a few thousand links (twenty of
them from one account: its limit in flight) put up to 100 tasks a phase each (H7's
cap), 4,000 in all, in the FIFO queue ahead of every later audit's, each free to spend
its whole time limit -- other accounts' audits waited hours behind one account's. Now
an audit has at most `CHUNKS_IN_FLIGHT` chunks of a phase queued or running: reading
the files sends the first ones, each chunk that ends sends the one
`CHUNKS_IN_FLIGHT` places after it, and the sweeper's revival sends the first
unfinished ones again. Later audits' tasks queue behind a few of each audit's, not
behind all of them.

In-process (no clock): the steps run from a FIFO queue of what each says is owed, as
the workers would; the embedded executor finishes the audit too.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.service.embedded import InProcessDispatcher
from citeaudit.service.jobs import CHUNKS_IN_FLIGHT, Jobs
from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.views import NewFile
from tests.service.fake_phases_launcher import use_fake_phases
from tests.service.processes import CLOSED

REFERENCES = 400  # 20 chunks of 20 references in the links phase
OPTIONS = {"offline": False, "resolve": False, "links": True, "cache": False}


def _paper(count: int) -> bytes:
    listed = "".join(
        f"- Author{i}, A. (2001). Title {i}. Press. https://site{i}.example/p\n"
        for i in range(count)
    )
    return ("# Paper\n\nAs shown (Author0, 2001).\n\n## References\n\n" + listed).encode()


@pytest.fixture
def jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Jobs]:
    use_fake_phases(monkeypatch, "tests.service.hostile_phases:by_marker")  # no network
    settings = ServiceSettings(
        database_url=f"sqlite:///{tmp_path / 'window.db'}",
        cache_dir=tmp_path / "cache",
        crossref_url=CLOSED,
        doi_url=CLOSED,
        datacite_url=CLOSED,
        archive_url=CLOSED,
        chunk_size=20,
    )
    engine = make_engine(settings.database_url)
    upgrade(engine)
    try:
        yield Jobs(Repository(engine), settings)
    finally:
        engine.dispose()


def _audit(jobs: Jobs) -> str:
    account = jobs.repo.account_for_token(jobs.repo.create_token("flood"))
    assert account is not None
    files = [NewFile("manuscript", "paper.md", "text/markdown", _paper(REFERENCES))]
    return jobs.repo.create_audit(account, files, OPTIONS)


def test_reading_the_files_queues_a_few_chunks_and_each_end_queues_the_next(jobs: Jobs) -> None:
    audit_id = _audit(jobs)
    first = jobs.parse(audit_id)
    total = len(jobs.repo.chunks(audit_id))
    assert total == REFERENCES // 20
    assert 0 < len(first.chunks) <= CHUNKS_IN_FLIGHT, len(first.chunks)

    queue = deque(c.id for c in first.chunks)
    ran: list[int] = []
    most = len(queue)
    assembled = False
    while queue:
        chunk_id = queue.popleft()
        ran.append(chunk_id)
        step = jobs.run_chunk(chunk_id)
        queue.extend(c.id for c in step.chunks)
        most = max(most, len(queue))
        if step.assemble:
            assembled = jobs.assemble(audit_id)
    assert sorted(ran) == sorted(c.id for c in jobs.repo.chunks(audit_id))  # each once
    assert most <= CHUNKS_IN_FLIGHT
    assert assembled
    audit = jobs.repo.get_audit(audit_id)
    assert audit is not None and audit.status == "done", audit


def test_a_redelivered_chunk_still_sends_its_successor(jobs: Jobs) -> None:
    """A worker that died after storing its chunk and before sending the next one:
    the redelivery, finding the chunk done, sends it then."""
    audit_id = _audit(jobs)
    first = jobs.parse(audit_id).chunks[0]
    sent = jobs.run_chunk(first.id).chunks
    again = jobs.run_chunk(first.id).chunks
    assert [c.id for c in again] == [c.id for c in sent] != []


def test_the_sweeper_revives_a_window_not_the_whole_audit(jobs: Jobs) -> None:
    audit_id = _audit(jobs)
    jobs.parse(audit_id)
    owed = jobs.owed(audit_id)
    assert 0 < len(owed.chunks) <= CHUNKS_IN_FLIGHT


def test_the_embedded_executor_still_runs_every_chunk(jobs: Jobs) -> None:
    audit_id = _audit(jobs)
    dispatcher = InProcessDispatcher(jobs, 1)
    try:
        dispatcher.run(audit_id)
    finally:
        dispatcher.close()
    audit = jobs.repo.get_audit(audit_id)
    assert audit is not None and audit.status == "done", audit
    assert all(c.status == "done" for c in jobs.repo.chunks(audit_id))
