#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: trust authentication on 127.0.0.1, a free port, no fsync.
#   cluster=$(build/postgres-cluster.sh start [--install]) && eval "$cluster"   exports KASIFY_TEST_PG (connection string) and KASIFY_PG_DIR
#   build/postgres-cluster.sh stop "$KASIFY_PG_DIR"          stops it and removes its folder
# --install: apt-get install postgresql when no server binaries are found (CI runs as root on Debian).
set -euo pipefail

server_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# initdb and postgres refuse to run as root: root runs them as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  for port in $(seq 54329 54429); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port between 54329 and 54429" >&2; return 1
}

start() {
  local bin
  bin=$(server_bin)
  if [ -z "$bin" ] && [ "${1:-}" = "--install" ]; then
    echo "Installing PostgreSQL from the Debian packages…" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bin=$(server_bin)
  fi
  if [ -z "$bin" ]; then echo "No PostgreSQL server binaries under /usr/lib/postgresql." >&2; return 1; fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then useradd --system --no-create-home postgres; fi

  local dir port
  dir=$(mktemp -d /tmp/kasify-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2 \
    || { cat "$dir/server.log" >&2; return 1; }
  echo "export KASIFY_PG_DIR='$dir'"
  echo "export KASIFY_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
}

stop() {
  local dir=${1:?cluster folder}
  local bin
  bin=$(server_bin)
  if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start [--install] | stop DIR" >&2; exit 2 ;;
esac
