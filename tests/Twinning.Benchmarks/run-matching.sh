#!/usr/bin/env bash
# Runs MatchingBenchmarks (in-memory Matcher and the same scoring as one SQL query) in one BenchmarkDotNet run.
# Uses the PostgreSQL named by TWINNING_BENCH_POSTGRES when set; otherwise starts a throwaway cluster from the
# server binaries on this machine (as test.sh does) and stops and deletes it at the end.
# Arguments replace the default BenchmarkDotNet ones: --filter '*MatchingBenchmarks*' --job short
set -euo pipefail
cd "$(dirname "$0")/../.."

args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--filter '*MatchingBenchmarks*' --job short)
# BenchmarkDotNet builds a copy of the project and its references; its default 2-minute limit is too short
# on a 2-core machine that is also building something else.
[[ " ${args[*]} " == *" --buildTimeout "* ]] || args+=(--buildTimeout 900)

if [ -z "${TWINNING_BENCH_POSTGRES:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$pg_bin/initdb" ] || { echo "run-matching.sh: PostgreSQL server binaries not found (apt-get install postgresql), or set TWINNING_BENCH_POSTGRES" >&2; exit 1; }
  pg_dir=$(mktemp -d /tmp/twinning-bench-pg.XXXXXX)
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55433)
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  stop_pg() {
    (cd / && as_pg "$pg_bin/pg_ctl" -D "$pg_dir" -m fast stop >/dev/null 2>&1) || true
    rm -rf "$pg_dir"
  }
  trap stop_pg EXIT
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
  chmod 700 "$pg_dir"
  (cd / && as_pg "$pg_bin/initdb" -D "$pg_dir" -U postgres -A trust -E UTF8 --no-locale >/dev/null)
  (cd / && as_pg "$pg_bin/pg_ctl" -D "$pg_dir" -w -l "$pg_dir/server.log" \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null) \
    || { echo "run-matching.sh: PostgreSQL did not start:" >&2; cat "$pg_dir/server.log" >&2; exit 1; }
  echo "run-matching.sh: throwaway PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
  export TWINNING_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi

log=$(mktemp /tmp/twinning-bench-matching.XXXXXX.log)   # BenchmarkDotNet keeps its own log in BenchmarkDotNet.Artifacts/
trap 'rm -f "$log"; [ -n "${pg_dir:-}" ] && stop_pg' EXIT
dotnet run -c Release --project tests/Twinning.Benchmarks -- "${args[@]}" 2>&1 | tee "$log"
# BenchmarkDotNet reports a benchmark whose setup threw (missing server, SQL and Matcher disagreeing) as NA
# and still exits 0: make that a failure here.
if grep -qE '^\|.*\| +NA +\|' "$log"; then
  echo "run-matching.sh: a benchmark failed (NA in the results; its exception is above)" >&2
  exit 1
fi
