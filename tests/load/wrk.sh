#!/usr/bin/env bash
# Load check on this machine's loopback only: the app in Release on its embedded database, wrk against
# the cheapest endpoint and against localized pages in the same run, reported as ratios.
# Usage: tests/load/wrk.sh [seconds per target, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
port=5095
source tests/load/app.sh

targets=(/health/live /en /el /bg/account/login)
# Warm every target up twice (JIT tiering, Razor, resource managers) before measuring any.
for _ in 1 2; do
  for target in "${targets[@]}"; do wrk -t2 -c32 -d3s "http://127.0.0.1:$port$target" >/dev/null; done
done

declare -A rps
for target in "${targets[@]}"; do
  out=$(wrk -t2 -c32 -d"${duration}s" --latency "http://127.0.0.1:$port$target")
  rps[$target]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out"); p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  printf '%-20s %10s req/s   p50 %-8s p99 %s\n' "$target" "${rps[$target]}" "$p50" "$p99"
done
for target in /en /el /bg/account/login; do
  awk -v a="${rps[/health/live]}" -v b="${rps[$target]}" -v t="$target" 'BEGIN { printf "ratio /health/live : %-18s %.1fx\n", t, a / b }'
done
