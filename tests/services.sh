# Services the integration tests use: Redis, PostgreSQL and Chromium.
# Sourced by tests/run.sh. Sets CITEAUDIT_TEST_REDIS_URL / CITEAUDIT_TEST_DATABASE_URL.
#
# A service that already answers on its usual port is used as it is (Redis on 6379;
# PostgreSQL on 5432 when postgres@127.0.0.1 gets in without a password). Otherwise a
# private one is started in a temporary folder, on a free port, and stopped and
# removed by services_cleanup (tests/run.sh runs it on exit). No system file is ever
# changed: no pg_hba.conf, no system cluster. (A missing binary is apt-get installed
# when running as root; that is the only thing written outside the temp folder.)
# CITEAUDIT_PRIVATE_SERVICES=1 starts private ones even when the usual ports answer.

_SERVICES_TMP=""
_PG_BIN=""
_PG_DATA=""
_PG_USER=""
_REDIS_PID=""

_answers() {  # host port
  .venv/bin/python - "$1" "$2" <<'PY'
import socket, sys
s = socket.socket()
s.settimeout(1.0)
try:
    s.connect((sys.argv[1], int(sys.argv[2])))
except OSError:
    sys.exit(1)
PY
}

_free_port() {
  .venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

_services_tmp() {
  if [ -z "$_SERVICES_TMP" ]; then
    _SERVICES_TMP=$(mktemp -d "${TMPDIR:-/tmp}/citeaudit-services.XXXXXX")
  fi
}

_apt_install() {
  if [ "$(id -u)" != 0 ]; then echo "services: need root to apt-get install $*" >&2; return 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

services_cleanup() {
  if [ -n "$_PG_DATA" ] && [ -x "$_PG_BIN/pg_ctl" ]; then
    _as_pg_user "$_PG_BIN/pg_ctl" -D "$_PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "$_REDIS_PID" ]; then
    kill "$_REDIS_PID" 2>/dev/null || true
    wait "$_REDIS_PID" 2>/dev/null || true
  fi
  if [ -n "$_SERVICES_TMP" ]; then rm -rf "$_SERVICES_TMP"; fi
  _PG_DATA="" _REDIS_PID="" _SERVICES_TMP=""
}

# -- Redis -----------------------------------------------------------------------------

ensure_redis() {
  local port=6379
  if [ "${CITEAUDIT_PRIVATE_SERVICES:-}" = 1 ] || ! _answers 127.0.0.1 $port; then
    command -v redis-server >/dev/null || _apt_install redis-server || true
    if command -v redis-server >/dev/null; then
      _services_tmp
      port=$(_free_port)
      mkdir -p "$_SERVICES_TMP/redis"
      redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
        --dir "$_SERVICES_TMP/redis" --logfile "$_SERVICES_TMP/redis/redis.log" &
      _REDIS_PID=$!
      for _ in $(seq 1 50); do _answers 127.0.0.1 "$port" && break; sleep 0.1; done
    fi
  fi
  if _answers 127.0.0.1 "$port"; then
    export CITEAUDIT_TEST_REDIS_URL=${CITEAUDIT_TEST_REDIS_URL:-redis://127.0.0.1:$port/15}
    echo "services: redis at 127.0.0.1:$port${_REDIS_PID:+ (private, pid $_REDIS_PID)}"
  else
    echo "services: redis unavailable; tests that need it skip (and fail under CI=true)" >&2
  fi
}

# -- PostgreSQL ------------------------------------------------------------------------

_pg_trusts() {  # port: postgres@127.0.0.1 gets in without a password
  .venv/bin/python - "$1" <<'PY'
import sys
import psycopg
try:
    psycopg.connect(
        f"host=127.0.0.1 port={sys.argv[1]} user=postgres dbname=postgres connect_timeout=3"
    ).close()
except Exception:
    sys.exit(1)
PY
}

_pg_bindir() {
  local found
  found=$(command -v initdb 2>/dev/null || true)
  if [ -n "$found" ]; then dirname "$(readlink -f "$found")"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

_as_pg_user() {  # initdb and postgres refuse to run as root
  if [ -n "$_PG_USER" ]; then runuser -u "$_PG_USER" -- "$@"; else "$@"; fi
}

_start_private_postgres() {
  _PG_BIN=$(_pg_bindir)
  if [ -z "$_PG_BIN" ]; then
    _apt_install postgresql-common postgresql >/dev/null 2>&1 || true
    _PG_BIN=$(_pg_bindir)
  fi
  [ -n "$_PG_BIN" ] && [ -x "$_PG_BIN/initdb" ] || return 1
  _services_tmp
  local dir="$_SERVICES_TMP/postgres" port
  port=$(_free_port)
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    _PG_USER=$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)
    chmod 711 "$_SERVICES_TMP"  # the server's user passes through to its own folder
    chown -R "$_PG_USER" "$dir"
  fi
  _as_pg_user "$_PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust \
    --no-instructions -E UTF8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  _PG_DATA="$dir/data"
  _as_pg_user "$_PG_BIN/pg_ctl" -D "$_PG_DATA" -l "$dir/postgres.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || { cat "$dir/postgres.log" >&2; return 1; }
  _PG_PORT=$port
}

ensure_postgres() {
  _PG_PORT=5432
  if [ "${CITEAUDIT_PRIVATE_SERVICES:-}" = 1 ] || ! { _answers 127.0.0.1 5432 && _pg_trusts 5432; }; then
    _start_private_postgres || true
  fi
  if _answers 127.0.0.1 "$_PG_PORT" && _pg_trusts "$_PG_PORT"; then
    export CITEAUDIT_TEST_DATABASE_URL=${CITEAUDIT_TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:$_PG_PORT/postgres}
    echo "services: postgresql at 127.0.0.1:$_PG_PORT${_PG_DATA:+ (private cluster in $_PG_DATA)}"
  else
    echo "services: postgresql unavailable; tests that need it skip (and fail under CI=true)" >&2
  fi
}

# -- Chromium --------------------------------------------------------------------------

ensure_chromium() {
  # Debian's chromium for the web page's browser test (never `playwright install`,
  # which downloads a browser). Without it, that test skips (fails under CI=true).
  if [ ! -x /usr/bin/chromium ] && ! command -v chromium >/dev/null; then
    _apt_install chromium || true
  fi
  if [ -x /usr/bin/chromium ] || command -v chromium >/dev/null; then
    echo "services: chromium at $(command -v chromium || echo /usr/bin/chromium)"
  else
    echo "services: chromium unavailable; the browser test skips (fails under CI=true)" >&2
  fi
}
