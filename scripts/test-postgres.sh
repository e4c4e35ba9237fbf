#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the test suite (Debian's postgresql package) and prints its
# URL. Idempotent: a server already listening on the port is reused. `stop` shuts it down.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "test-postgres: PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
dir=${ONEPOINT_PG_DIR:-/tmp/onepoint-test-pg}
port=${ONEPOINT_PG_PORT:-54329}
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-start}" = stop ]; then
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  exit 0
fi
if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  rm -rf "$dir" && mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U onepoint --auth=trust -E UTF8 >/dev/null
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null
fi
echo "postgres://onepoint@127.0.0.1:$port/postgres"
