#!/usr/bin/env bash
# What the gateway costs: throughput and latency percentiles of
#   - a public list      GET /api/v1/public/participants          transparency-service :8084 vs gateway :8080
#   - an authenticated   GET /api/v1/membership/signatories/{id}  membership-service   :8081 vs gateway :8080
#     read (real Keycloak token of the demo user "office")
# each measured directly against the service and through the gateway, in one run, and the gateway/direct ratios.
#
# Assumes the stack is up (./taskforce up). Needs wrk (Debian: apt-get install wrk), curl and jq. Installs nothing.
#
# Two passes: under load (CONNECTIONS concurrent connections: throughput, and latency at saturation), then one
# connection at a time (LATENCY_DURATION each: the latency the gateway adds when nothing queues).
#
# Environment: DURATION (default 20s per measurement), CONNECTIONS (32), THREADS (2), WARMUP (5s, not counted),
#              LATENCY_DURATION (10s),
#              GATEWAY (http://127.0.0.1:8080), MEMBERSHIP (http://127.0.0.1:8081),
#              TRANSPARENCY (http://127.0.0.1:8084), KEYCLOAK (http://127.0.0.1:8180/realms/taskforce).
# GATEWAY_B (unset): a second gateway measured beside the first on the same reads, with the ratio B / A (its label:
#              LABEL_B; bench/tracing.sh uses it to compare the gateway with and without tracing).
# The gateway's rate limits would cut a benchmark short: start the gateway with TASKFORCE_RATE_LIMIT and
# TASKFORCE_PUBLIC_RATE_LIMIT set high (the script says so when it meets a 429).
set -euo pipefail

DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-5s}"
LATENCY_DURATION="${LATENCY_DURATION:-10s}"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
MEMBERSHIP="${MEMBERSHIP:-http://127.0.0.1:8081}"
TRANSPARENCY="${TRANSPARENCY:-http://127.0.0.1:8084}"
KEYCLOAK="${KEYCLOAK:-http://127.0.0.1:8180/realms/taskforce}"
GATEWAY_B="${GATEWAY_B:-}"
LABEL_B="${LABEL_B:-gateway B}"

for tool in wrk curl jq; do
  if ! command -v "$tool" >/dev/null; then
    echo "✗ $tool is missing. On Debian/Ubuntu: sudo apt-get install $tool" >&2
    exit 2
  fi
done

status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
for url in "$GATEWAY/q/health/live" "$MEMBERSHIP/q/health/live" "$TRANSPARENCY/q/health/live"; do
  if [ "$(status "$url")" != 200 ]; then
    echo "✗ $url does not answer: is the stack up? (./taskforce up)" >&2
    exit 2
  fi
done

token() {
  curl -sf "$KEYCLOAK/protocol/openid-connect/token" -d grant_type=password -d client_id=taskforce-portal \
    -d username=office -d password=office-demo | jq -r .access_token
}

TOKEN=$(token)
PUBLIC_PATH=/api/v1/public/participants
ID=$(curl -sf "$MEMBERSHIP/api/v1/membership/signatories?limit=1" -H "Authorization: Bearer $TOKEN" \
  | jq -r '(.items // .)[0].id')
if [ -z "$ID" ] || [ "$ID" = null ]; then
  echo "✗ no signatory to read: the membership service lists none" >&2
  exit 2
fi
AUTH_PATH=/api/v1/membership/signatories/$ID

for url in "$TRANSPARENCY$PUBLIC_PATH" "$GATEWAY$PUBLIC_PATH"; do
  [ "$(status "$url")" = 200 ] || { echo "✗ GET $url is not 200" >&2; exit 2; }
done
for url in "$MEMBERSHIP$AUTH_PATH" "$GATEWAY$AUTH_PATH"; do
  [ "$(status -H "Authorization: Bearer $TOKEN" "$url")" = 200 ] || { echo "✗ GET $url is not 200" >&2; exit 2; }
done

# wrk's latency figures come as 812.00us, 1.25ms or 1.02s: to milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

