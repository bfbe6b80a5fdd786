"""A test's service (Redis, PostgreSQL, a browser) is missing: skip here, fail in CI.

On a developer's machine a missing service skips the tests that need it; under
CI=true every service must be there (tests/run.sh starts private ones), so its
absence is a failure -- a suite that skipped its integration tests proves nothing.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def missing(reason: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"{reason} (required when CI=true)", pytrace=False)
    pytest.skip(reason)
