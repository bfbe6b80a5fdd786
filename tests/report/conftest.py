"""Fixtures: the hand-built audit results of builders.py."""

from __future__ import annotations

import pytest

from citeaudit.audit_data import AuditResult

from .builders import make_result


@pytest.fixture
def result() -> AuditResult:
    return make_result()


@pytest.fixture
def clean_result() -> AuditResult:
    return make_result(found=())


@pytest.fixture
def empty_result() -> AuditResult:
    return make_result(refs=(), cits=(), found=())
