"""Loads the fuzzing profile: "ci" unless CITEAUDIT_FUZZ_PROFILE names another."""

from __future__ import annotations

import os

from hypothesis import settings

from tests.fuzz import profiles  # noqa: F401  (registers the profiles)

settings.load_profile(os.environ.get("CITEAUDIT_FUZZ_PROFILE", "ci"))
