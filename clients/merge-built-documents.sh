#!/usr/bin/env bash
# Writes clients/taskforce-api.json: the merged OpenAPI document exactly as the gateway serves it at /q/openapi,
# without a running stack. It needs the services and the gateway built from this tree:
#   ./mvnw -B -q -pl gateway,membership-service,meeting-service,guidance-service,transparency-service,notification-service -am -DskipTests verify
# (each service stores its document at build time in target/openapi/openapi.json). It serves those documents
# on local ports, starts the built gateway against them (with the realm's Keycloak, as every module test needs),
# fetches the merged document, and stops what it started. Needs java, python3 and curl.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/clients/taskforce-api.json"
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

port=18181
declare -A urls
for service in membership-service meeting-service guidance-service transparency-service notification-service; do
  document="$root/$service/target/openapi/openapi.json"
  [[ -f "$document" ]] || { echo "missing $document: build the services first (see the head of this script)" >&2; exit 1; }
  mkdir -p "$work/$service/q"
  cp "$document" "$work/$service/q/openapi"
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/$service" >/dev/null 2>&1 &
  pids+=($!)
  urls[$service]="http://127.0.0.1:$port"
  port=$((port + 1))
done

gateway_port=18180
TASKFORCE_MEMBERSHIP_URL="${urls[membership-service]}" TASKFORCE_MEETING_URL="${urls[meeting-service]}" \
TASKFORCE_GUIDANCE_URL="${urls[guidance-service]}" TASKFORCE_TRANSPARENCY_URL="${urls[transparency-service]}" \
TASKFORCE_NOTIFICATION_URL="${urls[notification-service]}" \
  java -Dquarkus.http.port=$gateway_port -Dquarkus.management.enabled=false -Dquarkus.log.level=WARN \
  -jar "$root/gateway/target/quarkus-app/quarkus-run.jar" >"$work/gateway.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "http://127.0.0.1:$gateway_port/q/health/live" 2>/dev/null && break
  sleep 1
done
# the document names the address the client used: the gateway's usual one
curl -fsS -H "Host: 127.0.0.1:8080" "http://127.0.0.1:$gateway_port/q/openapi" \
  | python3 -c 'import json,sys; json.dump(json.load(sys.stdin), sys.stdout, indent=2, ensure_ascii=False); print()' >"$out.tmp"
grep -q '"unavailable\|"stale' "$out.tmp" && { echo "a service's document was missing:" >&2; grep -n 'x-taskforce-sources' -A6 "$out.tmp" >&2; exit 1; }
mv "$out.tmp" "$out"
echo "wrote $out"
