#!/usr/bin/env bash
# The whole test suite, on any machine: installs what it needs, starts private copies
# of the services the integration tests use when they do not answer already (stopped
# and removed on exit; no system file is changed), then lint, types, tests.
# With CI=true a test whose service is missing fails instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'

# shellcheck source=tests/services.sh
source tests/services.sh
trap services_cleanup EXIT
ensure_redis
ensure_postgres
ensure_chromium

echo "== ruff"
.venv/bin/ruff check src tests benches workers
echo "== mypy (strict, src/)"
.venv/bin/mypy src
echo "== pytest"
set +e
# Two worker processes (pytest-xdist), a test file to each at a time: the suite waits on
# its own servers and workers much of the time. tests/redis_db.py gives the second worker
# its own Redis databases; CITEAUDIT_TEST_WORKERS=0 runs it in one process.
.venv/bin/pytest -q -p no:cacheprovider -n "${CITEAUDIT_TEST_WORKERS:-2}" --dist loadfile "$@"
status=$?
set -e
# pytest's "no tests collected" (5) is a failure here: a suite that ran nothing proves nothing.
exit $status
