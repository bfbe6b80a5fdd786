"""The workers' limits are settings like every other (one settings object)."""

from __future__ import annotations

import pytest

from citeaudit.settings import ServiceSettings


def test_worker_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ServiceSettings().worker_max_memory_mb == 3072
    monkeypatch.setenv("CITEAUDIT_WORKER_MAX_MEMORY_MB", "0")
    monkeypatch.setenv("CITEAUDIT_WORKER_RECYCLE_MB", "256")
    monkeypatch.setenv("CITEAUDIT_WORKER_MAX_TASKS", "7")
    settings = ServiceSettings()
    assert (settings.worker_max_memory_mb, settings.worker_recycle_mb) == (0, 256)
    assert settings.worker_max_tasks == 7