# measure CONNECTIONS DURATION URL [header]: a warm-up run, then the counted run; prints "req/s p50 p90 p99 non2xx"
measure() {
  local connections=$1 duration=$2 url=$3 header=${4:-} out
  local args=(-t "$(( connections < THREADS ? connections : THREADS ))" -c "$connections" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  wrk "${args[@]}" -d "$WARMUP" "$url" >/dev/null
  out=$(wrk "${args[@]}" -d "$duration" "$url")
  local rps p50 p90 p99 errors
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p90=$(to_ms "$(awk '$1 == "90%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
  echo "$rps $p50 $p90 $p99 ${errors:-0}"
}

load() { cut -d' ' -f1-3 /proc/loadavg; }
printf 'wrk: %s threads, %s per measurement (after %s warm-up); %s cores; load average %s\n' \
  "$THREADS" "$DURATION" "$WARMUP" "$(nproc)" "$(load)"

declare -A R
row() {
  local key=$1 label=$2 connections=$3 duration=$4 url=$5 header=${6:-}
  R[$key]=$(measure "$connections" "$duration" "$url" "$header")
  read -r rps p50 p90 p99 errors <<<"${R[$key]}"
  printf '%-38s %10.0f %9s %9s %9s %8s\n' "$label" "$rps" "$p50" "$p90" "$p99" "$errors"
  if [ "$errors" != 0 ]; then
    echo "  ! $errors answers were not 2xx (a 429 means the gateway's rate limit: raise TASKFORCE_RATE_LIMIT and" \
      "TASKFORCE_PUBLIC_RATE_LIMIT for the gateway)" >&2
  fi
}

ratio() {
  local label=$1 direct=$2 gateway=$3
  read -r d_rps d_p50 d_p90 d_p99 _ <<<"${R[$direct]}"
  read -r g_rps g_p50 g_p90 g_p99 _ <<<"${R[$gateway]}"
  awk -v l="$label" -v dr="$d_rps" -v gr="$g_rps" -v d5="$d_p50" -v g5="$g_p50" -v d9="$d_p90" -v g9="$g_p90" \
    -v d99="$d_p99" -v g99="$g_p99" 'BEGIN {
      printf "%-38s %10s %9s %9s %9s   (p50 %+.2f ms)\n", l, sprintf("x%.2f", gr / dr), sprintf("x%.2f", g5 / d5),
        sprintf("x%.2f", g9 / d9), sprintf("x%.2f", g99 / d99), g5 - d5 }'
}

header() { printf '\n%-38s %10s %9s %9s %9s %8s\n' "$1" "req/s" "p50 ms" "p90 ms" "p99 ms" "non-2xx"; }

header "under load, $CONNECTIONS connections"
row public-direct "public list, direct (:8084)" "$CONNECTIONS" "$DURATION" "$TRANSPARENCY$PUBLIC_PATH"
row public-gateway "public list, gateway (:8080)" "$CONNECTIONS" "$DURATION" "$GATEWAY$PUBLIC_PATH"
[ -n "$GATEWAY_B" ] && row public-b "public list, $LABEL_B" "$CONNECTIONS" "$DURATION" "$GATEWAY_B$PUBLIC_PATH"
TOKEN=$(token)   # a fresh token: realm tokens live 300 s
row auth-direct "authenticated read, direct (:8081)" "$CONNECTIONS" "$DURATION" "$MEMBERSHIP$AUTH_PATH" \
  "Authorization: Bearer $TOKEN"
row auth-gateway "authenticated read, gateway (:8080)" "$CONNECTIONS" "$DURATION" "$GATEWAY$AUTH_PATH" \
  "Authorization: Bearer $TOKEN"
[ -n "$GATEWAY_B" ] && row auth-b "authenticated read, $LABEL_B" "$CONNECTIONS" "$DURATION" "$GATEWAY_B$AUTH_PATH" \
  "Authorization: Bearer $TOKEN"

header "one connection"
row public-direct-1 "public list, direct (:8084)" 1 "$LATENCY_DURATION" "$TRANSPARENCY$PUBLIC_PATH"
row public-gateway-1 "public list, gateway (:8080)" 1 "$LATENCY_DURATION" "$GATEWAY$PUBLIC_PATH"
TOKEN=$(token)
row auth-direct-1 "authenticated read, direct (:8081)" 1 "$LATENCY_DURATION" "$MEMBERSHIP$AUTH_PATH" \
  "Authorization: Bearer $TOKEN"
row auth-gateway-1 "authenticated read, gateway (:8080)" 1 "$LATENCY_DURATION" "$GATEWAY$AUTH_PATH" \
  "Authorization: Bearer $TOKEN"

printf '\n%-38s %10s %9s %9s %9s\n' "gateway / direct" "req/s" "p50" "p90" "p99"
ratio "public list, $CONNECTIONS connections" public-direct public-gateway
ratio "authenticated read, $CONNECTIONS connections" auth-direct auth-gateway
ratio "public list, one connection" public-direct-1 public-gateway-1
ratio "authenticated read, one connection" auth-direct-1 auth-gateway-1
if [ -n "$GATEWAY_B" ]; then
  printf '\n%-38s %10s %9s %9s %9s\n' "$LABEL_B / gateway" "req/s" "p50" "p90" "p99"
  ratio "public list, $CONNECTIONS connections" public-gateway public-b
  ratio "authenticated read, $CONNECTIONS connections" auth-gateway auth-b
fi
echo
echo "load average at the end: $(load)"
