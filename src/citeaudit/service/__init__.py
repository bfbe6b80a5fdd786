"""The service's job logic, shared by the embedded executor and the Celery tasks.

An audit runs as: parse (offline findings stored at once) -> chunks of references
through each network phase (any worker, any order, each idempotent) -> assemble
(the findings over everything, the reports). `jobs.Jobs` holds the steps; who runs
them -- a thread pool or Celery workers -- is a `dispatch.Dispatcher`.
"""
