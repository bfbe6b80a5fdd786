# Services the integration tests use: Redis (6379), PostgreSQL (5432) and Chromium.
# Use them when they answer; otherwise install (apt-get) and start our own.
# Sourced by tests/run.sh. Sets CITEAUDIT_TEST_REDIS_URL / CITEAUDIT_TEST_DATABASE_URL.

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

_apt_install() {
  if [ "$(id -u)" != 0 ]; then echo "services: need root to apt-get install $*" >&2; return 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_redis() {
  if ! _answers 127.0.0.1 6379; then
    command -v redis-server >/dev/null || _apt_install redis-server || true
    if command -v redis-server >/dev/null; then
      mkdir -p /tmp/citeaudit-redis
      redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
        --dir /tmp/citeaudit-redis --logfile /tmp/citeaudit-redis/redis.log || true
      for _ in $(seq 1 50); do _answers 127.0.0.1 6379 && break; sleep 0.1; done
    fi
  fi
  if _answers 127.0.0.1 6379; then
    export CITEAUDIT_TEST_REDIS_URL=${CITEAUDIT_TEST_REDIS_URL:-redis://127.0.0.1:6379/15}
    echo "services: redis at 127.0.0.1:6379"
  else
    echo "services: redis unavailable; tests that need it will be skipped" >&2
  fi
}

ensure_postgres() {
  if ! _answers 127.0.0.1 5432; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then _apt_install postgresql || true; fi
    if ls /etc/postgresql/*/main >/dev/null 2>&1; then
      ver=$(ls /etc/postgresql | sort -n | tail -1)
      conf=/etc/postgresql/$ver/main
      # trust auth on loopback, as the test machines have it
      if ! grep -q "citeaudit-tests" "$conf/pg_hba.conf"; then
        sed -i '1i host all all 127.0.0.1/32 trust # citeaudit-tests' "$conf/pg_hba.conf"
        sed -i '1i local all all trust # citeaudit-tests' "$conf/pg_hba.conf"
      fi
      pg_ctlcluster --skip-systemctl-redirect "$ver" main start >/dev/null 2>&1 || true
      for _ in $(seq 1 100); do _answers 127.0.0.1 5432 && break; sleep 0.1; done
    fi
  fi
  if _answers 127.0.0.1 5432; then
    export CITEAUDIT_TEST_DATABASE_URL=${CITEAUDIT_TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/postgres}
    echo "services: postgresql at 127.0.0.1:5432"
  else
    echo "services: postgresql unavailable; tests that need it will be skipped" >&2
  fi
}

ensure_chromium() {
  # Debian's chromium for the web page's browser test (never `playwright install`,
  # which downloads a browser). Without it, that test skips.
  if [ ! -x /usr/bin/chromium ] && ! command -v chromium >/dev/null; then
    _apt_install chromium || true
  fi
  if [ -x /usr/bin/chromium ] || command -v chromium >/dev/null; then
    echo "services: chromium at $(command -v chromium || echo /usr/bin/chromium)"
  else
    echo "services: chromium unavailable; the browser test will be skipped" >&2
  fi
}
