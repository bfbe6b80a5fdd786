"""The fuzzing profiles: "ci" in the normal test run, "long" for benches/fuzz.py.

Registered in a module of their own so the bench, which does not run pytest, loads
the same ones. Only the bench's profile has a deadline (the "hang" bound: an example
slower than it fails): a clock in the test run fails a loaded machine, and linear
time is checked by counted work in tests/security instead.
No example database is kept: a failure prints its reproducer (the example and a
``@reproduce_failure`` blob), and the repository stays free of hypothesis state.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, settings

EXAMPLE_DEADLINE = timedelta(seconds=10)

_COMMON = {
    "deadline": EXAMPLE_DEADLINE,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}

# The test run's examples are the same every run (derandomize): a clean clone must not
# pass today and fail tomorrow on a newly drawn example; the bench searches afresh.
settings.register_profile(
    "ci",
    max_examples=50,
    derandomize=True,
    **{**_COMMON, "deadline": None},  # type: ignore[arg-type]
)
settings.register_profile("long", max_examples=2000, **_COMMON)  # type: ignore[arg-type]
