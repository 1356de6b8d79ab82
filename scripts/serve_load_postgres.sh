#!/usr/bin/env bash
# Load test of `crosscheck serve` on PostgreSQL: starts a throwaway
# PostgreSQL 15 in a temp dir on a free loopback port (as the tests do:
# `runuser -u postgres` when run as root), copies a SQLite store into it,
# runs the serve crate's load example against it, and stops and removes
# the server.
#
#   scripts/serve_load_postgres.sh /tmp/reuters.db --clients 20 --seconds 60
#
# The SQLite store comes from `crosscheck analyze CORPUS --db /tmp/reuters.db
# -o /tmp/ledger.json`; arguments after the store go to the load example.
# PG_BIN overrides /usr/lib/postgresql/15/bin.
set -euo pipefail
cd "$(dirname "$0")/.."

store="${1:?usage: $0 STORE.db [load options]}"
shift
bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
dir="$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-pg-load-XXXXXX")"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop() {
  as_server "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
as_server "$bin/initdb" -A trust -U postgres --no-sync -E UTF8 -D "$dir/data" >/dev/null
as_server "$bin/pg_ctl" -w -t 60 -l "$dir/log" -D "$dir/data" \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
as_server "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres load

url="postgres://postgres@127.0.0.1:$port/load"
cargo build --release -q -p crosscheck-store --example copy_store -p crosscheck-serve --example load
target/release/examples/copy_store "$store" "$url"
target/release/examples/load --db "$url" "$@"
