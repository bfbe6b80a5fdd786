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
# A test that writes into the checkout leaves litter the next run (or a commit) picks up:
# the tree's state before and after must agree (CITEAUDIT_CHECK_TREE=0 skips the check,
# for a tree others are editing while the suite runs).
tree_state() { git status --porcelain --untracked-files=all 2>/dev/null || true; }
before=$(tree_state)
set +e
# Two worker processes (pytest-xdist), a test file to each at a time: the suite waits on
# its own servers and workers much of the time. tests/redis_db.py gives the second worker
# its own Redis databases; CITEAUDIT_TEST_WORKERS=0 runs it in one process.
.venv/bin/pytest -q -p no:cacheprovider -n "${CITEAUDIT_TEST_WORKERS:-2}" --dist loadfile "$@"
status=$?
set -e
after=$(tree_state)
if [ "${CITEAUDIT_CHECK_TREE:-1}" != 0 ] && [ "$before" != "$after" ]; then
  echo "== the test suite changed the checkout (tests must write under tmp_path):"
  diff <(printf '%s\n' "$before") <(printf '%s\n' "$after") | sed -n 's/^> /  /p'  || true
  [ "$status" = 0 ] && status=1
fi
# pytest's "no tests collected" (5) is a failure here: a suite that ran nothing proves nothing.
exit $status
