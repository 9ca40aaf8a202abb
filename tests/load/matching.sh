#!/usr/bin/env bash
# Load check of the suggestions endpoint (issue 5: p95 < 20 ms under wrk -c32) against the app's own plain
# endpoint in the same run: the app in Release on its embedded database with the whole directory, wrk on
# loopback, each request asking for the top 20 of a different organisation.
# Usage: tests/load/matching.sh [seconds per target, default 15]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-15}
port=5096
source tests/load/app.sh
last=$(curl -fs "http://127.0.0.1:$port/api/v1/organisations?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')

# Each request a random organisation; wrk's percentiles printed as p50/p95/p99 in ms.
cat >"$data/suggestions.lua" <<LUA
math.randomseed(7)
request = function()
  return wrk.format("GET", "/api/v1/organisations/" .. math.random(1, $last) .. "/suggestions?top=20")
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms  p95 %.2f ms  p99 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
cat >"$data/plain.lua" <<LUA
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms  p95 %.2f ms  p99 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA

# Warm up both (JIT tiering, index caches) before measuring either.
for _ in 1 2; do
  wrk -t2 -c32 -d3s -s "$data/plain.lua" "http://127.0.0.1:$port/health/live" >/dev/null
  wrk -t2 -c32 -d3s -s "$data/suggestions.lua" "http://127.0.0.1:$port" >/dev/null
done

plain=$(wrk -t2 -c32 -d"${duration}s" -s "$data/plain.lua" "http://127.0.0.1:$port/health/live")
suggestions=$(wrk -t2 -c32 -d"${duration}s" -s "$data/suggestions.lua" "http://127.0.0.1:$port")
rps_plain=$(awk '/Requests\/sec/ {print $2}' <<<"$plain")
rps_suggestions=$(awk '/Requests\/sec/ {print $2}' <<<"$suggestions")
printf '%-34s %10s req/s   %s\n' "/health/live" "$rps_plain" "$(grep '^p50' <<<"$plain")"
printf '%-34s %10s req/s   %s\n' "/api/v1/organisations/{id}/suggestions" "$rps_suggestions" "$(grep '^p50' <<<"$suggestions")"
grep -E 'Non-2xx|Socket errors' <<<"$suggestions" || true
awk -v a="$rps_plain" -v b="$rps_suggestions" 'BEGIN { printf "ratio /health/live : suggestions %.1fx\n", a / b }'
