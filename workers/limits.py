"""Memory a worker process may use: the last line against an input that exhausts it.

Time is bounded by the tasks' soft and hard limits (`workers.celery_app`), but a step
can also grow without end -- a reader or rule that holds something per byte of a
hostile upload -- and then the kernel's OOM killer picks a victim on the whole host:
the worker's main process, the database, the web server. So each pool process gets a
ceiling on its data segment (``RLIMIT_DATA``: heap and private anonymous memory; not
shared libraries or reserved address space, so it does not misfire as an address-space
limit would on a threaded Python): past it an allocation raises MemoryError in the
step, which fails its audit with a reason that says so, and the process is replaced.
A process whose resident memory grew past `recycle_mb` over tasks (fragmentation, a
cache) is replaced after its task (Celery's ``worker_max_memory_per_child``).

The numbers are the one settings object's (`ServiceSettings.worker_max_memory_mb`,
``CITEAUDIT_WORKER_MAX_MEMORY_MB``, 0: no ceiling; ``..._RECYCLE_MB``;
``..._MAX_TASKS``): this module once read the same variables through a settings class
of its own, a second place for one setting to drift.
"""

from __future__ import annotations

import logging
import resource
from dataclasses import dataclass

from citeaudit.settings import ServiceSettings

__all__ = ["WorkerLimits", "limit_memory", "out_of_memory"]

log = logging.getLogger(__name__)
MB = 1024 * 1024
_DEFAULTS = ServiceSettings.model_fields


@dataclass(frozen=True, slots=True)
class WorkerLimits:
    """What one worker pool process may use: the settings' worker_* values (their
    defaults when made by hand, as a test makes one)."""

    max_memory_mb: int = _DEFAULTS["worker_max_memory_mb"].default
    recycle_mb: int = _DEFAULTS["worker_recycle_mb"].default
    max_tasks: int = _DEFAULTS["worker_max_tasks"].default

    @classmethod
    def from_settings(cls, settings: ServiceSettings) -> WorkerLimits:
        return cls(
            settings.worker_max_memory_mb, settings.worker_recycle_mb, settings.worker_max_tasks
        )


def limit_memory(limits: WorkerLimits) -> None:
    """Set this process's data-segment ceiling (in a pool process, after the fork)."""
    if limits.max_memory_mb <= 0:
        return
    wanted = limits.max_memory_mb * MB
    _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    ceiling = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (ceiling, hard))
    log.debug("worker process memory ceiling: %d MB", ceiling // MB)


def out_of_memory(what: str, limits: WorkerLimits) -> str:
    """The reason an audit failed when a step ran out of its process's memory."""
    return (
        f"out of memory: {what} needed more than the {limits.max_memory_mb:,} MB a worker "
        "process may use; the input is too large or too repetitive to audit here (split "
        "it, or run citeaudit on your own machine)"
    )
