#!/usr/bin/env bash
# Event-to-register latency: registers RUNS signatories through the gateway (membership-service, AI Office token) and
# measures, for each, the time until the public register lists it (outbox relay -> Kafka -> transparency-service ->
# /api/v1/public/signatories). Prints min, median, p90 and max. A figure, never an assertion. The register is polled
# on transparency-service itself: through the gateway, the public rate limit (300 a minute) would cut the polling
# short with 429s and measure the limit instead.
#
# Assumes the stack is up (./taskforce up). Needs curl and jq. Installs nothing.
# Environment: RUNS (default 20), POLL (seconds between polls, 0.02), GATEWAY (http://127.0.0.1:8080),
#              TRANSPARENCY (http://127.0.0.1:8084),
#              KEYCLOAK (http://127.0.0.1:8180/realms/taskforce).
# The demo accounts' password grant is used, as the system tests do. Leaves the signatories it registered.
set -euo pipefail
RUNS="${RUNS:-20}"
POLL="${POLL:-0.02}"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
TRANSPARENCY="${TRANSPARENCY:-http://127.0.0.1:8084}"
KEYCLOAK="${KEYCLOAK:-http://127.0.0.1:8180/realms/taskforce}"
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "✗ $tool is missing (Debian: apt-get install $tool)" >&2; exit 2; }
done
token=$(curl -sf -d grant_type=password -d client_id=taskforce-portal -d username=office -d password=office-demo \
  "$KEYCLOAK/protocol/openid-connect/token" | jq -r .access_token)
ms() { date +%s%3N; }
latencies=()
for i in $(seq 1 "$RUNS"); do
  name="Latency bench AI $(cat /proc/sys/kernel/random/uuid)"
  since=$(date -u -d '-1 min' +%Y-%m-%dT%H:%M:%SZ)
  id=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$name\",\"country\":\"BE\",\"chapters\":[\"TRANSPARENCY\"],\"signedOn\":\"2025-08-01\"}" \
    "$GATEWAY/api/v1/membership/signatories" | jq -r .id)
  start=$(ms)
  until curl -sf "$TRANSPARENCY/api/v1/public/signatories?limit=500&updatedSince=$since" | jq -e --arg id "$id" \
      'any(.items[]; .id == $id)' >/dev/null; do
    if (( $(ms) - start > 30000 )); then echo "✗ $id not in the register after 30 s" >&2; exit 1; fi
    sleep "$POLL"
  done
  latencies+=($(( $(ms) - start )))
done
sorted=($(printf '%s\n' "${latencies[@]}" | sort -n))
n=${#sorted[@]}
echo "event-to-register latency over $n signatories (ms): min ${sorted[0]}, median ${sorted[$((n / 2))]}, p90 ${sorted[$((n * 9 / 10))]}, max ${sorted[$((n - 1))]}"
echo "(the outbox relay publishes as each commit ends; includes the ${POLL} s polling; the first runs after a start warm the JVMs)"
