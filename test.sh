#!/usr/bin/env bash
# Runs every test suite of Twinning on a fresh Debian/Ubuntu machine:
#   installs what is missing (PostgreSQL server, Chromium) when run as root, or says what to install;
#   restores and builds; starts a throwaway PostgreSQL; runs the domain, web and browser suites;
#   stops what it started; and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

say() { printf '\n== %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; echo "0 passed, 1 failed"; exit 1; }

# --- 1. What the tests need -------------------------------------------------------------------
command -v dotnet >/dev/null || die "the .NET SDK 10 is missing: see https://learn.microsoft.com/dotnet/core/install/linux"
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[ -x "$(pg_bin)/initdb" ] || missing+=(postgresql postgresql-contrib)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || die "apt-get could not install ${missing[*]}"
  else
    die "please install: ${missing[*]} (e.g. sudo apt-get install ${missing[*]})"
  fi
fi
PG_BIN=$(pg_bin)

# --- 2. Restore and build -----------------------------------------------------------------------
say "restoring and building"
dotnet restore Twinning.sln --verbosity quiet || die "restore failed"
dotnet build Twinning.sln --no-restore --configuration Release --verbosity quiet -nologo || die "build failed"

# --- 3. A throwaway PostgreSQL ------------------------------------------------------------------
pg_dir=$(mktemp -d /tmp/twinning-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() {
  (cd / && as_pg "$PG_BIN/pg_ctl" -D "$pg_dir" -m fast stop >/dev/null 2>&1)
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
chmod 700 "$pg_dir"
say "starting PostgreSQL on 127.0.0.1:$pg_port"
(cd / && as_pg "$PG_BIN/initdb" -D "$pg_dir" -U postgres -A trust -E UTF8 --no-locale >/dev/null) || die "initdb failed"
(cd / && as_pg "$PG_BIN/pg_ctl" -D "$pg_dir" -w -l "$pg_dir/server.log" \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null) \
  || die "PostgreSQL did not start: $(cat "$pg_dir/server.log" 2>/dev/null)"
export TWINNING_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

# --- 4. Every suite -----------------------------------------------------------------------------
results="$root/TestResults"
rm -rf "$results"
for project in tests/Twinning.Domain.Tests tests/Twinning.Web.Tests tests/Twinning.Browser.Tests; do
  say "testing $project"
  dotnet test "$project" --no-build --configuration Release --logger "trx" --logger "console;verbosity=minimal" \
    --results-directory "$results/$(basename "$project")"
done

# --- 5. The closing line --------------------------------------------------------------------------
passed=0; failed=0; files=0
while IFS= read -r trx; do
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done < <(find "$results" -name '*.trx' 2>/dev/null)
# A suite that crashed before writing its results counts as a failure, never as silence.
[ "$files" -lt 3 ] && failed=$((failed + 3 - files))
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
